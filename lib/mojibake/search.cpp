// search.cpp — candidate readings around triggers, scored by the plausibility model and chosen
// greedily by gain with a margin; a reading is searched again for further layers before it is
// scored.
#include "mojibake/search.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "mojibake/reading.hpp"
#include "mojibake/scan.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

constexpr std::size_t kWindow = 8;  // start positions tried before and after a trigger
constexpr int kMaxDepth = 3;         // layers undone at most
constexpr model::Cost kMargin = 8 * model::kBit;          // gain a reading needs
constexpr model::Cost kShortMargin = 12 * model::kBit;    // ... of a single character
constexpr model::Cost kPreferredMargin = 2 * model::kBit; // ... in the text's main chain
constexpr model::Cost kLostMargin = 4 * model::kBit;      // more per lost character
constexpr model::Cost kPreferredBonus = 24 * model::kBit;  // rank bonus of the main chain
constexpr model::Cost kEvidence = 24 * model::kBit;        // total gain that makes a chain main
constexpr model::Cost kStrong = 64 * model::kBit;          // ... that vouches for doubtful readings
constexpr model::Cost kDoubtful = 8 * model::kBit;         // loss a vouched-for reading may have
constexpr model::Cost kMaxPerChar = 11 * model::kBit;        // cost of a reading per two UTF-8 bytes

// The reasons of every chain, made once: [chain][bom * 2 + latin1], where `latin1` is a
// windows-1252 outer codec whose input only a Latin-1 decoder makes, `bom` a lone byte-order mark.
using Reasons = std::array<std::array<std::string, 4>, 32>;
const Reasons& reasons() {
  static const Reasons table = [] {
    Reasons t;
    const auto all = chains();
    for (std::size_t c = 0; c < all.size() && c < t.size(); ++c) {
      for (int latin1 = 0; latin1 < 2; ++latin1) {
        const std::string outer(latin1 ? "iso-8859-1" : codec_label(all[c].outer));
        t[c][std::size_t(latin1)] = std::string(codec_label(all[c].inner)) + " read as " + outer;
        t[c][std::size_t(2 + latin1)] = "utf-8 byte-order mark read as " + outer;
      }
    }
    return t;
  }();
  return table;
}

const std::string& reason_for(std::size_t chain, const Reading& r, const std::string& text) {
  const Chain& c = chains()[chain];
  const bool latin1 = c.outer == CodecId::cp1252 && r.any_c1 && !r.any_special;
  return reasons()[chain][(r.bom && text.empty() ? 2 : 0) + (latin1 ? 1 : 0)];
}

bool punctuation(char32_t cp) noexcept {
  using model::Class;
  switch (model::char_class(cp)) {
    case Class::gen_punct: case Class::latin1_punct: case Class::cjk_punct: case Class::fullwidth_punct:
    case Class::space: case Class::ascii_punct: case Class::digit: case Class::newline:
      return true;
    default:
      return false;
  }
}

constexpr model::Cost kNoCap = std::numeric_limits<model::Cost>::max();

// model::cost(text, before, after), or a value above `cap` as soon as the cost
// is known to exceed it (costs only grow).
model::Cost capped_cost(std::string_view text, char32_t before, char32_t after, model::Cost cap) noexcept {
  model::Scorer sc;
  sc.prev = before;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode_at(text, i);
    sc.push(d.cp);
    if (sc.total > cap) return sc.total;
    i += d.len;
  }
  if (after) sc.push(after);  // as model::cost(): 0 is no character
  return sc.total;
}

