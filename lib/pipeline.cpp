// pipeline.cpp — repair(): sanitize UTF-8, then run the registered stages in order.
#include <array>
#include <utility>

#include "mojifix/repair.hpp"
#include "plan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {
constexpr std::array kStages{
    Stage{"normalize", [](const Options& o) { return o.normalize; }, &normalize_stage},
};
}  // namespace

std::span<const Stage> registry() noexcept { return kStages; }

bool sanitize_utf8(std::string_view in, Result& out, std::size_t max_fixes) {
  std::size_t i = valid_prefix(in);
  if (i == in.size()) return false;
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

Result run_stages(std::string text, const Options& options, const Context& ctx) {
  Result acc;
  acc.text = std::move(text);
  Result step;
  for (const Stage& s : kStages) {
    if (!s.enabled(options)) continue;
    if (!s.run(acc.text, options, ctx, step)) continue;
    acc.fixes = acc.fixes.empty() ? std::move(step.fixes) : compose(acc.fixes, step.fixes, step.text);
    acc.text = std::move(step.text);
    step = Result{};
  }
  bound_fixes(acc.fixes, acc.text, options.max_fixes);
  return acc;
}

}  // namespace mojifix::detail

namespace mojifix {

Result repair(std::string_view utf8, const Options& options) {
  Result clean;
  if (!detail::sanitize_utf8(utf8, clean, options.max_fixes)) {
    return detail::run_stages(std::string(utf8), options);
  }
  Result staged = detail::run_stages(std::move(clean.text), options);
  staged.fixes = detail::compose(clean.fixes, staged.fixes, staged.text);
  detail::bound_fixes(staged.fixes, staged.text, options.max_fixes);
  return staged;
}

std::vector<std::string_view> stages() {
  std::vector<std::string_view> names;
  for (const auto& s : detail::registry()) names.push_back(s.name);
  return names;
}

}  // namespace mojifix
