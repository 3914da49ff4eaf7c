// stage.cpp — the byte_shift stage: a fast scan for evidence, then line by line the repair of
// byte-level glosses that split characters (split.hpp) and of one-byte shifts (shift.hpp).
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bmp_bits.hpp"
#include "byteshift/shift.hpp"
#include "byteshift/split.hpp"
#include "model/bmp.hpp"
#include "mojifix/byte_shift.hpp"
#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

constexpr CodecId kCodecs[] = {CodecId::gbk, CodecId::big5, CodecId::sjis};
constexpr std::size_t kSkip = 8;  // characters skipped after a trigger that led nowhere

// model::suspect of the BMP as a bit set (8 KiB, built once): the scan asks it of every CJK
// character.
const BmpBits& suspect_bits() {
  static const BmpBits bits = BmpBits::of([](char32_t cp) { return model::bmp::suspect(cp); });
  return bits;
}

bool suspect(char32_t cp) noexcept { return cp < 0x10000 ? model::bmp::suspect(cp) : model::suspect(cp); }

// Offset of the next character worth a look, from `i` (a character boundary of valid UTF-8):
// '?', a two- or four-byte character, or a suspect three-byte one. With SSE2, sixteen bytes at a
// time: the lead bytes of three-byte characters come as a bit mask and only they are tested
// (only lead bytes can match, so the result is a character boundary).
std::size_t next_look(const unsigned char* b, std::size_t i, std::size_t n, const BmpBits& bits) noexcept {
#if defined(__SSE2__)
  const __m128i question = _mm_set1_epi8('?'), high4 = _mm_set1_epi8(char(0xF0)), e0 = _mm_set1_epi8(char(0xE0));
  const __m128i above_trail = _mm_set1_epi8(char(0xBF)), zero = _mm_setzero_si128();
  while (i + 18 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i lead3 = _mm_cmpeq_epi8(_mm_and_si128(v, high4), e0);
    const __m128i lead = _mm_xor_si128(_mm_cmpeq_epi8(_mm_subs_epu8(v, above_trail), zero), _mm_set1_epi8(-1));
    const unsigned other = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_andnot_si128(lead3, lead))));
    unsigned threes = unsigned(_mm_movemask_epi8(lead3));
    if (other) threes &= (other & (0u - other)) - 1;  // only the ones before the first other hit
    for (; threes; threes &= threes - 1) {
      const std::size_t p = i + std::size_t(std::countr_zero(threes));
      if (bits.test(three_byte_cp(b + p))) return p;
    }
    if (other) return i + std::size_t(std::countr_zero(other));
    i += 16;
  }
#endif
  for (; i < n; ++i) {
    const unsigned c = b[i];
    if (c == '?' || (c >= 0xC0 && ((c & 0xF0) != 0xE0 || i + 3 > n || bits.test(three_byte_cp(b + i))))) return i;
  }
  return n;
}

}  // namespace

bool shift_char(char32_t cp) noexcept { return cp == kReplacement || suspect(cp); }

