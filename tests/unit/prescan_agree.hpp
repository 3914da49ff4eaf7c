// prescan_agree.hpp — the prescan's contract, checkable on any text: every stage gives the same
// result (text, fixes, return value) whether it reads all lines or only those the prescan
// flags for it (used by the unit tests and fuzz/prescan_fuzz.cpp).
#pragma once

#include <string>
#include <string_view>

#include "mojifix/options.hpp"
#include "prescan.hpp"
#include "stage.hpp"

namespace mojifix::test {

inline bool same_fixes(const Result& a, const Result& b) {
  if (a.text != b.text || a.fixes.size() != b.fixes.size()) return false;
  for (std::size_t i = 0; i < a.fixes.size(); ++i) {
    const Fix &x = a.fixes[i], &y = b.fixes[i];
    if (x.kind != y.kind || !(x.in == y.in) || !(x.out == y.out) || x.text != y.text || x.reason != y.reason ||
        x.confidence != y.confidence || x.lossy != y.lossy || x.guess != y.guess || x.report != y.report)
      return false;
  }
  return true;
}

/// The name of the first stage whose result on valid UTF-8 `in` changes with the prescan, or
/// an empty string.
inline std::string prescan_disagrees(std::string_view in, const Options& o) {
  detail::Prescan pre;
  detail::prescan(in, pre);
  for (const detail::Stage& s : detail::registry()) {
    if (!s.enabled(o)) continue;
    detail::Context whole, skipping;
    skipping.pre = &pre;
    Result a, b;
    const bool ra = s.run(in, o, whole, a), rb = s.run(in, o, skipping, b);
    if (ra != rb || !same_fixes(a, b)) return std::string(s.name);
  }
  return {};
}

}  // namespace mojifix::test
