// prescan.cpp — the shared first pass: per line, the OR of what its characters may mean to
// each stage, from one 64 KiB table of the BMP.
#include "prescan.hpp"

#include <array>
#include <atomic>
#include <algorithm>
#include <bit>
#include <memory>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "bmp_bits.hpp"
#include "mojibake/scan.hpp"
#include "utf8.hpp"
#include "zh_script.hpp"

namespace mojifix::detail {

namespace {

// Bits of the table that need the character's context (never stored in a line): the mojibake
// scan may trigger on a kLone character standing alone between ASCII bytes with an ASCII letter
// beside it, on a kBetween one between two ASCII letters (when scan_between() holds), and on a
// kLead one that a scan_cont() character follows.
constexpr std::uint16_t kLone = 128, kLead = 64, kBetween = 512;  // and one between two letters
constexpr std::uint16_t kContext = kLone | kLead | kBetween;

std::uint16_t char_flags(char32_t cp) {
  std::uint16_t f = 0;
  const unsigned k = zh::char_class(cp) & 7;
  if (k == zh::kSOnly) f |= kPreSimplified;
  if (k == zh::kTOnly) f |= kPreTraditional;
  const std::uint8_t s = scan_char(cp);
  if (s & kScanAlways) f |= kPreMojibake;
  if (s & kScanLone) f |= kLone;
  if (s & kScanLead) f |= kLead;
  if (s & kScanBetween) f |= kBetween;
  if (shift_char(cp)) f |= kPreShift;
  if (nfc_char(cp)) f |= kPreNfc;
  if (bracket_char(cp)) f |= kPreBracket;
  return f;
}

// The flags of the BMP code points (none for ASCII: see kAscii), built a block of 256 at a
// time when first met (a short text needs few; building all takes milliseconds). An entry not
// built yet reads kUnbuilt; threads may build a block at the same time (same values, atomic).
constexpr std::uint16_t kUnbuilt = 256;

class FlagTable {
 public:
  FlagTable() {
    for (auto& e : t_) e.store(kUnbuilt, std::memory_order_relaxed);
  }
  [[nodiscard]] std::uint16_t operator[](char32_t cp) const noexcept { return t_[cp].load(std::memory_order_relaxed); }
  // The entry of `cp`, its block built first when needed.
  [[nodiscard]] std::uint16_t at(char32_t cp) noexcept {
    std::uint16_t f = (*this)[cp];
    if (f & kUnbuilt) {
      const char32_t first = cp & ~char32_t{0xFF};
      for (char32_t c = first; c < first + 0x100; ++c)
        t_[c].store(c < 0x80 ? 0 : char_flags(c), std::memory_order_relaxed);
      f = (*this)[cp];
    }
    return f;
  }

 private:
  std::array<std::atomic<std::uint16_t>, 0x10000> t_;
};

FlagTable& bmp_flags() {
  static const auto table = std::make_unique<FlagTable>();
  return *table;
}

// Flags of the ASCII bytes: '?' (lost characters: mojibake reports, byte_shift), '&' (HTML
// references), brackets, and C0 controls but tab, LF and CR.
constexpr std::array<std::uint8_t, 128> kAscii = [] {
  std::array<std::uint8_t, 128> t{};
  for (unsigned c = 0; c < 0x20; ++c)
    if (c != '\t' && c != '\n' && c != '\r') t[c] = kPreMojibake;
  t['?'] = kPreMojibake | kPreShift;
  t['&'] = kPreMojibake;
  t['('] = t['['] = kPreBracket;
  return t;
}();

class Pass {
 public:
  Pass(std::string_view text, Prescan& out)
      : b_(reinterpret_cast<const unsigned char*>(text.data())), n_(text.size()), out_(out), table_(bmp_flags()) {}

  void run() {
#if defined(__SSE2__)
    // (An AVX2 pass of 32 bytes was measured: 5-10 % faster on Chinese, 25 % slower on English.)
    chars_to(std::min<std::size_t>(n_, 16));  // the chunks below read the byte before them
    back_to_char();
    while (i_ + 19 <= n_) {
      Masks m;
      if (masks16(m)) {
        take(m);
      } else {
        const std::size_t stop = i_ + 16;
        back_to_char();
        chars_to(stop);
      }
    }
    back_to_char();
#endif
    chars_to(n_);
    end_line(n_);
  }

 private:
#if defined(__SSE2__)
  // What a chunk of bytes at i_ holds, one bit per byte.
  struct Masks {
    std::uint32_t lead3 = 0;                      // lead bytes of three-byte characters
    std::uint32_t breaks = 0, c0 = 0;             // LF or CR; other C0 controls but tab
    std::uint32_t question = 0, amp = 0, bracket = 0;
    std::uint32_t lone = 0, between = 0;          // three-byte characters next to letters (kLone, kBetween)
  };

