// scan.cpp — the fast path of the mojibake stage.
#include "mojibake/scan.hpp"

#include <cstring>

#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

// Skips bytes that are ASCII and not C0 controls (tab, LF and CR excepted), eight at a time.
std::size_t skip_plain(const unsigned char* b, std::size_t i, std::size_t n) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  for (;;) {
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, b + i, 8);
      if ((x | ((x - ones * 0x20) & ~x)) & high) break;
    }
    while (i < n && b[i] >= 0x20 && b[i] < 0x80) ++i;
    if (i < n && (b[i] == '\n' || b[i] == '\t' || b[i] == '\r')) {
      ++i;
      continue;
    }
    return i;
  }
}

bool letter(unsigned char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

}  // namespace

bool scan(std::string_view text, bool entities, ScanResult& out) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  out.triggers.clear();
  out.controls = false;
  constexpr std::size_t none = ~std::size_t{0};
  std::size_t last_cjk = none;  // byte offset of the last CJK suspect
  std::size_t latin_run = 0, latin_end = none;  // consecutive non-ASCII Latin letters
  std::size_t i = 0;
  while ((i = skip_plain(b, i, n)) < n) {
    if (b[i] < 0x80) {
      out.controls = true;
      ++i;
      continue;
    }
    // CJK ideographs (lead bytes E4..E9) are common: test them without the general path.
    const Decoded d = decode_utf8(b + i, b + n);
    const char32_t cp = d.cp;
    const std::size_t at = i;
    i += d.len;
    const bool cjk = model::is_cjk(cp);
    if (!cjk) {
      // Three non-ASCII Latin letters in a row are rare in real text (ÂÈÏ, íåê, ...).
      const auto k = model::char_class(cp);
      if (k == model::Class::latin_upper || k == model::Class::latin_lower) {
        latin_run = latin_end == at ? latin_run + 1 : 1;
        latin_end = i;
      }
      if (model::suspect(cp) || (latin_run >= 3 && latin_end == i)) out.triggers.push_back(at);
      continue;
    }
    const bool before = at > 0 && letter(b[at - 1]);
    const bool after = i < n && letter(b[i]);
    if (before && after) {
      out.triggers.push_back(at);
      continue;
    }
    if (!model::suspect(cp)) continue;
    if (before || after || (last_cjk != none && at - last_cjk <= 12)) out.triggers.push_back(at);
    last_cjk = at;
  }
  if (entities) {
    for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '&', std::size_t(text.data() + n - p))));
         ++p) {
      std::size_t len = 0;
      const std::size_t at = std::size_t(p - text.data());
      const char32_t cp = entity_at(text, at, len);
      if (cp >= 0x80 && model::suspect(cp)) out.triggers.push_back(at);
    }
  }
  return !out.triggers.empty() || out.controls;
}

}  // namespace mojifix::detail
