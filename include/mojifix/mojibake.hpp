// mojifix/mojibake.hpp — the mojibake stage on its own.
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Runs only the mojibake stage on UTF-8 text: finds spans that were decoded with the wrong
/// codec (UTF-8 read as windows-1252, GBK, Shift_JIS, ...; GBK/Big5/Shift_JIS/EUC-KR/windows-1251
/// read as Latin-1; UTF-16 read as 8-bit; up to three layers; HTML-escaped mojibake) and decodes
/// them again the right way. A span is repaired only when the plausibility model prefers the
/// new reading by a clear margin; everything else is left byte for byte. Each Fix names the chain
/// in its reason ("utf-8 read as gbk"). Characters whose bytes were lost become U+FFFD (lossy),
/// or with `options.guess` the most plausible candidate (guess). Text lost before it was
/// mis-decoded (锟斤拷, 烫烫烫, U+FFFD runs) is reported, not changed (FixKind::unrecoverable).
/// Invalid UTF-8 is first replaced by U+FFFD, as in repair().
[[nodiscard]] Result mojibake(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
