// prescan.hpp — one pass over the text that tells each stage which lines it must read: on
// clean text most lines hold nothing any stage looks at, and the stages skip them (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"

namespace mojifix::detail {

/// What a line holds (bits of Line::flags).
enum : std::uint8_t {
  kPreSimplified = 1,   ///< a Simplified-only character (zh::kSOnly)
  kPreTraditional = 2,  ///< a Traditional-only character (zh::kTOnly)
  kPreMojibake = 4,     ///< something the mojibake scan may trigger on (scan_char, '?', '&', C0)
  kPreShift = 8,        ///< a character the byte_shift scan stops at (suspect, U+FFFD, '?')
  kPreNfc = 16,         ///< a character NFC may change (the normalize stage's suspects)
  kPreBracket = 32,     ///< an opening bracket an annotation may start with
};

struct Prescan {
  /// The lines (ended by LF, CR or the text end; `end` is that break) with some flag, in
  /// order; a line with only one of kPreSimplified / kPreTraditional is left out. Lines in a
  /// row with the same flags are one entry, unless they have both of those.
  struct Line {
    Span span;
    std::uint8_t flags = 0;
  };
  std::vector<Line> lines;

  /// The ranges a stage reading the lines with `flag` must scan: runs of such lines.
  [[nodiscard]] std::vector<Span> ranges(std::uint8_t flag) const;
};

// Each stage's own test of a non-ASCII character, beside its scan (the prescan's table is built
// from them).
[[nodiscard]] bool shift_char(char32_t cp) noexcept;    ///< byteshift/stage.cpp: next_look() stops
[[nodiscard]] bool nfc_char(char32_t cp) noexcept;      ///< normalize.cpp: an NFC suspect
[[nodiscard]] bool bracket_char(char32_t cp) noexcept;  ///< annotations.cpp: opens a gloss

/// Scans valid UTF-8 `text` once (sixteen bytes at a time with SSE2).
void prescan(std::string_view text, Prescan& out);

/// The ranges of a text of `size` bytes a stage must scan for `flag`: all of it without a
/// prescan.
[[nodiscard]] std::vector<Span> scan_ranges(const Prescan* pre, std::uint8_t flag, std::size_t size);

}  // namespace mojifix::detail
