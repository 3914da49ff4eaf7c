// zh_script.cpp — character classes, evidence phrases, units and script regions.
#include "zh_script.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <mutex>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tables/zh_script.inc"
#include "bmp_bits.hpp"
#include "utf8.hpp"

namespace mojifix::detail::zh {

namespace {

// The classes: a flat table for the Basic Multilingual Plane (one load per character on the
// hot path), then the decoded blocks of the generated two-level table for the rest.
struct Classes {
  std::unique_ptr<std::uint8_t[]> blocks;
  std::unique_ptr<std::uint8_t[]> bmp = std::make_unique<std::uint8_t[]>(0x10000);
  Classes() {
    std::string hexes;
    for (const std::string_view part : tables::zh_class_blocks) hexes += part;
    auto hex = [](char c) { return std::uint8_t(c <= '9' ? c - '0' : c - 'a' + 10); };
    blocks = std::make_unique<std::uint8_t[]>(hexes.size() / 2);
    for (std::size_t i = 0; i < hexes.size() / 2; ++i)
      blocks[i] = std::uint8_t(hex(hexes[2 * i]) << 4 | hex(hexes[2 * i + 1]));
    for (char32_t cp = 0; cp < 0x10000; ++cp) bmp[cp] = blocks[std::size_t(tables::zh_class_index[cp >> 8]) << 8 | (cp & 0xFF)];
  }
};

const Classes& classes() {
  static const Classes c;
  return c;
}

const std::uint8_t* class_blocks() { return classes().bmp.get(); }

inline std::uint8_t lookup(const std::uint8_t* bmp, char32_t cp) noexcept {
  if (cp < 0x10000) return bmp[cp];
  return cp < tables::zh_class_limit ? classes().blocks[std::size_t(tables::zh_class_index[cp >> 8]) << 8 | (cp & 0xFF)] : 0;
}

// C0 controls that the normalize stage may strip (all but tab, line feed, carriage return):
// the Chinese stages look through them, so that stripping them cannot change a decision.
bool ignorable(char32_t cp) noexcept { return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'; }

// Punctuation, spaces and line breaks end a unit.
bool breaks_unit(char32_t cp) noexcept {
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '_' || ignorable(cp));
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2000 && cp <= 0x206F) ||
         cp == 0x00B7 || cp == 0x00A0 || cp == 0xFE30 || (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE50 && cp <= 0xFE6B);
}

}  // namespace

std::uint8_t char_class(char32_t cp) noexcept { return lookup(class_blocks(), cp); }

bool fold_compat(std::string_view text, std::string& out) {
  bool any = false;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_at(text, i);
    const bool compat = (d.cp >= 0x2E80 && d.cp <= 0x2FDF) || (d.cp >= 0x3200 && d.cp <= 0x33FF) ||
                        (d.cp >= 0xF900 && d.cp <= 0xFAFF) || (d.cp >= 0x1F200 && d.cp <= 0x1F2FF) ||
                        (d.cp >= 0x2F800 && d.cp <= 0x2FA1F);
    const auto* end = std::end(tables::zh_compat_from);
    const auto* it = compat ? std::lower_bound(std::begin(tables::zh_compat_from), end, d.cp) : end;
    if (it != end && *it == d.cp) {
      if (!any) out.assign(text.substr(0, i));
      any = true;
      out += tables::zh_compat_to[it - std::begin(tables::zh_compat_from)];
    } else if (any) {
      out.append(text.substr(i, d.len));
    }
    i += d.len;
  }
  return any;
}

const Dict& evidence_phrases(bool simplified) {
  static std::once_flag once[2];
  static std::unique_ptr<Dict> dicts[2];
  const int i = simplified ? 0 : 1;
  std::call_once(once[i], [i] {
    const std::span<const std::string_view> data =
        i == 0 ? std::span<const std::string_view>(tables::zh_simplified_phrases) : std::span<const std::string_view>(tables::zh_traditional_phrases);
    dicts[i] = std::make_unique<Dict>(data, nullptr);
  });
  return *dicts[i];
}

bool Tally::japanese() const noexcept {
  // Kana make at least 5% of the Japanese text's characters; a Chinese text may quote a name.
  const std::size_t kana = by_class[kKana];
  if (kana > 0 && kana * 20 >= han() + kana) return true;
  return by_class[kJapanese] > 0 && by_class[kJapanese] >= by_class[kSOnly] + by_class[kTOnly];
}

void tally(std::string_view text, Tally& t) {
  const std::uint8_t* blocks = class_blocks();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  std::uint8_t seen = 0;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    unsigned len;
    const char32_t cp = next_cp(p, len);
    p += len;
    const std::uint8_t k = lookup(blocks, cp);
    ++t.by_class[k & 7];
    seen |= k;
    if (k & (kTwForm | kStdForm | kHkForm)) {
      t.tw += (k & kTwForm) != 0;
      t.std += (k & kStdForm) != 0;
      t.hk += (k & kHkForm) != 0;
    }
  }
  t.seen |= seen;
}

