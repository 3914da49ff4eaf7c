// invariants.hpp — checks shared by the fuzz harnesses; a violation aborts (a finding).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mojifix/fix.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant violated: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

/// Strict UTF-8 validity (no surrogates, no overlongs, <= U+10FFFF).
inline bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; if (c == 0xE0) lo = 0xA0; if (c == 0xED) hi = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; if (c == 0xF0) lo = 0x90; if (c == 0xF4) hi = 0x8F; }
    else return false;
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

/// Spans sorted, non-overlapping, inside input and output; fix text equals the output there.
inline void check_spans(std::string_view in, const mojifix::Result& r, bool in_is_text) {
  std::size_t in_end = 0, out_end = 0;
  for (const auto& f : r.fixes) {
    require(f.in.begin >= in_end && f.in.begin <= f.in.end && f.in.end <= in.size(), "input spans sorted and inside");
    require(f.out.begin >= out_end && f.out.begin <= f.out.end && f.out.end <= r.text.size(),
            "output spans sorted and inside");
    require(r.text.compare(f.out.begin, f.out.size(), f.text) == 0, "fix text equals the output at its span");
    if (in_is_text && f.report) require(in.substr(f.in.begin, f.in.size()) == f.text, "report-only fix keeps text");
    in_end = f.in.end;
    out_end = f.out.end;
  }
}

// Clean CJK text from fuzz bytes: each byte below 12 is ASCII punctuation, a space, a newline or a
// digit; any other picks a character of `chars` (BMP, three UTF-8 bytes each). Returns UTF-8.
inline std::string clean_cjk(const std::uint8_t* data, std::size_t size, std::u32string_view chars) {
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint8_t v = data[i];
    if (v < 12) {
      out += ",.!?:; ()\n12"[v];
      continue;
    }
    const char32_t c = chars[(v * 7u + i + 1) % chars.size()];
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
  return out;
}

}  // namespace fuzz
