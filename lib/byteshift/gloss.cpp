// gloss.cpp — parsing pinyin glosses; the characters of a reading from the Unihan readings table.
#include "byteshift/gloss.hpp"

#include "zh_readings.hpp"

namespace mojifix::detail::bs {

namespace {

constexpr std::size_t kMaxLetters = 6;

// A tone-marked (or ü/ê) pinyin letter: its base letter and tone (0: no mark).
bool marked(char32_t cp, char& base, int& tone) {
  static constexpr struct {
    char32_t cp;
    char base;
    int tone;
  } kMarks[] = {
      {U'ā', 'a', 1}, {U'á', 'a', 2}, {U'ǎ', 'a', 3}, {U'à', 'a', 4}, {U'ē', 'e', 1}, {U'é', 'e', 2},
      {U'ě', 'e', 3}, {U'è', 'e', 4}, {U'ī', 'i', 1}, {U'í', 'i', 2}, {U'ǐ', 'i', 3}, {U'ì', 'i', 4},
      {U'ō', 'o', 1}, {U'ó', 'o', 2}, {U'ǒ', 'o', 3}, {U'ò', 'o', 4}, {U'ū', 'u', 1}, {U'ú', 'u', 2},
      {U'ǔ', 'u', 3}, {U'ù', 'u', 4}, {U'ǖ', 'v', 1}, {U'ǘ', 'v', 2}, {U'ǚ', 'v', 3}, {U'ǜ', 'v', 4},
      {U'ü', 'v', 0}, {U'ê', 'e', 0}, {U'ḿ', 'm', 2}, {U'ń', 'n', 2}, {U'ň', 'n', 3}, {U'ǹ', 'n', 4},
  };
  for (const auto& m : kMarks)
    if (m.cp == cp) {
      base = m.base;
      tone = m.tone;
      return true;
    }
  return false;
}

}  // namespace

std::optional<Gloss> parse_gloss(std::span<const Ch> cs, std::size_t k, bool open) {
  if (open) {
    if (k >= cs.size() || cs[k].cp != '(') return std::nullopt;
    ++k;
  }
  Gloss g;
  int tone = 0;
  bool digit = false;
  for (; k < cs.size(); ++k) {
    const char32_t cp = cs[k].cp;
    if (cp == ')') break;
    if (digit) return std::nullopt;
    char base = 0;
    int t = 0;
    if (cp >= 'a' && cp <= 'z') {
      base = char(cp);
    } else if (cp >= '1' && cp <= '5' && !g.syllable.empty() && tone == 0) {
      tone = int(cp - '0');
      digit = true;
      continue;
    } else if (marked(cp, base, t)) {
      if (t && tone) return std::nullopt;
      if (t) tone = t;
    } else {
      return std::nullopt;
    }
    g.syllable.push_back(base);
    if (g.syllable.size() > kMaxLetters) return std::nullopt;
  }
  if (k >= cs.size() || g.syllable.empty()) return std::nullopt;
  g.end = k + 1;
  g.tone = static_cast<std::uint8_t>(tone ? tone : 5);
  return g;
}

bool reading_codes(CodecId id, const Gloss& g, std::vector<std::uint16_t>& out) {
  out.clear();
  const zh::Readings& r = zh::readings();
  const int syl = r.syllable_id(zh::Lang::mandarin, g.syllable);
  if (syl < 0) return false;
  for (char32_t cp : r.chars(zh::Lang::mandarin, zh::make_reading(unsigned(syl), g.tone))) {
    unsigned char b[kMaxCode];
    if (encode_char(id, cp, b) == 2) out.push_back(std::uint16_t(b[0] << 8 | b[1]));
  }
  return true;
}

}  // namespace mojifix::detail::bs
