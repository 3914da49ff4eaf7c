// zh_convert.hpp — OpenCC conversion chains over the dictionary tries (internal; reused by
// the script stage and byte-shift repair).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mojifix/convert.hpp"
#include "zh_dict.hpp"

namespace mojifix::detail::zh {

/// Dictionaries tried in order at each position; the first that has any prefix match wins
/// (OpenCC's DictGroup).
struct Group {
  std::array<const Dict*, 3> dicts{};
  unsigned size = 0;
  bool ascii = false;  ///< some key contains ASCII
  /// BMP code points that start a key of some dictionary of the group (a bit each).
  std::vector<std::uint64_t> starts;
};

/// A conversion: the segmentation dictionary and up to three groups applied in turn to each
/// segment.
struct Chain {
  const Dict* segmentation = nullptr;
  std::array<Group, 3> steps{};
  unsigned size = 0;
  bool ascii = false;  ///< some key of some dictionary contains ASCII
  /// Set when the first step starts with the segmentation dictionary and its other
  /// dictionaries have single-character keys only: the segmentation and the first step as one
  /// dictionary, applied in one pass.
  std::unique_ptr<Dict> first;
  /// phrases_from[k]: step k or a later one has keys longer than one character, so it must
  /// not match across a segment edge.
  std::array<bool, 3> phrases_from{};
  /// With `first` and later steps: the value of each segmentation key of `first` taken
  /// through the later steps (a key is a whole segment, converted alone), at composed_at[e]
  /// (offset, length) in `composed` (padded like Dict values).
  std::string composed;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> composed_at;
  /// Steps 1.. as applied to a run, a step of one-character keys only folded into the step
  /// before it when that one has a single dictionary (its values taken through it).
  std::array<Group, 2> later{};
  unsigned later_size = 0;
  std::array<std::unique_ptr<Dict>, 2> later_owned;
  /// BMP code points that start a key of some later step (a bit each).
  std::vector<std::uint64_t> later_starts;
  /// Per entry of `first`: its value holds a character of `later_starts` (or beyond the BMP).
  std::vector<std::uint8_t> later_hit;
  /// Set when the later steps come down to one dictionary and `first` turns each character of
  /// a run into one character (see compose_runs): `first` with the one-character keys of that
  /// dictionary added, every entry's value taken through the whole chain at composed_at[e] ...
  std::unique_ptr<Dict> whole;
  /// ... and the longer keys of that dictionary spelled as the runs that `first` turns into
  /// them, with their values: the whole chain is then one pass over the text.
  std::unique_ptr<Dict> run_phrases;
  /// A bitset over the hashes of the first two code points of the keys of `run_phrases` (all
  /// longer than one character): most text positions start none, and the bit says so in one
  /// branch that rarely goes the other way.
  std::vector<std::uint64_t> run_pairs;
  static constexpr unsigned kRunPairBits = 16;
  [[nodiscard]] static std::uint64_t run_pair_hash(char32_t a, char32_t b) noexcept {
    return ((((std::uint64_t(a) << 21) | b) * 0x9E3779B97F4A7C15ULL) >> (64 - kRunPairBits));
  }
  /// Set when there are two steps, step 1 starts with the segmentation dictionary and its other
  /// dictionaries have one-character keys only (t2s after a variants step: tw2s, hk2s, tw2sp):
  /// the segmentation and step 1's characters as one dictionary, each segmentation key with
  /// its value through both steps at composed_at[e].
  std::unique_ptr<Dict> lead;
  /// With `lead`: step 0 with its trailing one-character dictionaries folded into the one
  /// before (the same matches, fewer look-ups).
  Group lead_step0;
  std::unique_ptr<Dict> lead_folded;
  /// With `lead`: for each character of a segmentation key longer than one character, the
  /// most characters before it (first) and after it (second) in such a key. A key of step 1
  /// can only match across a change of step 0 through the change's first or last character.
  std::unordered_map<char32_t, std::pair<std::uint8_t, std::uint8_t>> lead_reach;
};

/// Offsets of segment edges in a buffer, increasing.
using Cuts = std::vector<std::size_t>;

/// The chain of an OpenCC config (dictionaries built on first use; thread-safe).
[[nodiscard]] const Chain& chain(ConvertConfig config);

/// Traditional (any regional standard) to Simplified for the script stage: t2s, plus the
/// Taiwan reading of 著 as the particle zhe (着 in Simplified) outside the phrases where it is
/// zhù (著名, 顯著: OpenCC's TWVariantsRevPhrases). tw2s would also turn 抬 into 擡 and 么 into
/// 幺 (TWVariantsRev), which t2s never undoes.
[[nodiscard]] const Chain& simplified_chain();

/// simplified_chain() that first undoes what t2s leaves of a naive character-level
/// Simplified -> Traditional converter (ICU's: 甚麼 for 什么; tools/gen/gen_zh_naive.py), for
/// spans of Simplified text that such a converter damaged.
[[nodiscard]] const Chain& naive_simplified_chain();

/// Appends to `out` the conversion of valid UTF-8 `text` by `chain` (OpenCC's algorithm).
void convert_into(const Chain& chain, std::string_view text, std::string& out);

/// Appends to `out` one group applied to valid UTF-8 [b, e) (longest match, else the
/// character), no match crossing an offset of `in` (null: none); records in `cuts` (when not
/// null) where each offset of `in` lands, counted from the size of `out` on entry.
void convert_step(const Group& group, const unsigned char* b, const unsigned char* e, std::string& out,
                  const Cuts* in = nullptr, Cuts* cuts = nullptr);

}  // namespace mojifix::detail::zh
