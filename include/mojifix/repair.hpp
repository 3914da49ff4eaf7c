// mojifix/repair.hpp — the repair chain: repair() on UTF-8 text, repair_bytes() on raw bytes.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix {

/// Repairs UTF-8 text by running every enabled stage in the fixed order given by stages().
/// Invalid UTF-8 becomes U+FFFD (reported as FixKind::invalid_bytes). Clean text comes back
/// byte-identical with no fixes. Never throws on bad input.
[[nodiscard]] Result repair(std::string_view utf8, const Options& options = {});

/// Detects the encoding of raw bytes (or uses `options.encoding`), decodes them to UTF-8 and
/// repairs the text. Bytes the codec cannot decode become U+FFFD, each run reported with its
/// byte offsets. Binary input is decoded leniently and flagged in `Result::binary`.
/// `Fix::in` spans are offsets into `bytes`.
[[nodiscard]] Result repair_bytes(std::span<const std::byte> bytes, const Options& options = {});

/// Convenience overload for bytes held in a string.
[[nodiscard]] Result repair_bytes(std::string_view bytes, const Options& options = {});

/// Names of the registered stages, in the order repair() runs them.
[[nodiscard]] std::vector<std::string_view> stages();

}  // namespace mojifix
