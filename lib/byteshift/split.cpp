// split.cpp — repair of characters split by byte-level glosses and punctuation.
#include "byteshift/split.hpp"

#include <algorithm>
#include <optional>

#include "byteshift/gloss.hpp"
#include "utf8.hpp"
#include "zh_script.hpp"

namespace mojifix::detail::bs {

namespace {

enum class Kind : std::uint8_t { byte, unknown, punct, gloss, opaque };

struct Item {
  Kind kind;
  std::uint8_t byte = 0;
  std::uint32_t src = 0;  // first character of the damaged text it stands for
  std::uint32_t end = 0;  // one past its last character
  std::uint32_t var = 0;  // index into unknowns / puncts / glosses
};

struct Unknown {
  std::vector<std::uint8_t> cands;  // values the glosses allow (all when none constrains it)
  bool constrained = false;
  std::int16_t value = -1;          // chosen value, -1: lost
};

struct Punct {
  char32_t ascii;
  std::uint16_t code;  // the full-width form in the codec
  bool full = false;
};

struct GlossVar {
  std::vector<std::uint16_t> codes;
  bool kept = false;      // not a gloss of this stream: left as text
  bool evidence = false;  // holds and pins an unknown byte
};

struct Line {
  CodecId id;
  std::vector<Item> items;
  std::vector<Unknown> unknowns;
  std::vector<Punct> puncts;
  std::vector<GlossVar> glosses;
};

bool ascii_punct_code(CodecId id, char32_t ascii, std::uint16_t& code) {
  unsigned char b[kMaxCode];
  const char32_t full = ascii == ',' ? U'，' : U'！';
  if (encode_char(id, full, b) != 2) return false;
  code = std::uint16_t(b[0] << 8 | b[1]);
  return true;
}

std::vector<std::uint8_t> all_values(CodecId id) {
  std::vector<std::uint8_t> v;
  for (unsigned x = 0x40; x <= 0xFE; ++x)
    if (lead_byte(id, std::uint8_t(x)) || trail_byte(id, std::uint8_t(x))) v.push_back(std::uint8_t(x));
  return v;
}

bool add_gloss(Line& L, std::span<const Ch> cs, std::size_t k, bool open, std::size_t& next) {
  const std::optional<Gloss> g = parse_gloss(cs, k, open);
  if (!g) return false;
  GlossVar v;
  if (!reading_codes(L.id, *g, v.codes) || v.codes.empty()) return false;
  L.items.push_back({Kind::gloss, 0, std::uint32_t(k), std::uint32_t(g->end), std::uint32_t(L.glosses.size())});
  L.glosses.push_back(std::move(v));
  next = g->end;
  return true;
}

void tokenize(Line& L, std::span<const Ch> cs) {
  for (std::size_t k = 0; k < cs.size();) {
    const char32_t cp = cs[k].cp;
    std::size_t next = k + 1;
    const auto src = std::uint32_t(k);
    if (cp == '(' && add_gloss(L, cs, k, true, next)) {
      k = next;
      continue;
    }
    const bool after_text = k > 0 && (cs[k - 1].cp >= 0x80 || (cs[k - 1].cp == ')' && !L.items.empty() &&
                                                                L.items.back().kind == Kind::gloss));
    const char32_t nx = k + 1 < cs.size() ? cs[k + 1].cp : 0;
    const bool unknown =
        cp == kReplacement || (cp == '?' && after_text && (nx == '(' || nx == ',' || nx == '!' || (nx >= 'a' && nx <= 'z') || nx >= 0x80));
    if (unknown) {
      L.items.push_back({Kind::unknown, 0, src, src + 1, std::uint32_t(L.unknowns.size())});
      L.unknowns.push_back({all_values(L.id), false, -1});
      if (add_gloss(L, cs, k + 1, false, next)) {
        k = next;
        continue;
      }
      ++k;
      continue;
    }
    std::uint16_t code = 0;
    if ((cp == ',' || cp == '!') && !L.items.empty() && L.items.back().kind == Kind::unknown &&
        ascii_punct_code(L.id, cp, code)) {
      L.items.push_back({Kind::punct, 0, src, src + 1, std::uint32_t(L.puncts.size())});
      L.puncts.push_back({cp, code, false});
      ++k;
      continue;
    }
    unsigned char b[kMaxCode];
    const int len = cp < 0x80 ? 1 : encode_char(L.id, cp, b);
    if (len <= 0) {
      L.items.push_back({Kind::opaque, 0, src, src + 1, 0});
    } else if (cp < 0x80) {
      L.items.push_back({Kind::byte, std::uint8_t(cp), src, src + 1, 0});
    } else {
      for (int j = 0; j < len; ++j) L.items.push_back({Kind::byte, b[j], src, src + 1, 0});
    }
    ++k;
  }
}

// The two byte items before gloss item `g` (glosses skipped); false when a punctuation,
// opaque or kept item is in the way.
bool before_gloss(const Line& L, std::size_t g, std::size_t& a, std::size_t& b) {
  std::size_t found = 0, idx[2] = {0, 0};
  for (std::size_t j = g; j-- > 0 && found < 2;) {
    const Item& it = L.items[j];
    if (it.kind == Kind::gloss && !L.glosses[it.var].kept) continue;
    if (it.kind != Kind::byte && it.kind != Kind::unknown) return false;
    idx[found++] = j;
  }
  if (found < 2) return false;
  a = idx[1];
  b = idx[0];
  return true;
}

// Applies every gloss constraint to the candidates of the unknown bytes; marks glosses that
// cannot hold as kept. Returns the number of glosses that pin an unknown byte.
std::size_t constrain(Line& L) {
  std::size_t evidence = 0;
  for (int pass = 0; pass < 2; ++pass) {
    evidence = 0;
    for (std::size_t g = 0; g < L.items.size(); ++g) {
      if (L.items[g].kind != Kind::gloss) continue;
      GlossVar& gv = L.glosses[L.items[g].var];
      if (gv.kept) continue;
      std::size_t a = 0, b = 0;
      if (!before_gloss(L, g, a, b)) {
        gv.kept = true;
        continue;
      }
      const Item& ia = L.items[a];
      const Item& ib = L.items[b];
      auto allows = [&](const Item& it, std::uint8_t v) {
        if (it.kind == Kind::byte) return it.byte == v;
        const auto& c = L.unknowns[it.var].cands;
        return std::find(c.begin(), c.end(), v) != c.end();
      };
      std::vector<std::uint8_t> va, vb;
      for (std::uint16_t code : gv.codes) {
        const auto hi = std::uint8_t(code >> 8), lo = std::uint8_t(code);
        if (allows(ia, hi) && allows(ib, lo)) va.push_back(hi), vb.push_back(lo);
      }
      if (va.empty()) {
        gv.kept = true;
        continue;
      }
      auto narrow = [&](const Item& it, std::vector<std::uint8_t>& v) {
        if (it.kind != Kind::unknown) return;
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        L.unknowns[it.var].cands = v;
        L.unknowns[it.var].constrained = true;
      };
      narrow(ia, va);
      narrow(ib, vb);
      gv.evidence = ia.kind == Kind::unknown || ib.kind == Kind::unknown;
      evidence += gv.evidence;
    }
  }
  return evidence;
}

bool trad_only(CodecId id, std::uint16_t code) {
  const unsigned char b[2] = {std::uint8_t(code >> 8), std::uint8_t(code)};
  const CodecChar c = decode_char(id, b, b + 2);
  return c.len == 2 && (zh::char_class(c.cp) & 7) == zh::kTOnly;
}

// When every gloss on a character whose bytes survived reads a Traditional-only character, the
// annotator chose those: a gloss over lost bytes then reads one too (級 rather than 及, both jí).
void prefer_traditional(Line& L) {
  std::size_t intact = 0;
  for (std::size_t g = 0; g < L.items.size(); ++g) {
    if (L.items[g].kind != Kind::gloss) continue;
    std::size_t a = 0, b = 0;
    if (!before_gloss(L, g, a, b) || L.items[a].kind != Kind::byte || L.items[b].kind != Kind::byte) continue;
    const auto code = std::uint16_t(L.items[a].byte << 8 | L.items[b].byte);
    const auto& codes = L.glosses[L.items[g].var].codes;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) continue;
    if (!trad_only(L.id, code)) return;
    ++intact;
  }
  if (intact < 2) return;
  for (GlossVar& gv : L.glosses) {
    std::vector<std::uint16_t> t;
    for (std::uint16_t c : gv.codes)
      if (trad_only(L.id, c)) t.push_back(c);
    if (!t.empty()) gv.codes = std::move(t);
  }
}

// Stretches of items decoded together: between opaque items and kept glosses.
std::vector<std::pair<std::size_t, std::size_t>> segments(const Line& L) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t j = 0; j <= L.items.size(); ++j) {
    const bool cut = j == L.items.size() || L.items[j].kind == Kind::opaque ||
                     (L.items[j].kind == Kind::gloss && L.glosses[L.items[j].var].kept);
    if (!cut) continue;
    if (j > start) out.emplace_back(start, j);
    start = j + 1;
  }
  return out;
}

