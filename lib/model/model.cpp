// model.cpp — the plausibility model: tables unpacked once, then one or two lookups per step.
#include "model/model.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include "tables/model_chars.inc"
#include "tables/model_pairs.inc"
#include "tables/model_trans.inc"
#include "utf8.hpp"

namespace mojifix::model {

using detail::Decoded;
using detail::decode_at;

static_assert(int(Class::count_) == tables::model_class_count, "Class enum out of step with gen_model.py");

namespace {

constexpr std::array<std::uint8_t, 256> b64_values() {
  std::array<std::uint8_t, 256> v{};
  for (int i = 0; i < 64; ++i) v[static_cast<unsigned char>(tables::model_b64[i])] = std::uint8_t(i);
  return v;
}
constexpr auto kB64 = b64_values();

bool pair_class(Class c) noexcept {
  switch (c) {
    case Class::han: case Class::han_rare: case Class::hiragana: case Class::katakana: case Class::hangul:
    case Class::cjk_punct: case Class::fullwidth_punct: case Class::fullwidth_alnum: case Class::halfwidth_kana:
    case Class::bopomofo: case Class::jamo: case Class::cjk_compat:
      return true;
    default:
      return false;
  }
}

// Classes that real text rarely shows and mis-decoding often produces.
bool suspect_class(Class c) noexcept {
  switch (c) {
    case Class::control: case Class::c1: case Class::pua: case Class::unassigned: case Class::replacement:
    case Class::latin1_symbol: case Class::letterlike: case Class::math_arrows: case Class::box:
    case Class::shapes: case Class::modifier: case Class::halfwidth_kana: case Class::han_rare:
    case Class::cjk_compat: case Class::jamo: case Class::combining: case Class::other_symbol:
    case Class::currency: case Class::bopomofo: case Class::format: case Class::latin1_punct:
      return true;
    default:
      return false;
  }
}

struct Tables {
  std::uint8_t cls[0x10000];
  std::uint8_t cost[0x10000];      // quarter bits
  std::uint64_t suspect[0x10000 / 64];
  std::uint64_t cjk[0x10000 / 64];
  // pairs: first character -> group; groups hold (second, cost) sorted by second
  std::uint16_t group[0x10000];    // 0 = no pairs, else group index + 1
  std::vector<std::uint32_t> offsets;
  std::vector<char16_t> second;
  std::vector<std::uint8_t> pair_cost;  // quarter bits

  Tables() {
    for (std::size_t cp = 0; cp < 0x10000; ++cp) {
      cls[cp] = kB64[static_cast<unsigned char>(tables::model_bmp_class[cp])];
      cost[cp] = std::uint8_t(2 * kB64[static_cast<unsigned char>(tables::model_bmp_cost[cp])]);
    }
    std::fill(std::begin(suspect), std::end(suspect), 0);
    std::fill(std::begin(cjk), std::end(cjk), 0);
    for (std::size_t cp = 0x80; cp < 0x10000; ++cp) {
      const Class c = Class(cls[cp]);
      bool s = suspect_class(c);
      // Letters and CJK characters that are rare in real text.
      if (!s && c != Class::space && c != Class::newline) s = cost[cp] >= (pair_class(c) ? 15 * kBit : 12 * kBit);
      if (s) suspect[cp >> 6] |= std::uint64_t{1} << (cp & 63);
      if (pair_class(c)) cjk[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    }
    std::fill(std::begin(group), std::end(group), 0);
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

const Tables& tab() {
  static const std::unique_ptr<Tables> t = std::make_unique<Tables>();
  return *t;
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
  if (cp < 0x10000) return Class(tab().cls[cp]);
  const auto* r = astral(cp);
  return r ? Class(r->cls) : Class::unassigned;
}

Cost char_cost(char32_t cp) noexcept {
  if (cp < 0x10000) return tab().cost[cp];
  const auto* r = astral(cp);
  return r ? Cost(2 * r->cost) : Cost(2 * 63);
}

Cost step(char32_t prev, char32_t cp) noexcept {
  const Tables& t = tab();
  const Class a = char_class(prev), b = char_class(cp);
  if ((pair_class(a) && pair_class(b)) || (letter_class(a) && letter_class(b) && (prev >= 0x80 || cp >= 0x80))) {
    const int p = t.pair(prev, cp);
    if (p >= 0) return p;
    return tables::model_trans[int(a)][int(b)] + char_cost(cp) + tables::model_pair_backoff;
  }
  return tables::model_trans[int(a)][int(b)] + char_cost(cp);
}

bool suspect(char32_t cp) noexcept {
  if (cp < 0x10000) return (tab().suspect[cp >> 6] >> (cp & 63)) & 1;
  const Class c = char_class(cp);
  return c != Class::emoji && c != Class::emoji_mod;
}

bool is_cjk(char32_t cp) noexcept {
  if (cp < 0x10000) return (tab().cjk[cp >> 6] >> (cp & 63)) & 1;
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

const BmpTables& bmp_tables() noexcept {
  static const BmpTables t = [] {
    const Tables& m = tab();
    return BmpTables{m.cls, m.cost, m.suspect, m.cjk};
  }();
  return t;
}

std::string_view class_name(Class c) noexcept {
  const int i = int(c);
  return i < tables::model_class_count ? tables::model_class_names[i] : "?";
}

}  // namespace mojifix::model
