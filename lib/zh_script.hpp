// zh_script.hpp — Simplified/Traditional evidence: character classes, evidence phrases, the
// phrase units of a text and their script regions (internal; classify() and the script stage).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"
#include "zh_dict.hpp"

namespace mojifix::detail::zh {

/// Character classes (low three bits of a class byte); see tools/gen/gen_zh_script.py.
enum : std::uint8_t { kOther, kShared, kSOnly, kTOnly, kSLean, kTLean, kKana, kJapanese };
/// Flags (high bits of a class byte).
enum : std::uint8_t { kTwForm = 8, kStdForm = 16, kHkForm = 32, kSTrigger = 64, kTTrigger = 128 };

/// A Han character's class (any but other and kana).
[[nodiscard]] constexpr bool is_han_class(std::uint8_t k) noexcept { return (k & 7) != kOther && (k & 7) != kKana; }

/// The class byte of a code point.
[[nodiscard]] std::uint8_t char_class(char32_t cp) noexcept;

/// `text` with the characters NFC / NFKC turn into Han text (compatibility ideographs, Kangxi
/// radicals, squared ideographic symbols: ㍣ -> 11点) replaced by that text, as the normalize stage
/// may do later, so that a conversion sees them as its dictionaries know them. Returns false (and
/// leaves `out` alone) when there is none.
bool fold_compat(std::string_view text, std::string& out);

/// Evidence phrases of one script (keys; values are their form in the other script).
[[nodiscard]] const Dict& evidence_phrases(bool simplified);

/// Counts of a fast pass over the characters (no phrases).
struct Tally {
  std::size_t by_class[8] = {};
  std::size_t tw = 0, std = 0, hk = 0;  // regional forms
  std::uint8_t seen = 0;               // OR of the class bytes seen
  [[nodiscard]] std::size_t han() const noexcept {
    return by_class[kShared] + by_class[kSOnly] + by_class[kTOnly] + by_class[kSLean] + by_class[kTLean] +
           by_class[kJapanese];
  }
  /// Kana or Japanese-only kanji make the text Japanese.
  [[nodiscard]] bool japanese() const noexcept;
};
void tally(std::string_view text, Tally& t);

/// The lines (ended by LF or CR) that hold both Simplified-only and Traditional-only characters
/// (the fast first pass of the script stage without a target).
void mixed_lines(std::string_view text, std::vector<Span>& out);

/// A run of text between punctuation, spaces and line breaks, with its evidence.
struct Unit {
  Span span;
  std::uint32_t s = 0, t = 0;          // Simplified / Traditional evidence (characters + phrases)
  std::uint32_t s_lean = 0, t_lean = 0;  // characters the other script's default conversion changes
  std::uint32_t s_phrases = 0, t_phrases = 0;
  std::uint8_t flags = 0;              // OR of its class bytes
  bool han = false;                    // holds a Han character
  bool line_start = false;             // a line break lies between it and the previous unit
};
/// Splits valid UTF-8 text into units and weighs each. With `all` false, only units with some
/// evidence (characters or phrases of either script, regional forms) are kept; `line_start`
/// then tells whether a line break lies between a unit and the previous one kept.
[[nodiscard]] std::vector<Unit> units(std::string_view text, bool all = true);

/// The script region (true = Simplified) of each unit with evidence, by a two-state Viterbi
/// path: units in the other script cost what damage explains (phrase by phrase, at the rate
/// the text shows), a change of region costs what a quoted passage explains (more inside a
/// line). `goal_simplified` is the script asked for or the dominant one; `prior` is the extra
/// cost of a unit in the other region (0 without a target). Units without evidence get the
/// region of the previous unit with evidence.
[[nodiscard]] std::vector<bool> regions(const std::vector<Unit>& units, bool goal_simplified, double prior);

}  // namespace mojifix::detail::zh
