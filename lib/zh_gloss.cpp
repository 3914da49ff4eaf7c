// zh_gloss.cpp — parsing pinyin / zhuyin / jyutping glosses and matching them to readings.
#include "zh_gloss.hpp"


#include "utf8.hpp"
#include "zh_readings.hpp"

namespace mojifix::detail::zh {

namespace {

constexpr unsigned kMaxSyllables = 8;

// One element of a gloss: a letter (with the tone mark it carries), a tone digit, or a
// separator between syllables.
struct Unit {
  char letter = 0;       // 'a'..'z' ('v' for ü), or 0
  std::uint8_t mark = 0; // tone mark on the letter: 1-4, or 0
  char digit = 0;        // '0'..'9', or 0
};

struct Marked {
  char32_t cp;
  char letter;
  std::uint8_t mark;
};
// Latin letters with pinyin tone marks (lower and upper case), ü, ê and the syllabic nasals.
constexpr Marked kMarked[] = {
    {U'ā', 'a', 1}, {U'á', 'a', 2}, {U'ǎ', 'a', 3}, {U'à', 'a', 4}, {U'ē', 'e', 1}, {U'é', 'e', 2},
    {U'ě', 'e', 3}, {U'è', 'e', 4}, {U'ī', 'i', 1}, {U'í', 'i', 2}, {U'ǐ', 'i', 3}, {U'ì', 'i', 4},
    {U'ō', 'o', 1}, {U'ó', 'o', 2}, {U'ǒ', 'o', 3}, {U'ò', 'o', 4}, {U'ū', 'u', 1}, {U'ú', 'u', 2},
    {U'ǔ', 'u', 3}, {U'ù', 'u', 4}, {U'ǖ', 'v', 1}, {U'ǘ', 'v', 2}, {U'ǚ', 'v', 3}, {U'ǜ', 'v', 4},
    {U'ü', 'v', 0}, {U'ê', 'e', 0}, {U'Ā', 'a', 1}, {U'Á', 'a', 2}, {U'Ǎ', 'a', 3}, {U'À', 'a', 4},
    {U'Ē', 'e', 1}, {U'É', 'e', 2}, {U'Ě', 'e', 3}, {U'È', 'e', 4}, {U'Ī', 'i', 1}, {U'Í', 'i', 2},
    {U'Ǐ', 'i', 3}, {U'Ì', 'i', 4}, {U'Ō', 'o', 1}, {U'Ó', 'o', 2}, {U'Ǒ', 'o', 3}, {U'Ò', 'o', 4},
    {U'Ū', 'u', 1}, {U'Ú', 'u', 2}, {U'Ǔ', 'u', 3}, {U'Ù', 'u', 4}, {U'Ǖ', 'v', 1}, {U'Ǘ', 'v', 2},
    {U'Ǚ', 'v', 3}, {U'Ǜ', 'v', 4}, {U'Ü', 'v', 0}, {U'Ê', 'e', 0}, {U'ḿ', 'm', 2}, {U'ń', 'n', 2},
    {U'ň', 'n', 3}, {U'ǹ', 'n', 4},
};

bool is_sep(char32_t cp) { return cp == ' ' || cp == '\'' || cp == '-' || cp == U'\u2019' || cp == U'\u00B7'; }

bool is_bopomofo(char32_t cp) { return (cp >= 0x3105 && cp <= 0x312F) || (cp >= 0x31A0 && cp <= 0x31BF); }

// A gloss is at most 64 bytes: it fits a fixed buffer (no allocation per candidate).
class Units {
 public:
  void clear() noexcept { n_ = 0; }
  [[nodiscard]] bool empty() const noexcept { return n_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return n_; }
  bool push_back(const Unit& u) noexcept {
    if (n_ == kCap) return false;
    u_[n_++] = u;
    return true;
  }
  Unit& back() noexcept { return u_[n_ - 1]; }
  const Unit& operator[](std::size_t i) const noexcept { return u_[i]; }
  const Unit* begin() const noexcept { return u_; }
  const Unit* end() const noexcept { return u_ + n_; }