// Fills lost characters with their most plausible completion (one unknown byte at most).
bool guess_lost(Reading& r) {
  bool any = false;
  std::string text;
  std::size_t copied = 0;
  for (const LostChar& lc : r.lost_chars) {
    const int need = (lc.known & 1) ? (lc.bytes[0] >= 0xF0 ? 4 : lc.bytes[0] >= 0xE0 ? 3 : lc.bytes[0] >= 0xC2 ? 2 : 0)
                                    : lc.len;
    if (need < 2 || need > 4) continue;
    int unknown = -1, missing = 0;
    for (int k = 0; k < need; ++k) {
      if (k >= lc.len || !(lc.known >> k & 1)) {
        unknown = k;
        ++missing;
      }
    }
    if (missing != 1 || unknown <= 0) continue;
    char32_t prev = '\n', next = '\n';
    if (lc.at > 0) prev = decode_at(r.text, char_start(r.text, lc.at - 1)).cp;
    if (lc.at + 3 < r.text.size()) next = decode_at(r.text, lc.at + 3).cp;
    model::Cost best = 0;
    char32_t pick = 0;
    for (unsigned v = 0x80; v < 0xC0; ++v) {
      unsigned char b[4];
      for (int k = 0; k < need; ++k) b[k] = k == unknown ? static_cast<unsigned char>(v) : lc.bytes[k];
      const Decoded d = decode_utf8(b, b + need);
      if (!d.ok || d.len != need) continue;
      const model::Cost c = model::step(prev, d.cp) + model::step(d.cp, next);
      if (!pick || c < best) best = c, pick = d.cp;
    }
    if (!pick) continue;
    text.append(r.text, copied, lc.at - copied);
    append_utf8(text, pick);
    copied = lc.at + 3;
    any = true;
  }
  if (!any) return false;
  text.append(r.text, copied, std::string::npos);
  r.text = std::move(text);
  return true;
}

// The alphabet of a letter class (0: not a letter of an alphabet).
int alphabet(model::Class c) noexcept {
  using model::Class;
  switch (c) {
    case Class::ascii_upper: case Class::ascii_lower: case Class::latin_upper: case Class::latin_lower: return 1;
    case Class::cyr_upper: case Class::cyr_lower: return 2;
    case Class::greek_upper: case Class::greek_lower: return 3;
    case Class::hebrew: return 4;
    case Class::arabic: return 5;
    case Class::thai: return 6;
    case Class::indic: return 7;
    default: return 0;
  }
}

// A reading into one letter of an alphabet that nothing around it uses (鬧 between a space and a
// parenthesis as EUC-KR: ע): nothing supports it. A letter next to a letter of its alphabet
// (M眉ller) or of the line's alphabet (est 脿 Paris) is supported. The same holds of two or three
// letters read from CJK characters (檸檬 as EUC-JP: ݦݨ; 螞蟻 as GBK: Λρ).
bool stray_letter(const std::vector<Ch>& cs, const Repair& rep) {
  if (rep.text.empty()) return false;
  const bool from_cjk = double_byte(chains()[rep.chain].outer);
  int a = 0, n = 0;
  for (std::size_t i = 0; i < rep.text.size(); ++n) {
    const Decoded d = decode_at(rep.text, i);
    const int b = alphabet(model::char_class(d.cp));
    if (b == 0 || (a != 0 && b != a) || n == (from_cjk ? 3 : 1)) return false;
    a = b;
    i += d.len;
  }
  for (std::size_t k = 0; k < cs.size(); ++k)
    if ((k < rep.first || k >= rep.last) && alphabet(model::char_class(cs[k].cp)) == a) return false;
  return true;
}

// The text is one character (one legacy character; an accented letter alone: Ç’ in Turkish G/Ç’ı
// as UTF-8: ǒ).
bool one_char(const std::string& text) noexcept { return !text.empty() && decode_at(text, 0).len == text.size(); }

// A short reading of legacy double-byte text that takes the first letter of a Latin word as
// a trail byte (¡Cuántas as Big5: 。uántas; ¡¡¡CALVO: ﹛。ALVO): too little evidence alone, Latin
// text as often as mojibake (FILE¡CSIZE: FILE。SIZE). A longer run glued to a word is evidence.
bool splits_word(const std::vector<Ch>& cs, const Reading& r) {
  if (r.last >= cs.size() || r.last == r.first || !ascii_letter(cs[r.last - 1].cp) || !ascii_letter(cs[r.last].cp))
    return false;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < r.text.size(); ++i) chars += (static_cast<unsigned char>(r.text[i]) & 0xC0) != 0x80;
  return chars <= 2;
}

// What find_layers() found inside a reading: its new text and the inner readings' chains.
struct Layers {
  std::string text;
  int lost = 0;
  bool guess = false;
  std::vector<std::string> reasons;  // in the order of the inner readings
};

