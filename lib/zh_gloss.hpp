// zh_gloss.hpp — reading glosses: is "shí", "shi2", "ㄕˊ" or "si4" a reading of 時? (internal)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mojifix::detail::zh {

/// How a gloss is written.
enum class GlossSystem : std::uint8_t {
  pinyin,          ///< pinyin with tone marks (shí), or without tones (de)
  pinyin_numbers,  ///< pinyin with tone numbers (shi2, lv4)
  zhuyin,          ///< bopomofo (ㄕˊ)
  jyutping,        ///< Cantonese jyutping (si4)
};

/// A gloss that reads the characters before it.
struct GlossMatch {
  unsigned chars = 0;          ///< how many Han characters it reads (1 = one character)
  GlossSystem system = GlossSystem::pinyin;
  bool exact = false;          ///< every syllable carries its tone (or is a neutral one)
  bool primary = false;        ///< one character, read with its primary (most frequent) reading
};

/// Checks whether `gloss` (the text between the brackets) reads the last 1..han.size()
/// characters of `han` (the Han characters just before the bracket, in text order): each
/// syllable must be a valid syllable *and* a reading of its character (Unihan; zhuyin through
/// pinyin). Tries one character first, then longer words. Nothing else is accepted: no
/// letters outside pinyin/jyutping, no more than 8 syllables.
[[nodiscard]] std::optional<GlossMatch> match_gloss(std::string_view gloss, std::span<const char32_t> han);

/// Bopomofo to numbered pinyin ("ㄕˊ" -> "shi2", "ㄓㄨㄥ ㄨㄣˊ" -> "zhong1 wen2"); nullopt when
/// `zhuyin` is not well-formed bopomofo.
[[nodiscard]] std::optional<std::string> zhuyin_to_pinyin(std::string_view zhuyin);

}  // namespace mojifix::detail::zh
