// bmp_bits.hpp — a property of the Basic Multilingual Plane as a flat 8 KiB bit set, for the
// per-character hot loops of the stages (one load, no range checks) (internal).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace mojifix::detail {

class BmpBits {
 public:
  /// The set of the BMP code points for which `pred(cp)` holds.
  template <class Pred>
  [[nodiscard]] static BmpBits of(Pred&& pred) {
    BmpBits b;
    for (char32_t cp = 0; cp < 0x10000; ++cp)
      if (pred(cp)) b.words_[cp >> 6] |= std::uint64_t(1) << (cp & 63);
    return b;
  }
  /// `cp` (< 0x10000) is in the set.
  [[nodiscard]] bool test(char32_t cp) const noexcept { return (words_[cp >> 6] >> (cp & 63)) & 1; }

 private:
  std::array<std::uint64_t, 1024> words_{};
};

/// The code point of the three-byte UTF-8 sequence at `p` (lead byte E0..EF, valid).
[[nodiscard]] inline char32_t three_byte_cp(const unsigned char* p) noexcept {
  return char32_t((p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F));
}

}  // namespace mojifix::detail
