// chars.cpp — code points with byte spans; HTML character references.
#include "mojibake/chars.hpp"

#include <algorithm>
#include <cstring>

#include "tables/html_entities.inc"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {
bool alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) noexcept { return c >= '0' && c <= '9'; }
int hex(char c) noexcept {
  if (digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

char32_t entity_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  std::size_t j = i + 1;
  if (j >= s.size()) return 0;
  if (s[j] == '#') {
    ++j;
    const bool x = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (x) ++j;
    std::uint32_t v = 0;
    const std::size_t start = j;
    while (j < s.size() && j - start < 8 && (x ? hex(s[j]) >= 0 : digit(s[j]))) v = v * (x ? 16 : 10) + std::uint32_t(x ? hex(s[j]) : s[j] - '0'), ++j;
    if (j == start || j >= s.size() || s[j] != ';' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return 0;
    len = j + 1 - i;
    return v;
  }
  const std::size_t start = j;
  while (j < s.size() && j - start < 10 && (alpha(s[j]) || (j > start && digit(s[j])))) ++j;
  if (j == start || j >= s.size() || s[j] != ';') return 0;
  const std::string_view name = s.substr(start, j - start);
  const auto* b = std::begin(tables::html_entities);
  const auto* e = std::end(tables::html_entities);
  const auto* it = std::lower_bound(b, e, name, [](const tables::HtmlEntity& h, std::string_view n) { return h.name < n; });
  if (it == e || it->name != name) return 0;
  len = j + 1 - i;
  return it->cp;
}

void read_chars(std::string_view text, std::size_t from, std::size_t to, bool entities, std::vector<Ch>& out) {
  for (std::size_t i = from; i < to;) {
    if (entities && text[i] == '&') {
      std::size_t len = 0;
      const char32_t cp = entity_at(text.substr(0, to), i, len);
      if (cp) {
        out.push_back({cp, std::uint32_t(i), std::uint32_t(i + len)});
        i += len;
        continue;
      }
    }
    const Decoded d = decode_at(text, i);
    out.push_back({d.cp, std::uint32_t(i), std::uint32_t(i + d.len)});
    i += d.len;
  }
}

bool has_markup(std::string_view text) noexcept {
  for (std::size_t i = 0; (i = text.find('<', i)) != std::string_view::npos; ++i) {
    if (i + 1 < text.size() && (alpha(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!')) return true;
  }
  return false;
}

}  // namespace mojifix::detail