void build(const Line& L, std::size_t ib, std::size_t ie, std::vector<Slot>& slots) {
  slots.clear();
  for (std::size_t j = ib; j < ie; ++j) {
    const Item& it = L.items[j];
    switch (it.kind) {
      case Kind::byte: slots.push_back({it.byte, false, it.src}); break;
      case Kind::unknown: {
        const Unknown& u = L.unknowns[it.var];
        slots.push_back({std::uint8_t(u.value < 0 ? 0 : u.value), u.value < 0, it.src});
        break;
      }
      case Kind::punct: {
        const Punct& p = L.puncts[it.var];
        if (p.full) {
          slots.push_back({std::uint8_t(p.code >> 8), false, it.src});
          slots.push_back({std::uint8_t(p.code), false, it.src});
        } else {
          slots.push_back({std::uint8_t(p.ascii), false, it.src});
        }
        break;
      }
      default: break;
    }
  }
}

model::Cost seg_cost(const Line& L, std::size_t ib, std::size_t ie, char32_t before, char32_t after,
                     std::vector<Slot>& slots, std::vector<Piece>& pieces) {
  build(L, ib, ie, slots);
  pieces.clear();
  decode_slots(L.id, slots, pieces);
  return pieces_cost(pieces, before, after);
}

// Items scored around item j: from an ASCII byte (where decoding is in step) at most kWindow
// items back, to kWindow items ahead (so the work stays linear on long lines).
constexpr std::size_t kWindow = 48;
std::pair<std::size_t, std::size_t> window(const Line& L, std::size_t ib, std::size_t ie, std::size_t j) {
  std::size_t a = j;
  while (a > ib && j - a < kWindow && !(L.items[a - 1].kind == Kind::byte && L.items[a - 1].byte < 0x40)) --a;
  return {a, std::min(ie, j + kWindow)};
}

