// scan.hpp — the mojibake stage's fast path: one pass that finds where to look (internal).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

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

}  // namespace mojifix::detail
