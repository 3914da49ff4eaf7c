// detect.cpp — detect(): structural checks, then every candidate reading ranked by the model.
#include "mojifix/detect.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "detect_layers.hpp"
#include "detect_score.hpp"
#include "utf8.hpp"

namespace mojifix {

namespace {

using namespace detail;
using det::Candidate;
using det::Cost;
using det::Family;
using det::Kind;

constexpr std::size_t kFastUtf8 = 4;           // valid UTF-8 with this many multibyte characters: no contest
constexpr std::size_t kWindowMin = 1024;       // the statistics look at least at this prefix...
constexpr std::size_t kWindowHigh = 512;       // ...or until this many non-ASCII bytes...
constexpr std::size_t kWindowMax = 64 * 1024;  // ...but never further
constexpr std::size_t kPrefix = 384;           // first round: every candidate on this prefix
constexpr Cost kBit = 4;                       // costs are in quarter bits
constexpr Cost kPrune = 64 * kBit;             // a reading this far behind the best is dropped
constexpr Cost kUtf8Prior = 32 * kBit;         // valid UTF-8 is preferred by this much
constexpr double kTemperature = 1.0;           // calibration of confidences (bits per e-fold)...
constexpr std::size_t kLanguageChars = 256;    // characters the language guess looks at
constexpr Cost kWideTextBits = 16;            // UTF-16/32 text costs less per character than this
constexpr Cost kStray = 8 * kBit;              // a letter of a script the rest of the text does not use
constexpr Cost kCodecPrior = 6 * kBit;         // a code page not made for the language of the text

std::string_view family_name(Family f) {
  switch (f) {
    case Family::gbk: return "gb18030";
    case Family::big5: return "big5";
    case Family::sjis: return "shift_jis";
    case Family::euckr: return "euc-kr";
    case Family::eucjp: return "euc-jp";
    default: return "";
  }
}

// The single-byte code pages made for (and used with) each language that has letter statistics.
struct Natural {
  std::string_view lang, codecs;
};
constexpr std::array kNatural{
    Natural{"de", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"en", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"es", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"fr", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"pl", "windows-1250 iso-8859-2"},
    Natural{"tr", "windows-1254 iso-8859-9"},
    Natural{"vi", "windows-1258"},
    Natural{"el", "windows-1253 iso-8859-7"},
    Natural{"ru", "windows-1251 koi8-r koi8-u ibm866 iso-8859-5"},
    Natural{"uk", "windows-1251 koi8-u koi8-r ibm866 iso-8859-5"},
    Natural{"it", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"pt", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"nl", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"sv", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"da", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"fi", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"ca", "windows-1252 iso-8859-1 iso-8859-15 macintosh"},
    Natural{"cs", "windows-1250 iso-8859-2"},
    Natural{"sk", "windows-1250 iso-8859-2"},
    Natural{"hu", "windows-1250 iso-8859-2"},
    Natural{"hr", "windows-1250 iso-8859-2"},
    Natural{"sl", "windows-1250 iso-8859-2"},
    Natural{"ro", "windows-1250 iso-8859-2"},
    Natural{"lt", "windows-1257"},
    Natural{"lv", "windows-1257"},
    Natural{"et", "windows-1257"},
    Natural{"bg", "windows-1251 iso-8859-5 ibm866 koi8-r"},
    Natural{"mk", "windows-1251 iso-8859-5"},
    Natural{"sr", "windows-1251 iso-8859-5"},
    Natural{"be", "windows-1251 ibm866 koi8-u"},
    Natural{"he", "windows-1255 iso-8859-8"},
    Natural{"ar", "windows-1256"},
    Natural{"fa", "windows-1256"},
    Natural{"th", "tis-620"},
};

// How much rarer a code page is in the wild than the most common ones (bits): breaks near ties
// on short text in favour of what files usually are.
int rarity(std::string_view label) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> kRare{{
      {"windows-1251", 1}, {"windows-1250", 2}, {"koi8-r", 2}, {"iso-8859-15", 2}, {"iso-8859-2", 3},
      {"windows-1253", 2}, {"windows-1254", 2}, {"iso-8859-7", 3}, {"iso-8859-9", 3}, {"iso-8859-5", 3},
      {"ibm866", 3}, {"koi8-u", 3}, {"macintosh", 3}, {"windows-1257", 3}}};
  for (auto [name, bits] : kRare)
    if (name == label) return bits;
  return label.substr(0, 8) == "windows-" || label == "iso-8859-1" ? 0 : 3;
}

// What reading text of each language with each codec costs: nothing for the code pages made for
// the language (and Unicode), kCodecPrior for the others. Worked out once.
struct Priors {
  std::vector<std::array<Cost, det::kMaxLangs>> sbcs;
  std::array<std::array<Cost, det::kMaxLangs>, std::size_t(Family::count_)> dbcs{};

