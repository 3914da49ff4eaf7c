// mojifix/fix.hpp — what a repair did: Span, FixKind, Fix, Result, apply_plan().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mojifix {

/// A half-open byte range [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return end == begin; }
  friend constexpr bool operator==(const Span&, const Span&) = default;
};

/// The kind of damage a Fix repaired (or, when `Fix::text` equals the input, only reports).
enum class FixKind : std::uint8_t {
  invalid_bytes,  ///< bytes that are not valid in the source encoding, replaced by U+FFFD
  binary,         ///< the input is binary data, not text
  bom,            ///< a byte-order mark removed
  normalization,  ///< Unicode normalization (NFC / NFKC) changed the text
  newline,        ///< CRLF or CR turned into LF
  control,        ///< a C0 control character removed
  mojibake,       ///< text decoded with the wrong codec, decoded again the right way (the reason
                  ///< names the chain, e.g. "utf-8 read as gbk")
  unrecoverable,  ///< report only: text whose bytes were lost earlier (锟斤拷, 烫烫烫, U+FFFD runs)
  byte_shift,     ///< GBK/Big5/Shift_JIS bytes realigned after a lost or inserted byte or inserted
                  ///< ASCII (byte-level glosses); the reason names the codec and the damage
  punctuation,    ///< ASCII punctuation next to CJK text made full-width (`--cjk-punctuation`)
  annotation,     ///< a flattened reading gloss removed: 時(shí) -> 時
  script,         ///< Chinese text converted to the other script (Simplified / Traditional)
};

/// Stable lower-case name of a kind ("invalid_bytes", "normalization", ...).
[[nodiscard]] std::string_view to_string(FixKind kind) noexcept;

/// One change made to the text. Spans are byte offsets: `in` into the input of the call that
/// produced the Result, `out` into `Result::text`; `text` is the replacement (equal to
/// `Result::text` at `out`).
struct Fix {
  FixKind kind = FixKind::invalid_bytes;
  Span in;
  Span out;
  float confidence = 1.0f;  ///< 0..1: how sure the evidence made the repair
  std::string reason;       ///< short explanation, e.g. "utf-8 read as gbk"
  std::string text;         ///< the replacement bytes
  bool lossy = false;       ///< information was lost: U+FFFD stands for what could not be recovered
  bool guess = false;       ///< the replacement is a plausible guess, not determined by the bytes
  bool report = false;      ///< report only: the damage was found but left as it is (`text` equals
                            ///< the input at `in`)
};

/// Repaired UTF-8 text and the fixes that produced it: sorted by `in.begin`, non-overlapping.
struct Result {
  std::string text;
  std::vector<Fix> fixes;
  std::string encoding = "utf-8";  ///< source encoding (repair_bytes(): the one decoded)
  bool binary = false;             ///< repair_bytes(): the input looked like binary data

  /// True when some fix changed the text (report-only fixes do not count).
  [[nodiscard]] bool changed() const noexcept;
};

/// Replays `fixes` over `input`: copies the bytes between fixes and substitutes `Fix::text`
/// for each `Fix::in`. For a Result of repair(text), apply_plan(text, r.fixes) == r.text.
/// Fixes must be sorted and non-overlapping and lie inside `input`; any that do not are
/// ignored (bad plans are data, not undefined behaviour).
[[nodiscard]] std::string apply_plan(std::string_view input, const std::vector<Fix>& fixes);

}  // namespace mojifix
