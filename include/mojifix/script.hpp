// mojifix/script.hpp — the script stage on its own: mixed Simplified/Traditional text.
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Runs only the script stage on UTF-8 text. With `options.to == ScriptTarget::keep` (the
/// default), text that mixes Simplified and Traditional phrases is unified to its dominant
/// script, region by region (a whole quoted passage in the other script is a region of its own
/// and stays); pure text is left alone. With a target, every phrase in the other script is
/// converted (Traditional in the regional standard the text uses, or the one asked for). Each
/// converted phrase is a `FixKind::script` fix. Japanese text is never touched. Conversions
/// use OpenCC's phrase dictionaries (see convert.hpp). Invalid UTF-8 is first replaced by
/// U+FFFD, as in repair().
[[nodiscard]] Result script(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
