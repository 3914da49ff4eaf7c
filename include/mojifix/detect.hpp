// mojifix/detect.hpp — which encoding are these bytes in?
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mojifix {

/// The answer of detect(): a canonical encoding name (lower-case WHATWG/IANA label such as
/// "utf-8", "gb18030", "shift_jis", "windows-1252"), how sure, the second choice and why.
struct Detection {
  std::string encoding;  ///< best guess; "binary" for data that is not text
  /// Estimated probability that `encoding` reads the bytes as intended, in [0, 1]. Calibrated on
  /// a labelled corpus (text of 15 languages re-encoded into every codec that holds it): of the
  /// answers given with confidence c, about a fraction c were right (see README, "Detection").
  float confidence = 0.0f;
  std::string runner_up;  ///< the best reading that gives a different text ("" when none)
  float runner_up_confidence = 0.0f;
  std::string language;   ///< BCP-47 tag when the text makes it evident ("ja", "zh", "ru"), else ""
  std::string reason;     ///< what decided, e.g. "byte-order mark", "valid utf-8", "most plausible text"
  bool binary = false;    ///< the bytes look like binary data, not text
  /// The bytes cannot settle the question: pure ASCII (every ASCII-compatible encoding reads it
  /// the same; `encoding` is "ascii"), or too little evidence to separate the best readings
  /// (`encoding` is then the best guess and `confidence` is low).
  bool undecided = false;
};

/// Detects the encoding of raw bytes. Structural checks come first: byte-order mark, ISO-2022
/// and HZ escapes, pure ASCII, valid UTF-8, UTF-16/32 without BOM. Then every codec that can
/// decode the bytes (UTF-8, UTF-16/32, GB18030/GBK/GB2312, Big5/cp950/Big5-HKSCS, Shift_JIS/cp932,
/// EUC-JP, EUC-KR/cp949, windows-1250…1258, ISO-8859-1/2/5/7/8/9/15, KOI8-R/U, IBM866, TIS-620,
/// macintosh) reads them, and the reading the plausibility model finds most like real text wins;
/// valid UTF-8 wins unless another reading is overwhelmingly better. Within a family the
/// smallest variant that holds every byte is named (gb2312, then gbk, then gb18030; big5, cp950,
/// big5-hkscs; shift_jis, cp932; euc-kr, cp949). Linear in the input size; the statistics look
/// at a bounded prefix. Never throws; empty input gives "ascii".
[[nodiscard]] Detection detect(std::span<const std::byte> bytes) noexcept;

/// Convenience overload for bytes held in a string.
[[nodiscard]] Detection detect(std::string_view bytes) noexcept;

/// The canonical name of an encoding label mojifix can decode ("Shift-JIS" -> "shift_jis",
/// "cp1252" -> "windows-1252"), or nullopt when the label is unknown.
[[nodiscard]] std::optional<std::string> canonical_encoding(std::string_view label);

}  // namespace mojifix
