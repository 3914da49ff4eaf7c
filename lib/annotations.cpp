// annotations.cpp — the annotations stage: flattened reading glosses after Han characters.
//
// A candidate is a Han character followed directly by a bracketed gloss that reads it (or that
// reads the word the last few Han characters form). Whether the text is damaged is decided once
// for the whole text: glosses of common characters with their primary reading weigh 1, others
// (rare characters, unusual readings: the ones people gloss on purpose) weigh 1/4; the text is
// damaged when the weights reach one per hundred wide (CJK) characters, and at least 1. Then every
// candidate is removed; otherwise none is.
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <vector>

#include "mojifix/annotations.hpp"
#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "utf8.hpp"
#include "zh_gloss.hpp"
#include "zh_han.hpp"
#include "zh_readings.hpp"

namespace mojifix::detail {

namespace {

constexpr std::size_t kMaxGlossBytes = 64;
constexpr std::size_t kMaxWord = 8;          // Han characters a word gloss may read
constexpr double kDensity = 0.01;            // weight per Han character that means damage
constexpr double kPlainWeight = 1.0;         // common character, primary reading, with its tone
constexpr double kDeliberateWeight = 0.25;   // what people gloss on purpose

struct Candidate {
  Span span;  // the brackets and the gloss
  zh::GlossMatch match;
  double weight;
};

// The brackets a gloss may sit in: ASCII and full-width parentheses and square brackets.
struct Bracket {
  std::string_view open, close;
};
constexpr Bracket kBrackets[] = {{"(", ")"}, {"[", "]"}, {"\xEF\xBC\x88", "\xEF\xBC\x89"}, {"\xEF\xBC\xBB", "\xEF\xBC\xBD"}};

// The Han characters that end just before `pos` (at most kMaxWord), in text order.
std::size_t han_before(std::string_view s, std::size_t pos, char32_t* out) {
  char32_t rev[kMaxWord];
  std::size_t n = 0;
  while (pos > 0 && n < kMaxWord) {
    const std::size_t start = char_start(s, pos - 1);
    const Decoded d = decode_at(s, start);
    if (d.cp < 0x20 && d.cp != '\t' && d.cp != '\n' && d.cp != '\r') {  // controls normalize may strip
      pos = start;
      continue;
    }
    if (!d.ok || !zh::is_han(d.cp)) break;
    rev[n++] = d.cp;
    pos = start;
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = rev[n - 1 - i];
  return n;
}

// The candidate whose opening bracket `b` is at byte `pos`, if any; its Han characters end at
// `han_end` (== pos, or the start of a gloss it directly follows: 会(huì)(hui4)).
bool candidate_at(std::string_view s, std::size_t pos, std::size_t han_end, const Bracket& b, Candidate& c) {
  char32_t han[kMaxWord];
  const std::size_t n = han_before(s, han_end, han);
  if (n == 0) return false;
  const std::size_t start = pos + b.open.size();
  const std::size_t limit = std::min(s.size(), start + kMaxGlossBytes + b.close.size());
  std::size_t end = start;
  while (end < limit) {
    const char ch = s[end];
    if (ch == '\n' || ch == '(' || ch == '[' || ch == ')' || ch == ']') break;
    if (s.compare(end, b.close.size(), b.close) == 0) break;
    ++end;
  }
  if (end >= limit || s.compare(end, b.close.size(), b.close) != 0 || end == start) return false;
  const auto m = zh::match_gloss(s.substr(start, end - start), std::span<const char32_t>(han, n));
  if (!m) return false;
  c.span = {pos, end + b.close.size()};
  c.match = *m;
  const bool plain = m->chars == 1 && m->exact && m->primary && zh::readings().common(han[n - 1]);
  c.weight = m->chars != 1 ? 0.0 : plain ? kPlainWeight : kDeliberateWeight;
  return true;
}

std::string_view reason(zh::GlossSystem s) {
  switch (s) {
    case zh::GlossSystem::pinyin: return "pinyin annotation";
    case zh::GlossSystem::pinyin_numbers: return "pinyin annotation (tone numbers)";
    case zh::GlossSystem::zhuyin: return "zhuyin annotation";
    case zh::GlossSystem::jyutping: return "jyutping annotation";
  }
  return "annotation";
}

// An upper bound of the Han characters: lead bytes of U+3000..U+9FFF and of the supplementary
// ideographic planes (a byte count the compiler vectorises; exact counting is not needed for a
// density threshold, and this keeps long clean texts with a stray gloss fast).
std::size_t count_wide(std::string_view s) {
  std::size_t n = 0;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    n += (c >= 0xE3 && c <= 0xE9) | (c == 0xF0);
  }
  return n;
}

}  // namespace

namespace {

// The next byte at or after `i` that opens a bracket: '(' '[' or the lead byte of a full-width
// one (EF BC 88 / EF BC BB). With SSE2, sixteen bytes at a time, matching the full-width brackets
// whole (EF alone starts every full-width punctuation mark, far too common in Chinese to stop at).
std::size_t next_opening(std::string_view s, std::size_t i) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
#if defined(__SSE2__)
  const __m128i paren = _mm_set1_epi8('('), square = _mm_set1_epi8('['), ef = _mm_set1_epi8(char(0xEF));
  const __m128i bc = _mm_set1_epi8(char(0xBC)), x88 = _mm_set1_epi8(char(0x88)), xbb = _mm_set1_epi8(char(0xBB));
  for (; i + 18 <= n; i += 16) {
    const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 2));
    const __m128i ascii = _mm_or_si128(_mm_cmpeq_epi8(v0, paren), _mm_cmpeq_epi8(v0, square));
    const __m128i wide = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, ef), _mm_cmpeq_epi8(v1, bc)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v2, x88), _mm_cmpeq_epi8(v2, xbb)));
    const int mask = _mm_movemask_epi8(_mm_or_si128(ascii, wide));
    if (mask) return i + std::size_t(std::countr_zero(unsigned(mask)));
  }
