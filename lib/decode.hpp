// decode.hpp — streaming decoders from raw bytes to UTF-8 (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"

namespace mojifix::detail {

/// Decodes a byte stream piece by piece. Bytes that cannot be decoded become U+FFFD and are
/// reported as FixKind::invalid_bytes fixes: `in` relative to the caller's raw origin, `out`
/// relative to the caller's text buffer.
class Decoder {
 public:
  virtual ~Decoder() = default;

  /// Decodes `bytes`, which start at raw offset `raw_pos` (relative to the caller's origin).
  /// Appends UTF-8 to `text` and fixes to `fixes`; for a mapped decoder also appends, per
  /// UTF-8 byte, the raw offset of the character it came from to `map`. Returns the number of
  /// bytes consumed: an unmapped (UTF-8) decoder leaves an incomplete final character for the
  /// next call unless `flush`.
  virtual std::size_t decode(std::span<const unsigned char> bytes, std::uint64_t raw_pos, bool flush,
                             std::string& text, std::vector<std::uint32_t>* map, std::vector<Fix>& fixes) = 0;

  /// True when text offsets do not follow raw offsets (any codec but UTF-8): `map` is needed.
  [[nodiscard]] virtual bool mapped() const noexcept = 0;

  /// Bytes consumed but held inside the decoder (part of a character not yet complete).
  [[nodiscard]] virtual std::size_t held() const noexcept = 0;
};

/// A decoder for a canonical encoding name; nullptr when the codec cannot be opened.
[[nodiscard]] std::unique_ptr<Decoder> make_decoder(std::string_view canonical);

}  // namespace mojifix::detail
