// glob.hpp — the patterns of --include and --exclude.
#pragma once

#include <string_view>

namespace mojifix::cli {

/// True when `glob` matches `name`: `*` and `?` stop at '/', `**` crosses it, `[...]` and
/// `[!...]` are classes. A pattern without '/' is matched against the base name only.
[[nodiscard]] bool glob_match(std::string_view glob, std::string_view name);

}  // namespace mojifix::cli
