// mojifix/version.hpp — library version.
#pragma once

#include <string_view>

#define MOJIFIX_VERSION_MAJOR 0
#define MOJIFIX_VERSION_MINOR 1
#define MOJIFIX_VERSION_PATCH 0

namespace mojifix {
/// The library version, "MAJOR.MINOR.PATCH".
[[nodiscard]] std::string_view version() noexcept;
}  // namespace mojifix
