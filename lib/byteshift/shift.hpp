// shift.hpp — one lost or extra byte in a DBCS stream (internal to the byte_shift stage).
//
// From the byte that went missing, a GBK/Big5/Shift_JIS decoder reads trail bytes as lead bytes
// until the next ASCII byte: a run of rare characters, stray half-width kana and ASCII letters.
// The run is re-encoded, one lost byte is put back (or one extra byte taken out) at each
// character boundary before the first implausible character, the bytes are decoded again and
// the plausibility model compares the readings.
#pragma once

#include <span>

#include "byteshift/rebuild.hpp"

namespace mojifix::detail::bs {

/// Characters that start a closer look: suspect to the model, U+FFFD, or an ASCII letter
/// between two non-ASCII characters (a trail byte read alone).
[[nodiscard]] bool shift_trigger(std::span<const Ch> cs, std::size_t k) noexcept;

/// Tries the repair on the stretch of `cs` around the trigger `t` that `id` can encode (up to
/// the next ASCII byte below 0x40 on each side). On success fills `out` (gain over the original
/// reading, which must exceed the margin) and returns true; `end` receives the end of the
/// stretch either way.
bool shift_repair(CodecId id, std::span<const Ch> cs, std::size_t t, bool guess, Rebuild& out, std::size_t& end);

}  // namespace mojifix::detail::bs
