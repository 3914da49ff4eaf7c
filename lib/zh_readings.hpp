// zh_readings.hpp — Mandarin and Cantonese readings of Han characters, from Unihan (internal;
// the annotations stage checks glosses with it, byte-shift repair looks characters up by
// reading).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mojifix::detail::zh {

/// Which reading system a syllable belongs to.
enum class Lang : std::uint8_t { mandarin, cantonese };

/// A reading: a syllable id (index into the syllables of its system) and a tone (Mandarin 1-5,
/// 5 = neutral; Cantonese 1-6). Packed as `syllable * 8 + tone`.
using ReadingCode = std::uint16_t;

[[nodiscard]] constexpr ReadingCode make_reading(unsigned syllable, unsigned tone) noexcept {
  return ReadingCode(syllable * 8 + tone);
}
[[nodiscard]] constexpr unsigned syllable_of(ReadingCode r) noexcept { return r / 8; }
[[nodiscard]] constexpr unsigned tone_of(ReadingCode r) noexcept { return r % 8; }

/// The reading tables, parsed once from lib/tables/readings.inc into sorted flat arrays.
class Readings {
 public:
  Readings();

  /// Readings of `cp` (empty when Unihan has none). Mandarin: the primary reading first.
  [[nodiscard]] std::span<const ReadingCode> of(char32_t cp, Lang lang) const noexcept;
  /// True when `cp`'s first Mandarin reading is its primary one (the most frequent in use).
  [[nodiscard]] bool has_primary(char32_t cp) const noexcept;
  /// A character in everyday use (kHanyuPinlu, kFrequency 1-3, or its simplified form is).
  [[nodiscard]] bool common(char32_t cp) const noexcept;
  /// The characters that have reading `r` (primary or not), in code point order.
  [[nodiscard]] std::span<const char32_t> chars(Lang lang, ReadingCode r) const noexcept;

  /// The syllable text (lower case, ü written v) of an id, e.g. "shi".
  [[nodiscard]] std::string_view syllable(Lang lang, unsigned id) const noexcept;
  /// The id of syllable text `s` (tone excluded), or -1.
  [[nodiscard]] int syllable_id(Lang lang, std::string_view s) const noexcept;
  /// Number of syllables of a system.
  [[nodiscard]] std::size_t syllables(Lang lang) const noexcept { return sys_[int(lang)].names.size(); }

 private:
  struct PerChar {
    std::uint32_t off[2] = {0, 0};
    std::uint8_t count[2] = {0, 0};
    bool primary = false;
    bool common = false;
  };
  struct System {
    std::vector<std::string_view> names;                  // syllable text by id
    std::unordered_map<std::string_view, unsigned> ids;
    std::vector<std::uint32_t> first;                     // by reading code: offset into `chars`
    std::vector<char32_t> chars;                          // by reading code, in code point order
  };
  [[nodiscard]] const PerChar* find(char32_t cp) const noexcept;
  std::vector<char32_t> cps_;      // sorted; per_[i] belongs to cps_[i]
  std::vector<PerChar> per_;
  std::vector<ReadingCode> codes_;
  System sys_[2];
};

/// The tables (parsed on first use; thread-safe).
[[nodiscard]] const Readings& readings();

}  // namespace mojifix::detail::zh
