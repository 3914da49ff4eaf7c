// zh_convert_reference.hpp — a plain reading of OpenCC's algorithm (internal; for the tests and
// the fuzz harness): segment the whole text, pass each segment through the chain, no shortcut.
#pragma once

#include <string>
#include <string_view>

#include "zh_convert.hpp"

namespace mojifix::detail::zh {

inline std::string reference_char(const unsigned char*& p) {
  unsigned len;
  (void)next_cp(p, len);
  std::string s(reinterpret_cast<const char*>(p), len);
  p += len;
  return s;
}

// OpenCC's algorithm, segment by segment, with no shortcut.
inline std::string reference_convert(const Chain& c, std::string_view text) {
  std::string out;
  auto through_chain = [&](const unsigned char* b, const unsigned char* e) {
    std::string cur(reinterpret_cast<const char*>(b), std::size_t(e - b));
    for (unsigned k = 0; k < c.size; ++k) {
      std::string next;
      const auto* q = reinterpret_cast<const unsigned char*>(cur.data());
      const auto* qe = q + cur.size();
      while (q < qe) {
        Match m;
        bool hit = false;
        for (unsigned i = 0; i < c.steps[k].size && !hit; ++i) {
          if (c.steps[k].dicts[i]->longest(q, qe, m)) {
            next += c.steps[k].dicts[i]->value(m.entry);
            q += m.len;
            hit = true;
          }
        }
        if (!hit) next += reference_char(q);
      }
      cur = std::move(next);
    }
    out += cur;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const unsigned char* run = p;
  while (p < end) {
    Match m;
    if (c.segmentation->longest(p, end, m)) {
      through_chain(run, p);
      through_chain(p, p + m.len);
      p += m.len;
      run = p;
    } else {
      (void)reference_char(p);
    }
  }
  through_chain(run, end);
  return out;
}

}  // namespace mojifix::detail::zh
