// chars.hpp — the characters the mojibake stage works on: code points with their byte spans,
// an HTML character reference counting as one character when entities are decoded (internal).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace mojifix::detail {

struct Ch {
  char32_t cp;
  std::uint32_t begin, end;  ///< bytes of the input
};

/// Appends the characters of valid UTF-8 `text[from, to)` to `out`. With `entities`, `&name;`,
/// `&#NNN;` and `&#xHH;` become one character each.
void read_chars(std::string_view text, std::size_t from, std::size_t to, bool entities, std::vector<Ch>& out);

/// True when `text` looks like markup (a `<` followed by a letter, `/` or `!`).
[[nodiscard]] bool has_markup(std::string_view text) noexcept;

/// Decodes an HTML character reference at `text[i]` (which is '&'): returns its code point and
/// sets `len`, or returns 0 when there is none.
[[nodiscard]] char32_t entity_at(std::string_view text, std::size_t i, std::size_t& len) noexcept;

}  // namespace mojifix::detail
