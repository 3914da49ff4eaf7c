// scan.hpp — the mojibake stage's fast path: one pass that finds where to look (internal).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"

namespace mojifix::detail {

struct ScanResult {
  std::vector<std::size_t> triggers;  ///< byte offsets of characters worth a closer look
  bool controls = false;              ///< NUL or other C0 controls (UTF-16 read as 8-bit?)
  bool c1 = false;                    ///< C1 controls
  bool nul = false;                   ///< NUL characters (ASCII text in UTF-16)
};

/// Scans valid UTF-8: ASCII is skipped eight bytes at a time; a non-ASCII character is a trigger
/// when the model calls it suspect (a non-CJK one alone, a CJK one with another suspect close
/// by, or next to a letter of another script). With `entities`, suspect characters written as
/// HTML references count too. Returns false when there is nothing to look at.
bool scan(std::string_view text, bool entities, ScanResult& out);

/// scan() over the ranges [begin, end) of `ranges` only (sorted, each ending at a line break or
/// the text end): the same result as scan(text) when every line outside them holds no
/// character scan_char() flags in its context, and no '?', '&' or C0 control but tab, LF, CR.
bool scan(std::string_view text, bool entities, std::span<const Span> ranges, ScanResult& out);

inline constexpr std::uint8_t kScanAlways = 1;  ///< can trigger (or help trigger) scan() anywhere
inline constexpr std::uint8_t kScanLone = 2;    ///< can trigger when alone between ASCII bytes
                                                ///< with an ASCII letter on one side
inline constexpr std::uint8_t kScanLead = 4;    ///< can trigger when scan_cont() holds of the
                                                ///< character right after it
inline constexpr std::uint8_t kScanBetween = 8;  ///< can trigger between two ASCII letters when
                                                 ///< scan_between() holds (asked only there: it
                                                 ///< loads the double-byte codecs' tables)
/// What scan() may make of a non-ASCII character (kScan* bits, 0 when nothing).
[[nodiscard]] std::uint8_t scan_char(char32_t cp);
/// A character a single-byte codec makes of a UTF-8 continuation byte (see kScanLead).
[[nodiscard]] bool scan_cont(char32_t cp);
/// A kScanBetween character that triggers between two ASCII letters (Pr羹fung).
[[nodiscard]] bool scan_between(char32_t cp);

}  // namespace mojifix::detail
