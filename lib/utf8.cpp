// utf8.cpp — fast scans over UTF-8 (ASCII eight bytes at a time).
#include "utf8.hpp"

#include <cstring>

namespace mojifix::detail {

namespace {
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

inline std::uint64_t load8(const unsigned char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
}  // namespace

std::size_t ascii_prefix(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    if ((load8(b + i) | load8(b + i + 8) | load8(b + i + 16) | load8(b + i + 24)) & kHighBits) break;
  }
  for (; i + 8 <= n; i += 8)
    if (load8(b + i) & kHighBits) break;
  while (i < n && b[i] < 0x80) ++i;
  return i;
}

std::size_t valid_prefix(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = b + s.size();
  std::size_t i = ascii_prefix(s);
  while (i < s.size()) {
    if (b[i] < 0x80) {
      if (i + 8 <= s.size() && !(load8(b + i) & kHighBits)) {
        i += 8;
        continue;
      }
      ++i;
      continue;
    }
    // Most non-ASCII text is runs of three-byte sequences whose lead byte needs no range check
    // of the second byte (E1..EC, EE, EF): checked with one masked compare each.
    while (i + 3 <= s.size()) {
      const std::uint32_t w = std::uint32_t(b[i]) | std::uint32_t(b[i + 1]) << 8 | std::uint32_t(b[i + 2]) << 16;
      const unsigned lead = b[i];
      if ((w & 0x00C0C0F0u) != 0x008080E0u || lead == 0xE0 || lead == 0xED) break;
      i += 3;
    }
    if (i >= s.size() || b[i] < 0x80) continue;
    const Decoded d = decode_utf8(b + i, end);
    if (!d.ok) return i;
    i += d.len;
  }
  return s.size();
}

std::size_t char_start(std::string_view s, std::size_t i) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (int k = 0; k < 3 && i > 0 && i < s.size() && (b[i] & 0xC0) == 0x80; ++k) --i;
  return i;
}

}  // namespace mojifix::detail
