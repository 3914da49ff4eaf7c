// rebuild.hpp — a stretch of a line rebuilt from its bytes, and the helpers both repairs share
// (internal to the byte_shift stage).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "byteshift/slots.hpp"
#include "model/model.hpp"
#include "mojibake/chars.hpp"

namespace mojifix::detail::bs {

/// Characters [first, last) of a line replaced by `text`.
struct Rebuild {
  std::size_t first = 0, last = 0;
  std::string text;
  model::Cost gain = 0;
  bool lossy = false;   ///< U+FFFD stands for characters whose bytes are lost
  bool guess = false;   ///< some lost character was filled with the most plausible candidate
  CodecId codec = CodecId::gbk;
};

/// Cost of pieces read after `before` and followed by `after` (0: nothing).
[[nodiscard]] model::Cost pieces_cost(std::span<const Piece> p, char32_t before, char32_t after) noexcept;

/// Fills every lost piece that holds exactly one lost slot among two with the value whose
/// character fits its neighbours best (changes `slots`, re-decodes `pieces`); returns the number
/// filled.
std::size_t guess_lost(CodecId id, std::vector<Slot>& slots, std::vector<Piece>& pieces, char32_t before,
                       char32_t after);

/// Turns the pieces decoded for characters cs[b, e) into a Rebuild of the smallest differing
/// stretch; returns false when they read the same.
bool diff_rebuild(std::span<const Ch> cs, std::size_t b, std::size_t e, std::span<const Piece> pieces,
                  Rebuild& out);

}  // namespace mojifix::detail::bs
