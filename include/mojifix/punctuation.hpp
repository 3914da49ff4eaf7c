// mojifix/punctuation.hpp — the punctuation stage on its own (`--cjk-punctuation`).
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

}  // namespace mojifix