 private:
  static constexpr std::size_t kCap = 96;
  Unit u_[kCap];
  std::size_t n_ = 0;
};

// Latin gloss text to units; false when it holds anything a romanised reading cannot.
bool parse_latin(std::string_view s, Units& units, bool& any_mark, bool& any_digit) {
  units.clear();
  any_mark = any_digit = false;
  bool sep = false;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (!d.ok) return false;
    i += d.len;
    const char32_t cp = d.cp;
    if (is_sep(cp)) {
      sep = !units.empty();
      continue;
    }
    Unit u;
    if (cp >= 'a' && cp <= 'z') {
      u.letter = char(cp);
    } else if (cp >= 'A' && cp <= 'Z') {
      u.letter = char(cp - 'A' + 'a');
    } else if (cp >= '0' && cp <= '9') {
      if (units.empty() || !units.back().letter || sep) return false;  // a tone digit ends a syllable
      u.digit = char(cp);
      any_digit = true;
    } else if (cp == ':' && !units.empty() && units.back().letter == 'u') {
      units.back().letter = 'v';  // lu:4
      continue;
    } else if (cp == 0x0304 || cp == 0x0301 || cp == 0x030C || cp == 0x0300) {
      if (units.empty() || !units.back().letter || units.back().mark) return false;
      units.back().mark = cp == 0x0304 ? 1 : cp == 0x0301 ? 2 : cp == 0x030C ? 3 : 4;
      any_mark = true;
      continue;
    } else if (cp == 0x0308) {
      if (units.empty() || units.back().letter != 'u') return false;
      units.back().letter = 'v';
      continue;
    } else {
      const Marked* m = nullptr;
      for (const Marked& k : kMarked)
        if (k.cp == cp) m = &k;
      if (!m) return false;
      u.letter = m->letter;
      u.mark = m->mark;
      any_mark |= m->mark != 0;
    }
    if (sep && !units.push_back(Unit{})) return false;  // an explicit boundary: letter 0, digit 0
    sep = false;
    if (!units.push_back(u)) return false;
  }
  return !units.empty();
}

struct Search {
  const Units& units;
  std::span<const char32_t> han;  // the characters the gloss must read, in order
  Lang lang;
  const Readings& rd;
  bool exact = true;
  bool primary = false;

