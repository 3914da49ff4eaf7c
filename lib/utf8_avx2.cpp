// utf8_avx2.cpp — valid_utf8(): UTF-8 validation 32 bytes at a time (AVX2), after Keiser and Lemire,
// "Validating UTF-8 In Less Than One Instruction Per Byte" (2021): each byte is classified by
// three 16-entry table lookups (high nibble of the previous byte, its low nibble, high nibble
// of this byte) whose AND flags every error visible in two bytes; bytes that must be the third
// or fourth of a sequence are checked by comparing bytes two and three positions back.
#include <cstdint>
#include <cstring>

#include "utf8.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define MOJIFIX_UTF8_AVX2 1
#endif

namespace mojifix::detail {

namespace {

#ifdef MOJIFIX_UTF8_AVX2

// Error bits of a (previous byte, this byte) pair.
constexpr char kTooShort = 1 << 0;   // lead byte or ASCII, then a lead byte or ASCII where a continuation is due
constexpr char kTooLong = 1 << 1;    // ASCII then a continuation
constexpr char kOverlong3 = 1 << 2;  // E0 80..9F
constexpr char kTooLarge = 1 << 3;   // F4 90..BF, F5..FF
constexpr char kSurrogate = 1 << 4;  // ED A0..BF
constexpr char kOverlong2 = 1 << 5;  // C0, C1
constexpr char kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
constexpr char kOverlong4 = 1 << 6;     // F0 80..8F
constexpr char kTwoConts = char(1 << 7);  // a continuation then a continuation
constexpr char kCarry = kTooShort | kTooLong | kTwoConts;

#define MOJIFIX_UTF8_TABLE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)

__attribute__((target("avx2"))) inline __m256i prev_bytes(__m256i in, __m256i prev, int n) {
  const __m256i shifted = _mm256_permute2x128_si256(prev, in, 0x21);
  switch (n) {
    case 1: return _mm256_alignr_epi8(in, shifted, 15);
    case 2: return _mm256_alignr_epi8(in, shifted, 14);
    default: return _mm256_alignr_epi8(in, shifted, 13);
  }
}

// The state carried from one 32-byte block to the next.
struct Check {
  __m256i prev, error, incomplete;
};

__attribute__((target("avx2"))) inline void check_block(Check& c, __m256i in) {
  if (_mm256_movemask_epi8(in) == 0) {  // ASCII: only a sequence left open before it is an error
    c.error = _mm256_or_si256(c.error, c.incomplete);
    c.prev = in;
    c.incomplete = _mm256_setzero_si256();
    return;
  }
  const __m256i byte1_high = MOJIFIX_UTF8_TABLE(
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0___
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10__
      kTooShort | kOverlong2,                                                          // 1100
      kTooShort,                                                                       // 1101
      kTooShort | kOverlong3 | kSurrogate,                                             // 1110
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4);                             // 1111
  const __m256i byte1_low = MOJIFIX_UTF8_TABLE(
      kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
      kCarry | kOverlong2,                            // ____0001
      kCarry, kCarry,                                 // ____001_
      kCarry | kTooLarge,                             // ____0100
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,  // ____1101
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000);
  const __m256i byte2_high = MOJIFIX_UTF8_TABLE(
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0___
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,             // 1000
      kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,                              // 1001
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,                              // 101_
      kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
      kTooShort, kTooShort, kTooShort, kTooShort);  // 11__
  // The last three bytes of a block may not be leads of sequences longer than what remains.
  const __m256i max_tail = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, char(0xF0 - 1),
                                            char(0xE0 - 1), char(0xC0 - 1));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i prev1 = prev_bytes(in, c.prev, 1);
  const __m256i b1h = _mm256_shuffle_epi8(byte1_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
  const __m256i b1l = _mm256_shuffle_epi8(byte1_low, _mm256_and_si256(prev1, nibble));
  const __m256i b2h = _mm256_shuffle_epi8(byte2_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble));
  const __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
  const __m256i third = _mm256_subs_epu8(prev_bytes(in, c.prev, 2), _mm256_set1_epi8(char(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(prev_bytes(in, c.prev, 3), _mm256_set1_epi8(char(0xF0 - 0x80)));
  const __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(char(0x80)));
  c.error = _mm256_or_si256(c.error, _mm256_xor_si256(must23, special));
  c.incomplete = _mm256_subs_epu8(in, max_tail);
  c.prev = in;
}

__attribute__((target("avx2"))) bool valid_avx2(const unsigned char* p, std::size_t n) {
  Check c{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    check_block(c, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    if ((i & 1023) == 0 && !_mm256_testz_si256(c.error, c.error)) return false;
  }
  if (i < n) {  // the tail, padded with ASCII (a sequence it cuts short is then an error)
    alignas(32) unsigned char last[32] = {};
    std::memcpy(last, p + i, n - i);
    check_block(c, _mm256_load_si256(reinterpret_cast<const __m256i*>(last)));
  }
  c.error = _mm256_or_si256(c.error, c.incomplete);
  return _mm256_testz_si256(c.error, c.error) != 0;
}

#undef MOJIFIX_UTF8_TABLE

#endif

}  // namespace

bool valid_utf8(std::string_view s) noexcept {
#ifdef MOJIFIX_UTF8_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return valid_avx2(reinterpret_cast<const unsigned char*>(s.data()), s.size());
#endif
  return valid_prefix(s) == s.size();
}

}  // namespace mojifix::detail
