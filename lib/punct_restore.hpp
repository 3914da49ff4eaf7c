// punct_restore.hpp — which ASCII , : ; ! ( ) stand for full-width marks flattened to ASCII
// (internal; used by the punctuation stage).
#pragma once

#include <cstddef>
#include <span>

namespace mojifix::detail {

/// One decoded character of the text and its byte span.
struct PunctChar {
  char32_t cp;
  std::size_t at;
  std::size_t len;
};

/// Decides, for text in which an earlier stage repaired byte-level damage, whether the full-width
/// punctuation was flattened to ASCII and which marks to restore. Evidence: the text is Han text
/// without any `，`, and its ASCII commas next to Han characters sit in contexts where the clean
/// corpus writes `，` (summed log-likelihood > 0). Then each family (`:`, `;`, `!`, brackets)
/// that also has no full-width form is restored mark by mark where the context usually takes the
/// full-width form (table lib/tables/punct_context.inc). Sets repl[k] to the full-width form of
/// cs[k]; returns whether any was set.
bool restore_flattened(std::span<const PunctChar> cs, std::span<char32_t> repl);

}  // namespace mojifix::detail