  static unsigned mask(__m128i v) noexcept { return unsigned(_mm_movemask_epi8(v)); }

  static unsigned letters(__m128i v) noexcept {
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));  // non-ASCII stays negative
    return mask(_mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1))));
  }

  // The masks of the sixteen bytes at i_ (1 <= i_, i_ + 19 <= n_); false when they hold a
  // character of two or four bytes (the chunk goes character by character).
  bool masks16(Masks& m) const {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b_ + i_));
    const __m128i lead3v = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(char(0xF0))), _mm_set1_epi8(char(0xE0)));
    const __m128i neg = _mm_cmplt_epi8(v, _mm_setzero_si128());
    const __m128i leadv = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(char(0xBF))), neg);  // C0..FF
    if (mask(_mm_andnot_si128(lead3v, leadv))) return false;
    auto eq = [&](char c) { return mask(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))); };
    const unsigned low = mask(_mm_andnot_si128(neg, _mm_cmplt_epi8(v, _mm_set1_epi8(' '))));
    m.lead3 = mask(lead3v);
    m.breaks = eq('\n') | eq('\r');
    m.c0 = low & ~m.breaks & ~eq('\t');
    m.question = eq('?');
    m.amp = eq('&');
    m.bracket = eq('(') | eq('[');
    if (m.lead3) {
      const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b_ + i_ - 1));
      const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b_ + i_ + 3));
      const unsigned lb = letters(before), la = letters(after);
      m.lone = m.lead3 & ~mask(before) & ~mask(after) & (lb | la);
      m.between = m.lead3 & lb & la;
    }
    return true;
  }

  // Reads the sixteen bytes at i_ from their masks: line by line, the flags of the ASCII bytes
  // and of the three-byte characters (through their lead bytes).
  void take(const Masks& mk) {
    if (!(mk.lead3 | mk.breaks | mk.c0 | mk.question | mk.amp | mk.bracket)) {  // plain ASCII: nothing
      i_ += 16;
      return;
    }
    std::uint32_t todo = 0xFFFF, nl = mk.breaks;
    for (;;) {
      const std::uint32_t part = nl ? ((nl & (0u - nl)) - 1) & todo : todo;
      std::uint16_t f = 0;
      if (part & (mk.question | mk.amp | mk.bracket | mk.c0)) {
        if (part & (mk.question | mk.c0 | mk.amp)) f |= kPreMojibake;
        if (part & mk.question) f |= kPreShift;
        if (part & mk.bracket) f |= kPreBracket;
      }
      for (std::uint32_t m = mk.lead3 & part; m; m &= m - 1) f |= table_[three_byte_cp(b_ + i_ + std::size_t(std::countr_zero(m)))];
      if (f & kUnbuilt) {  // first met: build, then read again
        f &= std::uint16_t(~kUnbuilt);
        for (std::uint32_t m = mk.lead3 & part; m; m &= m - 1)
          f |= table_.at(three_byte_cp(b_ + i_ + std::size_t(std::countr_zero(m))));
      }
      if ((f & kLead) || ((f & kLone) && (mk.lone & part)) || ((f & kBetween) && (mk.between & part)))
        f = context(f, mk.lead3 & part, mk.lone & part, mk.between & part);
      line_ |= std::uint8_t(f & ~kContext);
      if (!nl) break;
      const std::uint32_t bit = nl & (0u - nl);
      end_line(i_ + std::size_t(std::countr_zero(bit)));
      todo &= ~(part | bit);
      nl &= nl - 1;
    }
    i_ += 16;
  }

  // `f` without its context bits, with kPreMojibake when a three-byte character at the `chars`
  // bits makes it: one with kLead that a continuation byte's character follows, one with kLone
  // among the `lone` bits, one with kBetween among the `between` bits.
  std::uint8_t context(std::uint16_t f, std::uint32_t chars, std::uint32_t lone, std::uint32_t between) const {
    const std::uint8_t plain = std::uint8_t(f & ~kContext);
    for (std::uint32_t m = lone | between; m; m &= m - 1) {
      const char32_t cp = three_byte_cp(b_ + i_ + std::size_t(std::countr_zero(m)));
      const std::uint16_t g = table_[cp];
      if ((g & kLone) && (lone & m & (0u - m))) return plain | kPreMojibake;
      if ((g & kBetween) && (between & m & (0u - m)) && scan_between(cp)) return plain | kPreMojibake;
    }
    if (f & kLead) {
      for (std::uint32_t m = chars; m; m &= m - 1) {
        const std::size_t p = i_ + std::size_t(std::countr_zero(m));
        if ((table_[three_byte_cp(b_ + p)] & kLead) && cont_at(p + 3)) return plain | kPreMojibake;
      }
    }
    return plain;
  }