// Chooses the values the constraints leave open (several candidates, punctuation) by the model.
void choose(Line& L, std::span<const Ch> cs, std::size_t ib, std::size_t ie) {
  auto ctx = [&](std::size_t a, std::size_t e, char32_t& before, char32_t& after) {
    before = L.items[a].src > 0 ? cs[L.items[a].src - 1].cp : '\n';
    after = L.items[e - 1].end < cs.size() ? cs[L.items[e - 1].end].cp : '\n';
  };
  std::vector<Slot> slots;
  std::vector<Piece> pieces;
  for (std::size_t j = ib; j < ie; ++j) {  // start from the first candidate of each
    const Item& it = L.items[j];
    if (it.kind == Kind::unknown) {
      Unknown& u = L.unknowns[it.var];
      u.value = u.constrained && !u.cands.empty() ? u.cands.front() : -1;
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t j = ib; j < ie; ++j) {
      const Item& it = L.items[j];
      if (it.kind != Kind::unknown && it.kind != Kind::punct) continue;
      const auto [wb, we] = window(L, ib, ie, j);
      char32_t before = 0, after = 0;
      ctx(wb, we, before, after);
      if (it.kind == Kind::unknown) {
        Unknown& u = L.unknowns[it.var];
        if (!u.constrained || u.cands.size() < 2) continue;
        model::Cost best = 0;
        std::int16_t best_v = -1;
        for (std::uint8_t v : u.cands) {
          u.value = v;
          const model::Cost c = seg_cost(L, wb, we, before, after, slots, pieces);
          if (best_v < 0 || c < best) best = c, best_v = v;
        }
        u.value = best_v;
      } else if (it.kind == Kind::punct) {
        Punct& p = L.puncts[it.var];
        p.full = false;
        const model::Cost ascii = seg_cost(L, wb, we, before, after, slots, pieces);
        p.full = true;
        const model::Cost full = seg_cost(L, wb, we, before, after, slots, pieces);
        p.full = full < ascii;
      }
    }
  }
}

