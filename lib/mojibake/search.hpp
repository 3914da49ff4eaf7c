// search.hpp — finding and choosing readings for a piece of text (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "mojifix/options.hpp"

namespace mojifix::detail {

/// A re-decoding of characters [first, last).
struct Repair {
  std::size_t first = 0, last = 0;
  std::string text;
  const std::string* chain_reason = nullptr;  ///< the chain, e.g. "utf-8 read as gbk" (a static string)
  std::string layers_reason;  ///< with further layers: "..., then " + the chain; else empty
  /// The chain(s), e.g. "utf-8 read as gbk".
  [[nodiscard]] const std::string& reason() const noexcept {
    return layers_reason.empty() ? *chain_reason : layers_reason;
  }
  model::Cost gain = 0; ///< cost of the original minus cost of `text`, quarter bits
  int lost = 0;         ///< characters left as U+FFFD (or guessed)
  bool guess = false;
  std::size_t chain = 0;  ///< index into chains() of the outermost layer
  std::size_t chars = 0;  ///< characters of the original
  bool punct_only = false;  ///< too little evidence alone (punctuation only, one legacy character):
                            ///< taken only in the main chain
  bool unchecked = false;   ///< a legacy reading whose stability is not yet known (see stable())
  bool stray = false;       ///< letters of an alphabet nothing else in the line uses: taken only in
                            ///< the main chain, and no evidence for it
};

/// Collects candidate readings of characters `cs` (one line) around the characters at
/// `triggers` (indices into `cs`, increasing). Each candidate has already been searched for
/// further layers (`depth` counts the layers undone so far; three at most).
/// `any_chain`: at depth > 0 try legacy chains too (a stability probe), not only UTF-8 layers.
/// `only`: the chains to try (bit c for chains()[c]); with `exact`, readings start at the
/// triggers only (not in a window around them).
void collect(const std::vector<Ch>& cs, const std::vector<std::size_t>& triggers, const Options& options, int depth,
             std::vector<Repair>& out, bool any_chain = false, std::uint32_t only = ~0u, bool exact = false);

/// Sum of the gains of the candidates per chain (the chain with the most evidence is the one
/// the whole text most likely went through).
void add_gains(const std::vector<Repair>& cands, std::vector<model::Cost>& per_chain);

/// Whether an unchecked legacy reading is stable: text a legacy codec produced is the innermost
/// layer, so if it reads as mojibake again the reading is dropped (else repair() would not be
/// idempotent). The check is costly, so collect() leaves it to the readings that matter: those
/// that may be chosen (choose()) and those of the chain that may become the main one.
/// `live`: the chains with evidence in the text (bit c for chains()[c]): a second repair could make
/// one of them the main chain, so the probe takes their readings with the main chain's margin.
[[nodiscard]] bool stable(Repair& rep, const std::vector<Ch>& cs, const Options& options, std::uint32_t live);

/// Whether check_chain() has anything to check in `cands` for chain `chain`.
[[nodiscard]] bool needs_check(const std::vector<Repair>& cands, std::size_t chain) noexcept;

/// Drops the unstable readings of chain `chain` that add_gains() counts; true when any was
/// unchecked (the sums must then be made again).
bool check_chain(std::vector<Repair>& cands, std::size_t chain, const std::vector<Ch>& cs, const Options& options,
                 std::uint32_t live);

/// Chooses non-overlapping candidates with a clear margin, best gain first; candidates of the
/// preferred chain come first and need less margin. Appends them to `out` in increasing order.
/// The chain the text most likely went through.
struct Preferred {
  int chain = -1;        ///< index into chains(), -1: none has enough evidence
  bool strong = false;   ///< so much evidence that its doubtful readings are taken too
  bool relaxed = false;  ///< any reading that helps is taken (a further layer)
  bool probe = false;    ///< a stability probe (see stable()), not a further layer
  std::uint32_t live = 0;  ///< chains with evidence in the text (bit c for chains()[c])
};

/// A short CJK reading (one or two characters) is dropped when the line holds clean CJK text.
/// Unchecked readings are checked with `options` before they are taken.
void choose(const std::vector<Ch>& cs, std::vector<Repair>& cands, Preferred preferred, std::vector<Repair>& out,
            const Options* options = nullptr);

/// The chain with the largest total gain (readings of punctuation alone do not count) when it
/// is large enough to lend evidence.
[[nodiscard]] Preferred preferred_chain(const std::vector<model::Cost>& per_chain) noexcept;

}  // namespace mojifix::detail
