// detect_language.cpp — the language of decoded text, when its letters make it evident.
//
// By script first (kana, Hangul, Han, Greek, Hebrew, Arabic, Thai), then by letters that only
// one language of a script uses often (Ukrainian і ї є ґ against Russian ы э ъ ё; Polish ł ś ź ż;
// Turkish ı ğ ş; ...). When nothing is distinctive the answer is "" rather than a guess.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "detect_layers.hpp"
#include "detect_tables.hpp"
#include "model/model.hpp"

namespace mojifix::detail {

namespace {

using model::Class;

// Marker letters, found through one table lookup per character.
enum Marker : std::uint32_t {
  kUk = 1u << 16, kIDotted = 1u << 17, kRu = 1u << 18, kBe = 1u << 19, kSr = 1u << 20, kPersian = 1u << 21,
};

struct Latin {
  std::string_view lang;
  std::u32string_view letters;
};

// Letters each language uses often and its neighbours rarely (both cases).
constexpr std::array<Latin, 10> kLatin{{
    {"pl", U"łŁśŚźŹżŻąĄęĘńŃ"},
    {"tr", U"ıİğĞşŞ"},
    {"de", U"ßäÄöÖüÜ"},
    {"es", U"ñÑ¿¡"},
    {"fr", U"œŒçÇèÈêÊàÀùÙâÂîÎôÔûÛëËïÏ"},
    {"cs", U"ěĚřŘůŮ"},
    {"hu", U"őŐűŰ"},
    {"ro", U"șȘțȚ"},
    {"pt", U"ãÃõÕ"},
    {"vi", U"ơƠưƯđĐ"},
}};

// Bit k (< 16): the letter is one of kLatin[k]'s; higher bits: the markers above.
const std::vector<std::uint32_t>& markers() {
  static const std::vector<std::uint32_t> m = [] {
    std::vector<std::uint32_t> v(0x2000, 0);
    for (std::size_t k = 0; k < kLatin.size(); ++k)
      for (char32_t c : kLatin[k].letters) v[c] |= 1u << k;
    for (auto [set, bit] : {std::pair{U"їЇєЄґҐ", kUk}, {U"іІ", kIDotted}, {U"ыЫэЭъЪёЁ", kRu}, {U"ўЎ", kBe},
                            {U"ђЂћЋџЏљЉњЊјЈ", kSr}, {U"پچژگکی", kPersian}})
      for (const char32_t* c = set; *c; ++c) v[*c] |= bit;
    return v;
  }();
  return m;
}

std::uint32_t marker(char32_t c) { return c < 0x2000 ? markers()[c] : 0; }

std::string_view latin_language(const std::vector<char32_t>& text, std::size_t letters) {
  std::array<std::size_t, kLatin.size()> count{};
  std::size_t vi_marks = 0, non_ascii = 0;
  for (char32_t c : text) {
    if (c < 0x80) continue;
    ++non_ascii;
    if (c >= 0x1EA0 && c <= 0x1EF9) ++vi_marks;
    const std::uint32_t m = marker(c);
    for (std::size_t k = 0; m && k < kLatin.size(); ++k) count[k] += (m >> k) & 1;
  }
  if (vi_marks >= 2) return "vi";
  if (non_ascii == 0) {
    // English shows itself in its commonest words.
    std::size_t hits = 0;
    std::u32string_view s(text.data(), text.size());
    for (std::u32string_view w : {U" the ", U" and ", U" of ", U" to ", U" is ", U" in "})
      for (std::size_t at = s.find(w); at != s.npos; at = s.find(w, at + 1)) ++hits;
    return hits >= 3 && hits * 40 >= letters / 4 ? "en" : "";
  }
  std::size_t best = 0, second = 0, which = 0;
  for (std::size_t k = 0; k < count.size(); ++k) {
    if (count[k] > best) second = best, best = count[k], which = k;
    else if (count[k] > second) second = count[k];
  }
  // Turkish shares ö ü ç with German and French: its own letters decide.
  if (count[1] >= 2) return "tr";
  if (best >= 2 && second * 3 < best) return kLatin[which].lang;
  return "";
}

std::string_view cyrillic_language(const std::vector<char32_t>& text) {
  std::size_t uk = 0, ru = 0, be = 0, sr = 0, i_dotted = 0;
  for (char32_t c : text) {
    const std::uint32_t m = marker(c);
    uk += (m & kUk) != 0;
    i_dotted += (m & kIDotted) != 0;
    ru += (m & kRu) != 0;
    be += (m & kBe) != 0;
    sr += (m & kSr) != 0;
  }
  if (sr) return "";  // Serbian / Macedonian: not told apart here
  if (be) return "be";
  if ((uk || i_dotted >= 2) && !ru) return "uk";
  if (ru >= 2 && !uk && !i_dotted) return "ru";
  return "";
}

}  // namespace

std::string_view guess_language(const std::vector<char32_t>& text) noexcept {
  std::size_t han = 0, kana = 0, hangul = 0, cyr = 0, greek = 0, hebrew = 0, arabic = 0, thai = 0, latin = 0;
  std::size_t persian = 0;
  const auto& cls = det::tables().cls;
  for (char32_t c : text) {
    switch (c < 0x10000 ? Class(cls[c]) : model::char_class(c)) {
      case Class::han: case Class::han_rare: ++han; break;
      case Class::hiragana: case Class::katakana: case Class::halfwidth_kana: ++kana; break;
      case Class::hangul: case Class::jamo: ++hangul; break;
      case Class::cyr_upper: case Class::cyr_lower: ++cyr; break;
      case Class::greek_upper: case Class::greek_lower: ++greek; break;
      case Class::hebrew: ++hebrew; break;
      case Class::arabic: ++arabic, persian += (marker(c) & kPersian) != 0; break;
      case Class::thai: ++thai; break;
      case Class::ascii_upper: case Class::ascii_lower: case Class::latin_upper: case Class::latin_lower: ++latin; break;
      default: break;
    }
  }
  const std::size_t letters = han + kana + hangul + cyr + greek + hebrew + arabic + thai + latin;
  if (letters < 4) return "";
  auto major = [&](std::size_t n) { return n * 2 > letters; };
  if (kana >= 2 && major(kana + han)) return "ja";
  if (major(hangul)) return "ko";
  if (major(han) && kana == 0) return "zh";
  if (major(cyr)) return cyrillic_language(text);
  if (major(greek)) return "el";
  if (major(hebrew)) return "he";
  if (major(arabic)) return persian ? "" : "ar";
  if (major(thai)) return "th";
  if (major(latin)) return latin_language(text, latin);
  return "";
}

}  // namespace mojifix::detail