// Searches a reading's text (between the characters around it in the line) for a further
// layer: what it finds inside the reading goes to `out`.
// With `any_chain` (a stability probe of a legacy reading), every chain is tried, as a second
// repair would; `live`: see stable().
bool find_layers(const Repair& rep, const std::vector<Ch>& line, const Options& o, int depth, bool any_chain,
                 std::uint32_t live, Layers& out) {
  if (any_chain) depth = -1;  // a probe reads like a second repair: from the top, every layer
  if (depth + 1 >= kMaxDepth) return false;
  constexpr std::size_t kContext = 8;
  const std::size_t left = std::min(rep.first, kContext);
  ScanResult sr, near;
  if (any_chain) {  // the probe looks everywhere: a later call may find triggers around it
    for (std::size_t i = 0; i < rep.text.size(); ++i)
      if ((static_cast<unsigned char>(rep.text[i]) & 0xC0) != 0x80) sr.triggers.push_back(i);
  } else {
    scan(rep.text, false, sr);
  }
  // A reading of one or two CJK characters is scanned again with the characters around it: a
  // lone CJK character is suspect next to a letter of another script (ü as GBK in a Latin word: 眉).
  const auto lone_cjk = [&] {
    std::size_t n = 0;
    bool cjk = false;
    for (std::size_t i = 0; i < rep.text.size(); ++n) {
      const Decoded d = decode_at(rep.text, i);
      cjk |= model::is_cjk(d.cp);
      i += d.len;
    }
    return cjk && n <= 2;
  };
  if (!any_chain && sr.triggers.empty() && rep.text.size() <= 8 && lone_cjk()) {
    std::string around;
    for (std::size_t k = rep.first - left; k < rep.first; ++k) append_utf8(around, line[k].cp);
    const std::size_t shift = around.size();
    around += rep.text;
    for (std::size_t k = rep.last; k < line.size() && k < rep.last + kContext; ++k) append_utf8(around, line[k].cp);
    scan(around, false, near);
    std::size_t n = 0;
    for (std::size_t t : near.triggers)
      if (t >= shift && t < shift + rep.text.size()) near.triggers[n++] = t - shift;
    near.triggers.resize(n);
  }
  if (sr.triggers.empty() && near.triggers.empty()) return false;
  std::vector<Ch> cs;
  for (std::size_t k = rep.first - left; k < rep.first; ++k) cs.push_back({line[k].cp, 0, 0});
  read_chars(rep.text, 0, rep.text.size(), false, cs);
  const std::size_t inside = cs.size();
  for (std::size_t k = rep.last; k < line.size() && k < rep.last + kContext; ++k) cs.push_back({line[k].cp, 0, 0});
  auto to_chars = [&](const std::vector<std::size_t>& bytes) {
    std::vector<std::size_t> trig;
    std::size_t k = left;
    for (std::size_t t : bytes) {
      while (k < inside && cs[k].end <= t) ++k;
      if (k < inside && (trig.empty() || trig.back() != k)) trig.push_back(k);
    }
    return trig;
  };
  std::vector<Repair> cands, inner;
  if (!sr.triggers.empty()) collect(cs, to_chars(sr.triggers), o, depth + 1, cands, any_chain);
  if (!near.triggers.empty()) {
    // Found only with the context: a reading of one character needs a clear gain of its own
    // (抓 is not ץ as GBK).
    const std::size_t from = cands.size();
    collect(cs, to_chars(near.triggers), o, depth + 1, cands, any_chain);
    cands.erase(std::remove_if(cands.begin() + std::ptrdiff_t(from), cands.end(),
                               [](const Repair& r) { return r.chars == 1 && r.gain < kMargin; }),
                cands.end());
  }
  // A further layer lies inside the reading. A stability probe also counts readings that take in
  // characters around it: the text the reading leaves must not read as mojibake in context.
  cands.erase(std::remove_if(cands.begin(), cands.end(),
                             [&](const Repair& r) {
                               return any_chain ? r.last <= left || r.first >= inside : r.first < left || r.last > inside;
                             }),
              cands.end());
  std::vector<model::Cost> gains;
  add_gains(cands, gains);
  Preferred p = preferred_chain(gains);
  // The first layer showed this is mojibake: any further layer that helps. A stability probe
  // asks what a second repair would take: readings with the usual margins.
  p.relaxed = !any_chain;
  p.probe = any_chain;
  p.live = live;
  choose(cs, cands, p, inner);
  if (inner.empty()) return false;
  std::string& text = out.text;
  text.clear();
  out.lost = 0;
  out.guess = false;
  out.reasons.clear();
  std::size_t copied = 0;
  for (Repair& r : inner) {
    text.append(rep.text, copied, cs[r.first].begin - copied);
    text += r.text;
    copied = cs[r.last - 1].end;
    out.lost += r.lost;
    out.guess |= r.guess;
    out.reasons.push_back(r.reason());
  }
  text.append(rep.text, copied, std::string::npos);
  return true;
}