namespace {

bool cjk_or_lost(char32_t cp) noexcept { return cp == kReplacement || model::is_cjk(cp); }

// Whether the line holding `text[at]` deserves the full treatment (cheap tests first).
bool worth_a_look(std::string_view text, std::size_t at, char32_t cp, std::size_t len) {
  if (cp == kReplacement) return true;
  if (cp == '?') {
    const unsigned char next = at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : 0;
    const bool after_cjk = at > 0 && static_cast<unsigned char>(text[at - 1]) >= 0x80;
    return after_cjk && (next == '(' || next == ',' || next == '!' || (next >= 'a' && next <= 'z') || next >= 0x80);
  }
  if (!suspect(cp)) return false;
  if (model::char_class(cp) == model::Class::halfwidth_kana) return true;
  // A rare character alone is no evidence: another suspect one close by is.
  std::size_t j = at + len;
  for (int k = 0; k < 4 && j < text.size(); ++k) {
    const Decoded d = decode_at(text, j);
    if (d.cp == '\n') break;
    if (d.cp == kReplacement || (d.cp >= 0x80 && suspect(d.cp))) return true;
    if (d.cp >= 0x40 && d.cp <= 0x7E && j + 1 < text.size() && static_cast<unsigned char>(text[j + 1]) >= 0x80 &&
        cjk_or_lost(cp))
      return true;
    j += d.len;
  }
  return false;
}

const char* reason_of(CodecId id, bool split) {
  if (split) {
    switch (id) {
      case CodecId::big5: return "big5 split by inserted ascii";
      case CodecId::sjis: return "shift_jis split by inserted ascii";
      default: return "gbk split by inserted ascii";
    }
  }
  switch (id) {
    case CodecId::big5: return "big5 out of step by one byte";
    case CodecId::sjis: return "shift_jis out of step by one byte";
    default: return "gbk out of step by one byte";
  }
}

bool han(char32_t cp) {
  const model::Class c = model::char_class(cp);
  return c == model::Class::han || c == model::Class::han_rare;
}

// Evidence of a shift around a trigger. A decoder out of step reads trail bytes as lead bytes
// until the next ASCII byte: rare characters in a row, and in the run or where it ends debris: a
// half-width kana, a symbol, an ASCII letter alone after a non-ASCII character (a trail byte read
// alone), U+FFFD or '?'. Clean text has rare characters too (names, classical text), but seldom
// several in a row and seldom next to such debris.
bool debris(std::span<const Ch> cs, std::size_t j) {
  const char32_t cp = cs[j].cp;
  const bool left = j > 0 && cs[j - 1].cp >= 0x80;
  if (cp == kReplacement) return true;
  if (cp < 0x80) {
    if (!left) return false;
    if (cp == '?') return true;
    const bool right = j + 1 == cs.size() || cs[j + 1].cp >= 0x80 || cs[j + 1].cp == '\n';
    return cp >= 0x40 && cp <= 0x7E && right;
  }
  if (!suspect(cp)) return false;
  if (han(cp)) return false;
  if (model::char_class(cp) == model::Class::halfwidth_kana) return true;
  // A symbol counts next to a rare CJK character or a stray ASCII letter only: between plain
  // CJK characters it is in use (the interpunct of foreign names), and in other text it is at
  // home (quotation marks, signs).
  auto odd = [&](std::size_t i) {
    const char32_t x = cs[i].cp;
    if (x == kReplacement) return true;
    if (x >= 0x80) return suspect(x) && model::is_cjk(x);
    return x >= 0x40 && x <= 0x7E && i > 0 && cs[i - 1].cp >= 0x80 &&
           (i + 1 == cs.size() || cs[i + 1].cp >= 0x80 || cs[i + 1].cp == '\n');
  };
  return (j > 0 && odd(j - 1)) || (j + 1 < cs.size() && odd(j + 1));
}

// A rare Han character; a repeated one is not counted (reduplication is a trait of real text).
bool rare_han(std::span<const Ch> cs, std::size_t j) {
  const char32_t cp = cs[j].cp;
  return cp >= 0x80 && suspect(cp) && !(j > 0 && cs[j - 1].cp == cp) && han(cp);
}

bool evidence(std::span<const Ch> cs, std::size_t k) {
  constexpr std::size_t kNear = 6;  // debris this close (characters) counts
  constexpr std::size_t kRun = 5;   // characters of the run looked at
  const std::size_t from = k > kNear ? k - kNear : 0;
  for (std::size_t j = from; j < cs.size() && j <= k + kNear; ++j) {
    if (cs[j].cp == '\n') {
      if (j > k) break;
      continue;
    }
    if (debris(cs, j)) return true;
  }
  // Without debris: a run of rare characters (it ends at the next ASCII character; when it ends
  // that soon, one of them may be common).
  std::size_t len = 0, rare = 0;
  for (std::size_t j = k; j < cs.size() && len < kRun && cs[j].cp >= 0x80; ++j, ++len) rare += rare_han(cs, j);
  return rare >= 3 && (rare == len || (len < kRun && rare + 1 >= len));
}

float confidence(model::Cost gain, bool guess) noexcept {
  const double bits = double(gain) / model::kBit;
  const double c = 1.0 - 1.0 / (1.0 + bits / 16.0);
  return float(guess ? c * 0.5 : c);
}

// Repairs one line [ls, le) of `text`; appends rebuilt stretches to `out`.
void repair_line(std::string_view text, std::size_t ls, std::size_t le, bool guess,
                 std::vector<bs::Rebuild>& out, std::vector<bool>& split, std::vector<Ch>& cs) {
  cs.clear();
  read_chars(text, ls, le, false, cs);
  if (bs::split_repair(cs, guess, out)) {
    split.resize(out.size(), true);
    return;
  }
  // Each attempt reads a bounded stretch; a budget per line keeps the work linear on text that
  // is implausible everywhere.
  std::size_t budget = 8 + cs.size() / 128;
  for (std::size_t k = 0; k < cs.size() && budget > 0;) {
    if (!bs::shift_trigger(cs, k) || !evidence(cs, k)) {
      ++k;
      continue;
    }
    --budget;
    bs::Rebuild best;
    bool found = false;
    std::size_t next = k + 1;
    for (CodecId id : kCodecs) {
      bs::Rebuild r;
      std::size_t end = k + 1;
      if (bs::shift_repair(id, cs, k, guess, r, end) && (!found || r.gain > best.gain)) {
        best = std::move(r);
        found = true;
        next = std::max(next, end);
      }
    }
    if (found) {
      out.push_back(std::move(best));
      split.resize(out.size(), false);
      k = next;
    } else {
      k += kSkip;  // the next attempt would try mostly the same boundaries
    }
  }
}

// repair_line with byte spans (in `text`) instead of character indices.
void line_rebuilds(std::string_view text, std::size_t ls, std::size_t le, bool guess, std::vector<bs::Rebuild>& out,
                   std::vector<bool>& split, std::vector<Ch>& cs) {
  const std::size_t before = out.size();
  repair_line(text, ls, le, guess, out, split, cs);
  for (std::size_t k = before; k < out.size(); ++k) {
    bs::Rebuild& r = out[k];
    const std::size_t from = r.first < cs.size() ? cs[r.first].begin : le;
    const std::size_t to = r.last > r.first ? cs[r.last - 1].end : from;
    r.first = from;
    r.last = to;
  }
}

// Whether the line [ls, le) of `text` with the rebuilds from `first` on applied asks for no
// further repair. A line whose repair would be repaired again is left as it is: the stage is
// idempotent, and a reading that still looks damaged is no sure repair.
bool stable(std::string_view text, std::size_t ls, std::size_t le, std::size_t first, bool guess,
            const std::vector<bs::Rebuild>& rebuilds) {
  std::string line;
  std::size_t at = ls;
  for (std::size_t k = first; k < rebuilds.size(); ++k) {
    const bs::Rebuild& r = rebuilds[k];
    if (r.first < at || r.last > le) return false;
    line.append(text.substr(at, r.first - at)).append(r.text);
    at = r.last;
  }
  line.append(text.substr(at, le - at));
  std::vector<bs::Rebuild> again;
  std::vector<bool> split;
  std::vector<Ch> cs;
  repair_line(line, 0, line.size(), guess, again, split, cs);
  return again.empty();
}

}  // namespace

