// reading.cpp — re-encoding with the wrong codec and decoding with the right one, incrementally.
#include "mojibake/reading.hpp"

#include <array>

#include "utf8.hpp"

namespace mojifix::detail {

namespace {

constexpr std::array kChains{
    Chain{CodecId::utf8, CodecId::cp1252},   Chain{CodecId::utf8, CodecId::gbk},
    Chain{CodecId::utf8, CodecId::sjis},     Chain{CodecId::utf8, CodecId::big5},
    Chain{CodecId::utf8, CodecId::euckr},    Chain{CodecId::utf8, CodecId::eucjp},
    Chain{CodecId::utf8, CodecId::cp1251},   Chain{CodecId::utf8, CodecId::iso8859_2},
    Chain{CodecId::utf8, CodecId::cp1250},   Chain{CodecId::utf8, CodecId::koi8_r},
    Chain{CodecId::utf8, CodecId::macroman}, Chain{CodecId::utf8, CodecId::cp437},
    Chain{CodecId::utf8, CodecId::cp866},    Chain{CodecId::utf8, CodecId::cp1253},
    Chain{CodecId::utf8, CodecId::cp1254},   Chain{CodecId::utf8, CodecId::cp1257},
    Chain{CodecId::gbk, CodecId::cp1252},    Chain{CodecId::big5, CodecId::cp1252},
    Chain{CodecId::sjis, CodecId::cp1252},   Chain{CodecId::euckr, CodecId::cp1252},
    Chain{CodecId::cp1251, CodecId::cp1252}, Chain{CodecId::cp1252, CodecId::latin1},
    Chain{CodecId::gbk, CodecId::cp437},     Chain{CodecId::sjis, CodecId::cp437},
    Chain{CodecId::euckr, CodecId::cp437},   Chain{CodecId::cp866, CodecId::cp437},
};

constexpr std::size_t kMaxUnsynced = 48;  // characters read without a common boundary

bool cont(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

int utf8_len(unsigned char b) noexcept {
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

enum class Kind { ok, lost, more };
struct Step {
  Kind kind;
  char32_t cp;
  std::size_t len;
};

// UTF-8 with unknown bytes (known[k] false) and missing ones: what the bytes determine.
Step utf8_lenient(const unsigned char* b, const bool* known, std::size_t n, bool final) {
  if (!known[0]) {
    std::size_t j = 1;
    while (j < n && j < 4 && known[j] && cont(b[j])) ++j;
    if (j == n && j < 4 && !final) return {Kind::more, 0, 0};
    return {Kind::lost, kReplacement, j};
  }
  const unsigned char c = b[0];
  if (c < 0x80) return {Kind::ok, c, 1};
  if (cont(c)) {
    std::size_t j = 1;
    while (j < n && j < 3 && known[j] && cont(b[j])) ++j;
    if (j == n && j < 3 && !final) return {Kind::more, 0, 0};
    return {Kind::lost, kReplacement, j};
  }
  const int need = utf8_len(c);
  if (!need) return {Kind::lost, kReplacement, 1};
  bool all = true;
  for (int j = 1; j < need; ++j) {
    if (std::size_t(j) >= n) return final ? Step{Kind::lost, kReplacement, std::size_t(j)} : Step{Kind::more, 0, 0};
    if (!known[j]) {
      all = false;
      continue;
    }
    bool okb = cont(b[j]);
    if (j == 1 && okb) {
      if (c == 0xE0) okb = b[1] >= 0xA0;
      else if (c == 0xED) okb = b[1] <= 0x9F;
      else if (c == 0xF0) okb = b[1] >= 0x90;
      else if (c == 0xF4) okb = b[1] <= 0x8F;
    }
    if (!okb) return {Kind::lost, kReplacement, std::size_t(j)};
  }
  if (!all) return {Kind::lost, kReplacement, std::size_t(need)};
  const Decoded d = decode_utf8(b, b + need);
  return {Kind::ok, d.cp, d.len};
}

bool lead_byte(CodecId id, const unsigned char* b, std::size_t n) noexcept {
  const unsigned c = b[0];
  switch (id) {
    case CodecId::gbk:
      if (n == 1) return c >= 0x81 && c <= 0xFE;
      if (b[1] >= 0x30 && b[1] <= 0x39) return n == 2 || (n == 3 && b[2] >= 0x81 && b[2] <= 0xFE);
      return false;
    case CodecId::big5:
    case CodecId::euckr: return n == 1 && c >= 0x81 && c <= 0xFE;
    case CodecId::sjis: return n == 1 && ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC));
    case CodecId::eucjp: return (n == 1 && c >= 0x8E) || (n == 2 && c == 0x8F);
    case CodecId::utf16le:
    case CodecId::utf16be: return n < 2 || (n < 4 && ((id == CodecId::utf16le ? b[1] : b[0]) & 0xFC) == 0xD8);
    default: return false;
  }
}

// One step of a strict decoder.
Step strict(CodecId id, const unsigned char* b, std::size_t n, bool final) {
  if (id == CodecId::utf8) {
    const int need = b[0] < 0x80 ? 1 : utf8_len(b[0]);
    if (!final && need && std::size_t(need) > n) {
      for (std::size_t j = 1; j < n; ++j)
        if (!cont(b[j])) return {Kind::lost, kReplacement, j};
      return {Kind::more, 0, 0};
    }
    const Decoded d = decode_utf8(b, b + n);
    return d.ok ? Step{Kind::ok, d.cp, d.len} : Step{Kind::lost, kReplacement, d.len};
  }
  const CodecChar c = decode_char(id, b, b + n);
  if (c.len) return {Kind::ok, c.cp, c.len};
  if (!final && lead_byte(id, b, n)) return {Kind::more, 0, 0};
  return {Kind::lost, kReplacement, 1};
}

}  // namespace

std::span<const Chain> chains() noexcept { return kChains; }

bool read_chain(const Chain& chain, std::span<const Ch> cs, std::size_t from, bool lossy, Reading& r, Codes* codes) {
  const bool ascii_ends = chain.inner != CodecId::utf16le && chain.inner != CodecId::utf16be;
  const bool lenient = lossy && chain.inner == CodecId::utf8;
  // Bytes of the characters read so far that are not yet decoded.
  std::array<unsigned char, 64> buf;  // written before read: not cleared (a read is started often)
  std::array<bool, 64> known;
  std::size_t nbuf = 0;
  r.first = from;
  r.text.clear();
  r.lost = r.recovered = r.replaced = 0;
  r.any_c1 = r.any_special = r.bom = false;
  r.lost_chars.clear();
  std::size_t sync_i = from, sync_text = 0, sync_lost_chars = 0;
  int sync_lost = 0, sync_rec = 0, sync_replaced = 0;
  bool sync_c1 = false, sync_special = false;
  std::size_t i = from;
  auto drain = [&](bool final) -> bool {
    std::size_t pos = 0;
    while (pos < nbuf) {
      const Step s = lenient ? utf8_lenient(buf.data() + pos, known.data() + pos, nbuf - pos, final)
                             : strict(chain.inner, buf.data() + pos, nbuf - pos, final);
      if (s.kind == Kind::more) break;
      if (s.kind == Kind::lost) {
        if (!lenient) return false;
        LostChar lc{std::uint32_t(r.text.size()), {0, 0, 0, 0}, 0, std::uint8_t(std::min<std::size_t>(s.len, 4))};
        for (std::size_t k = 0; k < lc.len; ++k) {
          lc.bytes[k] = known[pos + k] ? buf[pos + k] : 0;
          if (known[pos + k]) lc.known |= std::uint8_t(1u << k);
        }
        r.lost_chars.push_back(lc);
        append_utf8(r.text, kReplacement);
        ++r.lost;
      } else {
        if (s.cp == 0) return false;
        if (s.cp == kReplacement) ++r.replaced;  // lost before this mis-decoding
        if (s.cp == 0xFEFF && chain.inner == CodecId::utf8) {
          r.bom = true;  // a byte-order mark shown as text: it goes
          pos += s.len;
          continue;
        }
        append_utf8(r.text, s.cp);
        if (s.cp >= 0x80 && s.cp != kReplacement) ++r.recovered;
      }
      pos += s.len;
    }
    if (pos == nbuf) {
      nbuf = 0;
    } else if (pos) {
      std::copy(buf.begin() + std::ptrdiff_t(pos), buf.begin() + std::ptrdiff_t(nbuf), buf.begin());
      std::copy(known.begin() + std::ptrdiff_t(pos), known.begin() + std::ptrdiff_t(nbuf), known.begin());
      nbuf -= pos;
    }
    return true;
  };
  auto mark_sync = [&] {
    sync_i = i;
    sync_text = r.text.size();
    sync_lost = r.lost;
    sync_rec = r.recovered;
    sync_replaced = r.replaced;
    sync_lost_chars = r.lost_chars.size();
    sync_c1 = r.any_c1;
    sync_special = r.any_special;
  };
  bool ok = true;
  while (i < cs.size()) {
    const char32_t cp = cs[i].cp;
    if (ascii_ends && cp < 0x80 && nbuf == 0) break;
    unsigned char own[kMaxCode];
    const unsigned char* code = own;
    int n;
    if (codes) {
      const unsigned char* c = codes->at(chain.outer, i);
      n = c[0];
      code = c + 1;
    } else {
      n = encode_char(chain.outer, cp, own);
    }
    if (n == 0) {
      if (!(lenient && cp == kReplacement && double_byte(chain.outer))) break;
      n = -1;
    }
    if (nbuf + kMaxCode > buf.size()) break;
    if (n < 0) {
      buf[nbuf] = 0;
      known[nbuf++] = false;
    } else {
      for (int k = 0; k < n; ++k) {
        buf[nbuf] = code[k];
        known[nbuf++] = true;
      }
      if (cp >= 0x80 && cp < 0xA0) r.any_c1 = true;
      else if (cp >= 0x100 && single_byte(chain.outer) && code[0] >= 0x80 && code[0] < 0xA0) r.any_special = true;
    }
    ++i;
    if (!drain(false)) {
      ok = false;
      break;
    }
    if (nbuf == 0) mark_sync();
    if (i - sync_i > kMaxUnsynced) break;
    // Lost characters outnumbering decoded ones: not a reading of this text (keeps reading
    // clean text through a lossy chain short).
    if (r.lost > r.recovered + 2) break;
  }
  if (ok && nbuf > 0 && lenient && drain(true) && nbuf == 0) mark_sync();
  r.last = sync_i;
  r.text.resize(sync_text);
  r.lost = sync_lost;
  r.recovered = sync_rec;
  r.replaced = sync_replaced;
  r.lost_chars.resize(sync_lost_chars);
  r.any_c1 = sync_c1;
  r.any_special = sync_special;
  return r.last > r.first;
}

}  // namespace mojifix::detail