// Applies what find_layers() found to the reading.
void apply_layers(Repair& rep, const Layers& l) {
  rep.text = l.text;
  rep.lost += l.lost;
  rep.guess |= l.guess;
  for (const std::string& r : l.reasons) {
    if (rep.reason().find(r) != std::string::npos) continue;
    rep.layers_reason = r + ", then " + rep.reason();
  }
}

// find_layers() and apply_layers().
bool deepen(Repair& rep, const std::vector<Ch>& line, const Options& o, int depth, bool any_chain = false,
            std::uint32_t live = 0) {
  Layers l;
  if (!find_layers(rep, line, o, depth, any_chain, live, l)) return false;
  apply_layers(rep, l);
  return true;
}

// CJK characters with a CJK neighbour that no chosen reading covers: clean CJK text.
std::size_t clean_cjk(const std::vector<Ch>& cs, const std::vector<bool>& taken) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (taken[k] || !model::is_cjk(cs[k].cp)) continue;
    if ((k > 0 && model::is_cjk(cs[k - 1].cp)) || (k + 1 < cs.size() && model::is_cjk(cs[k + 1].cp))) ++n;
  }
  return n;
}

}  // namespace

void collect(const std::vector<Ch>& cs, const std::vector<std::size_t>& triggers, const Options& o, int depth,
             std::vector<Repair>& out, bool any_chain, std::uint32_t only, bool exact) {
  static const bool debug = std::getenv("MOJIFIX_DEBUG") != nullptr;
  const auto all = chains();
  // Buffers kept between calls, one set per depth (collect() at depth d calls it at depth d + 1
  // only): a reading's text and the line's costs are not allocated again for every region.
  // A reading several chains make alike (windows-1252 and windows-1254 of the same bytes) is
  // scored and searched for layers once: `memo` holds the outcomes of the readings from `memo_at`.
  struct Outcome {
    std::size_t last = 0;
    bool utf8 = false;  // read as UTF-8 (a layer is looked for)
    std::string text;   // the reading
    bool keep = false;
    model::Cost gain = 0;
    bool layered = false;  // `found` holds the further layers
    Layers found;
  };
  struct Scratch {
    Reading r;
    std::vector<model::Cost> prefix;
    std::vector<Outcome> memo;
    Codes codes;
  };
  thread_local std::array<Scratch, kMaxDepth> scratch;
  Scratch& sc = scratch[std::size_t(std::min(depth, kMaxDepth - 1))];
  std::array<std::size_t, 32> next{};  // per chain: first start not yet covered
  // Per chain: the codec bit its first character needs, in the lead or the plain mask.
  std::uint32_t need_lead = 0, need_enc = 0, lossy_chains = 0;
  for (std::size_t c = 0; c < all.size(); ++c) {
    if (depth > 0 && !any_chain && all[c].inner != CodecId::utf8) continue;  // layers are UTF-8 read again
    if (!(only >> c & 1)) continue;
    (all[c].inner == CodecId::utf8 ? need_lead : need_enc) |= 1u << c;
    if (double_byte(all[c].outer) && all[c].inner == CodecId::utf8) lossy_chains |= 1u << c;
  }
  // Per codec: the chains tried here whose outer codec it is, with a lead / a plain first character.
  std::array<std::uint32_t, std::size_t(CodecId::count_)> lead_chains{}, enc_chains{};
  // windows-1252 read as Latin-1 changes only C1 controls: without them its readings change nothing.
  if (std::none_of(cs.begin(), cs.end(), [](const Ch& ch) { return ch.cp >= 0x80 && ch.cp < 0xA0; }))
    for (std::size_t c = 0; c < all.size(); ++c)
      if (all[c].outer == CodecId::latin1 && single_byte(all[c].inner)) need_enc &= ~(1u << c);
  for (std::size_t c = 0; c < all.size(); ++c) {
    lead_chains[std::size_t(all[c].outer)] |= need_lead & (1u << c);
    enc_chains[std::size_t(all[c].outer)] |= need_enc & (1u << c);
  }
  Reading& r = sc.r;
  sc.codes.reset(cs);
  std::vector<Outcome>& memo = sc.memo;
  std::size_t memo_n = 0, memo_at = SIZE_MAX;
  // Cost of the original line up to each character (with a newline before and after), so that
  // the cost of any span in its context is a difference; made as far as the readings need it.
  std::vector<model::Cost>& prefix = sc.prefix;
  prefix.resize(cs.size() + 2);
  prefix[0] = 0;
  std::size_t have = 0;  // prefix[0, have] is made
  model::Scorer line_scorer;
  auto span_cost = [&](std::size_t first, std::size_t last) {
    for (; have <= last; ++have) {
      line_scorer.push(have < cs.size() ? cs[have].cp : U'\n');
      prefix[have + 1] = line_scorer.total;
    }
    return prefix[last + 1] - prefix[first];
  };
  std::size_t tried = 0;  // start positions below this were tried
  for (std::size_t t : triggers) {
    const std::size_t window = exact ? 0 : kWindow;
    const std::size_t lo = std::max(tried, t > window ? t - window : 0);
    const std::size_t hi = std::min(cs.size(), t + window + 1);
    for (std::size_t s = lo; s < hi; ++s) {
      const char32_t cp = cs[s].cp;
      if (cp < 0x80) continue;
      std::uint32_t todo = cp == kReplacement ? lossy_chains : 0;
      for (std::uint32_t m = codec_mask(cp, true); m; m &= m - 1) todo |= lead_chains[std::size_t(__builtin_ctz(m))];
      for (std::uint32_t m = codec_mask(cp, false); m; m &= m - 1) todo |= enc_chains[std::size_t(__builtin_ctz(m))];
      for (; todo; todo &= todo - 1) {
        const std::size_t c = std::size_t(__builtin_ctz(todo));
        if (s < next[c]) continue;
        if (all[c].outer == CodecId::latin1 && single_byte(all[c].inner)) {
          // Such a reading changes only C1 controls: without one up to its end it changes nothing.
          std::size_t e = s;
          bool c1 = false;
          for (; e < cs.size() && cs[e].cp >= 0x80 && cs[e].cp < 0x100; ++e) c1 = c1 || cs[e].cp < 0xA0;
          if (!c1) {
            next[c] = e;  // where the reading would have ended
            continue;
          }
        }
        const bool lossy = (lossy_chains >> c) & 1;
        if (!read_chain(all[c], cs, s, lossy, r, &sc.codes)) continue;
        if (r.lost && r.recovered < 2) continue;
        if (r.lost && r.recovered < r.lost) {
          // More lost than read: only where the input shows the loss (U+FFFD from the decoder).
          std::size_t shown = 0;
          for (std::size_t k = r.first; k < r.last; ++k) shown += cs[k].cp == kReplacement;
          if (shown == 0) continue;
        }
        if (r.replaced && r.recovered < 2) continue;  // 锟斤拷 and friends: reported, not decoded
        next[c] = r.last;
        // The reading against the original characters, without building strings.
        bool same = true;
        {
          std::size_t at = 0;
          for (std::size_t k = r.first; k < r.last && same; ++k) {
            if (at >= r.text.size()) {
              same = false;
            } else {
              const Decoded d = decode_at(r.text, at);
              same = d.cp == cs[k].cp;
              at += d.len;
            }
          }
          same = same && at == r.text.size();
        }
        if (same) continue;
        const bool guessed = r.lost && o.guess && guess_lost(r);
        const bool utf8 = all[c].inner == CodecId::utf8;
        if (memo_at != s) memo_at = s, memo_n = 0;
        Outcome* m = nullptr;
        for (std::size_t k = 0; k < memo_n && !m; ++k)
          if (memo[k].last == r.last && memo[k].utf8 == utf8 && memo[k].text == r.text) m = &memo[k];
        if (!m) {
          if (memo_n == memo.size()) memo.emplace_back();
          m = &memo[memo_n++];
          m->last = r.last;
          m->utf8 = utf8;
          m->text = r.text;
          m->keep = false;
          m->layered = false;
          const char32_t before = r.first > 0 ? cs[r.first - 1].cp : '\n';
          const char32_t after = r.last < cs.size() ? cs[r.last].cp : '\n';
          const model::Cost orig_cost = span_cost(r.first, r.last);
          // A reading must look like real text on its own, not only better than what it replaces
          // (a layer in between is judged by the text it leads to, below): above `cap` it is
          // dropped, so its scoring stops there.
          const model::Cost per_char = kMaxPerChar * model::Cost(r.text.size() / 2 + 2);
          model::Cost cap = std::min(depth == 0 ? per_char : kNoCap, orig_cost + kDoubtful - 1);
          if (utf8) cap = std::max(cap, orig_cost - 1);  // a layer is kept
          model::Cost text_cost = capped_cost(r.text, before, after, cap);
          m->keep = text_cost <= cap;
          m->gain = orig_cost - text_cost;
          // A reading that helps may be a layer of several: look for the next one.
          if (m->keep && utf8 && m->gain > 0) {
            Repair probe;
            probe.first = r.first;
            probe.last = r.last;
            probe.text = r.text;
            m->layered = find_layers(probe, cs, o, depth, false, 0, m->found);
            const std::string& text = m->layered ? m->found.text : r.text;
            if (m->layered) {
              text_cost = model::cost(text, before, after);
              m->gain = orig_cost - text_cost;
            }
            if (depth == 0 && text_cost > kMaxPerChar * model::Cost(text.size() / 2 + 2)) m->keep = false;
            if (m->gain <= -kDoubtful) m->keep = false;
          }
        }
        if (!m->keep) continue;
        bool punct_only = true;
        for (std::size_t k = r.first; k < r.last && punct_only; ++k) punct_only = punctuation(cs[k].cp);
        Repair rep;
        rep.first = r.first;
        rep.last = r.last;
        rep.chars = r.last - r.first;
        rep.lost = r.lost + r.replaced;
        rep.chain = c;
        rep.guess = guessed;
        // Legacy double-byte text of one character (µs as EUC-KR: 탎) is too little evidence alone.
        // ... and so is one character of a legacy code page (a lone C1 control as windows-1251).
        const bool legacy = !utf8 && all[c].outer != CodecId::latin1;
        rep.punct_only = punct_only ||
                         (legacy && (rep.chars == 1 || one_char(r.text) ||
                                     (double_byte(all[c].inner) && splits_word(cs, r))));
        rep.text = r.text;
        rep.gain = m->gain;
        // Text a legacy codec produced must not read as mojibake again: checked later (stable()).
        rep.unchecked = !utf8 && rep.gain > 0 && depth == 0;
        rep.chain_reason = &reason_for(c, r, rep.text);  // the layers add to it
        if (m->layered) apply_layers(rep, m->found);
        rep.stray = stray_letter(cs, rep);
        if (debug) {
          std::string orig;
          for (std::size_t k = r.first; k < r.last; ++k) append_utf8(orig, cs[k].cp);
          std::fprintf(stderr, "cand d%d [%zu,%zu) %s gain %.1f lost %d: %s -> %s\n", depth, rep.first, rep.last,
                       rep.reason().c_str(), rep.gain / 4.0, rep.lost, orig.c_str(), rep.text.c_str());
        }
        out.push_back(std::move(rep));
      }
    }
    tried = hi;
  }
}

