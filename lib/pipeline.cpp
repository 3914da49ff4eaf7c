// pipeline.cpp — repair(): sanitize UTF-8, then run the registered stages in order.
#include <algorithm>
#include <array>
#include <utility>

#include "mojifix/repair.hpp"
#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {
constexpr std::array kStages{
    Stage{"mojibake", [](const Options& o) { return o.mojibake; }, &mojibake_stage},
    Stage{"byte_shift", [](const Options& o) { return o.byte_shift; }, &byte_shift_stage, true},
    Stage{"annotations", [](const Options& o) { return o.annotations; }, &annotations_stage, true},
    Stage{"script", [](const Options& o) { return o.script; }, &script_stage},
    Stage{"punctuation", [](const Options& o) { return o.punctuation || o.cjk_punctuation; }, &punctuation_stage},
    Stage{"normalize", [](const Options& o) { return o.normalize; }, &normalize_stage},
};
}  // namespace

std::span<const Stage> registry() noexcept { return kStages; }

bool sanitize_utf8(std::string_view in, Result& out, std::size_t max_fixes) {
  if (valid_utf8(in)) return false;  // the usual case, 32 bytes at a time
  std::size_t i = valid_prefix(in);
  EditBuilder b(in, out, max_fixes);
  const auto* base = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = base + in.size();
  while (i < in.size()) {
    const Decoded d = decode_utf8(base + i, end);
    if (d.ok) {
      i += d.len;
      const std::size_t ok = valid_prefix(in.substr(i));
      i += ok;
      continue;
    }
    b.replace({i, i + d.len}, "\xEF\xBF\xBD", FixKind::invalid_bytes, 1.0f, "invalid utf-8", true);
    i += d.len;
  }
  return b.finish();
}

bool run_stages(std::string_view in, const Options& options, const Context& context, Result& out) {
  out = Result{};
  // The punctuation stage restores flattened punctuation only where a stage with byte evidence
  // (byte_shift, annotations) repaired something in the same text.
  Context ctx = context;
  // One pass tells each stage which lines it must read; it holds while the text is `in`. It
  // pays off on longer texts (a short one is read by each stage whole: no table to build), and
  // only when some stage is on.
  constexpr std::size_t kPrescanFrom = 4096;
  Prescan pre;
  if (in.size() >= kPrescanFrom &&
      std::any_of(kStages.begin(), kStages.end(), [&](const Stage& s) { return s.enabled(options); })) {
    prescan(in, pre);
    ctx.pre = &pre;
  }
  bool any = false;
  Result step;
  // A later stage can change what an earlier one sees (a removed control character next to
  // mojibake): while the text changes, the chain runs again (up to three rounds; the third for
  // text a later stage rebuilt into mojibake, found by fuzz_repair) so that repair() is idempotent.
  constexpr int kRounds = 3;
  for (int round = 0; round < kRounds; ++round) {
    bool changed = false;
    for (const Stage& s : kStages) {
      if (!s.enabled(options)) continue;
      if (!s.run(any ? std::string_view(out.text) : in, options, ctx, step)) continue;
      changed = changed || step.changed();
      if (step.changed()) ctx.pre = nullptr;
      if (step.changed() && s.byte_evidence) ctx.byte_damage = true;
      if (round > 0 && !step.changed()) {  // reports already made in the first round
        step = Result{};
        continue;
      }
      out.fixes = any ? compose(out.fixes, step.fixes, step.text) : std::move(step.fixes);
      out.text = std::move(step.text);
      any = true;
      step = Result{};
    }
    if (!changed) break;
  }
  if (any) bound_fixes(out.fixes, out.text, options.max_fixes);
  return any;
}

Result run_alone(std::string_view utf8, const Options& options, StageFn fn) {
  Result clean;
  const bool had_invalid = sanitize_utf8(utf8, clean, options.max_fixes);
  const std::string_view text = had_invalid ? std::string_view(clean.text) : utf8;
  Result r;
  if (!fn(text, options, Context{}, r)) r.text = std::string(text);
  if (had_invalid) r.fixes = compose(clean.fixes, r.fixes, r.text);
  return r;
}

}  // namespace mojifix::detail

namespace mojifix {

Result repair(std::string_view utf8, const Options& options) {
  Result clean;
  const bool had_invalid = detail::sanitize_utf8(utf8, clean, options.max_fixes);
  const std::string_view text = had_invalid ? std::string_view(clean.text) : utf8;
  Result staged;
  if (!detail::run_stages(text, options, detail::Context{}, staged)) {
    if (!had_invalid) staged.text = std::string(utf8);
    else staged = std::move(clean);
    return staged;
  }
  if (had_invalid) {
    staged.fixes = detail::compose(clean.fixes, staged.fixes, staged.text);
    detail::bound_fixes(staged.fixes, staged.text, options.max_fixes);
  }
  return staged;
}

std::vector<std::string_view> stages() {
  std::vector<std::string_view> names;
  for (const auto& s : detail::registry()) names.push_back(s.name);
  return names;
}

}  // namespace mojifix
