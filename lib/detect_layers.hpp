// detect_layers.hpp — the structural layers of detection (internal).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "mojifix/detect.hpp"

namespace mojifix::detail {

using Bytes = std::span<const unsigned char>;

/// A byte-order mark at the start: the encoding and the BOM length.
struct Bom {
  std::string_view encoding;
  std::size_t length;
};
[[nodiscard]] std::optional<Bom> find_bom(Bytes b) noexcept;

/// UTF-16/32 without a BOM, recognised by where the NUL bytes fall; "" when there is no pattern.
[[nodiscard]] std::string_view nul_pattern(Bytes b) noexcept;

/// ISO-2022-JP/KR or HZ recognised by their escape sequences in 7-bit data; "" when none.
[[nodiscard]] std::string_view escape_encoding(Bytes b) noexcept;

/// True for data that is not text: NULs or many control bytes (outside UTF-16/32), or a
/// well-known binary file signature.
[[nodiscard]] bool looks_binary(Bytes b) noexcept;

/// Statistical layer: uchardet, with ICU's CharsetDetector as a second opinion.
[[nodiscard]] Detection statistical(Bytes b);

}  // namespace mojifix::detail