namespace {
// Only readings that are sure on their own count: many weak ones do not make a strong case.
bool counts(const Repair& r) noexcept {
  return r.gain >= kMargin + kLostMargin * r.lost && !r.punct_only && !r.stray;
}
}  // namespace

void add_gains(const std::vector<Repair>& cands, std::vector<model::Cost>& per_chain) {
  per_chain.resize(chains().size(), 0);
  for (const Repair& r : cands)
    if (counts(r)) per_chain[r.chain] += r.gain;
}

bool stable(Repair& rep, const std::vector<Ch>& cs, const Options& o, std::uint32_t live) {
  if (!rep.unchecked) return true;
  rep.unchecked = false;
  Repair probe = rep;
  return !deepen(probe, cs, o, 0, true, live);
}

bool needs_check(const std::vector<Repair>& cands, std::size_t chain) noexcept {
  return std::any_of(cands.begin(), cands.end(),
                     [chain](const Repair& r) { return r.unchecked && r.chain == chain && counts(r); });
}

bool check_chain(std::vector<Repair>& cands, std::size_t chain, const std::vector<Ch>& cs, const Options& o,
                 std::uint32_t live) {
  bool any = false;
  cands.erase(std::remove_if(cands.begin(), cands.end(),
                             [&](Repair& r) {
                               if (!r.unchecked || r.chain != chain || !counts(r)) return false;
                               any = true;
                               return !stable(r, cs, o, live);
                             }),
              cands.end());
  return any;
}

