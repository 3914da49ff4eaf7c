// corrupt.hpp — making mojibake for tests: text through the wrong codec, with the stage's tables.
#pragma once

#include <string>
#include <string_view>

#include "codec/codec.hpp"
#include "utf8.hpp"

namespace test {

enum class Loss { none, replace, ignore };

/// Bytes decoded with `codec` the way real decoders do: undecodable bytes become U+FFFD
/// (replace, one per byte) or vanish (ignore).
inline std::string decode_as(std::string_view bytes, mojifix::detail::CodecId codec, Loss loss = Loss::none) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const mojifix::detail::CodecChar c = mojifix::detail::decode_char(codec, p, end);
    if (c.len == 0) {
      if (loss == Loss::replace) mojifix::detail::append_utf8(out, 0xFFFD);
      ++p;
      continue;
    }
    mojifix::detail::append_utf8(out, c.cp);
    p += c.len;
  }
  return out;
}

/// Text encoded with `codec` (empty when some character has no code).
inline std::string encode_as(std::string_view text, mojifix::detail::CodecId codec) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto d = mojifix::detail::decode_at(text, i);
    unsigned char b[mojifix::detail::kMaxCode];
    const int n = mojifix::detail::encode_char(codec, d.cp, b);
    if (n == 0) return {};
    out.append(reinterpret_cast<const char*>(b), std::size_t(n));
    i += d.len;
  }
  return out;
}

}  // namespace test
