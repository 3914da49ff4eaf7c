// reading.hpp — one candidate reading: re-encode characters with the codec that wrongly decoded
// them (`outer`) and decode the bytes with the right one (`inner`) (internal).
#pragma once

#include <array>
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

/// The codes of the characters of one line in the outer codecs, each made when first asked for:
/// the readings that start in a window share one re-encoding of it.
class Codes {
 public:
  /// Forgets the codes: `cs` is the line from now on.
  void reset(std::span<const Ch> cs) noexcept {
    cs_ = cs;
    made_ = 0;
  }
  /// The code of character `i` in `id`: its length (0: none) and bytes.
  const unsigned char* at(CodecId id, std::size_t i) {
    auto& v = codes_[std::size_t(id)];
    if (!(made_ >> unsigned(id) & 1)) {
      made_ |= 1u << unsigned(id);
      v.assign(cs_.size(), {kUnmade, 0, 0, 0, 0});
    }
    auto& c = v[i];
    if (c[0] == kUnmade) c[0] = static_cast<unsigned char>(encode_char(id, cs_[i].cp, c.data() + 1));
    return c.data();
  }

 private:
  static constexpr unsigned char kUnmade = 0xFF;
  std::span<const Ch> cs_;
  std::uint32_t made_ = 0;  // bit per codec: its codes are (being) made
  std::array<std::vector<std::array<unsigned char, 1 + kMaxCode>>, std::size_t(CodecId::count_)> codes_;
};

/// Reads `chain` over `cs` from `from` as far as it decodes, ending at a point where both
/// readings are at a character boundary: before an ASCII character (for ASCII-compatible
/// codecs), before a character `outer` cannot encode, or at the end. With `lossy`, U+FFFD stands
/// for one lost byte and broken sequences become U+FFFD (inner UTF-8 only). Returns false when
/// no character could be read. Work is linear in the characters read. `codes`, when given,
/// holds the codes of `cs`.
bool read_chain(const Chain& chain, std::span<const Ch> cs, std::size_t from, bool lossy, Reading& out,
                Codes* codes = nullptr);

}  // namespace mojifix::detail
