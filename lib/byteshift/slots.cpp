// slots.cpp — re-encoding decoded text into byte slots and decoding slots again.
#include "byteshift/slots.hpp"

#include "utf8.hpp"

namespace mojifix::detail::bs {

bool lead_byte(CodecId id, std::uint8_t b) noexcept {
  switch (id) {
    case CodecId::sjis: return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    case CodecId::euckr:
    case CodecId::eucjp: return b >= 0xA1 && b <= 0xFE;
    default: return b >= 0x81 && b <= 0xFE;
  }
}

bool trail_byte(CodecId id, std::uint8_t b) noexcept {
  switch (id) {
    case CodecId::gbk: return b >= 0x40 && b <= 0xFE && b != 0x7F;
    case CodecId::big5: return (b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE);
    case CodecId::sjis: return (b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFC);
    default: return b >= 0xA1 && b <= 0xFE;
  }
}

void decode_slots(CodecId id, std::span<const Slot> s, std::vector<Piece>& out) {
  each_piece(id, s, [&](const Piece& p) {
    out.push_back(p);
    return true;
  });
}

bool push_char(CodecId id, char32_t cp, std::uint32_t src, std::vector<Slot>& out) {
  if (cp == kReplacement) {
    out.push_back({0, true, src});
    return true;
  }
  unsigned char b[kMaxCode];
  const int len = encode_char(id, cp, b);
  if (len <= 0) return false;
  for (int k = 0; k < len; ++k) out.push_back({b[k], false, src});
  return true;
}

void append_pieces(std::span<const Piece> p, std::string& out) {
  for (const Piece& x : p) append_utf8(out, x.lost ? kReplacement : x.cp);
}

}  // namespace mojifix::detail::bs
