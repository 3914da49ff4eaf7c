// version.cpp — library version string.
#include "mojifix/version.hpp"

#define MOJIFIX_STR2(x) #x
#define MOJIFIX_STR(x) MOJIFIX_STR2(x)

namespace mojifix {
std::string_view version() noexcept {
  return MOJIFIX_STR(MOJIFIX_VERSION_MAJOR) "." MOJIFIX_STR(MOJIFIX_VERSION_MINOR) "." MOJIFIX_STR(MOJIFIX_VERSION_PATCH);
}
}  // namespace mojifix