#endif

  // A scan_cont() character starts at byte p.
  [[nodiscard]] bool cont_at(std::size_t p) const {
    if (p >= n_ || b_[p] < 0x80) return false;
    return scan_cont(decode_utf8(b_ + p, b_ + n_).cp);
  }

  void end_line(std::size_t at) {
    constexpr std::uint8_t kBoth = kPreSimplified | kPreTraditional;
    if ((line_ & ~kBoth) || (line_ & kBoth) == kBoth) {
      // Lines in a row with the same flags are one entry (the memory stays a fraction of the
      // text's), but for the script stage's: it reads those line by line.
      auto& v = out_.lines;
      if (!v.empty() && v.back().flags == line_ && v.back().span.end + 1 == start_ && (line_ & kBoth) != kBoth)
        v.back().span.end = at;
      else
        v.push_back({{start_, at}, line_});
    }
    line_ = 0;
    start_ = at + 1;
  }

  // The character [p, e) stands between two ASCII letters.
  [[nodiscard]] bool between(std::size_t p, std::size_t e) const noexcept {
    return p > 0 && e < n_ && ascii_letter(b_[p - 1]) && ascii_letter(b_[e]);
  }

  // The character [p, e) stands between ASCII bytes (or the text ends) with a letter beside it.
  [[nodiscard]] bool lone(std::size_t p, std::size_t e) const noexcept {
    const bool before = p > 0 && b_[p - 1] < 0x80, after = e == n_ || b_[e] < 0x80;
    return before && after && ((p > 0 && ascii_letter(b_[p - 1])) || (e < n_ && ascii_letter(b_[e])));
  }

  // The flags of the non-ASCII character [p, e) in its context.
  [[nodiscard]] std::uint8_t flags_at(char32_t cp, std::size_t p, std::size_t e) const {
    if (cp >= 0x10000) {
      // Outside the BMP: every stage but the script one looks (rare in text).
      const unsigned k = zh::char_class(cp) & 7;
      return std::uint8_t(kPreMojibake | kPreShift | kPreNfc | (k == zh::kSOnly ? kPreSimplified : 0) |
                          (k == zh::kTOnly ? kPreTraditional : 0));
    }
    const std::uint16_t f = table_.at(cp);
    if (!(f & kContext)) return std::uint8_t(f);
    const bool hit = ((f & kLone) && lone(p, e)) || ((f & kLead) && cont_at(e)) ||
                     ((f & kBetween) && between(p, e) && scan_between(cp));
    return std::uint8_t((f & ~kContext) | (hit ? kPreMojibake : 0));
  }

  void chars_to(std::size_t stop) {
    while (i_ < stop) {
      const unsigned c = b_[i_];
      if (c < 0x80) {
        if (c == '\n' || c == '\r') end_line(i_);
        else line_ |= kAscii[c];
        ++i_;
        continue;
      }
      const Decoded d = (c & 0xF0) == 0xE0 && i_ + 2 < n_ ? Decoded{three_byte_cp(b_ + i_), 3, true}
                                                          : decode_utf8(b_ + i_, b_ + n_);
      line_ |= flags_at(d.cp, i_, i_ + d.len);
      i_ += d.len;
    }
  }

  // Back from a chunk end inside a character to its start (a character read twice changes
  // nothing: flags are ORed).
  void back_to_char() {
    for (int k = 0; k < 3 && i_ > 0 && i_ < n_ && (b_[i_] & 0xC0) == 0x80; ++k) --i_;
  }

  const unsigned char* b_;
  std::size_t n_;
  Prescan& out_;
  FlagTable& table_;
  std::size_t i_ = 0, start_ = 0;
  std::uint8_t line_ = 0;
};

}  // namespace

std::vector<Span> Prescan::ranges(std::uint8_t flag) const {
  std::vector<Span> r;
  for (const Line& l : lines) {
    if (!(l.flags & flag)) continue;
    if (!r.empty() && r.back().end + 1 == l.span.begin) r.back().end = l.span.end;
    else r.push_back(l.span);
  }
  return r;
}

void prescan(std::string_view text, Prescan& out) {
  out.lines.clear();
  Pass(text, out).run();
}

std::vector<Span> scan_ranges(const Prescan* pre, std::uint8_t flag, std::size_t size) {
  if (!pre) return {Span{0, size}};
  return pre->ranges(flag);
}

}  // namespace mojifix::detail
