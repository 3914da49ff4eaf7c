// gloss.hpp — pinyin glosses inside damaged byte streams, and the codes of the characters they
// read (internal to the byte_shift stage).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "mojibake/chars.hpp"

namespace mojifix::detail::bs {

/// A pinyin syllable written with a tone mark (`qǐng`), a tone number (`qing3`) or no tone.
struct Gloss {
  std::size_t end = 0;     ///< index of the character after the closing ')'
  std::string syllable;    ///< ASCII, ü written v
  std::uint8_t tone = 5;   ///< 1-4, 5 = neutral
};

/// Parses `(syl)` at cs[k] (`open`), or `syl)` whose '(' a decoder swallowed (not `open`).
[[nodiscard]] std::optional<Gloss> parse_gloss(std::span<const Ch> cs, std::size_t k, bool open);

/// The two-byte codes in `id` (lead << 8 | trail) of the characters read `g`; false when the
/// syllable is not a Mandarin reading at all.
bool reading_codes(CodecId id, const Gloss& g, std::vector<std::uint16_t>& out);

}  // namespace mojifix::detail::bs