namespace {

// Whether a BMP character is Simplified-only (1) or Traditional-only (2): two bits per code
// point, 16 KiB (the hot loop of mixed_lines stays in the first-level cache).
class ScriptBits {
 public:
  ScriptBits() {
    const std::uint8_t* bmp = class_blocks();
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      const unsigned k = bmp[cp] & 7;
      const std::uint64_t v = k == kSOnly ? 1 : k == kTOnly ? 2 : 0;
      words_[cp >> 5] |= v << (2 * (cp & 31));
    }
  }
  [[nodiscard]] unsigned of(char32_t cp) const noexcept { return unsigned(words_[cp >> 5] >> (2 * (cp & 31))) & 3; }

 private:
  std::array<std::uint64_t, 2048> words_{};
};

const ScriptBits& script_bits() {
  static const ScriptBits bits;
  return bits;
}

// The end of the line holding byte i: the next LF or CR, or n.
std::size_t line_end(const unsigned char* b, std::size_t i, std::size_t n) noexcept {
  while (i < n && b[i] != '\n' && b[i] != '\r') ++i;
  return i;
}

}  // namespace

void mixed_lines(std::string_view text, std::vector<Span>& out) {
  const ScriptBits& bits = script_bits();
  const std::uint8_t* bmp = class_blocks();
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t line_start = 0;
  unsigned line = 0;  // bit 0: Simplified-only seen, bit 1: Traditional-only seen
  constexpr unsigned kBit[8] = {0, 0, 1, 2, 0, 0, 0, 0};
  std::size_t i = 0;  // a character boundary, except inside the sixteen-byte loop
  // Character by character up to `stop` (CR ends a line too: the normalize stage may rewrite it).
  auto chars_to = [&](std::size_t stop) {
    while (i < stop) {
      const unsigned c = b[i];
      if (c < 0x80) {
        if (c == '\n' || c == '\r') {
          if (line == 3) out.push_back({line_start, i});
          line = 0;
          line_start = i + 1;
        }
        ++i;
      } else if ((c & 0xF0) == 0xE0 && i + 2 < n) {
        line |= bits.of(three_byte_cp(b + i));
        i += 3;
      } else {
        unsigned len;
        line |= kBit[lookup(bmp, next_cp(b + i, len)) & 7];
        i += len;
      }
    }
  };
  auto back_to_char = [&] {
    for (int k = 0; k < 3 && i > 0 && i < n && (b[i] & 0xC0) == 0x80; ++k) --i;
  };
#if defined(__SSE2__)
  // Sixteen bytes at a time: the three-byte characters come as a mask of their lead bytes (a
  // character met twice, from a step back to its start, changes nothing); a chunk with a line
  // break or another lead byte goes character by character.
  const __m128i high4 = _mm_set1_epi8(char(0xF0)), e0 = _mm_set1_epi8(char(0xE0));
  const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  const __m128i above_trail = _mm_set1_epi8(char(0xBF)), zero = _mm_setzero_si128();
  while (i + 18 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i lead3 = _mm_cmpeq_epi8(_mm_and_si128(v, high4), e0);
    const __m128i not_lead = _mm_cmpeq_epi8(_mm_subs_epu8(v, above_trail), zero);
    const __m128i other = _mm_andnot_si128(_mm_or_si128(lead3, not_lead), _mm_set1_epi8(-1));
    if (_mm_movemask_epi8(_mm_or_si128(other, _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))))) {
      const std::size_t stop = i + 16;
      back_to_char();
      chars_to(stop);
      continue;
    }
    for (unsigned m = unsigned(_mm_movemask_epi8(lead3)); m; m &= m - 1)
      line |= bits.of(three_byte_cp(b + i + std::size_t(std::countr_zero(m))));
    i += 16;
    if (line == 3) {  // mixed: the rest of the line cannot change that
      i = line_end(b, i, n);
      out.push_back({line_start, i});
      line = 0;
      line_start = i + 1;
      i = std::min(n, i + 1);
    }
  }
  back_to_char();
#endif
  chars_to(n);
  if (line == 3) out.push_back({line_start, n});
}

namespace {

// Counts evidence phrases of one script in the unit [b, e) of `text`: only matches that cover a
// trigger character (`triggers`: their offsets) count, each text position at most once.
std::uint32_t count_phrases(std::string_view text, std::size_t b, std::size_t e, const std::vector<std::size_t>& triggers,
                            const Dict& d) {
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned back = d.max_key_chars() > 0 ? d.max_key_chars() - 1 : 0;
  std::uint32_t n = 0;
  std::size_t covered = b;  // text before this is part of a counted phrase
  for (const std::size_t t : triggers) {
    if (t < covered) continue;
    std::size_t start = t;
    for (unsigned k = 0; k < back && start > std::max(b, covered); ++k) start = char_start(text, start - 1);
    for (std::size_t q = start; q <= t;) {
      Match m;
      if (d.longest(base + q, base + e, m) && q + m.len > t) {
        ++n;
        covered = q + m.len;
        break;
      }
      unsigned len;
      (void)next_cp(base + q, len);
      q += len;
    }
  }
  return n;
}

}  // namespace