  Priors() {
    const auto& t = det::tables();
    auto natural = [](std::string_view lang, std::string_view label) {
      for (const Natural& n : kNatural) {
        if (n.lang != lang) continue;
        for (std::string_view rest = n.codecs; !rest.empty();) {
          const std::size_t sp = rest.find(' ');
          if (rest.substr(0, sp) == label) return true;
          rest = sp == rest.npos ? std::string_view{} : rest.substr(sp + 1);
        }
        return false;
      }
      return true;  // a language without a list: no preference
    };
    sbcs.resize(t.sbcs.size());
    for (const auto& c : t.sbcs) rare.push_back(Cost(rarity(c.label)) * kBit);
    for (int k = 0; k < t.langs.count; ++k) {
      const std::string_view lang = t.langs.code[std::size_t(k)];
      for (std::size_t c = 0; c < t.sbcs.size(); ++c) sbcs[c][std::size_t(k)] = natural(lang, t.sbcs[c].label) ? 0 : kCodecPrior;
      for (std::size_t f = 0; f < dbcs.size(); ++f)
        dbcs[f][std::size_t(k)] = natural(lang, family_name(Family(f))) ? 0 : kCodecPrior;
    }
  }
  std::vector<Cost> rare;  // per single-byte codec

  [[nodiscard]] Cost rarity_of(const Candidate& c) const { return c.kind == Kind::sbcs ? rare[c.index] : 0; }
  [[nodiscard]] Cost of(const Candidate& c, int lang) const {
    if (c.kind == Kind::sbcs) return sbcs[c.index][std::size_t(lang)];
    if (c.kind == Kind::dbcs) return dbcs[c.index][std::size_t(lang)];
    return 0;
  }
};

const Priors& priors() {
  static const Priors p;
  return p;
}

// The canonical name of a reading: the smallest variant of a family that holds every code read.
std::string_view name_of(const Candidate& c) {
  switch (c.kind) {
    case Kind::utf8: return "utf-8";
    case Kind::utf16le: return "utf-16le";
    case Kind::utf16be: return "utf-16be";
    case Kind::utf32le: return "utf-32le";
    case Kind::utf32be: return "utf-32be";
    case Kind::sbcs: return det::tables().sbcs[c.index].label;
    case Kind::dbcs: break;
  }
  const Family f = Family(c.index);
  const auto& variant = det::tables().family(f).variant;
  const std::uint8_t v = c.r.variants;
  if (f == Family::gbk) return c.r.four_byte || !(v & 3) ? "gb18030" : (v & 1) ? "gb2312" : "gbk";
  if (f == Family::eucjp) return family_name(f);
  for (std::size_t k = 0; k < variant.size(); ++k)
    if ((v >> k) & 1 && !variant[k].empty()) return variant[k];
  return f == Family::big5 ? "big5-hkscs" : f == Family::sjis ? "cp932" : "cp949";
}

// True when two single-byte readings give the same characters for every byte of the window.
bool same_text(const Candidate& a, const Candidate& b, const det::Window& w) {
  if (a.kind != Kind::sbcs || b.kind != Kind::sbcs) return false;
  const auto& t = det::tables();
  for (unsigned j = 0; j < w.distinct; ++j)
    if (t.sbcs[a.index].cp[w.present[j] + 0x80u] != t.sbcs[b.index].cp[w.present[j] + 0x80u]) return false;
  return true;
}

// A cut near `i` after a byte that no multibyte codec uses inside a character, so that every
// reading ends at the same place (when there is one within 64 bytes).
std::size_t clean_cut(const unsigned char* p, std::size_t i, std::size_t cap) {
  for (std::size_t k = i; k < std::min(cap, i + 64); ++k)
    if (p[k] < 0x30) return k + 1;
  return i;
}

// True when bytes after the window would tell the winner from a single-byte reading that
// reads the window the same.
bool settles_later(const unsigned char* p, std::size_t n, const det::Window& w, const Candidate& win,
                   const std::vector<Candidate>& all) {
  if (win.kind != Kind::sbcs) return false;
  std::array<bool, 128> seen{};
  for (unsigned j = 0; j < w.distinct; ++j) seen[w.present[j]] = true;
  const auto& t = det::tables();
  for (std::size_t i = w.n; i < std::min(n, kWindowMax); ++i) {
    if (p[i] < 0x80 || seen[p[i] - 0x80]) continue;
    seen[p[i] - 0x80] = true;
    for (const Candidate& c : all)
      if (&c != &win && c.r.cost != det::kAborted && same_text(c, win, w) && t.sbcs[c.index].cp[p[i]] != t.sbcs[win.index].cp[p[i]])
        return true;
  }
  return false;
}

// Where the statistics stop: after enough non-ASCII bytes.
std::size_t window_size(const unsigned char* p, std::size_t n) {
  if (n <= kWindowMin) return n;
  std::size_t high = 0, i = 0;
  const std::size_t cap = std::min(n, kWindowMax);
  for (; i < cap && (i < kWindowMin || high < kWindowHigh); ++i) high += p[i] >= 0x80;
  return clean_cut(p, i, cap);
}

struct Ranking {
  std::vector<Candidate> all;
  std::size_t best = 0;
};

// Lower bounds of every single-byte reading on a window: the costs of its characters.
const std::array<Cost, 32>& sbcs_bounds(const det::Window& w) {
  static_assert(det::Tables::kMaxSbcs == 32);
  if (w.bounds_ready) return w.bounds;
  std::array<Cost, 32>& lb = w.bounds;
  lb.fill(0);
  const auto& cost = det::tables().sbcs_cost;
  for (unsigned j = 0; j < w.distinct; ++j) {
    const unsigned b = w.present[j];
    const Cost h = Cost(w.high[b]);
    for (std::size_t k = 0; k < lb.size(); ++k) lb[k] += h * cost[b][k];
  }
  w.bounds_ready = true;
  return lb;
}

// The candidates, most promising first: a good early best prunes the others sooner.
std::vector<Candidate> candidates(const det::Window& w, bool wide) {
  const auto& t = det::tables();
  std::vector<Candidate> order;
  order.reserve(32);
  const bool nul_heavy = w.nul * 8 >= w.n;
  auto add_wide = [&] {
    if (!wide) return;
    order.push_back({Kind::utf16le, 0, {}});
    order.push_back({Kind::utf16be, 0, {}});
    if (w.nul * 3 >= w.n && w.n >= 4) {
      order.push_back({Kind::utf32le, 0, {}});
      order.push_back({Kind::utf32be, 0, {}});
    }
  };
  if (nul_heavy) add_wide();
  if (w.distinct) {
    const std::array<Cost, 32>& lb = sbcs_bounds(w);
    std::array<std::uint8_t, 32> sb{};
    const std::size_t ns = std::min(t.sbcs.size(), sb.size());
    for (std::size_t k = 0; k < ns; ++k) {  // insertion sort by bound, stable
      std::size_t j = k;
      for (; j > 0 && lb[sb[j - 1]] > lb[k]; --j) sb[j] = sb[j - 1];
      sb[j] = std::uint8_t(k);
    }
    order.push_back({Kind::sbcs, sb[0], {}});
    order.push_back({Kind::utf8, 0, {}});
    for (std::uint8_t f = 0; f < std::uint8_t(Family::count_); ++f) order.push_back({Kind::dbcs, f, {}});
    for (std::size_t k = 1; k < ns; ++k) order.push_back({Kind::sbcs, sb[k], {}});
  } else {
    order.push_back({Kind::sbcs, 0, {}});  // pure ASCII bytes: every ASCII-compatible codec agrees
  }
  if (!nul_heavy) add_wide();
  return order;
}

// Scores the candidates in order on a window, each against the best complete one so far.
void round(const det::Window& w, std::vector<Candidate>& order, bool utf8_valid) {
  Cost best = det::kAborted;
  std::vector<Cost> best_profile((w.n >> det::Pace::kShift) + 1), profile(best_profile.size());
  det::Pace pace{nullptr, &profile, 40 * kBit + kUtf8Prior};
  const std::array<Cost, 32>& lb = sbcs_bounds(w);
  for (Candidate& c : order) {
    if (c.kind == Kind::sbcs && best != det::kAborted && lb[c.index] > best + pace.margin) {
      c.r = det::Reading{};  // its bound alone is too far behind
      continue;
    }
    c.r = det::score(w, c.kind, c.index, pace);
    if (c.kind == Kind::utf8 && utf8_valid && c.r.cost != det::kAborted) c.r.cost -= kUtf8Prior;
    if (c.r.cost < best) {
      best = c.r.cost;
      std::swap(best_profile, profile);
      pace.best = &best_profile;
    }
  }
}

// Sorts readings by cost, stable (insertion sort: a few dozen, mostly in order; no buffer).
void by_cost(std::vector<Candidate>& v) {
  for (std::size_t k = 1; k < v.size(); ++k) {
    const Candidate c = v[k];
    std::size_t j = k;
    for (; j > 0 && v[j - 1].r.cost > c.r.cost; --j) v[j] = v[j - 1];
    v[j] = c;
  }
}

// The script most of a single-byte reading's non-ASCII letters are in (0: no letters).
std::uint8_t main_script(const det::Window& w, std::uint8_t index) {
  const auto& t = det::tables();
  const auto& c = t.sbcs[index];
  std::array<std::uint32_t, det::Tables::kScripts> n{};
  for (unsigned j = 0; j < w.distinct; ++j) n[t.script[c.cls[w.present[j] + 0x80u]]] += w.high[w.present[j]];
  n[0] = 0;
  return std::uint8_t(std::max_element(n.begin(), n.end()) - n.begin());
}

// Pruning scores each letter at its best language's cost, which can favour a reading that mixes
// languages (Portuguese "ã" read as Romanian "ă" by windows-1258) over one a single language
// explains. So when a single-byte reading wins, the few most promising single-byte readings that
// were dropped (by their bound) and read a different text in the same script are scored in full
// and judged too.
template <class Judge>
void rescue(const det::Window& w, std::vector<Candidate>& order, Candidate win, Judge&& judge) {
  constexpr std::size_t kRescued = 3;
  const std::array<Cost, 32>& lb = sbcs_bounds(w);
  const std::size_t ns = std::min(det::tables().sbcs.size(), lb.size());
  std::array<bool, 32> judged{};
  for (const Candidate& c : order)
    if (c.kind == Kind::sbcs && c.r.cost != det::kAborted) judged[c.index] = true;
  const std::uint8_t script = main_script(w, win.index);
  for (std::size_t k = 0; k < ns; ++k)
    if (!judged[k] && main_script(w, std::uint8_t(k)) != script) judged[k] = true;
  std::array<Candidate, kRescued> pick{};
  std::size_t picked = 0;
  for (; picked < kRescued; ++picked) {
    std::size_t next = ns;
    for (std::size_t k = 0; k < ns; ++k) {
      if (judged[k]) continue;
      const Candidate c{Kind::sbcs, std::uint8_t(k), {}};
      if (same_text(c, win, w) || std::any_of(pick.begin(), pick.begin() + std::ptrdiff_t(picked), [&](const Candidate& p) {
            return same_text(c, p, w);
          }))
        continue;
      if (next == ns || lb[k] < lb[next]) next = k;
    }
    if (next == ns) break;
    judged[next] = true;
    pick[picked] = Candidate{Kind::sbcs, std::uint8_t(next), {}};
  }
  std::vector<Cost> profile((w.n >> det::Pace::kShift) + 1);
  for (std::size_t k = 0; k < picked; ++k) {
    Candidate& c = pick[k];
    det::Pace pace{nullptr, &profile, 0};
    c.r = det::score(w, c.kind, c.index, pace);
    judge(c);
    std::replace_if(order.begin(), order.end(), [&](const Candidate& o) { return o.kind == Kind::sbcs && o.index == c.index; }, c);
    if (std::none_of(order.begin(), order.end(), [&](const Candidate& o) { return o.kind == Kind::sbcs && o.index == c.index; }))
      order.push_back(c);
  }
}

// Ranks every candidate reading: a first round on a short prefix drops the hopeless ones and
// orders the rest, the second scores them on the whole window; then the letter statistics.
Ranking rank(const det::Window& w, const det::Window* prefix, bool utf8_valid, bool wide) {
  const auto& t = det::tables();
  std::vector<Candidate> order = candidates(w, wide);
  if (prefix) {
    round(*prefix, order, utf8_valid);
    order.erase(std::remove_if(order.begin(), order.end(), [](const Candidate& c) { return c.r.cost == det::kAborted; }),
                order.end());
    by_cost(order);
  }
  round(w, order, utf8_valid);
  // Letters: a reading whose letters fit one language (and a code page made for it) gains what
  // that language's letter statistics say over the model's; readings that fit no language keep
  // the model's cost.
  const auto& langs = t.langs;
  const auto& prior = priors();
  const det::LangCosts ascii = det::ascii_letter_deltas(w);
  std::uint32_t ascii_letters = 0;
  for (unsigned b = 'A'; b <= 'z'; ++b) ascii_letters += (b <= 'Z' || b >= 'a') ? w.low[b] : 0;
  // Scores only grow from here (the letter costs were each letter's best), so in order of score
  // a reading far behind the best final one is left with its bound.
  by_cost(order);
  auto judge = [&](Candidate& c) {
    det::ScriptCounts sc{};
    const det::LangCosts d = c.kind == Kind::sbcs || c.r.letters ? det::letter_deltas(w, c.kind, c.index, sc) : det::LangCosts{};
    const bool shares_ascii = c.kind == Kind::utf8 || c.kind == Kind::sbcs || c.kind == Kind::dbcs;
    auto sum = [&](std::size_t k) { return d[k] + (shares_ascii ? ascii[k] : 0); };
    // No language at all: the text is in one the statistics do not know, which a code page made
    // for other languages is not likely to hold.
    Cost gain = c.kind == Kind::sbcs ? kCodecPrior : 0;
    for (int k = 0; k < langs.count; ++k) gain = std::min(gain, sum(std::size_t(k)) + prior.of(c, k));
    // Scoring used each letter's best language; now one language (or none) for all of them.
    c.r.cost += gain - sum(det::Languages::kBest) + prior.rarity_of(c);
    // A few letters of another script among many of one: what a wrong code page makes of
    // accented letters (Italian "è" read as Cyrillic "и"), rare in real text.
    sc[0] = 0;
    const std::uint32_t latin = sc[1] + (shares_ascii ? ascii_letters : 0);
    std::uint32_t total = latin, major = latin;
    for (std::size_t s = 2; s < sc.size(); ++s) total += sc[s], major = std::max(major, sc[s]);
    const std::uint32_t stray = major == latin ? total - latin : total - major - (latin - sc[1]);
    if (stray && stray * 10 < total) c.r.cost += Cost(stray) * kStray;
  };
  Cost best = det::kAborted;
  std::size_t winner = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    Candidate& c = order[k];
    if (c.r.cost == det::kAborted) break;
    if (best != det::kAborted && c.r.cost > best + kPrune) break;
    judge(c);
    if (c.r.cost < best) best = c.r.cost, winner = k;
  }
  if (best != det::kAborted && order[winner].kind == Kind::sbcs) rescue(w, order, order[winner], judge);
  Ranking out;
  out.all = std::move(order);
  for (std::size_t k = 1; k < out.all.size(); ++k)
    if (out.all[k].r.cost < out.all[out.best].r.cost) out.best = k;
  return out;
}

