// stage.hpp — the registry of text stages run by repair() (internal).
#pragma once

#include <span>
#include <string_view>

#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"

namespace mojifix::detail {

struct Prescan;

/// Where a piece of text sits in the document being repaired.
struct Context {
  bool document_start = true;  ///< `in` begins the document (a BOM here is a BOM)
  bool document_end = true;    ///< `in` ends the document
  bool byte_damage = false;    ///< an earlier stage repaired byte-level damage or glosses in `in`
  const Prescan* pre = nullptr;  ///< the prescan of `in`, when one was made (stages read only
                                 ///< the lines it flags for them)
};

/// A text stage: reads valid UTF-8 `in`; when it changes or reports something it fills `out`
/// (text and fixes relative to `in`) and returns true; otherwise returns false and leaves
/// `out` empty (the fast path: nothing is copied).
using StageFn = bool (*)(std::string_view in, const Options& options, const Context& ctx, Result& out);

struct Stage {
  std::string_view name;
  bool (*enabled)(const Options&);
  StageFn run;
  bool byte_evidence = false;  ///< its repairs show the text went through a byte-level tool (Context::byte_damage)
};

/// Registered stages in the fixed order repair() applies them.
[[nodiscard]] std::span<const Stage> registry() noexcept;

/// Replaces invalid UTF-8 by U+FFFD (one per maximal subpart, adjacent ones reported as one
/// fix); returns false when `in` is valid.
bool sanitize_utf8(std::string_view in, Result& out, std::size_t max_fixes);

/// Runs the enabled stages over valid UTF-8 `in`. When some stage changed or reported
/// something, fills `out` (text and the combined plan relative to `in`) and returns true;
/// otherwise returns false and leaves `out` empty (nothing is copied).
bool run_stages(std::string_view in, const Options& options, const Context& ctx, Result& out);

/// One stage on its own, as its public function does it: invalid UTF-8 first becomes U+FFFD
/// (as in repair()), then `fn` runs; the result always holds the text.
[[nodiscard]] Result run_alone(std::string_view utf8, const Options& options, StageFn fn);

// --- stage entry points (each in its own file)
bool mojibake_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);
bool byte_shift_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);
bool punctuation_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);
bool annotations_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);
bool script_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);
bool normalize_stage(std::string_view in, const Options& options, const Context& ctx, Result& out);

}  // namespace mojifix::detail