std::vector<Unit> units(std::string_view text, bool all) {
  std::vector<Unit> out;
  const std::uint8_t* blocks = class_blocks();
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = base + text.size();
  bool newline = true;
  std::vector<std::size_t> s_triggers, t_triggers;
  for (const auto* p = base; p < end;) {
    unsigned len;
    char32_t cp = next_cp(p, len);
    if (breaks_unit(cp)) {
      newline |= cp == '\n' || cp == '\r';
      p += len;
      continue;
    }
    Unit u;
    u.span.begin = std::size_t(p - base);
    u.line_start = newline;
    s_triggers.clear();
    t_triggers.clear();
    const auto* q = p;
    while (q < end) {
      cp = next_cp(q, len);
      if (breaks_unit(cp)) break;
      const std::uint8_t k = lookup(blocks, cp);
      u.flags |= k;
      switch (k & 7) {
        case kSOnly: ++u.s; break;
        case kTOnly: ++u.t; break;
        case kSLean: ++u.s_lean; break;
        case kTLean: ++u.t_lean; break;
        default: break;
      }
      if (k & kSTrigger) s_triggers.push_back(std::size_t(q - base));
      if (k & kTTrigger) t_triggers.push_back(std::size_t(q - base));
      u.han |= is_han_class(k);
      q += len;
    }
    u.span.end = std::size_t(q - base);
    p = q;
    if (!s_triggers.empty()) u.s_phrases = count_phrases(text, u.span.begin, u.span.end, s_triggers, evidence_phrases(true));
    if (!t_triggers.empty()) u.t_phrases = count_phrases(text, u.span.begin, u.span.end, t_triggers, evidence_phrases(false));
    u.s += u.s_phrases;
    u.t += u.t_phrases;
    if (!all && !u.s && !u.t && !u.s_lean && !u.t_lean && !(u.flags & (kStdForm | kTwForm | kHkForm))) continue;
    out.push_back(u);
    newline = false;
  }
  return out;
}

std::vector<bool> regions(const std::vector<Unit>& us, bool goal_s, double prior) {
  std::vector<bool> out(us.size(), goal_s);
  // Units with evidence; the damage rate the text shows.
  std::vector<std::size_t> ev;
  std::size_t g = 0, o = 0;
  for (std::size_t i = 0; i < us.size(); ++i) {
    if (!us[i].s && !us[i].t) continue;
    ev.push_back(i);
    g += (goal_s ? us[i].s : us[i].t) > 0;
    o += (goal_s ? us[i].t : us[i].s) > 0;
  }
  if (ev.empty()) return out;
  const double rate = std::clamp(double(o) / double(std::max<std::size_t>(1, g + o)), 0.05, 0.9);
  // Costs (negative log-likelihoods): in the goal region a unit of the other script is damage
  // (rate r); in a region of the other script (a quoted passage) a goal unit is rare.
  const double goal_goal = -std::log(1 - rate), goal_other = -std::log(rate);
  constexpr double kOtherGoal = 4.0, kOtherOther = 0.05;
  constexpr double kSwitchLine = 5.0, kSwitchInside = 10.0;
  double cost[2] = {0, 0};  // [0] goal region, [1] other region
  std::vector<std::array<std::uint8_t, 2>> back(ev.size());
  for (std::size_t k = 0; k < ev.size(); ++k) {
    const Unit& u = us[ev[k]];
    const bool has_goal = (goal_s ? u.s : u.t) > 0, has_other = (goal_s ? u.t : u.s) > 0;
    const double em[2] = {goal_goal * has_goal + goal_other * has_other,
                          kOtherGoal * has_goal + kOtherOther * has_other + prior};
    bool line = u.line_start;
    for (std::size_t j = k > 0 ? ev[k - 1] + 1 : 0; j < ev[k] && !line; ++j) line = us[j].line_start;
    const double sw = k == 0 ? 0.0 : line ? kSwitchLine : kSwitchInside;
    double next[2];
    for (int x = 0; x < 2; ++x) {
      const double stay = cost[x], change = cost[1 - x] + sw;
      back[k][x] = stay <= change ? std::uint8_t(x) : std::uint8_t(1 - x);
      next[x] = std::min(stay, change) + em[x];
    }
    cost[0] = next[0];
    cost[1] = next[1];
  }
  int x = cost[0] <= cost[1] ? 0 : 1;
  std::vector<int> path(ev.size());
  for (std::size_t k = ev.size(); k-- > 0;) {
    path[k] = x;
    x = back[k][x];
  }
  // Every unit takes the region of the last unit with evidence before it (the first ones: the
  // first region).
  std::size_t k = 0;
  for (std::size_t i = 0; i < us.size(); ++i) {
    while (k + 1 < ev.size() && ev[k + 1] <= i) ++k;
    const int r = path[k];
    out[i] = r == 0 ? goal_s : !goal_s;
  }
  return out;
}

}  // namespace mojifix::detail::zh
