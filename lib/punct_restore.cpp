// punct_restore.cpp — restores full-width punctuation flattened to ASCII (see punct_restore.hpp).
#include "punct_restore.hpp"

#include <cstdint>
#include <cstring>

#include "tables/punct_context.inc"

namespace mojifix::detail {

namespace {

// Character classes of the table (tools/gen/gen_punct.py `cls`).
enum Cls : std::uint8_t { kEdge, kSpace, kAsciiMark, kPunct, kHan, kWide, kDigit, kLetter, kQuote, kOther, kClasses };
constexpr std::size_t kRight = 2 * kClasses;  // right context: class, or space then class
enum Content : std::uint8_t { kContentHan, kContentDigits, kContentOther, kContentEmpty, kContents };
static_assert(sizeof(tables::punct_classes) - 1 == kClasses && sizeof(tables::punct_right) - 1 == kRight);
static_assert(sizeof(tables::punct_content) - 1 == kContents);
static_assert(sizeof(tables::punct_mark_full) == 4 * kClasses * kRight);
static_assert(sizeof(tables::punct_bracket_full) == std::size_t(kClasses) * kContents * kClasses);

char32_t full_form(char32_t c) noexcept {
  switch (c) {
    case ',': return U'，';
    case ':': return U'：';
    case ';': return U'；';
    case '!': return U'！';
    case '(': return U'（';
    case ')': return U'）';
    default: return 0;
  }
}

Cls cls(char32_t c) noexcept {
  if (c == 0 || c == '\n' || c == '\r') return kEdge;
  if (c == ' ' || c == '\t') return kSpace;
  if (full_form(c)) return kAsciiMark;
  if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
      (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x3100 && c <= 0x312F))
    return kHan;
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return kWide;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) || c == 0x2014 || c == 0x2026 ||
      c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0xB7)
    return kPunct;
  if (c >= '0' && c <= '9') return kDigit;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
      (c >= 0x370 && c <= 0x52F))
    return kLetter;
  if (c == '"' || c == '\'') return kQuote;
  return kOther;
}

int mark_index(char32_t c) noexcept {
  const char* p = c < 0x80 ? std::strchr(tables::punct_marks, int(c)) : nullptr;
  return c && p ? int(p - tables::punct_marks) : -1;
}

// The text with the replacements decided so far.
struct View {
  std::span<const PunctChar> cs;
  std::span<char32_t> repl;
  char32_t at(std::size_t k) const noexcept { return k < cs.size() ? (repl[k] ? repl[k] : cs[k].cp) : 0; }
  Cls left(std::size_t k) const noexcept { return k == 0 ? kEdge : cls(at(k - 1)); }
  std::size_t right(std::size_t k) const noexcept {
    const Cls c = cls(at(k + 1));
    if (c != kSpace) return c;
    std::size_t j = k + 1;
    while (j < cs.size() && (cs[j].cp == ' ' || cs[j].cp == '\t')) ++j;
    return kClasses + cls(at(j));
  }
  std::size_t mark_cell(int mark, std::size_t k) const noexcept {
    return (std::size_t(mark) * kClasses + left(k)) * kRight + right(k);
  }
};

Content content(std::span<const PunctChar> inner) noexcept {
  bool cjk = false, blank = true, digits = true;
  for (const PunctChar& c : inner) {
    const Cls k = cls(c.cp);
    cjk = cjk || k == kHan || k == kWide || k == kPunct;
    blank = blank && k == kSpace;
    digits = digits && k == kDigit;
  }
  return cjk ? kContentHan : blank ? kContentEmpty : digits ? kContentDigits : kContentOther;
}

// The closing ')' of an ASCII '(' at k on the same line with no bracket between, or 0.
std::size_t closing(std::span<const PunctChar> cs, std::size_t k) noexcept {
  for (std::size_t j = k + 1; j < cs.size(); ++j) {
    const char32_t c = cs[j].cp;
    if (c == ')') return j;
    if (c == '\n' || c == '(' || c == U'（') return 0;
  }
  return 0;
}

// A family is flattened when its full-width forms are absent, or one in ten of the ASCII marks
// next to Han text or fewer (byte_shift rebuilds a `，` whose bytes were split; the rest stay ASCII).
bool flattened(std::size_t full, std::size_t ascii_next_to_han) noexcept {
  return full == 0 || full * 10 <= ascii_next_to_han;
}

}  // namespace

bool restore_flattened(std::span<const PunctChar> cs, std::span<char32_t> repl) {
  // Counts over the text: Han and non-space characters, full-width marks per family, and the
  // evidence (log-likelihood) of the ASCII marks next to Han characters.
  std::size_t han = 0, kana = 0, nonspace = 0, full[5] = {}, ascii_han[4] = {};
  // Sentence ends after Han text: `。？` (never flattened) against ASCII `.?` (a writer who uses
  // ASCII punctuation in Chinese text).
  std::size_t full_stops = 0, ascii_stops = 0;
  int llr[4] = {};
  View v{cs, repl};
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const char32_t c = cs[k].cp;
    const Cls kc = cls(c);
    han += kc == kHan;
    kana += c >= 0x3040 && c <= 0x30FF;  // Japanese writes `、` where Chinese writes `，`
    nonspace += kc != kSpace && kc != kEdge;
    switch (c) {
      case U'，': ++full[0]; break;
      case U'：': ++full[1]; break;
      case U'；': ++full[2]; break;
      case U'！': ++full[3]; break;
      case U'（': case U'）': ++full[4]; break;
      default: break;
    }
    if (c == U'。' || c == U'？') ++full_stops;
    if ((c == '.' || c == '?') && v.left(k) == kHan) {
      const Cls r = cls(v.at(k + 1));
      ascii_stops += r == kHan || r == kEdge || r == kSpace;
    }
    const int m = mark_index(c);
    if (m < 0 || (v.left(k) != kHan && cls(v.at(k + 1)) != kHan)) continue;
    llr[m] += tables::punct_mark_llr[v.mark_cell(m, k)];
    ++ascii_han[m];
  }
  if (!flattened(full[0], ascii_han[0]) || ascii_han[0] == 0 || han * 5 < nonspace || kana * 20 > han || llr[0] < 0 || ascii_stops > full_stops)
    return false;
  bool family[4] = {true, false, false, false};
  for (int m = 1; m < 4; ++m) family[m] = flattened(full[m], ascii_han[m]) && llr[m] >= 0;

  bool any = false;
  if (full[4] == 0) {
    for (std::size_t k = 0; k < cs.size(); ++k) {
      if (cs[k].cp != '(') continue;
      const std::size_t j = closing(cs, k);
      if (j == 0) continue;
      const std::size_t cell =
          (std::size_t(v.left(k)) * kContents + content(cs.subspan(k + 1, j - k - 1))) * kClasses + cls(v.at(j + 1));
      if (!tables::punct_bracket_full[cell]) continue;
      repl[k] = U'（';
      repl[j] = U'）';
      any = true;
    }
  }
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const int m = mark_index(cs[k].cp);
    if (m < 0 || !family[m] || !tables::punct_mark_full[v.mark_cell(m, k)]) continue;
    repl[k] = full_form(cs[k].cp);
    any = true;
  }
  return any;
}

}  // namespace mojifix::detail
