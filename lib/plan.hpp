// plan.hpp — building, composing and bounding lists of fixes (internal).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mojifix/fix.hpp"

namespace mojifix::detail {

/// Builds a stage's output from its input: unchanged bytes are copied lazily, replacements
/// are recorded as fixes. Adjacent fixes of the same kind and reason are merged; beyond
/// `max_fixes` every new fix is merged into the previous one (plans stay replayable).
class EditBuilder {
 public:
  EditBuilder(std::string_view input, Result& out, std::size_t max_fixes);

  /// Replaces input[in] by `text`. Spans must come in increasing, non-overlapping order.
  void replace(Span in, std::string_view text, FixKind kind, float confidence, std::string_view reason,
               bool lossy = false, bool guess = false);
  /// Records damage left as it is (report-only fix).
  void report(Span in, FixKind kind, float confidence, std::string_view reason);
  /// Copies the rest of the input; returns false (and leaves `out` empty) when nothing changed.
  bool finish();
  /// Output bytes written so far (copies the input up to `pos` first).
  std::string& text_through(std::size_t pos);
  [[nodiscard]] bool any() const noexcept { return !out_.fixes.empty(); }

 private:
  void copy_to(std::size_t pos);
  void add(Fix fix);

  std::string_view in_;
  Result& out_;
  std::size_t copied_ = 0;  // input bytes consumed so far
  std::size_t max_fixes_;
};

/// Composes two plans: `first` took A to B, `second` took B to C (= `c_text`). Returns the plan
/// from A to C. Fixes that overlap are merged into one (kind of the earlier stage, reasons
/// joined). Positions in B outside `first`'s fixes map back to A by the running length
/// difference, or through `b_to_a` (one entry per B byte, plus one) when it is not empty.
[[nodiscard]] std::vector<Fix> compose(const std::vector<Fix>& first, const std::vector<Fix>& second,
                                       std::string_view c_text,
                                       std::span<const std::uint32_t> b_to_a = {});

/// Merges neighbouring fixes until at most `max_fixes` remain (needs the output text).
void bound_fixes(std::vector<Fix>& fixes, std::string_view out_text, std::size_t max_fixes);

/// Adds `in_delta` / `out_delta` to every span (used when a piece of a stream is repaired).
void shift_fixes(std::vector<Fix>& fixes, std::uint64_t in_delta, std::uint64_t out_delta);

}  // namespace mojifix::detail
