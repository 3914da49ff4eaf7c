// mojifix/normalize.hpp — the normalize stage on its own.
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Runs only the normalize stage on valid UTF-8: leading BOM removal, NFC/NFKC
/// (`options.form`), line endings (`options.newlines`) and C0 controls
/// (`options.strip_controls`). Invalid UTF-8 is first replaced by U+FFFD, as in repair().
[[nodiscard]] Result normalize(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
