// mojifix/classify.hpp — is this Chinese text Simplified, Traditional or a mix of both?
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"

namespace mojifix {

/// The script of a piece of text.
enum class Script : std::uint8_t {
  none,   ///< no Han characters, or Japanese (kana, Japanese-only kanji): never "traditional"
  hans,   ///< Simplified Chinese
  hant,   ///< Traditional Chinese (any regional standard)
  mixed,  ///< both scripts, by characters or by phrases
};

/// The regional standard Traditional text follows, from the forms it uses (為/爲, 裡/裏, 説/說).
enum class Regional : std::uint8_t {
  unknown,    ///< no form that tells
  opencc,     ///< OpenCC's standard (爲 裏 啓 羣)
  taiwan,     ///< Taiwan (為 裡 啟 群)
  hong_kong,  ///< Hong Kong (為 裏 啓 説)
};

/// "none", "hans", "hant", "mixed".
[[nodiscard]] std::string_view to_string(Script script) noexcept;
/// "unknown", "opencc", "taiwan", "hong_kong".
[[nodiscard]] std::string_view to_string(Regional regional) noexcept;

/// What the characters of a text say.
struct ScriptCounts {
  std::size_t han = 0;                  ///< Han characters
  std::size_t simplified = 0;           ///< characters only Simplified text uses (们 这 个)
  std::size_t traditional = 0;          ///< characters only Traditional text uses (們 這 個)
  std::size_t shared = 0;               ///< characters both use (的 是 中)
  std::size_t simplified_phrases = 0;   ///< Simplified phrases of shared characters (由于 基于)
  std::size_t traditional_phrases = 0;  ///< Traditional phrases of shared characters (乾杯)
  std::size_t kana = 0;                 ///< hiragana and katakana
  std::size_t japanese = 0;             ///< Japanese-only kanji (広 亜 沢)
  std::size_t taiwan_forms = 0;         ///< Traditional forms of the Taiwan standard (為 裡 啟)
  std::size_t opencc_forms = 0;         ///< OpenCC standard forms Taiwan writes otherwise (爲 裏 啓)
  std::size_t hong_kong_forms = 0;      ///< forms of the Hong Kong standard (説 悦)
};

/// A span of text in one script.
struct ScriptSpan {
  Span span;                    ///< byte offsets into the classified text
  Script script = Script::none;
};

/// A sentence (ended by 。！？!?; or a line break) and its verdict.
struct SentenceVerdict {
  Span span;
  Script verdict = Script::none;  ///< a sentence without deciding characters takes the text's script
  std::size_t simplified = 0;     ///< its Simplified evidence (characters + phrases)
  std::size_t traditional = 0;    ///< its Traditional evidence
};

/// The verdict for a whole text, with its evidence.
struct ScriptStats {
  Script verdict = Script::none;
  Script dominant = Script::none;        ///< for mixed text, the script with more evidence
  Regional regional = Regional::unknown;
  ScriptCounts counts;
  std::vector<ScriptSpan> minority;      ///< mixed text: spans in the minority script, sorted
  std::vector<SentenceVerdict> sentences;
};

/// Classifies UTF-8 text (invalid sequences count as non-Han characters). Per character:
/// Simplified-only, Traditional-only or shared, taking the Taiwan and Hong Kong standard forms
/// as Traditional (群, 為 are fine Traditional); phrases of shared characters that belong to one
/// script (由于 vs 由於) count as evidence too. Kana or Japanese-only kanji make the text
/// `none`. Never throws except std::bad_alloc.
[[nodiscard]] ScriptStats classify(std::string_view utf8);

}  // namespace mojifix
