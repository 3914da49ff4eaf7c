// utf8.hpp — UTF-8 decoding, encoding and validation (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mojifix::detail {

inline constexpr char32_t kReplacement = 0xFFFD;

/// An ASCII letter, A-Z or a-z (the test the scans and the prescan share).
[[nodiscard]] constexpr bool ascii_letter(char32_t c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/// One decoded code point: `len` bytes consumed; `ok` false for an invalid sequence, in which
/// case `len` is the length of its maximal subpart (Unicode 15, 3.9 "U+FFFD substitution").
struct Decoded {
  char32_t cp;
  std::uint8_t len;
  bool ok;
};

/// Decodes the code point at `p` (p < end).
[[nodiscard]] inline Decoded decode_utf8(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned c = p[0];
  if (c < 0x80) return {c, 1, true};
  const std::ptrdiff_t left = end - p;
  if (c >= 0xC2 && c <= 0xDF) {
    if (left >= 2 && (p[1] & 0xC0) == 0x80) return {char32_t(((c & 0x1F) << 6) | (p[1] & 0x3F)), 2, true};
    return {kReplacement, 1, false};
  }
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    if (left < 2 || p[1] < lo || p[1] > hi) return {kReplacement, 1, false};
    if (left < 3 || (p[2] & 0xC0) != 0x80) return {kReplacement, 2, false};
    return {char32_t(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3, true};
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    if (left < 2 || p[1] < lo || p[1] > hi) return {kReplacement, 1, false};
    if (left < 3 || (p[2] & 0xC0) != 0x80) return {kReplacement, 2, false};
    if (left < 4 || (p[3] & 0xC0) != 0x80) return {kReplacement, 3, false};
    return {char32_t(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)), 4,
            true};
  }
  return {kReplacement, 1, false};
}

/// Decodes the code point at byte `i` of valid UTF-8 `s`.
[[nodiscard]] inline Decoded decode_at(std::string_view s, std::size_t i) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  return decode_utf8(b + i, b + s.size());
}

/// Appends the UTF-8 form of `cp` (a scalar value) to `out`.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

/// Number of bytes the UTF-8 form of `cp` takes.
[[nodiscard]] constexpr std::size_t utf8_length(char32_t cp) noexcept {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/// Length of the longest prefix of `s` that is pure ASCII.
[[nodiscard]] std::size_t ascii_prefix(std::string_view s) noexcept;

/// Length of the longest prefix of `s` that is valid UTF-8 (== s.size() when all is valid).
[[nodiscard]] std::size_t valid_prefix(std::string_view s) noexcept;

/// True when `s` is valid UTF-8 (the verdict of valid_prefix(s) == s.size()), 32 bytes at a time
/// with AVX2 when the CPU has it: for callers that need only the verdict (lib/utf8_avx2.cpp).
[[nodiscard]] bool valid_utf8(std::string_view s) noexcept;

/// Offset of the first lead byte (C0..FF) at or after `i` in `s` outside [lo, hi], or s.size():
/// the characters a scan must look at when all others (ASCII, lead bytes lo..hi) cannot concern
/// it. Sixteen bytes at a time with SSE2.
[[nodiscard]] std::size_t next_lead_outside(std::string_view s, std::size_t i, unsigned char lo,
                                            unsigned char hi) noexcept;

/// Start of the code point containing byte `i` of valid UTF-8 (steps back over continuation
/// bytes, at most three).
[[nodiscard]] std::size_t char_start(std::string_view s, std::size_t i) noexcept;

}  // namespace mojifix::detail