float probability(Cost delta) {
  const double bits = double(delta) / (double(kBit) * kTemperature);
  return bits > 60 ? 0.0f : float(std::exp2(-bits));
}

Detection decided(std::string_view enc, float conf, std::string_view why) {
  Detection d;
  d.encoding = std::string(enc);
  d.confidence = conf;
  d.reason = std::string(why);
  return d;
}

void add_language(Detection& d, const unsigned char* p, std::size_t n, Kind kind, std::uint8_t index) {
  std::vector<char32_t> text;
  text.reserve(kLanguageChars);
  if (kind == Kind::utf8) {  // valid UTF-8 (the common case): no detection tables to build
    for (std::size_t i = 0; i < n && text.size() < kLanguageChars;) {
      const Decoded c = decode_utf8(p + i, p + n);
      text.push_back(c.cp);
      i += c.len;
    }
  } else {
    det::decode_prefix(p, n, kind, index, kLanguageChars, text);
  }
  d.language = std::string(guess_language(text));
}

std::size_t count_multibyte(const unsigned char* p, std::size_t n, std::size_t from, std::size_t cap) {
  std::size_t multi = 0;
  for (std::size_t i = from; i < n && multi < cap; ++i) multi += (p[i] & 0xC0) == 0xC0;
  return multi;
}

