// mojifix/annotations.hpp — the annotations stage on its own: flattened reading glosses.
#pragma once

#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Runs only the annotations stage on UTF-8 text: removes reading glosses that scraping
/// flattened into the text after Han characters — `時(shí)間`, `會(huì)議`, `時（shi2）`, `時[ㄕˊ]`,
/// `時(si4)` — in ASCII or full-width parentheses or brackets. A gloss counts only when it is a
/// valid syllable and a reading of its character (Unihan: kMandarin, kHanyuPinyin, kTGHZ2013,
/// kXHC1983, kHanyuPinlu; kCantonese for jyutping; zhuyin through pinyin). The decision is made
/// for the whole text from the density of glosses: glosses of common characters with their usual
/// reading, more than one per hundred Han characters, mean damage, and then every gloss goes
/// (each removal a `FixKind::annotation` fix). A lone gloss of a rare character or of an unusual
/// reading (银行的行(háng)), a gloss of a whole word (重庆(Chóngqìng)) and parenthesised words stay.
/// Invalid UTF-8 is first replaced by U+FFFD, as in repair().
[[nodiscard]] Result annotations(std::string_view utf8, const Options& options = {});

}  // namespace mojifix
