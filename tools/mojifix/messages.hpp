// messages.hpp — user-facing messages, translated through Boost.Locale catalogs.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace mojifix::cli {

/// The message `id` (English) in the user's language (LC_ALL / LC_MESSAGES / LANG), with
/// `{1}`, `{2}`, ... replaced by `args`. Catalogs are looked for next to the executable
/// (`locale/`, `../share/locale/`), in the install prefix and in $MOJIFIX_LOCALEDIR.
[[nodiscard]] std::string msg(const char* id, std::initializer_list<std::string_view> args = {});

}  // namespace mojifix::cli
