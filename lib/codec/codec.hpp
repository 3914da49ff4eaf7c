// codec.hpp — the codecs the mojibake stage re-encodes and re-decodes with (internal).
//
// Own tables (lib/tables/codecs_sbcs.inc, dbcs_*.inc), never strict converters: a single-byte
// codec maps all 256 bytes ("sloppy" Windows code pages keep undefined bytes as C1 controls and
// also take back C1 controls a Latin-1 decoder made), and a double-byte family merges its
// variants (GBK + GB18030, Big5 + cp950 + HKSCS, Shift_JIS + cp932, EUC-KR + cp949).
#pragma once

#include <cstdint>
#include <string_view>

namespace mojifix::detail {

enum class CodecId : std::uint8_t {
  utf8, utf16le, utf16be,
  cp1252, latin1, cp1250, cp1251, cp1253, cp1254, cp1257, iso8859_2, koi8_r, macroman, cp437, cp866,
  gbk, big5, sjis, euckr, eucjp,
  count_
};

/// One decoded character: `len` bytes; `len == 0` means the byte at the position is invalid.
struct CodecChar {
  char32_t cp;
  std::uint8_t len;
};

/// At most this many bytes per encoded character.
inline constexpr int kMaxCode = 4;

/// Label used in reasons ("windows-1252", "gbk", ...).
[[nodiscard]] std::string_view codec_label(CodecId id) noexcept;

/// True for the single-byte codecs.
[[nodiscard]] constexpr bool single_byte(CodecId id) noexcept {
  return id >= CodecId::cp1252 && id <= CodecId::cp866;
}
[[nodiscard]] constexpr bool double_byte(CodecId id) noexcept { return id >= CodecId::gbk && id < CodecId::count_; }

/// Writes the code of `cp` in `id` to `out`; returns its length, 0 when `cp` has none.
/// `alt` selects an alternative code (a character with two codes in a merged family, e.g. an
/// NEC and an IBM row of cp932); 0 when there is no alternative number `alt`.
[[nodiscard]] int encode_char(CodecId id, char32_t cp, unsigned char* out, int alt = 0) noexcept;

/// Decodes the character at `p` (p < end) in `id`.
[[nodiscard]] CodecChar decode_char(CodecId id, const unsigned char* p, const unsigned char* end) noexcept;

/// Bit `1 << id` set for every codec in which `cp` has a code (`lead` false), or whose code
/// for `cp` starts with a byte that can start a multi-byte UTF-8 sequence, C2..F4 (`lead` true).
/// One table lookup for the BMP.
[[nodiscard]] std::uint32_t codec_mask(char32_t cp, bool lead) noexcept;

/// Bit `1 << id` set for every double-byte codec whose code for `cp` is made of bytes UTF-8
/// uses in multi-byte sequences (80..BF, C2..F4): what UTF-8 read as that codec is made of.
[[nodiscard]] std::uint32_t utf8ish_mask(char32_t cp) noexcept;

/// True when `cp` has a code in `id` (cheap for every codec).
[[nodiscard]] inline bool encodable(CodecId id, char32_t cp) noexcept {
  unsigned char b[kMaxCode];
  return encode_char(id, cp, b) > 0;
}

}  // namespace mojifix::detail