Detection statistical(const unsigned char* p, std::size_t n, bool utf8_valid) {
  std::size_t w_size = window_size(p, n);
  for (int pass = 0; pass < 2; ++pass) {
    det::Window w(p, n, w_size);
    const bool wide = w.n >= 2;  // UTF-16 CJK text has no NUL bytes: UTF-16/32 always compete
    std::optional<det::Window> prefix;
    if (const std::size_t pn = clean_cut(p, kPrefix, w.n); pn < w.n) {
      prefix.emplace(p, n, pn);
    }
    Ranking rk = rank(w, prefix ? &*prefix : nullptr, utf8_valid, wide);
    Candidate& win = rk.all[rk.best];
    if (win.r.cost == det::kAborted) break;
    if (w.n < n) {
      const std::size_t before = win.r.invalid;
      det::validate_rest(p, n, win.r.end, win.kind, win.index, win.r);
      // The rest disagrees (undecodable bytes, or bytes that tell readings apart which the
      // window could not): look at as much as the statistics may.
      const bool again = win.r.invalid > before || settles_later(p, n, w, win, rk.all);
      if (again && pass == 0 && w_size < std::min(n, kWindowMax)) {
        w_size = std::min(n, kWindowMax);
        continue;
      }
    }
    // Confidence: the winner's share of the probability mass of the distinct readings.
    double mass = 1.0;
    const Candidate* second = nullptr;
    for (const Candidate& c : rk.all) {
      if (&c == &win || same_text(c, win, w)) continue;
      const Cost delta = c.r.cost == det::kAborted ? kPrune : c.r.cost - win.r.cost;
      mass += probability(delta);
      if (!second || c.r.cost < second->r.cost) second = &c;
    }
    Detection d;
    d.encoding = std::string(name_of(win));
    d.confidence = float(1.0 / mass);
    if (second && second->r.cost != det::kAborted) {
      d.runner_up = std::string(name_of(*second));
      d.runner_up_confidence = float(probability(second->r.cost - win.r.cost) / mass);
    }
    d.undecided = d.confidence < 0.5f;
    d.reason = "most plausible reading of " + std::to_string(w.n) + " bytes";
    if (win.r.invalid) d.reason += ", with " + std::to_string(win.r.invalid) + " undecodable sequences";
    add_language(d, p, n, win.kind, win.index);
    std::size_t controls = w.low[0x7F];
    for (unsigned c = 1; c < 0x20; ++c) controls += w.low[c];
    const bool maybe_binary = w.nul || controls > w.low['\t'] + w.low['\n'] + w.low['\r'];
    // NULs and control codes make data binary unless it reads as plausible UTF-16/32 text.
    const bool wide_text = win.kind != Kind::sbcs && win.kind != Kind::dbcs && win.kind != Kind::utf8 &&
                           win.r.cost <= Cost(win.r.chars) * kWideTextBits * kBit;
    if (maybe_binary && !wide_text && looks_binary(Bytes(p, n))) {
      d = decided("binary", 0.9f, "NUL bytes or control codes: binary data");
      d.binary = true;
    }
    return d;
  }
  Detection d = decided("windows-1252", 0.05f, "no reading is plausible; windows-1252 decodes every byte");
  d.undecided = true;
  if (looks_binary(Bytes(p, n))) {
    d = decided("binary", 0.9f, "NUL bytes or control codes: binary data");
    d.binary = true;
  }
  return d;
}

}  // namespace

