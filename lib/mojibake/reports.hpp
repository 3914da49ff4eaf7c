// reports.hpp — text lost before it reached us: found and reported, never changed (internal).
#pragma once

#include <string_view>
#include <vector>

#include "mojibake/chars.hpp"
#include "plan.hpp"

namespace mojifix::detail {

/// Reports, as FixKind::unrecoverable, the lost text among characters [from, to) of `cs`: runs
/// of U+FFFD, 锟斤拷 (U+FFFD as UTF-8 read as GBK), 烫烫烫 / 屯屯屯 (uninitialised memory, 0xCC /
/// 0xCD, read as GBK) and runs of '?' next to non-ASCII text.
void report_lost(std::string_view in, const std::vector<Ch>& cs, std::size_t from, std::size_t to, EditBuilder& b);

/// False when report_lost() can find nothing in `cs` (none of the characters it starts at).
[[nodiscard]] bool may_report(const std::vector<Ch>& cs) noexcept;

}  // namespace mojifix::detail
