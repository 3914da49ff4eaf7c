// split.hpp — characters split by ASCII inserted at byte level (internal to the byte_shift stage).
//
// A byte-level find-and-replace that added `(pinyin)` after the GBK/Big5 code of chosen
// characters also matched the trail byte of one character plus the lead byte of the next, and
// `，`/`！` turned into `,`/`!` the same way. The decoder then read a lead byte followed by `(`
// or `,` as U+FFFD or `?` (sometimes swallowing the `(`), and ran out of step until the next
// ASCII byte. The line is re-encoded with the glosses taken out; every gloss pins the two bytes
// before it to the code of a character with that reading, which recovers most unknown bytes;
// the rest are chosen by the plausibility model or, when nothing determines them, lost.
#pragma once

#include <span>
#include <vector>

#include "byteshift/rebuild.hpp"

namespace mojifix::detail::bs {

/// Repairs one line (its characters `cs`); appends the rebuilt stretches to `out` and returns
/// true when glosses that split characters were found and their constraints hold.
bool split_repair(std::span<const Ch> cs, bool guess, std::vector<Rebuild>& out);

}  // namespace mojifix::detail::bs
