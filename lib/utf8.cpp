// utf8.cpp — fast scans over UTF-8 (ASCII eight bytes at a time).
#include "utf8.hpp"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mojifix::detail {

namespace {
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

inline std::uint64_t load8(const unsigned char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
}  // namespace

std::size_t ascii_prefix(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    if ((load8(b + i) | load8(b + i + 8) | load8(b + i + 16) | load8(b + i + 24)) & kHighBits) break;
  }
  for (; i + 8 <= n; i += 8)
    if (load8(b + i) & kHighBits) break;
  while (i < n && b[i] < 0x80) ++i;
  return i;
}

namespace {

#if defined(__SSE2__)
// Bytes `k` places earlier: (prev:cur) shifted right by k bytes (k = 1..3).
template <int k>
__m128i earlier(__m128i prev, __m128i cur) noexcept {
  return _mm_or_si128(_mm_slli_si128(cur, k), _mm_srli_si128(prev, 16 - k));
}

// A prefix of `s` that is valid UTF-8 and ends at a character boundary, checked sixteen bytes
// at a time: a byte is a continuation byte exactly where a lead byte one to three places
// earlier asks for one, and no byte is C0, C1 or F5..FF, and the second byte after E0, ED, F0,
// F4 lies in its narrower range. The first chunk with a fault (or an unfinished character at
// the end) is left to the byte-wise check.
std::size_t valid_prefix_sse2(const unsigned char* b, std::size_t n) noexcept {
  auto set = [](int c) { return _mm_set1_epi8(char(c)); };
  const __m128i zero = _mm_setzero_si128();
  __m128i prev = zero;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    if (!_mm_movemask_epi8(_mm_or_si128(v, prev))) {  // ASCII after ASCII
      prev = v;
      continue;
    }
    const __m128i p1 = earlier<1>(prev, v), p2 = earlier<2>(prev, v), p3 = earlier<3>(prev, v);
    // Signed bytes: continuation bytes are -128..-65, lead bytes C0.. are -64..-1.
    const __m128i cont = _mm_cmplt_epi8(v, set(-64));
    const __m128i wanted = _mm_or_si128(
        _mm_and_si128(_mm_cmpgt_epi8(p1, set(-65)), _mm_cmplt_epi8(p1, zero)),
        _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(p2, set(-33)), _mm_cmplt_epi8(p2, zero)),
                     _mm_and_si128(_mm_cmpgt_epi8(p3, set(-17)), _mm_cmplt_epi8(p3, zero))));
    __m128i bad = _mm_xor_si128(cont, wanted);
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpgt_epi8(v, set(-12)), _mm_cmplt_epi8(v, zero)));  // F5..FF
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, set(0xC0)), _mm_cmpeq_epi8(v, set(0xC1))));
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(p1, set(0xE0)), _mm_cmplt_epi8(v, set(-96))));  // < A0
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(p1, set(0xED)), _mm_cmpgt_epi8(v, set(-97))));  // > 9F
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(p1, set(0xF0)), _mm_cmplt_epi8(v, set(-112))));  // < 90
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(p1, set(0xF4)), _mm_cmpgt_epi8(v, set(-113))));  // > 8F
    if (_mm_movemask_epi8(bad)) break;
    prev = v;
  }
  // Back to the start of the character that holds byte i - 1: a lead byte there may still
  // want continuation bytes; the byte-wise check goes on from there.
  if (i > 0) {
    --i;
    for (int k = 0; k < 3 && i > 0 && (b[i] & 0xC0) == 0x80; ++k) --i;
  }
  return i;
}
#endif

}  // namespace

std::size_t valid_prefix(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = b + s.size();
#if defined(__SSE2__)
  std::size_t i = valid_prefix_sse2(b, s.size());
#else
  std::size_t i = ascii_prefix(s);
#endif
  while (i < s.size()) {
    if (b[i] < 0x80) {
      if (i + 8 <= s.size() && !(load8(b + i) & kHighBits)) {
        i += 8;
        continue;
      }
      ++i;
      continue;
    }
    // Most non-ASCII text is runs of three-byte sequences whose lead byte needs no range check
    // of the second byte (E1..EC, EE, EF): checked with one masked compare each.
    while (i + 3 <= s.size()) {
      const std::uint32_t w = std::uint32_t(b[i]) | std::uint32_t(b[i + 1]) << 8 | std::uint32_t(b[i + 2]) << 16;
      const unsigned lead = b[i];
      if ((w & 0x00C0C0F0u) != 0x008080E0u || lead == 0xE0 || lead == 0xED) break;
      i += 3;
    }
    if (i >= s.size() || b[i] < 0x80) continue;
    const Decoded d = decode_utf8(b + i, end);
    if (!d.ok) return i;
    i += d.len;
  }
  return s.size();
}

std::size_t next_lead_outside(std::string_view s, std::size_t i, unsigned char lo, unsigned char hi) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128(), above_trail = _mm_set1_epi8(char(0xBF));
  const __m128i from = _mm_set1_epi8(char(lo)), width = _mm_set1_epi8(char(hi - lo));
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    const __m128i not_lead = _mm_cmpeq_epi8(_mm_subs_epu8(v, above_trail), zero);
    const __m128i inside = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, from), width), zero);
    const int mask = ~_mm_movemask_epi8(_mm_or_si128(not_lead, inside)) & 0xFFFF;
    if (mask) return i + std::size_t(__builtin_ctz(unsigned(mask)));
  }
#endif
  for (; i < n; ++i)
    if (b[i] >= 0xC0 && (b[i] < lo || b[i] > hi)) return i;
  return n;
}

std::size_t char_start(std::string_view s, std::size_t i) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (int k = 0; k < 3 && i > 0 && i < s.size() && (b[i] & 0xC0) == 0x80; ++k) --i;
  return i;
}

}  // namespace mojifix::detail
