// detect_score.hpp — scoring candidate readings of raw bytes with the plausibility model (internal).
//
// Every candidate codec decodes the same window of the input and sums the model's costs of the
// characters it reads (class transition + character cost, quarter bits): lower is more
// plausible. Runs of ASCII bytes read the same in every ASCII-compatible codec, so their inner
// costs are computed once per window; a candidate pays only for its own characters and for
// entering each run. Scoring stops early once a candidate falls hopelessly behind the best
// reading so far at the same point of the window (Pace).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "detect_tables.hpp"

namespace mojifix::detail::det {

inline constexpr Cost kAborted = std::numeric_limits<Cost>::max();

/// The bytes candidates are scored on, with their ASCII runs prepared.
class Window {
 public:
  /// Prepares bytes [0, n) of an input of `size` bytes.
  Window(const unsigned char* p, std::size_t size, std::size_t n);

  const unsigned char* p;
  std::size_t size;  ///< whole input
  std::size_t n;     ///< scored prefix
  std::size_t nul = 0, ascii = 0, runs = 0;
  std::array<std::uint32_t, 128> high{};  ///< count of each byte 0x80..0xFF in the window
  mutable std::array<Cost, 32> bounds{};  ///< cache of the single-byte readings' bounds
  mutable bool bounds_ready = false;
  std::array<std::uint8_t, 128> present{};  ///< the high bytes (minus 0x80) that occur, `distinct` of them
  unsigned distinct = 0;
  std::array<std::uint32_t, 128> low{};   ///< count of each ASCII byte

  /// For an ASCII byte: where its run of ASCII bytes ends.
  [[nodiscard]] std::size_t run_end(std::size_t i) const noexcept { return end_[i]; }
  /// For ASCII bytes i <= k of one run: the cost of the characters after i up to k.
  [[nodiscard]] Cost inner(std::size_t i, std::size_t k) const noexcept { return cum_[k] - cum_[i]; }

 private:
  // Defined at ASCII bytes only (never read elsewhere, so never cleared).
  std::unique_ptr<std::uint32_t[]> end_;  // where the run ends
  std::unique_ptr<Cost[]> cum_;           // cost of the run from its first byte to this one
};

/// What a scored reading found besides its cost.
struct Reading {
  Cost cost = kAborted;
  std::size_t end = 0;          ///< bytes of the window consumed
  std::size_t chars = 0;        ///< characters read
  std::size_t invalid = 0;      ///< undecodable sequences
  std::size_t letters = 0;      ///< letters other than ASCII ones (all letters for UTF-16/32)
  std::uint8_t variants = 0xFF;  ///< double-byte: variants that define every pair read
  bool four_byte = false;       ///< GB18030 four-byte codes seen
};

/// Kinds of candidate readings.
enum class Kind : std::uint8_t { utf8, utf16le, utf16be, utf32le, utf32be, sbcs, dbcs };

struct Candidate {
  Kind kind;
  std::uint8_t index = 0;  ///< which single-byte codec / double-byte family
  Reading r;
};

/// Early stopping. Every reading records its running cost each 2^kShift bytes (`own`); once a
/// reading is further behind the best complete reading's record (`best`) than `margin` plus a
/// thirty-second of that record, it stops.
struct Pace {
  static constexpr unsigned kShift = 4;
  const std::vector<Cost>* best = nullptr;  ///< nullptr: no complete reading yet
  std::vector<Cost>* own = nullptr;         ///< (w.n >> kShift) + 1 entries
  Cost margin = 0;
};

/// Scores one candidate on the window; gives up (cost kAborted) when it falls behind (`pace`).
Reading score(const Window& w, Kind kind, std::uint8_t index, Pace& pace);

/// Per language, the sum of the letter deltas (Languages) of the characters a reading reads in
/// the window, and the number of its letters in each script (Tables::script). ASCII-compatible
/// readings leave out ASCII bytes: they read them alike.
using ScriptCounts = std::array<std::uint32_t, Tables::kScripts>;
LangCosts letter_deltas(const Window& w, Kind kind, std::uint8_t index, ScriptCounts& scripts);

/// The same for the ASCII letters of the window, as every ASCII-compatible reading reads them.
LangCosts ascii_letter_deltas(const Window& w);

/// Continues a reading past the window to the end of the input without scoring: counts
/// undecodable sequences and narrows the double-byte variants. `from` is where scoring stopped.
void validate_rest(const unsigned char* p, std::size_t size, std::size_t from, Kind kind, std::uint8_t index,
                   Reading& r);

/// Decodes up to `max_chars` characters of a reading (for language guessing), as code points.
void decode_prefix(const unsigned char* p, std::size_t size, Kind kind, std::uint8_t index, std::size_t max_chars,
                   std::vector<char32_t>& out);

}  // namespace mojifix::detail::det
