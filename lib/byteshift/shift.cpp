// shift.cpp — repair of one lost or extra byte in a DBCS stream.
#include "byteshift/shift.hpp"

#include "utf8.hpp"

namespace mojifix::detail::bs {

namespace {

constexpr std::size_t kLookBack = 16;             // boundaries tried before the trigger
constexpr std::size_t kAhead = 96;                // characters read after it (realigned by then)
constexpr model::Cost kMargin = 16 * model::kBit;  // gain needed over the damaged reading
// An extra byte is rarer than a lost one and leaves no U+FFFD: it costs as much as a lost one.
constexpr model::Cost kExtraCost = model::kLostCost + 4 * model::kBit;

bool breaks(char32_t cp) noexcept { return cp < 0x40 && cp != 0; }

// Han, kana (full-width), Hangul and CJK punctuation: text around which a lone odd character
// can be debris of a shifted stream.
bool halfwidth_kana(char32_t cp) noexcept { return model::char_class(cp) == model::Class::halfwidth_kana; }

bool full_cjk(char32_t cp) noexcept {
  switch (model::char_class(cp)) {
    case model::Class::han: case model::Class::han_rare: case model::Class::hiragana: case model::Class::katakana:
    case model::Class::hangul: case model::Class::cjk_punct: case model::Class::fullwidth_punct:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool shift_trigger(std::span<const Ch> cs, std::size_t k) noexcept {
  const char32_t cp = cs[k].cp;
  if (cp == kReplacement) return true;
  if (cp >= 0x80) return model::suspect(cp);
  if (cp < 0x40 || cp > 0x7E) return false;
  return k > 0 && k + 1 < cs.size() && cs[k - 1].cp >= 0x80 && cs[k + 1].cp >= 0x80;
}

bool shift_repair(CodecId id, std::span<const Ch> cs, std::size_t t, bool guess, Rebuild& out, std::size_t& end) {
  // The stretch: characters with a code in `id`, no ASCII byte below 0x40.
  auto fits = [&](std::size_t k) {
    const char32_t cp = cs[k].cp;
    return !breaks(cp) && (cp == kReplacement || encodable(id, cp));
  };
  end = t + 1;
  if (!fits(t)) return false;
  std::size_t b = t;
  while (b > 0 && t - b <= kLookBack && fits(b - 1)) --b;
  std::size_t e = t + 1;
  while (e < cs.size() && e - t < kAhead && fits(e)) ++e;
  end = e;
  const bool cut = e < cs.size() && fits(e);  // the new reading must be back in step by then
  std::vector<Slot> slots;
  std::vector<std::uint32_t> start;  // first slot of each character of the stretch
  bool multi = false;
  for (std::size_t k = b; k < e; ++k) {
    start.push_back(std::uint32_t(slots.size()));
    if (!push_char(id, cs[k].cp, std::uint32_t(k), slots)) return false;
    multi = multi || cs[k].cp >= 0x80;
  }
  if (!multi) return false;
  // Text whose bytes were lost wholesale (legacy text read as UTF-8) is no shifted stream.
  std::size_t lost_before = 0, cjk = 0;
  for (std::size_t k = b; k < e; ++k) {
    lost_before += cs[k].cp == kReplacement;
    cjk += cs[k].cp != kReplacement && model::is_cjk(cs[k].cp);
  }
  if (lost_before > 2 || lost_before * 4 > cjk) return false;
  const char32_t before = b > 0 ? cs[b - 1].cp : '\n';
  const char32_t after = e < cs.size() ? cs[e].cp : '\n';
  model::Scorer orig;
  orig.prev = before;
  for (std::size_t k = b; k < e; ++k) orig.push(cs[k].cp);
  orig.push(after);

  model::Cost best_gain = 0;
  std::vector<Slot> best_slots;
  std::vector<Piece> pieces;
  // A reading counts only when it beats the best so far and the margin: costs only grow along
  // the text, so its decoding stops as soon as it cannot (the outcome is the same as scoring
  // every reading whole).
  auto consider = [&](const EditedSlots& s, model::Cost penalty) {
    const model::Cost bound = orig.total - penalty - std::max(best_gain + 1, kMargin);
    if (bound < 0) return;
    std::size_t lost = 0;
    model::Scorer sc;
    sc.prev = before;
    const bool whole = each_piece(id, s, [&](const Piece& p) {
      lost += p.lost;
      sc.push(p.lost ? kReplacement : p.cp);
      return lost <= lost_before + 1 && sc.total <= bound;
    });
    if (!whole) return;
    if (after) sc.push(after);  // as pieces_cost() does
    const model::Cost gain = orig.total - sc.total - penalty;
    if (gain > best_gain) best_gain = gain, best_slots = s.materialize();
  };
  const std::size_t from = t - b > kLookBack ? t - kLookBack : b;
  for (std::size_t k = from; k <= t && k < e; ++k) {
    const std::size_t c = start[k - b];
    const Slot& s = slots[c];
    if (s.lost) continue;
    if (trail_byte(id, s.byte)) consider({slots, c, true, Slot{0, true, s.src}}, 0);  // its lead byte was lost
    if (lead_byte(id, s.byte)) consider({slots, c + 1, true, Slot{0, true, s.src}}, 0);  // its trail byte was lost
    consider({slots, c, false, {}}, kExtraCost);  // an extra byte came in
  }
  if (best_gain < kMargin) return false;
  pieces.clear();
  decode_slots(id, best_slots, pieces);
  if (guess && guess_lost(id, best_slots, pieces, before, after) > 0) out.guess = true;
  if (!diff_rebuild(cs, b, e, pieces, out)) return false;
  if (cut && out.last == e) return false;
  bool garbage = false;  // what is replaced holds CJK characters, not only ASCII and symbols
  for (std::size_t k = out.first; k < out.last && !garbage; ++k)
    garbage = cs[k].cp != kReplacement && model::is_cjk(cs[k].cp);
  if (!garbage) return false;
  // The new reading must read as text: no suspect character, no more ASCII than before.
  std::size_t ascii_before = 0, ascii_after = 0;
  for (std::size_t k = out.first; k < out.last; ++k) ascii_before += cs[k].cp < 0x80;
  for (std::size_t i = 0; i < out.text.size();) {
    const Decoded d = decode_at(out.text, i);
    i += d.len;
    if (d.cp < 0x80) ++ascii_after;
    else if (d.cp != kReplacement && model::suspect(d.cp)) return false;
  }
  if (ascii_after > ascii_before) return false;
  // Half-width kana, bopomofo and symbols alone are shifted debris only next to CJK text: in ASCII
  // text or a run of half-width kana (U'｡', ｶﾀｶﾅ, "ㄕˊ") they are text.
  bool text_inside = false;
  for (std::size_t k = out.first; k < out.last && !text_inside; ++k) text_inside = full_cjk(cs[k].cp);
  if (!text_inside && !(out.first > 0 && full_cjk(cs[out.first - 1].cp)) &&
      !(out.last < cs.size() && full_cjk(cs[out.last].cp)))
    return false;
  std::size_t kana_b = out.first, kana_e = out.first;  // the run of half-width kana at the start
  while (kana_b > 0 && halfwidth_kana(cs[kana_b - 1].cp)) --kana_b;
  while (kana_e < cs.size() && halfwidth_kana(cs[kana_e].cp)) ++kana_e;
  if (kana_e - kana_b >= 2) return false;
  out.gain = best_gain;
  out.codec = id;
  return true;
}

}  // namespace mojifix::detail::bs
