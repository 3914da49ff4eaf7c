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
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const auto at = std::uint32_t(i);
    const bool next_trail = i + 1 < n && (s[i + 1].lost || trail_byte(id, s[i + 1].byte));
    if (s[i].lost) {
      const std::uint8_t len = next_trail ? 2 : 1;
      out.push_back({kReplacement, at, len, true});
      i += len;
      continue;
    }
    const std::uint8_t b = s[i].byte;
    if (b < 0x80) {
      out.push_back({b, at, 1, false});
      ++i;
      continue;
    }
    if (i + 1 < n && s[i + 1].lost && lead_byte(id, b)) {
      out.push_back({kReplacement, at, 2, true});
      i += 2;
      continue;
    }
    unsigned char buf[kMaxCode];
    int k = 0;
    while (k < kMaxCode && i + std::size_t(k) < n && !s[i + std::size_t(k)].lost) {
      buf[k] = s[i + std::size_t(k)].byte;
      ++k;
    }
    const CodecChar c = decode_char(id, buf, buf + k);
    if (c.len == 0) {
      out.push_back({kReplacement, at, 1, true});
      ++i;
    } else {
      out.push_back({c.cp, at, c.len, false});
      i += c.len;
    }
  }
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