bool byte_shift_stage(std::string_view in, const Options& options, const Context& ctx, Result& out) {
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::vector<bs::Rebuild> rebuilds;
  std::vector<bool> split;
  std::vector<Ch> cs;
  const auto& bits = suspect_bits();
  std::size_t i = 0;
  for (const Span& range : scan_ranges(ctx.pre, kPreShift, n)) {
    // `i` may already lie past the range (a line repaired whole).
    for (std::size_t next = std::max(i, range.begin); (next = next_look(b, next, range.end, bits)) < range.end; next = i) {
      i = next;
      const Decoded d = decode_utf8(b + i, b + n);
      if (!worth_a_look(in, i, d.cp, d.len)) {
        i += d.len;
        continue;
      }
      const void* nl_before = i ? memrchr(b, '\n', i) : nullptr;
      const std::size_t ls = nl_before ? std::size_t(static_cast<const unsigned char*>(nl_before) - b) + 1 : 0;
      const void* nl_after = std::memchr(b + i, '\n', n - i);
      const std::size_t le = nl_after ? std::size_t(static_cast<const unsigned char*>(nl_after) - b) : n;
      const std::size_t before = rebuilds.size();
      line_rebuilds(in, ls, le, options.guess, rebuilds, split, cs);
      if (rebuilds.size() > before && !stable(in, ls, le, before, options.guess, rebuilds)) {
        rebuilds.resize(before);
        split.resize(before);
      }
      i = le;
    }
  }
  if (rebuilds.empty()) return false;
  EditBuilder eb(in, out, options.max_fixes);
  for (std::size_t k = 0; k < rebuilds.size(); ++k) {
    const bs::Rebuild& r = rebuilds[k];
    eb.replace({r.first, r.last}, r.text, FixKind::byte_shift, confidence(r.gain, r.guess), reason_of(r.codec, split[k]),
               r.lossy, r.guess);
  }
  return eb.finish();
}

}  // namespace mojifix::detail

namespace mojifix {

Result byte_shift(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::byte_shift_stage);
}

}  // namespace mojifix
