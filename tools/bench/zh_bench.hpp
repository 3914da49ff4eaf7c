// zh_bench.hpp — benchmark rows for the Chinese capabilities (convert, classify, script).
#pragma once

#include <string>

namespace bench {

/// Rows for convert() (with libopencc as the baseline when the bench was built with it),
/// classify(), and repair() with and without the Chinese stages, on the clean Chinese input.
void zh_rows(const std::string& zh);

}  // namespace bench
