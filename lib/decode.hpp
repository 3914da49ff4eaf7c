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
#include "offset_map.hpp"

namespace mojifix::detail {

/// Decodes a byte stream piece by piece. Bytes that cannot be decoded become U+FFFD and are
/// reported as FixKind::invalid_bytes fixes: `in` relative to the caller's raw origin, `out`
/// relative to the caller's text buffer.
class Decoder {
 public:
  virtual ~Decoder() = default;

  /// Decodes `bytes`, which start at raw offset `raw_pos` (relative to the caller's origin).
  /// Appends UTF-8 to `text` and fixes to `fixes`; for a mapped decoder also adds each
  /// character's raw offset and UTF-8 length to `map`. Returns the number of
  /// bytes consumed: an unmapped (UTF-8) decoder leaves an incomplete final character for the
  /// next call unless `flush`.
  virtual std::size_t decode(std::span<const unsigned char> bytes, std::uint64_t raw_pos, bool flush,
                             std::string& text, OffsetMap* map, std::vector<Fix>& fixes) = 0;

  /// True when text offsets do not follow raw offsets (any codec but UTF-8): `map` is needed.
  [[nodiscard]] virtual bool mapped() const noexcept = 0;

  /// Bytes consumed but held inside the decoder (part of a character not yet complete).
  [[nodiscard]] virtual std::size_t held() const noexcept = 0;
};

/// Which implementation decodes a codec that ICU converts.
enum class DecoderImpl : std::uint8_t {
  fastest,  ///< the table decoder where the codec allows it (single-/multi-byte, stateless), else ICU
  icu,      ///< always ICU's converter (the reference the table decoder is tested against)
};

/// A decoder for a canonical encoding name; nullptr when the codec cannot be opened.
[[nodiscard]] std::unique_ptr<Decoder> make_decoder(std::string_view canonical,
                                                    DecoderImpl impl = DecoderImpl::fastest);

/// A table decoder for ICU converter `icu_name`, or nullptr when the converter is not a
/// stateless single- or multi-byte one (decode_table.cpp). Its output, map and fixes are
/// those of the ICU decoder.
[[nodiscard]] std::unique_ptr<Decoder> make_table_decoder(std::string_view icu_name);

/// The fix for `raw_len` undecodable bytes at `raw` whose U+FFFD starts at text offset `out`.
[[nodiscard]] Fix invalid_fix(std::uint64_t raw, std::size_t raw_len, std::size_t out, std::string_view why);

/// Appends an invalid-bytes fix, merging it with the previous one when both are adjacent.
void push_invalid(std::vector<Fix>& fixes, Fix f);

}  // namespace mojifix::detail
