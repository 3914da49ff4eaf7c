// model.hpp — the shared plausibility model: how likely a string is as real text (internal).
//
// A character bigram model over classes (script and case, kinds of punctuation and symbols,
// controls, ...) with a cost per character inside its class, and pair statistics for CJK text.
// Costs are -log2 probabilities in quarter bits: lower is more plausible. Comparing the costs of
// two readings of the same span (with the same context) tells which one is real text; the
// per-character costs show where a text stops being plausible. Used by the mojibake stage and
// meant for detection and byte-shift repair too. Tables: lib/tables/model_*.inc.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mojifix::model {

using Cost = std::int32_t;        ///< quarter bits
inline constexpr Cost kBit = 4;   ///< one bit

/// Character classes (same order as tools/gen/gen_model.py CLASSES).
enum class Class : std::uint8_t {
  control, space, newline, digit, ascii_punct, ascii_upper, ascii_lower,
  latin_upper, latin_lower, cyr_upper, cyr_lower, greek_upper, greek_lower,
  hebrew, arabic, thai, indic, other_letter,
  han, han_rare, hiragana, katakana, halfwidth_kana, hangul, jamo, bopomofo,
  cjk_punct, fullwidth_alnum, fullwidth_punct,
  latin1_punct, latin1_symbol, gen_punct, currency, letterlike, math_arrows, box,
  shapes, other_symbol, emoji, emoji_mod, combining, modifier, c1, pua,
  unassigned, replacement, format, other_number, cjk_compat,
  count_
};

/// Class of a code point (anything above U+10FFFF is `unassigned`).
[[nodiscard]] Class char_class(char32_t cp) noexcept;

/// Cost of `cp` inside its class: -log2 P(cp | class), quarter bits.
[[nodiscard]] Cost char_cost(char32_t cp) noexcept;

/// Cost of `cp` following `prev` (use '\n' at the start of a text): the class transition plus
/// the character cost, or the pair cost for CJK pairs seen in real text.
[[nodiscard]] Cost step(char32_t prev, char32_t cp) noexcept;

/// True for characters worth a closer look: rare in real text or typical of mis-decoding
/// (C1 controls, symbols, box drawing, rare CJK, ...). One table lookup: for fast paths.
[[nodiscard]] bool suspect(char32_t cp) noexcept;

/// True when `cp` is a CJK character (Han, kana, Hangul, CJK punctuation, full-width forms).
[[nodiscard]] bool is_cjk(char32_t cp) noexcept;

/// Cost of a U+FFFD standing for a lost character. It does not break the context: the
/// character after it is scored against the one before it, so a reading with lost characters is
/// still judged on how well the rest hangs together.
inline constexpr Cost kLostCost = 12 * kBit;

/// Accumulates the cost of a sequence of code points.
struct Scorer {
  char32_t prev = '\n';
  Cost total = 0;
  std::size_t chars = 0;
  void push(char32_t cp) noexcept {
    ++chars;
    if (cp == 0xFFFD) {
      total += kLostCost;
      return;
    }
    total += step(prev, cp);
    prev = cp;
  }
};

/// Cost of valid UTF-8 `text` read after `before`; when `after` is not 0, the transition into
/// the character that follows is included (so readings of a span compare in their context).
[[nodiscard]] Cost cost(std::string_view utf8, char32_t before = '\n', char32_t after = 0) noexcept;

/// Same for a sequence of code points.
[[nodiscard]] Cost cost(std::u32string_view cps, char32_t before = '\n', char32_t after = 0) noexcept;

/// Per-character costs of valid UTF-8 `text` (one entry per code point, appended to `out`).
void char_costs(std::string_view utf8, std::vector<Cost>& out, char32_t before = '\n');

/// Name of a class ("han", "latin_lower", ...).
[[nodiscard]] std::string_view class_name(Class c) noexcept;

}  // namespace mojifix::model
