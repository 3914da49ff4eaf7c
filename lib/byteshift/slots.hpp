// slots.hpp — decoded text as the bytes it came from (internal to the byte_shift stage).
//
// A damaged DBCS stream is repaired on its bytes: every character of the decoded text is
// re-encoded in the source codec, one slot per byte; a byte the decoder could not read (U+FFFD,
// `?`) is a slot whose value is lost. Decoding the slots again, after removing inserted bytes or
// adding a lost one, realigns the stream.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "codec/codec.hpp"

namespace mojifix::detail::bs {

/// One byte of the stream.
struct Slot {
  std::uint8_t byte = 0;
  bool lost = false;         ///< the value is unknown
  std::uint32_t src = 0;     ///< index of the character of the damaged text it came from
};

/// One character decoded from slots.
struct Piece {
  char32_t cp = 0;           ///< U+FFFD when lost or invalid
  std::uint32_t first = 0;   ///< first slot
  std::uint8_t n = 0;        ///< slots taken
  bool lost = false;         ///< some slot of it is lost (or the bytes are invalid)
};

/// True when `b` starts a two-byte character in `id` (GBK/Big5/Shift_JIS/EUC).
[[nodiscard]] bool lead_byte(CodecId id, std::uint8_t b) noexcept;
/// True when `b` can follow a lead byte in `id`.
[[nodiscard]] bool trail_byte(CodecId id, std::uint8_t b) noexcept;

/// Decodes `s` like a replacing decoder: an invalid byte is one U+FFFD; a character that holds a
/// lost slot is one lost piece (a lost lead takes the next slot when that can be a trail).
void decode_slots(CodecId id, std::span<const Slot> s, std::vector<Piece>& out);

/// Appends the slots of `cp` in `id` (U+FFFD: one lost slot); returns false when `cp` has no code.
bool push_char(CodecId id, char32_t cp, std::uint32_t src, std::vector<Slot>& out);

/// Appends the UTF-8 of the pieces to `out` (lost pieces as U+FFFD).
void append_pieces(std::span<const Piece> p, std::string& out);

}  // namespace mojifix::detail::bs
