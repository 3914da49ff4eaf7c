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
#include "utf8.hpp"

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
/// Calls `each(piece)` in order; stops early (returning false) when that returns false.
/// `Slots` is any sequence of slots with size() and operator[].
template <class Slots, class Each>
bool each_piece(CodecId id, const Slots& s, Each&& each) {
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const auto at = std::uint32_t(i);
    const bool next_trail = i + 1 < n && (s[i + 1].lost || trail_byte(id, s[i + 1].byte));
    Piece p;
    if (s[i].lost) {
      p = {kReplacement, at, std::uint8_t(next_trail ? 2 : 1), true};
    } else if (s[i].byte < 0x80) {
      p = {s[i].byte, at, 1, false};
    } else if (i + 1 < n && s[i + 1].lost && lead_byte(id, s[i].byte)) {
      p = {kReplacement, at, 2, true};
    } else {
      unsigned char buf[kMaxCode];
      int k = 0;
      for (; k < kMaxCode && i + std::size_t(k) < n && !s[i + std::size_t(k)].lost; ++k) buf[k] = s[i + std::size_t(k)].byte;
      const CodecChar c = decode_char(id, buf, buf + k);
      p = c.len == 0 ? Piece{kReplacement, at, 1, true} : Piece{c.cp, at, std::uint8_t(c.len), false};
    }
    i += p.n;
    if (!each(p)) return false;
  }
  return true;
}

/// A sequence of slots with one slot put in before `at` or the slot at `at` taken out, read in
/// place (a trial reading of shift repair, without copying the others).
struct EditedSlots {
  std::span<const Slot> base;
  std::size_t at = 0;
  bool insert = true;
  Slot slot{};
  [[nodiscard]] std::size_t size() const noexcept { return insert ? base.size() + 1 : base.size() - 1; }
  [[nodiscard]] const Slot& operator[](std::size_t i) const noexcept {
    if (i < at) return base[i];
    if (insert) return i == at ? slot : base[i - 1];
    return base[i + 1];
  }
  /// The edited sequence as a vector.
  [[nodiscard]] std::vector<Slot> materialize() const {
    std::vector<Slot> v(base.begin(), base.end());
    if (insert) v.insert(v.begin() + std::ptrdiff_t(at), slot);
    else v.erase(v.begin() + std::ptrdiff_t(at));
    return v;
  }
};

/// each_piece() collected in `out`.
void decode_slots(CodecId id, std::span<const Slot> s, std::vector<Piece>& out);

/// Appends the slots of `cp` in `id` (U+FFFD: one lost slot); returns false when `cp` has no code.
bool push_char(CodecId id, char32_t cp, std::uint32_t src, std::vector<Slot>& out);

/// Appends the UTF-8 of the pieces to `out` (lost pieces as U+FFFD).
void append_pieces(std::span<const Piece> p, std::string& out);

}  // namespace mojifix::detail::bs