// Rebuilds of one codec; returns the number of evidence glosses (0: none, `out` untouched).
std::size_t repair_with(CodecId id, std::span<const Ch> cs, bool guess, std::vector<Rebuild>& out, model::Cost& gain) {
  Line L{id, {}, {}, {}, {}};
  tokenize(L, cs);
  if (L.glosses.empty() || L.unknowns.empty()) return 0;
  prefer_traditional(L);
  const std::size_t evidence = constrain(L);
  if (evidence == 0) return 0;
  // A gloss right after an unknown byte must hold: otherwise this is not the codec.
  for (std::size_t j = 0; j + 1 < L.items.size(); ++j)
    if (L.items[j].kind == Kind::unknown && L.items[j + 1].kind == Kind::gloss && L.glosses[L.items[j + 1].var].kept)
      return 0;
  gain = 0;
  std::vector<Rebuild> mine;
  std::vector<Slot> slots;
  std::vector<Piece> pieces;
  for (const auto& [ib, ie] : segments(L)) {
    choose(L, cs, ib, ie);
    const std::size_t cb = L.items[ib].src, ce = L.items[ie - 1].end;
    const char32_t before = cb > 0 ? cs[cb - 1].cp : '\n';
    const char32_t after = ce < cs.size() ? cs[ce].cp : '\n';
    build(L, ib, ie, slots);
    pieces.clear();
    decode_slots(id, slots, pieces);
    Rebuild r;
    r.codec = id;
    if (guess && guess_lost(id, slots, pieces, before, after) > 0) r.guess = true;
    model::Scorer orig;
    orig.prev = before;
    for (std::size_t k = cb; k < ce; ++k) orig.push(cs[k].cp);
    orig.push(after);
    r.gain = orig.total - pieces_cost(pieces, before, after);
    if (!diff_rebuild(cs, cb, ce, pieces, r)) continue;
    gain += r.gain;
    mine.push_back(std::move(r));
  }
  if (mine.empty()) return 0;
  for (auto& r : mine) out.push_back(std::move(r));
  return evidence;
}

}  // namespace

bool split_repair(std::span<const Ch> cs, bool guess, std::vector<Rebuild>& out) {
  // Cheap tests first: a byte the decoder could not read (U+FFFD or '?': the only unknowns
  // tokenize() makes) ...
  bool unread = false;
  for (std::size_t k = 0; k < cs.size() && !unread; ++k) unread = cs[k].cp == kReplacement || cs[k].cp == '?';
  if (!unread) return false;
  bool glossy = false;  // ... and some ')' closing a gloss
  for (std::size_t k = 1; k < cs.size() && !glossy; ++k) {
    if (cs[k].cp != ')') continue;
    for (std::size_t j = k; j-- > 0 && k - j <= 8 && !glossy;) glossy = parse_gloss(cs, j, false).has_value();
  }
  if (!glossy) return false;
  std::vector<Rebuild> best;
  std::size_t best_ev = 0;
  model::Cost best_gain = 0;
  for (CodecId id : {CodecId::gbk, CodecId::big5}) {
    std::vector<Rebuild> mine;
    model::Cost gain = 0;
    const std::size_t ev = repair_with(id, cs, guess, mine, gain);
    if (ev == 0 || gain < 0) continue;
    if (ev > best_ev || (ev == best_ev && gain > best_gain)) best = std::move(mine), best_ev = ev, best_gain = gain;
  }
  if (best.empty()) return false;
  for (auto& r : best) out.push_back(std::move(r));
  return true;
}

}  // namespace mojifix::detail::bs
