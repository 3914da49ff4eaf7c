// encodings.hpp — the codecs mojifix knows: canonical names, aliases, ICU converters (internal).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace mojifix::detail {

struct Encoding {
  std::string_view name;     ///< canonical lower-case label reported to users
  std::string_view icu;      ///< ICU converter used to decode it ("" = own UTF-8 path)
  std::string_view aliases;  ///< space-separated other labels
};

/// All known encodings.
[[nodiscard]] std::span<const Encoding> encodings() noexcept;

/// Finds an encoding by any label (case, '-', '_' and spaces ignored); nullptr if unknown.
[[nodiscard]] const Encoding* find_encoding(std::string_view label) noexcept;

/// The canonical name for a label, or the label lower-cased when unknown.
[[nodiscard]] std::string canonical_encoding(std::string_view label);

/// True for labels decoded by the UTF-8 path (utf-8, ascii).
[[nodiscard]] bool is_utf8(std::string_view canonical) noexcept;

}  // namespace mojifix::detail
