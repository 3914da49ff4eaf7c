// mojifix/byte_shift.hpp — the byte_shift stage on its own.
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Runs only the byte_shift stage on UTF-8 text: repairs text whose GBK, Big5 or Shift_JIS
/// bytes went out of step before they were decoded: after a byte was lost or came in, or after
/// ASCII was inserted inside characters at byte level (`(pinyin)` glosses added by a byte-level
/// find-and-replace, `，` turned into `,`). The characters are re-encoded, realigned and decoded
/// again; a stretch is rebuilt only when the glosses it removes are readings of the characters
/// they split or the plausibility model prefers the new reading by a clear margin. Every
/// character whose byte is really lost becomes U+FFFD (Fix::lossy), or with `options.guess`
/// the most plausible character (Fix::guess). Clean text is left byte for byte. Invalid UTF-8
/// is first replaced by U+FFFD, as in repair().
[[nodiscard]] Result byte_shift(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
