// zh_script.cpp — character classes, evidence phrases, units and script regions.
#include "zh_script.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>

#include "tables/zh_script.inc"
#include "utf8.hpp"

namespace mojifix::detail::zh {

namespace {

constexpr std::size_t kBlocks = (sizeof(tables::zh_class_blocks) - 1) / 512;

// The class blocks, decoded once from their hex form.
const std::uint8_t* class_blocks() {
  static const std::unique_ptr<std::uint8_t[]> blocks = [] {
    auto b = std::make_unique<std::uint8_t[]>(kBlocks * 256);
    auto hex = [](char c) { return std::uint8_t(c <= '9' ? c - '0' : c - 'a' + 10); };
    for (std::size_t i = 0; i < kBlocks * 256; ++i)
      b[i] = std::uint8_t(hex(tables::zh_class_blocks[2 * i]) << 4 | hex(tables::zh_class_blocks[2 * i + 1]));
    return b;
  }();
  return blocks.get();
}

inline std::uint8_t lookup(const std::uint8_t* blocks, char32_t cp) noexcept {
  return cp < tables::zh_class_limit ? blocks[std::size_t(tables::zh_class_index[cp >> 8]) << 8 | (cp & 0xFF)] : 0;
}

// Punctuation, spaces and line breaks end a unit.
bool breaks_unit(char32_t cp) noexcept {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '_');
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2000 && cp <= 0x206F) ||
         cp == 0x00B7 || cp == 0x00A0 || cp == 0xFE30 || (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE50 && cp <= 0xFE6B);
}

}  // namespace

std::uint8_t char_class(char32_t cp) noexcept { return lookup(class_blocks(), cp); }

const Dict& evidence_phrases(bool simplified) {
  static std::once_flag once[2];
  static std::unique_ptr<Dict> dicts[2];
  const int i = simplified ? 0 : 1;
  std::call_once(once[i], [i] {
    const std::string_view data =
        i == 0 ? std::string_view(tables::zh_simplified_phrases) : std::string_view(tables::zh_traditional_phrases);
    dicts[i] = std::make_unique<Dict>(data, nullptr);
  });
  return *dicts[i];
}

bool Tally::japanese() const noexcept {
  // Kana make at least 5% of the Japanese text's characters; a Chinese text may quote a name.
  const std::size_t kana = by_class[kKana];
  if (kana > 0 && kana * 20 >= han() + kana) return true;
  return by_class[kJapanese] > 0 && by_class[kJapanese] >= by_class[kSOnly] + by_class[kTOnly];
}

void tally(std::string_view text, Tally& t) noexcept {
  const std::uint8_t* blocks = class_blocks();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  std::uint8_t seen = 0;
  while (p < end) {
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    unsigned len;
    const char32_t cp = next_cp(p, len);
    p += len;
    const std::uint8_t k = lookup(blocks, cp);
    ++t.by_class[k & 7];
    seen |= k;
    if (k & (kTwForm | kStdForm | kHkForm)) {
      t.tw += (k & kTwForm) != 0;
      t.std += (k & kStdForm) != 0;
      t.hk += (k & kHkForm) != 0;
    }
  }
  t.seen |= seen;
}

bool has_phrase_evidence(std::string_view text, bool simplified) {
  const std::uint8_t* blocks = class_blocks();
  const std::uint8_t trigger = simplified ? kSTrigger : kTTrigger;
  const Dict& d = evidence_phrases(simplified);
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = base + text.size();
  const unsigned back = d.max_key_chars() > 0 ? d.max_key_chars() - 1 : 0;
  for (const auto* p = base; p < end;) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    unsigned len;
    const char32_t cp = next_cp(p, len);
    if (lookup(blocks, cp) & trigger) {
      // Try every start from `back` characters before the trigger up to the trigger.
      std::size_t start = std::size_t(p - base);
      for (unsigned k = 0; k < back && start > 0; ++k) start = char_start(text, start - 1);
      for (const auto* q = base + start; q <= p;) {
        Match m;
        if (d.longest(q, end, m) && q + m.len > p) return true;
        unsigned l2;
        (void)next_cp(q, l2);
        q += l2;
      }
    }
    p += len;
  }
  return false;
}

