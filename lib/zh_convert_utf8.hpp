// zh_convert_utf8.hpp — the UTF-8 check convert() runs before converting (internal).
#pragma once

#include <string_view>

namespace mojifix::detail::zh {

/// True when `s` is valid UTF-8 (the same verdict as valid_prefix(s) == s.size()). 32 bytes
/// at a time with AVX2 when the CPU has it (convert() checks every byte of its input first).
[[nodiscard]] bool valid_utf8(std::string_view s) noexcept;

}  // namespace mojifix::detail::zh