Preferred preferred_chain(const std::vector<model::Cost>& per_chain) noexcept {
  Preferred p;
  for (std::size_t c = 0; c < per_chain.size(); ++c)
    if (per_chain[c] >= kEvidence && (p.chain < 0 || per_chain[c] > per_chain[std::size_t(p.chain)])) p.chain = int(c);
  p.strong = p.chain >= 0 && per_chain[std::size_t(p.chain)] >= kStrong;
  for (std::size_t c = 0; c < per_chain.size() && c < 32; ++c)
    if (per_chain[c] > 0) p.live |= 1u << c;
  return p;
}

void choose(const std::vector<Ch>& cs, std::vector<Repair>& cands, Preferred p, std::vector<Repair>& out,
            const Options* options) {
  const int preferred = p.chain;
  const std::size_t nchars = cs.size();
  if (cands.empty()) return;
  auto rank = [preferred](const Repair& r) {
    return r.gain + (int(r.chain) == preferred ? kPreferredBonus : 0);
  };
  // Best first; the candidates stay where they are (sorting indices moves no strings).
  std::vector<std::uint32_t> order(cands.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = std::uint32_t(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return rank(cands[a]) > rank(cands[b]); });
  std::vector<bool> taken(nchars, false);
  const std::size_t from = out.size();
  for (const std::uint32_t i : order) {
    Repair& rep = cands[i];
    const bool pref = int(rep.chain) == preferred;
    if (rep.punct_only && !pref) continue;  // punctuation alone is evidence only in the main chain
    const bool live = p.probe && (p.live >> rep.chain & 1);  // a second repair's main chain, maybe
    const model::Cost margin = p.relaxed || live ? kPreferredMargin
                               : pref    ? (p.strong ? -kDoubtful : kPreferredMargin)
                               : rep.chars == 1 || one_char(rep.text) ? kShortMargin
                                                : kMargin;
    if (rep.gain < margin + kLostMargin * rep.lost) continue;
    // Not in a stability probe: the text a second repair sees around the letter is not known (the
    // line's other readings may bring its alphabet), so the probe assumes the letter supported.
    if (!pref && !p.relaxed && !p.probe && rep.stray) continue;
    bool free = true;
    for (std::size_t k = rep.first; k < rep.last && free; ++k) free = !taken[k];
    if (!free || (rep.unchecked && options && !stable(rep, cs, *options, p.live))) continue;
    for (std::size_t k = rep.first; k < rep.last; ++k) taken[k] = true;
    out.push_back(std::move(rep));
  }
  // A short run of CJK characters in a line of clean CJK text is CJK text, not mojibake.
  bool short_cjk = false;
  for (std::size_t k = from; k < out.size() && !short_cjk; ++k)
    short_cjk = out[k].chars <= 2 && model::is_cjk(cs[out[k].first].cp);
  if (short_cjk && clean_cjk(cs, taken) >= 4) {
    out.erase(std::remove_if(out.begin() + std::ptrdiff_t(from), out.end(),
                             [&](const Repair& r) { return r.chars <= 2 && model::is_cjk(cs[r.first].cp); }),
              out.end());
  }
  std::sort(out.begin() + std::ptrdiff_t(from), out.end(),
            [](const Repair& a, const Repair& b) { return a.first < b.first; });
}

}  // namespace mojifix::detail