std::vector<Unit> units(std::string_view text) {
  std::vector<Unit> out;
  const std::uint8_t* blocks = class_blocks();
  const auto* base = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = base + text.size();
  bool newline = true;
  const Dict& sph = evidence_phrases(true);
  const Dict& tph = evidence_phrases(false);
  for (const auto* p = base; p < end;) {
    unsigned len;
    char32_t cp = next_cp(p, len);
    if (breaks_unit(cp)) {
      newline |= cp == '\n';
      p += len;
      continue;
    }
    Unit u;
    u.span.begin = std::size_t(p - base);
    u.line_start = newline;
    newline = false;
    const auto* q = p;
    std::uint8_t seen = 0;
    while (q < end) {
      cp = next_cp(q, len);
      if (breaks_unit(cp)) break;
      const std::uint8_t k = lookup(blocks, cp);
      seen |= k;
      u.flags |= k;
      switch (k & 7) {
        case kSOnly: ++u.s; break;
        case kTOnly: ++u.t; break;
        case kSLean: ++u.s_lean; break;
        case kTLean: ++u.t_lean; break;
        default: break;
      }
      u.han |= (k & 7) != kOther && (k & 7) != kKana;
      q += len;
    }
    u.span.end = std::size_t(q - base);
    // Evidence phrases: longest match, left to right, where a trigger character occurs.
    if (seen & (kSTrigger | kTTrigger)) {
      for (const auto* r = p; r < q;) {
        Match m;
        if ((seen & kSTrigger) && sph.longest(r, q, m)) {
          ++u.s_phrases;
          r += m.len;
        } else if ((seen & kTTrigger) && tph.longest(r, q, m)) {
          ++u.t_phrases;
          r += m.len;
        } else {
          unsigned l2;
          (void)next_cp(r, l2);
          r += l2;
        }
      }
      u.s += u.s_phrases;
      u.t += u.t_phrases;
    }
    out.push_back(u);
    p = q;
  }
  return out;
}

std::vector<bool> regions(const std::vector<Unit>& us, bool goal_s, double prior) {
  std::vector<bool> out(us.size(), goal_s);
  // Units with evidence; the damage rate the text shows.
  std::vector<std::size_t> ev;
  std::size_t g = 0, o = 0;
  for (std::size_t i = 0; i < us.size(); ++i) {
    if (!us[i].s && !us[i].t) continue;
    ev.push_back(i);
    g += (goal_s ? us[i].s : us[i].t) > 0;
    o += (goal_s ? us[i].t : us[i].s) > 0;
  }
  if (ev.empty()) return out;
  const double rate = std::clamp(double(o) / double(std::max<std::size_t>(1, g + o)), 0.05, 0.9);
  // Costs (negative log-likelihoods): in the goal region a unit of the other script is damage
  // (rate r); in a region of the other script (a quoted passage) a goal unit is rare.
  const double goal_goal = -std::log(1 - rate), goal_other = -std::log(rate);
  constexpr double kOtherGoal = 4.0, kOtherOther = 0.05;
  constexpr double kSwitchLine = 5.0, kSwitchInside = 10.0;
  double cost[2] = {0, 0};  // [0] goal region, [1] other region
  std::vector<std::array<std::uint8_t, 2>> back(ev.size());
  for (std::size_t k = 0; k < ev.size(); ++k) {
    const Unit& u = us[ev[k]];
    const bool has_goal = (goal_s ? u.s : u.t) > 0, has_other = (goal_s ? u.t : u.s) > 0;
    const double em[2] = {goal_goal * has_goal + goal_other * has_other,
                          kOtherGoal * has_goal + kOtherOther * has_other + prior};
    bool line = u.line_start;
    for (std::size_t j = k > 0 ? ev[k - 1] + 1 : 0; j < ev[k] && !line; ++j) line = us[j].line_start;
    const double sw = k == 0 ? 0.0 : line ? kSwitchLine : kSwitchInside;
    double next[2];
    for (int x = 0; x < 2; ++x) {
      const double stay = cost[x], change = cost[1 - x] + sw;
      back[k][x] = stay <= change ? std::uint8_t(x) : std::uint8_t(1 - x);
      next[x] = std::min(stay, change) + em[x];
    }
    cost[0] = next[0];
    cost[1] = next[1];
  }
  int x = cost[0] <= cost[1] ? 0 : 1;
  std::vector<int> path(ev.size());
  for (std::size_t k = ev.size(); k-- > 0;) {
    path[k] = x;
    x = back[k][x];
  }
  // Every unit takes the region of the last unit with evidence before it (the first ones: the
  // first region).
  std::size_t k = 0;
  for (std::size_t i = 0; i < us.size(); ++i) {
    while (k + 1 < ev.size() && ev[k + 1] <= i) ++k;
    const int r = path[k];
    out[i] = r == 0 ? goal_s : !goal_s;
  }
  return out;
}

}  // namespace mojifix::detail::zh
