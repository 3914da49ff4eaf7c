// mojifix/punctuation.hpp — the punctuation stage on its own: restore flattened punctuation, or
// make all ASCII punctuation in CJK text full-width (`--cjk-punctuation`).
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Makes ASCII punctuation in CJK text full-width: `,:;!?` right after or right before a CJK
/// character become `，：；！？`, and a pair `(...)` on one line with a CJK character just
/// outside it (or with CJK text inside) becomes `（...）`. Runs whatever
/// `options.cjk_punctuation` says (repair() runs it only when that is set). Invalid UTF-8 is
/// first replaced by U+FFFD, as in repair().
[[nodiscard]] Result cjk_punctuation(std::string_view utf8, const Options& options = {});

/// Restores full-width punctuation flattened to ASCII (`，：；！（）` written `,:;!()`), taking
/// for granted that the text went through a byte-level tool (repair() does this only in text
/// where byte_shift or annotations repaired something). It acts only when the text has no `，`
/// and its ASCII commas next to Han characters sit where Chinese text writes `，`; then each mark
/// of a family without full-width forms is restored where its context (neighbour classes, a
/// following space, bracket content) usually takes the full-width form in clean Chinese text.
[[nodiscard]] Result restore_punctuation(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