#endif
  for (; i < n; ++i) {
    if (b[i] == '(' || b[i] == '[') return i;
    if (b[i] == 0xEF && i + 2 < n && b[i + 1] == 0xBC && (b[i + 2] == 0x88 || b[i + 2] == 0xBB)) return i;
  }
  return n;
}

}  // namespace

bool bracket_char(char32_t cp) noexcept { return cp == U'（' || cp == U'［'; }

bool annotations_stage(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  std::vector<Candidate> found;
  double weight = 0;
  std::size_t chain_end = std::string_view::npos, chain_han = 0;  // glosses that follow a gloss
  std::size_t i = 0;
  for (const Span& range : scan_ranges(ctx.pre, kPreBracket, in.size())) {
    const std::string_view part = in.substr(0, range.end);  // brackets are looked for up to its end
    // `i` may already lie past the range (a gloss that ends there).
    for (std::size_t next = std::max(i, range.begin); (next = next_opening(part, next)) < part.size(); next = i) {
      i = next;
      const auto ch = static_cast<unsigned char>(in[i]);
      const Bracket* b = nullptr;
      if (ch == '(') b = &kBrackets[0];
      else if (ch == '[') b = &kBrackets[1];
      else if (i + 2 < in.size() && in[i + 1] == '\xBC' && in[i + 2] == '\x88') b = &kBrackets[2];
      else if (i + 2 < in.size() && in[i + 1] == '\xBC' && in[i + 2] == '\xBB') b = &kBrackets[3];
      Candidate c;
      std::size_t back = i;  // before the bracket, looking through controls normalize may strip
      while (back > 0 && static_cast<unsigned char>(in[back - 1]) < 0x20 && in[back - 1] != '\t' && in[back - 1] != '\n' &&
             in[back - 1] != '\r')
        --back;
      const std::size_t han_end = back == chain_end ? chain_han : i;
      if (b && candidate_at(in, i, han_end, *b, c)) {
        found.push_back(c);
        weight += c.weight;
        chain_han = han_end;
        chain_end = i = c.span.end;
        continue;
      }
      ++i;
    }
  }
  if (found.empty() || weight < 1.0) return false;
  const std::size_t han = count_wide(in);
  if (weight < kDensity * double(han)) return false;
  // Damaged: every gloss goes. Confidence grows with the evidence.
  const float confidence = float(std::min(1.0, 0.5 + weight / (2.0 * std::max(1.0, kDensity * 20 * double(han)))));
  EditBuilder edit(in, out, o.max_fixes);
  for (const Candidate& c : found) edit.replace(c.span, "", FixKind::annotation, confidence, reason(c.match.system));
  return edit.finish();
}

}  // namespace mojifix::detail

namespace mojifix {

Result annotations(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::annotations_stage);
}

}  // namespace mojifix