Detection detect(std::span<const std::byte> raw) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  const Bytes b(p, n);
  if (n == 0) {
    Detection d = decided("ascii", 1.0f, "empty input");
    d.undecided = true;
    return d;
  }
  if (auto bom = find_bom(b)) return decided(bom->encoding, 1.0f, "byte-order mark");
  const std::string_view s(reinterpret_cast<const char*>(p), n);
  const std::size_t ascii = ascii_prefix(s);
  const bool nul = s.find('\0') != s.npos;
  if (ascii == n && !nul) {
    if (auto esc = escape_encoding(b); !esc.empty()) {
      Detection d = decided(esc, 0.99f, "escape sequences of " + std::string(esc));
      d.language = esc == "iso-2022-kr" ? "ko" : esc == "iso-2022-jp" ? "ja" : "zh";
      return d;
    }
    Detection d = decided("ascii", 1.0f, "ascii only: every ASCII-compatible encoding reads it the same");
    d.undecided = true;
    if (looks_binary(b)) {
      d = decided("binary", 0.9f, "control codes: binary data");
      d.binary = true;
    }
    return d;
  }
  const bool valid = ascii == n || valid_utf8(s);
  if (valid && !nul && count_multibyte(p, n, ascii, kFastUtf8) >= kFastUtf8) {
    Detection d = decided("utf-8", 0.999f, "valid utf-8");
    add_language(d, p, n, Kind::utf8, 0);
    return d;
  }
  try {
    return statistical(p, n, valid && ascii < n);
  } catch (...) {  // allocation failure: say so rather than throw across the API
    Detection d = decided("utf-8", 0.0f, "out of memory while detecting");
    d.undecided = true;
    return d;
  }
}

Detection detect(std::string_view bytes) noexcept {
  return detect(std::span<const std::byte>(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()));
}

}  // namespace mojifix
