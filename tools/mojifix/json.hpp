// json.hpp — the JSON the CLI needs: escaping, and reading the top-level members of one
// JSON-lines record without disturbing the others.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mojifix::cli {

/// Appends `utf8` as a JSON string literal (quotes included). Control characters, `"`, `\`,
/// U+0085, U+2028 and U+2029 are escaped, so the output never contains a line break.
void append_json_string(std::string& out, std::string_view utf8);

/// The inside of a JSON string literal for `utf8` (no quotes); pieces cut at character
/// boundaries escape to the pieces of the whole.
void append_json_escaped(std::string& out, std::string_view utf8);

/// One top-level member of a JSON object: its key and the byte span of its raw value.
struct Member {
  std::string key;
  std::size_t begin = 0, end = 0;
};

/// Parses a complete JSON text that must be an object; returns its top-level members in
/// order, or nullopt with `error` set (one short English phrase and the byte offset).
[[nodiscard]] std::optional<std::vector<Member>> parse_object(std::string_view text, std::string& error);

/// Decodes the raw JSON string literal `raw` (with its quotes); nullopt if it is not a string.
/// Lone surrogate escapes become U+FFFD.
[[nodiscard]] std::optional<std::string> decode_string(std::string_view raw);

}  // namespace mojifix::cli