  // Can han[i..] read units[pos..]? Records exactness of the first successful path.
  bool run(std::size_t i, std::size_t pos) {
    while (pos < units.size() && !units[pos].letter && !units[pos].digit) ++pos;  // boundaries
    if (i == han.size()) return pos == units.size();
    const auto codes = rd.of(han[i], lang);
    for (std::size_t k = 0; k < codes.size(); ++k) {
      const ReadingCode code = codes[k];
      const std::string_view syl = rd.syllable(lang, syllable_of(code));
      const unsigned tone = tone_of(code);
      if (pos + syl.size() > units.size()) continue;
      unsigned mark = 0, marks = 0;
      bool same = true;
      for (std::size_t j = 0; j < syl.size() && same; ++j) {
        const Unit& u = units[pos + j];
        same = u.letter == syl[j];
        if (u.mark) mark = u.mark, ++marks;
      }
      if (!same || marks > 1) continue;
      std::size_t next = pos + syl.size();
      unsigned given = mark;  // 0: no tone written
      if (next < units.size() && units[next].digit) {
        if (mark) continue;
        given = unsigned(units[next].digit - '0');
        if (given == 0) given = 5;
        ++next;
      }
      if (next < units.size() && units[next].letter && given == 0 && lang == Lang::cantonese) continue;
      bool tone_exact;
      if (given == tone) tone_exact = true;
      else if (given == 0 && lang == Lang::mandarin) tone_exact = tone == 5;  // toneless: neutral, or unmarked
      else continue;
      if (lang == Lang::cantonese && given == 0) continue;  // jyutping always has tone numbers
      if (!run(i + 1, next)) continue;
      exact = exact && tone_exact;
      if (i == 0 && han.size() == 1) primary = k == 0 && (lang == Lang::cantonese || rd.has_primary(han[0]));
      return true;
    }
    return false;
  }
};

struct Zhuyin {
  char32_t cp;
  const char* py;
};
constexpr Zhuyin kInitials[] = {{U'ㄅ', "b"},  {U'ㄆ', "p"},  {U'ㄇ', "m"},  {U'ㄈ', "f"}, {U'ㄉ', "d"}, {U'ㄊ', "t"},
                                {U'ㄋ', "n"},  {U'ㄌ', "l"},  {U'ㄍ', "g"},  {U'ㄎ', "k"}, {U'ㄏ', "h"}, {U'ㄐ', "j"},
                                {U'ㄑ', "q"},  {U'ㄒ', "x"},  {U'ㄓ', "zh"}, {U'ㄔ', "ch"}, {U'ㄕ', "sh"}, {U'ㄖ', "r"},
                                {U'ㄗ', "z"},  {U'ㄘ', "c"},  {U'ㄙ', "s"}};
constexpr Zhuyin kFinals[] = {{U'ㄚ', "a"},  {U'ㄛ', "o"},  {U'ㄜ', "e"},   {U'ㄝ', "e"},   {U'ㄞ', "ai"}, {U'ㄟ', "ei"},
                              {U'ㄠ', "ao"}, {U'ㄡ', "ou"}, {U'ㄢ', "an"},  {U'ㄣ', "en"},  {U'ㄤ', "ang"}, {U'ㄥ', "eng"},
                              {U'ㄦ', "er"}};

const char* lookup(const Zhuyin* table, std::size_t n, char32_t cp) {
  for (std::size_t i = 0; i < n; ++i)
    if (table[i].cp == cp) return table[i].py;
  return nullptr;
}

// Pinyin spelling of one bopomofo syllable (without tone); empty when impossible.
std::string spell(std::string_view ini, char32_t medial, char32_t fin) {
  const std::string f = fin ? lookup(kFinals, std::size(kFinals), fin) : "";
  const bool retroflex = ini == "zh" || ini == "ch" || ini == "sh" || ini == "r" || ini == "z" || ini == "c" || ini == "s";
  std::string r;
  if (!medial) {
    if (f.empty()) return retroflex ? std::string(ini) + "i" : std::string();
    r = f;
  } else if (medial == U'ㄧ') {
    if (f.empty()) r = "i";
    else if (f == "ou") r = "iu";
    else if (f == "en") r = "in";
    else if (f == "eng") r = "ing";
    else r = "i" + f;
    if (ini.empty()) {
      if (r == "i" || r == "in" || r == "ing") r = "y" + r;
      else if (r == "iu") r = "you";
      else r = "y" + r.substr(1);
    }
  } else if (medial == U'ㄨ') {
    if (f.empty()) r = "u";
    else if (f == "ei") r = "ui";
    else if (f == "en") r = "un";
    else if (f == "eng") r = ini.empty() ? "ueng" : "ong";
    else if (f == "o") r = "uo";
    else r = "u" + f;
    if (ini.empty()) {
      if (r == "u") r = "wu";
      else if (r == "ui") r = "wei";
      else if (r == "un") r = "wen";
      else r = "w" + r.substr(1);
    }
  } else {  // ㄩ
    if (f.empty()) r = "v";
    else if (f == "e") r = "ve";
    else if (f == "an") r = "van";
    else if (f == "en") r = "vn";
    else if (f == "eng") r = "iong";
    else return {};
    if (ini.empty()) {
      r = r == "iong" ? "yong" : "yu" + r.substr(1);
    } else if (ini == "j" || ini == "q" || ini == "x") {
      if (r[0] == 'v') r[0] = 'u';
    } else if (ini != "n" && ini != "l") {
      return {};
    }
  }
  return std::string(ini) + r;
}

}  // namespace

