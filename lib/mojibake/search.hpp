// search.hpp — finding and choosing readings for a piece of text (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "mojifix/options.hpp"

namespace mojifix::detail {

/// A chosen re-decoding of characters [first, last).
struct Repair {
  std::size_t first = 0, last = 0;
  std::string text;
  std::string reason;   ///< the chain(s), e.g. "utf-8 read as gbk"
  model::Cost gain = 0; ///< cost of the original minus cost of `text`, quarter bits
  int lost = 0;         ///< characters left as U+FFFD (or guessed)
  bool guess = false;
};

/// Searches characters `cs` for mojibake around the characters at `triggers` (indices into
/// `cs`, increasing) and appends the repairs it chooses (increasing, non-overlapping) to `out`.
/// `depth` counts the layers already undone (a repaired text is searched again, up to three).
void search(const std::vector<Ch>& cs, const std::vector<std::size_t>& triggers, const Options& options,
            int depth, std::vector<Repair>& out);

}  // namespace mojifix::detail
