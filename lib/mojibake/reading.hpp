// reading.hpp — one candidate reading: re-encode characters with the codec that wrongly decoded
// them (`outer`) and decode the bytes with the right one (`inner`) (internal).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "codec/codec.hpp"
#include "mojibake/chars.hpp"

namespace mojifix::detail {

/// "inner read as outer": the text was `inner` bytes decoded as `outer`.
struct Chain {
  CodecId inner;
  CodecId outer;
};

/// The chains the stage tries, most common first.
[[nodiscard]] std::span<const Chain> chains() noexcept;

/// A character whose bytes were partly lost: what survived, for guessing.
struct LostChar {
  std::uint32_t at;            ///< byte offset of its U+FFFD in Reading::text
  std::uint8_t bytes[4];       ///< the UTF-8 bytes (unknown ones are 0)
  std::uint8_t known;          ///< bit k set when bytes[k] survived
  std::uint8_t len;            ///< length of the character
};

/// The result of reading a chain over characters [first, last).
struct Reading {
  std::size_t first = 0, last = 0;
  std::string text;            ///< the candidate, UTF-8
  int lost = 0;                ///< characters whose bytes were lost (U+FFFD in `text`)
  int recovered = 0;           ///< non-ASCII characters decoded from complete bytes
  int replaced = 0;            ///< U+FFFD decoded from complete bytes: lost before the mis-decoding
  bool any_c1 = false;         ///< the input had C1 controls (a Latin-1 decoder, not a Windows one)
  bool any_special = false;    ///< the input had characters only the Windows code page has
  bool bom = false;            ///< a UTF-8 byte-order mark was read (and dropped)
  std::vector<LostChar> lost_chars;
};

/// Reads `chain` over `cs` from `from` as far as it decodes, ending at a point where both
/// readings are at a character boundary: before an ASCII character (for ASCII-compatible
/// codecs), before a character `outer` cannot encode, or at the end. With `lossy`, U+FFFD stands
/// for one lost byte and broken sequences become U+FFFD (inner UTF-8 only). Returns false when
/// no character could be read. Work is linear in the characters read.
bool read_chain(const Chain& chain, std::span<const Ch> cs, std::size_t from, bool lossy, Reading& out);

}  // namespace mojifix::detail
