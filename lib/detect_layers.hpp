// detect_layers.hpp — the structural layers of detection and the language guess (internal).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mojifix/detect.hpp"

namespace mojifix::detail {

using Bytes = std::span<const unsigned char>;

/// A byte-order mark at the start: the encoding and the BOM length.
struct Bom {
  std::string_view encoding;
  std::size_t length;
};
[[nodiscard]] std::optional<Bom> find_bom(Bytes b) noexcept;

/// 7-bit data in ISO-2022-JP, ISO-2022-KR or HZ, recognised by well-formed escape (or shift)
/// sequences around well-formed double-byte text; "" when there are none or they are broken.
[[nodiscard]] std::string_view escape_encoding(Bytes b) noexcept;

/// True for data that is not text: a well-known binary file signature, NUL bytes, or many
/// control bytes (UTF-16/32 text is recognised before this is asked).
[[nodiscard]] bool looks_binary(Bytes b) noexcept;

/// The language of decoded text when its letters make it evident (BCP-47: "ja", "zh", "ru",
/// "uk", "el", "pl", ...), else "".
[[nodiscard]] std::string_view guess_language(const std::vector<char32_t>& text) noexcept;

}  // namespace mojifix::detail
