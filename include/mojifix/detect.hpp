// mojifix/detect.hpp — which encoding are these bytes in?
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mojifix {

/// The answer of detect(): a canonical encoding name (lower-case WHATWG/IANA label such as
/// "utf-8", "gb18030", "shift_jis", "windows-1252"), how sure, the second choice and why.
struct Detection {
  std::string encoding;        ///< best guess; "binary" for data that is not text
  float confidence = 0.0f;     ///< 0..1
  std::string runner_up;       ///< second choice ("" when there is none)
  float runner_up_confidence = 0.0f;
  std::string language;        ///< BCP-47 tag when evident ("ja", "zh", "ru"), else ""
  std::string reason;          ///< which layer decided, e.g. "bom", "valid utf-8", "uchardet"
  bool binary = false;         ///< the bytes look like binary data, not text
};

/// Detects the encoding of raw bytes, in layers: byte-order mark, strict UTF-8, UTF-16/32
/// NUL patterns, then statistical detectors (uchardet, with ICU's CharsetDetector as a second
/// opinion). Never throws; empty and pure-ASCII input give "utf-8" (ASCII is a subset).
[[nodiscard]] Detection detect(std::span<const std::byte> bytes) noexcept;

/// Convenience overload for bytes held in a string.
[[nodiscard]] Detection detect(std::string_view bytes) noexcept;

/// The canonical name of an encoding label mojifix can decode ("Shift-JIS" -> "shift_jis",
/// "cp1252" -> "windows-1252"), or nullopt when the label is unknown.
[[nodiscard]] std::optional<std::string> canonical_encoding(std::string_view label);

}  // namespace mojifix