std::optional<std::string> zhuyin_to_pinyin(std::string_view zhuyin) {
  std::string out;
  std::size_t i = 0;
  auto peek = [&](char32_t& cp) {
    if (i >= zhuyin.size()) return std::size_t(0);
    const Decoded d = decode_at(zhuyin, i);
    cp = d.cp;
    return d.ok ? std::size_t(d.len) : std::size_t(0);
  };
  unsigned syllables = 0;
  while (i < zhuyin.size()) {
    char32_t cp = 0;
    std::size_t n = peek(cp);
    if (!n) return std::nullopt;
    if (cp == ' ' || cp == U'\u3000') {
      i += n;
      continue;
    }
    unsigned tone = 1;
    if (cp == U'˙') {  // the neutral tone is written before the syllable
      tone = 5;
      i += n;
      n = peek(cp);
    }
    std::string ini;
    char32_t medial = 0, fin = 0;
    if (n && lookup(kInitials, std::size(kInitials), cp)) {
      ini = lookup(kInitials, std::size(kInitials), cp);
      i += n;
      n = peek(cp);
    }
    if (n && (cp == U'ㄧ' || cp == U'ㄨ' || cp == U'ㄩ')) {
      medial = cp;
      i += n;
      n = peek(cp);
    }
    if (n && lookup(kFinals, std::size(kFinals), cp)) {
      fin = cp;
      i += n;
      n = peek(cp);
    }
    if (ini.empty() && !medial && !fin) return std::nullopt;
    if (n && (cp == U'ˉ' || cp == U'ˊ' || cp == U'ˇ' || cp == U'ˋ' || cp == U'˙')) {
      tone = cp == U'ˉ' ? 1 : cp == U'ˊ' ? 2 : cp == U'ˇ' ? 3 : cp == U'ˋ' ? 4 : 5;
      i += n;
    }
    const std::string syl = spell(ini, medial, fin);
    if (syl.empty() || ++syllables > kMaxSyllables) return std::nullopt;
    if (!out.empty()) out += ' ';
    out += syl;
    out += char('0' + tone);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

namespace {

// Full-width ASCII becomes ASCII and C0 controls (but tab and line breaks) go: what the normalize
// stage may do later (NFKC, --strip-controls) must not change what counts as a gloss.
std::string fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    i += d.len;
    if (d.cp < 0x20 && d.cp != '\t' && d.cp != '\n' && d.cp != '\r') continue;
    if (d.cp >= 0xFF01 && d.cp <= 0xFF5E) out += char(d.cp - 0xFF01 + 0x21);
    else if (d.cp == 0x3000) out += ' ';
    else append_utf8(out, d.cp);
  }
  return out;
}

bool needs_fold(std::string_view s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF || c == 0xE3) return true;
  }
  return false;
}

}  // namespace

std::optional<GlossMatch> match_gloss(std::string_view raw, std::span<const char32_t> han) {
  if (raw.empty() || raw.size() > 64 || han.empty()) return std::nullopt;
  std::string folded;
  std::string_view gloss = raw;
  if (needs_fold(raw)) {
    folded = fold(raw);
    gloss = folded;
    if (gloss.empty()) return std::nullopt;
  }
  // Quick reject: a gloss starts with a Latin letter or bopomofo (most bracketed text does not).
  const auto first = static_cast<unsigned char>(gloss[0]);
  if (!((first | 0x20) >= 'a' && (first | 0x20) <= 'z') && first != 0xC3 && first != 0xC4 && first != 0xC5 &&
      first != 0xC7 && first != 0xE1 && first != 0xE3)
    return std::nullopt;
  GlossSystem system = GlossSystem::pinyin;
  std::string converted;
  for (std::size_t i = 0; i < gloss.size();) {
    const Decoded d = decode_at(gloss, i);
    if (d.ok && is_bopomofo(d.cp)) {
      auto py = zhuyin_to_pinyin(gloss);
      if (!py) return std::nullopt;
      converted = std::move(*py);
      system = GlossSystem::zhuyin;
      break;
    }
    i += d.len;
  }
  Units units;
  bool any_mark = false, any_digit = false;
  if (!parse_latin(system == GlossSystem::zhuyin ? std::string_view(converted) : gloss, units, any_mark, any_digit))
    return std::nullopt;
  if (any_mark && any_digit) return std::nullopt;
  std::size_t letters = 0;
  for (const Unit& u : units) letters += u.letter != 0;
  const Readings& rd = readings();
  const std::size_t most = std::min<std::size_t>(han.size(), kMaxSyllables);
  for (std::size_t k = 1; k <= most && k <= letters; ++k) {
    const auto chars = han.subspan(han.size() - k);
    for (const Lang lang : {Lang::mandarin, Lang::cantonese}) {
      if (lang == Lang::cantonese && (!any_digit || system == GlossSystem::zhuyin)) continue;
      Search s{units, chars, lang, rd};
      if (!s.run(0, 0)) continue;
      GlossMatch m;
      m.chars = unsigned(k);
      m.exact = s.exact;
      m.primary = s.primary;
      m.system = lang == Lang::cantonese ? GlossSystem::jyutping
                 : system == GlossSystem::zhuyin ? GlossSystem::zhuyin
                 : any_digit ? GlossSystem::pinyin_numbers : GlossSystem::pinyin;
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace mojifix::detail::zh
