// rebuild.cpp — scoring, guessing and diffing rebuilt stretches.
#include "byteshift/rebuild.hpp"

#include "utf8.hpp"

namespace mojifix::detail::bs {

model::Cost pieces_cost(std::span<const Piece> p, char32_t before, char32_t after) noexcept {
  model::Scorer s;
  s.prev = before;
  for (const Piece& x : p) s.push(x.lost ? kReplacement : x.cp);
  if (after) s.push(after);
  return s.total;
}

std::size_t guess_lost(CodecId id, std::vector<Slot>& slots, std::vector<Piece>& pieces, char32_t before,
                       char32_t after) {
  std::size_t filled = 0;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece p = pieces[k];
    if (!p.lost || p.n != 2) continue;
    Slot& a = slots[p.first];
    Slot& b = slots[p.first + 1];
    if (a.lost == b.lost) continue;
    Slot& hole = a.lost ? a : b;
    char32_t prev = before;
    for (std::size_t j = k; j-- > 0;)
      if (!pieces[j].lost) {
        prev = pieces[j].cp;
        break;
      }
    char32_t next = after;
    for (std::size_t j = k + 1; j < pieces.size(); ++j)
      if (!pieces[j].lost) {
        next = pieces[j].cp;
        break;
      }
    model::Cost best = 0;
    char32_t best_cp = 0;
    std::uint8_t best_byte = 0;
    for (unsigned v = 0x40; v <= 0xFE; ++v) {
      const auto byte = static_cast<std::uint8_t>(v);
      if (a.lost ? !lead_byte(id, byte) : !trail_byte(id, byte)) continue;
      unsigned char buf[2] = {a.lost ? byte : a.byte, a.lost ? b.byte : byte};
      const CodecChar c = decode_char(id, buf, buf + 2);
      if (c.len != 2 || c.cp == kReplacement) continue;
      const model::Cost cost = model::step(prev, c.cp) + (next ? model::step(c.cp, next) : 0);
      if (!best_cp || cost < best) best = cost, best_cp = c.cp, best_byte = byte;
    }
    if (!best_cp) continue;
    hole.byte = best_byte;
    hole.lost = false;
    pieces[k].cp = best_cp;
    pieces[k].lost = false;
    ++filled;
  }
  return filled;
}

bool diff_rebuild(std::span<const Ch> cs, std::size_t b, std::size_t e, std::span<const Piece> pieces,
                  Rebuild& out) {
  std::size_t pre = 0;
  auto cp_of = [](const Piece& p) { return p.lost ? kReplacement : p.cp; };
  while (pre < pieces.size() && b + pre < e && cp_of(pieces[pre]) == cs[b + pre].cp) ++pre;
  std::size_t suf = 0;
  while (suf < pieces.size() - pre && e - suf > b + pre && cp_of(pieces[pieces.size() - 1 - suf]) == cs[e - 1 - suf].cp)
    ++suf;
  if (pre == pieces.size() && b + pre == e) return false;
  out.first = b + pre;
  out.last = e - suf;
  out.text.clear();
  out.lossy = false;
  for (std::size_t k = pre; k < pieces.size() - suf; ++k) {
    append_utf8(out.text, cp_of(pieces[k]));
    out.lossy = out.lossy || pieces[k].lost;
  }
  return true;
}

}  // namespace mojifix::detail::bs
