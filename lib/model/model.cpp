// model.cpp — the plausibility model: one or two lookups per step; pair tables unpacked on first use.
#include "model/model.hpp"
#include "model/bmp.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include "tables/model_pairs.inc"
#include "tables/model_trans.inc"
#include "utf8.hpp"

namespace mojifix::model {

using detail::Decoded;
using detail::decode_at;

namespace {

using bmp::kB64;
using bmp::pair_class;

// Pair statistics: first character -> group; groups hold (second, cost) sorted by second. Built
// on first use (scoring CJK or non-ASCII letter pairs), not at start-up.
struct Pairs {
  std::vector<std::uint16_t> group = std::vector<std::uint16_t>(0x10000, 0);  // 0 = no pairs, else index + 1
  std::vector<std::uint32_t> offsets;
  std::vector<char16_t> second;
  std::vector<std::uint8_t> pair_cost;  // quarter bits

  Pairs() {
    offsets.push_back(0);
    for (const char* const* line = tables::model_pairs; *line; ++line) {
      const std::string_view s(*line);
      Decoded d = decode_at(s, 0);
      const char32_t first = d.cp;
      std::size_t i = d.len;
      while (i < s.size()) {
        d = decode_at(s, i);
        i += d.len;
        if (i >= s.size()) break;
        second.push_back(char16_t(d.cp));
        pair_cost.push_back(std::uint8_t(2 * kB64[static_cast<unsigned char>(s[i])]));
        ++i;
      }
      if (first < 0x10000) group[first] = std::uint16_t(offsets.size());
      offsets.push_back(std::uint32_t(second.size()));
    }
  }

  int pair(char32_t a, char32_t b) const noexcept {
    if (a >= 0x10000 || b >= 0x10000) return -1;
    const unsigned g = group[a];
    if (!g) return -1;
    const auto lo = second.begin() + offsets[g - 1], hi = second.begin() + offsets[g];
    const auto it = std::lower_bound(lo, hi, char16_t(b));
    if (it == hi || *it != char16_t(b)) return -1;
    return pair_cost[std::size_t(it - second.begin())];
  }
};

const Pairs& pairs() {
  static const Pairs p;
  return p;
}

bool letter_class(Class c) noexcept { return c >= Class::ascii_upper && c <= Class::greek_lower; }

const tables::ModelRun* astral(char32_t cp) noexcept {
  const auto* b = std::begin(tables::model_astral);
  const auto* e = std::end(tables::model_astral);
  const auto* it = std::upper_bound(b, e, cp, [](char32_t c, const tables::ModelRun& r) { return c < r.first; });
  if (it == b) return nullptr;
  --it;
  return cp <= it->last ? it : nullptr;
}

}  // namespace

Class char_class(char32_t cp) noexcept {
  if (cp < 0x10000) return bmp::cls(cp);
  const auto* r = astral(cp);
  return r ? Class(r->cls) : Class::unassigned;
}

Cost char_cost(char32_t cp) noexcept {
  if (cp < 0x10000) return bmp::cost(cp);
  const auto* r = astral(cp);
  return r ? Cost(2 * r->cost) : Cost(2 * 63);
}

Cost step(char32_t prev, char32_t cp) noexcept {
  const Class a = char_class(prev), b = char_class(cp);
  if ((pair_class(a) && pair_class(b)) || (letter_class(a) && letter_class(b) && (prev >= 0x80 || cp >= 0x80))) {
    const int p = pairs().pair(prev, cp);
    if (p >= 0) return p;
    return tables::model_trans[int(a)][int(b)] + char_cost(cp) + tables::model_pair_backoff;
  }
  return tables::model_trans[int(a)][int(b)] + char_cost(cp);
}

bool suspect(char32_t cp) noexcept {
  if (cp < 0x10000) return bmp::suspect(cp);
  const Class c = char_class(cp);
  return c != Class::emoji && c != Class::emoji_mod;
}

bool is_cjk(char32_t cp) noexcept {
  if (cp < 0x10000) return bmp::cjk(cp);
  return pair_class(char_class(cp));
}

Cost cost(std::string_view utf8, char32_t before, char32_t after) noexcept {
  Scorer s;
  s.prev = before;
  for (std::size_t i = 0; i < utf8.size();) {
    const Decoded d = decode_at(utf8, i);
    s.push(d.cp);
    i += d.len;
  }
  if (after) s.push(after);
  return s.total;
}

Cost cost(std::u32string_view cps, char32_t before, char32_t after) noexcept {
  Scorer s;
  s.prev = before;
  for (char32_t c : cps) s.push(c);
  if (after) s.push(after);
  return s.total;
}

void char_costs(std::string_view utf8, std::vector<Cost>& out, char32_t before) {
  Scorer s;
  s.prev = before;
  for (std::size_t i = 0; i < utf8.size();) {
    const Decoded d = decode_at(utf8, i);
    const Cost t = s.total;
    s.push(d.cp);
    out.push_back(s.total - t);
    i += d.len;
  }
}

std::string_view class_name(Class c) noexcept {
  const int i = int(c);
  return i < tables::model_class_count ? tables::model_class_names[i] : "?";
}

}  // namespace mojifix::model
