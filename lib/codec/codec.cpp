// codec.cpp — single-byte and double-byte codecs from the generated tables, both directions.
#include "codec/codec.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "tables/codecs_sbcs.inc"
#include "tables/dbcs_big5.inc"
#include "tables/dbcs_eucjp.inc"
#include "tables/dbcs_euckr.inc"
#include "tables/dbcs_gbk.inc"
#include "tables/dbcs_sjis.inc"
#include "tables/gb18030_ranges.inc"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

constexpr std::size_t kSbcsCount = std::size(tables::sbcs_tables);
static_assert(kSbcsCount == std::size_t(CodecId::cp866) - std::size_t(CodecId::cp1252) + 1);

constexpr bool windows(CodecId id) noexcept {
  return id == CodecId::cp1252 || id == CodecId::cp1250 || id == CodecId::cp1251 || id == CodecId::cp1253 ||
         id == CodecId::cp1254 || id == CodecId::cp1257;
}

int put(std::uint32_t code, unsigned char* out) noexcept {
  if (code > 0xFFFF) {
    out[0] = static_cast<unsigned char>(code >> 16);
    out[1] = static_cast<unsigned char>(code >> 8);
    out[2] = static_cast<unsigned char>(code);
    return 3;
  }
  if (code > 0xFF) {
    out[0] = static_cast<unsigned char>(code >> 8);
    out[1] = static_cast<unsigned char>(code);
    return 2;
  }
  out[0] = static_cast<unsigned char>(code);
  return 1;
}

// GB18030 four-byte code of a BMP code point from the ranges, 0 if none.
std::uint32_t gb4_linear_of(char32_t cp) noexcept {
  for (const auto& r : tables::gb18030_runs)
    if (cp >= r.first && cp < char32_t(r.first + r.count)) return r.linear + (cp - r.first) + 1;
  return 0;
}

int put_gb4(std::uint32_t linear, unsigned char* out) noexcept {
  out[3] = static_cast<unsigned char>(0x30 + linear % 10);
  linear /= 10;
  out[2] = static_cast<unsigned char>(0x81 + linear % 126);
  linear /= 126;
  out[1] = static_cast<unsigned char>(0x30 + linear % 10);
  linear /= 10;
  out[0] = static_cast<unsigned char>(0x81 + linear);
  return 4;
}

// Reverse map of one single-byte codec: direct for U+0080..U+04FF, sorted pairs above.
struct SbcsReverse {
  std::array<std::uint8_t, 0x500> low{};  // 0 = none
  std::array<std::uint8_t, 0x600> symbols{};  // U+2000..U+25FF (punctuation, math, box drawing), 0 = none
  std::vector<std::pair<char32_t, std::uint8_t>> high;
};

// A double-byte family: a grid of lead x trail bytes.
struct Dbcs {
  unsigned lead_lo = 0, lead_hi = 0, row = 0;
  std::array<std::int16_t, 256> trail{};  // trail byte -> column, -1 = not a trail
  std::vector<char32_t> grid;             // (lead - lead_lo) * row + column; U+FFFD = undefined
  std::vector<char32_t> grid0212;         // EUC-JP only: 94 x 94 (8F lead)

  void load(unsigned lo, unsigned hi, const unsigned char (*trails)[2], std::size_t ntrails, unsigned row_size,
            const char* const* rows) {
    lead_lo = lo;
    lead_hi = hi;
    row = row_size;
    trail.fill(-1);
    int col = 0;
    for (std::size_t k = 0; k < ntrails; ++k)
      for (unsigned t = trails[k][0]; t <= trails[k][1]; ++t) trail[t] = std::int16_t(col++);
    grid.reserve((hi - lo + 1) * row_size);
    for (unsigned l = 0; l <= hi - lo; ++l) unpack(rows[l], grid);
  }
  static void unpack(std::string_view s, std::vector<char32_t>& out) {
    for (std::size_t i = 0; i < s.size();) {
      const Decoded d = decode_at(s, i);
      out.push_back(d.cp);
      i += d.len;
    }
  }
  char32_t at(unsigned lead, unsigned tr) const noexcept {
    if (lead < lead_lo || lead > lead_hi || trail[tr] < 0) return kReplacement;
    return grid[(lead - lead_lo) * row + unsigned(trail[tr])];
  }
};

// Reverse map of a double-byte family: code (big-endian bytes, 1..3) per BMP code point.
struct DbcsReverse {
  std::vector<std::uint32_t> code = std::vector<std::uint32_t>(0x10000, 0);
  std::vector<std::pair<char32_t, std::uint32_t>> alt;  // further codes, sorted
  std::vector<std::pair<char32_t, std::uint32_t>> astral;  // code points above the BMP, sorted

  void add(char32_t cp, std::uint32_t c) {
    if (cp == kReplacement) return;
    if (cp >= 0x10000) {
      astral.emplace_back(cp, c);
      return;
    }
    if (!code[cp]) code[cp] = c;
    else if (code[cp] != c) alt.emplace_back(cp, c);
  }
  void finish() {
    std::sort(alt.begin(), alt.end());
    std::sort(astral.begin(), astral.end());
  }
};

struct Tables {
  std::array<SbcsReverse, kSbcsCount> sbcs;
  Dbcs gbk, big5, sjis, euckr, eucjp;
  DbcsReverse rgbk, rbig5, rsjis, reuckr, reucjp;

  Tables() {
    for (std::size_t k = 0; k < kSbcsCount; ++k) {
      const auto& t = tables::sbcs_tables[k];
      for (unsigned b = 0x80; b < 0x100; ++b) {
        const char32_t cp = t.high[b - 0x80];
        if (cp < 0x500) {
          if (!sbcs[k].low[cp]) sbcs[k].low[cp] = std::uint8_t(b);
        } else {
          sbcs[k].high.emplace_back(cp, std::uint8_t(b));
          if (cp >= 0x2000 && cp < 0x2600 && !sbcs[k].symbols[cp - 0x2000]) sbcs[k].symbols[cp - 0x2000] = std::uint8_t(b);
        }
      }
      std::sort(sbcs[k].high.begin(), sbcs[k].high.end());
    }
    using namespace tables;
    gbk.load(gbk_lead_lo, gbk_lead_hi, gbk_trails, std::size(gbk_trails), gbk_row_size, gbk_rows);
    big5.load(big5_lead_lo, big5_lead_hi, big5_trails, std::size(big5_trails), big5_row_size, big5_rows);
    sjis.load(sjis_lead_lo, sjis_lead_hi, sjis_trails, std::size(sjis_trails), sjis_row_size, sjis_rows);
    euckr.load(euckr_lead_lo, euckr_lead_hi, euckr_trails, std::size(euckr_trails), euckr_row_size, euckr_rows);
    eucjp.load(eucjp_lead_lo, eucjp_lead_hi, eucjp_trails, std::size(eucjp_trails), eucjp_row_size, eucjp_rows);
    for (const char* r : eucjp_0212_rows) Dbcs::unpack(r, eucjp.grid0212);
    reverse(gbk, rgbk, 0);
    reverse(big5, rbig5, 0);
    reverse(sjis, rsjis, 0);
    reverse(euckr, reuckr, 0);
    reverse(eucjp, reucjp, 0);
    for (unsigned l = 0; l < 94; ++l)
      for (unsigned t = 0; t < 94; ++t)
        reucjp.add(eucjp.grid0212[l * 94 + t], 0x8F0000u | ((0xA1 + l) << 8) | (0xA1 + t));
    for (unsigned b = 0xA1; b <= 0xDF; ++b) {
      rsjis.add(0xFF61 + (b - 0xA1), b);
      reucjp.add(0xFF61 + (b - 0xA1), 0x8E00u | b);
    }
    rsjis.add(0x80, 0x80);  // cp932 single bytes
    rsjis.add(0xF8F0, 0xA0);
    for (unsigned b = 0xFD; b <= 0xFF; ++b) rsjis.add(0xF8F1 + (b - 0xFD), b);
    rgbk.add(0x20AC, 0x80);  // cp936 / WHATWG: 0x80 is the euro sign
    for (auto* r : {&rgbk, &rbig5, &rsjis, &reuckr, &reucjp}) r->finish();
  }

  // codec_mask(): per BMP code point, codecs that encode it / whose code starts with C2..F4.
  std::vector<std::uint32_t> enc_mask = std::vector<std::uint32_t>(0x10000, 0);
  std::vector<std::uint32_t> lead_mask = std::vector<std::uint32_t>(0x10000, 0);
  std::vector<std::uint32_t> u8_mask = std::vector<std::uint32_t>(0x10000, 0);

  void build_masks() {
    auto mark = [&](char32_t cp, CodecId id, unsigned first) {
      if (cp < 0x80 || cp >= 0x10000) return;
      enc_mask[cp] |= 1u << unsigned(id);
      if (first >= 0xC2 && first <= 0xF4) lead_mask[cp] |= 1u << unsigned(id);
    };
    for (std::size_t k = 0; k < kSbcsCount; ++k) {
      const CodecId id = CodecId(std::size_t(CodecId::cp1252) + k);
      for (unsigned b = 0x80; b < 0x100; ++b) mark(tables::sbcs_tables[k].high[b - 0x80], id, b);
      if (windows(id))
        for (char32_t c1 = 0x80; c1 < 0xA0; ++c1) mark(c1, id, c1);  // C1 taken back as the same byte
    }
    const std::pair<CodecId, const DbcsReverse*> fams[] = {
        {CodecId::gbk, &rgbk}, {CodecId::big5, &rbig5}, {CodecId::sjis, &rsjis}, {CodecId::euckr, &reuckr},
        {CodecId::eucjp, &reucjp}};
    for (const auto& [id, r] : fams) {
      for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
        const std::uint32_t c = r->code[cp];
        if (!c) continue;
        mark(cp, id, c > 0xFFFF ? c >> 16 : c > 0xFF ? c >> 8 : c);
        bool u8 = true;
        for (std::uint32_t v = c; v && u8; v >>= 8) u8 = (v & 0xFF) >= 0x80 && (v & 0xFF) <= 0xF4 && ((v & 0xFF) < 0xC0 || (v & 0xFF) >= 0xC2);
        if (u8) u8_mask[cp] |= 1u << unsigned(id);
      }
      for (const auto& [cp, c] : r->alt) mark(cp, id, c > 0xFFFF ? c >> 16 : c > 0xFF ? c >> 8 : c);
    }
    // GB18030 four-byte codes (lead 81..FE: never a UTF-8 lead below C2, so only `enc`).
    for (const auto& run : tables::gb18030_runs)
      for (unsigned k = 0; k < run.count; ++k) {
        const char32_t cp = char32_t(run.first + k);
        if (cp != kReplacement && (cp < 0xD800 || cp >= 0xE000)) {
          unsigned char b[4];
          put_gb4(run.linear + k, b);
          mark(cp, CodecId::gbk, b[0]);
        }
      }
  }

  static void reverse(const Dbcs& d, DbcsReverse& r, int) {
    for (unsigned l = d.lead_lo; l <= d.lead_hi; ++l)
      for (unsigned t = 0; t < 256; ++t)
        if (d.trail[t] >= 0) r.add(d.at(l, t), (l << 8) | t);
  }
};

const Tables& tab() {
  static const std::unique_ptr<Tables> t = std::make_unique<Tables>();
  return *t;
}

const Tables& masks() {
  static const Tables* t = [] {
    auto* m = const_cast<Tables*>(&tab());
    m->build_masks();
    return m;
  }();
  return *t;
}

const DbcsReverse& rev(const Tables& t, CodecId id) noexcept {
  switch (id) {
    case CodecId::gbk: return t.rgbk;
    case CodecId::big5: return t.rbig5;
    case CodecId::sjis: return t.rsjis;
    case CodecId::euckr: return t.reuckr;
    default: return t.reucjp;
  }
}

CodecChar decode_gbk(const Dbcs& d, const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned b0 = p[0];
  if (b0 == 0x80) return {0x20AC, 1};
  if (b0 == 0xFF || end - p < 2) return {kReplacement, 0};
  const unsigned b1 = p[1];
  if (b1 >= 0x30 && b1 <= 0x39) {
    if (end - p < 4 || p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30 || p[3] > 0x39) return {kReplacement, 0};
    const std::uint32_t lin = ((std::uint32_t(b0 - 0x81) * 10 + (b1 - 0x30)) * 126 + (p[2] - 0x81)) * 10 + (p[3] - 0x30);
    if (lin >= 189000) {
      const std::uint32_t cp = 0x10000 + (lin - 189000);
      return cp <= 0x10FFFF ? CodecChar{cp, 4} : CodecChar{kReplacement, 0};
    }
    for (const auto& r : tables::gb18030_runs)
      if (lin >= r.linear && lin < r.linear + r.count) return {char32_t(r.first + (lin - r.linear)), 4};
    return {kReplacement, 0};
  }
  const char32_t cp = d.at(b0, b1);
  return cp == kReplacement ? CodecChar{kReplacement, 0} : CodecChar{cp, 2};
}

CodecChar decode_pair(const Dbcs& d, const unsigned char* p, const unsigned char* end) noexcept {
  if (end - p < 2) return {kReplacement, 0};
  const char32_t cp = d.at(p[0], p[1]);
  return cp == kReplacement ? CodecChar{kReplacement, 0} : CodecChar{cp, 2};
}

}  // namespace

std::string_view codec_label(CodecId id) noexcept {
  switch (id) {
    case CodecId::utf8: return "utf-8";
    case CodecId::utf16le: return "utf-16le";
    case CodecId::utf16be: return "utf-16be";
    case CodecId::gbk: return "gbk";
    case CodecId::big5: return "big5";
    case CodecId::sjis: return "shift_jis";
    case CodecId::euckr: return "euc-kr";
    case CodecId::eucjp: return "euc-jp";
    case CodecId::count_: return "?";
    default: return tables::sbcs_tables[std::size_t(id) - std::size_t(CodecId::cp1252)].label;
  }
}

int encode_char(CodecId id, char32_t cp, unsigned char* out, int alt) noexcept {
  if (cp < 0x80) {
    if (alt) return 0;
    if (id == CodecId::utf16le || id == CodecId::utf16be) {
      out[id == CodecId::utf16le ? 0 : 1] = static_cast<unsigned char>(cp);
      out[id == CodecId::utf16le ? 1 : 0] = 0;
      return 2;
    }
    out[0] = static_cast<unsigned char>(cp);
    return 1;
  }
  if (id == CodecId::utf8) {
    if (alt) return 0;
    std::string s;
    append_utf8(s, cp);
    std::copy(s.begin(), s.end(), out);
    return int(s.size());
  }
  if (id == CodecId::utf16le || id == CodecId::utf16be) {
    if (alt || cp > 0xFFFF || (cp >= 0xD800 && cp < 0xE000)) return 0;
    out[id == CodecId::utf16le ? 0 : 1] = static_cast<unsigned char>(cp);
    out[id == CodecId::utf16le ? 1 : 0] = static_cast<unsigned char>(cp >> 8);
    return 2;
  }
  const Tables& t = tab();
  if (single_byte(id)) {
    if (alt) return 0;
    const auto& r = t.sbcs[std::size_t(id) - std::size_t(CodecId::cp1252)];
    std::uint8_t b = 0;
    if (cp < 0x500) {
      b = r.low[cp];
    } else if (cp >= 0x2000 && cp < 0x2600) {
      b = r.symbols[cp - 0x2000];
    } else {
      const auto it = std::lower_bound(r.high.begin(), r.high.end(), std::pair<char32_t, std::uint8_t>(cp, 0));
      if (it != r.high.end() && it->first == cp) b = it->second;
    }
    // A Latin-1 decoder turned 0x80..0x9F into C1 controls: take them back as the same byte.
    if (!b && cp >= 0x80 && cp < 0xA0 && windows(id)) b = std::uint8_t(cp);
    if (!b) return 0;
    out[0] = b;
    return 1;
  }
  const DbcsReverse& r = rev(t, id);
  if (cp == kReplacement) return 0;  // GB18030 has a code for it, but here it marks lost bytes
  if (cp >= 0x10000) {
    if (id == CodecId::gbk) {
      if (alt || cp > 0x10FFFF) return 0;
      return put_gb4(189000 + (cp - 0x10000), out);
    }
    const auto it = std::lower_bound(r.astral.begin(), r.astral.end(), std::pair<char32_t, std::uint32_t>(cp, 0));
    if (alt || it == r.astral.end() || it->first != cp) return 0;
    return put(it->second, out);
  }
  if (alt == 0) {
    if (r.code[cp]) return put(r.code[cp], out);
    if (id == CodecId::gbk && (cp < 0xD800 || cp >= 0xE000)) {
      const std::uint32_t lin = gb4_linear_of(cp);
      if (lin) return put_gb4(lin - 1, out);
    }
    return 0;
  }
  auto it = std::lower_bound(r.alt.begin(), r.alt.end(), std::pair<char32_t, std::uint32_t>(cp, 0));
  for (int k = 1; it != r.alt.end() && it->first == cp; ++it, ++k)
    if (k == alt) return put(it->second, out);
  return 0;
}

std::uint32_t codec_mask(char32_t cp, bool lead) noexcept {
  if (cp < 0x80) return 0;
  if (cp < 0x10000) return lead ? masks().lead_mask[cp] : masks().enc_mask[cp];
  std::uint32_t m = 0;
  for (unsigned id = unsigned(CodecId::cp1252); id < unsigned(CodecId::count_); ++id) {
    unsigned char b[kMaxCode];
    if (encode_char(CodecId(id), cp, b) && (!lead || (b[0] >= 0xC2 && b[0] <= 0xF4))) m |= 1u << id;
  }
  return m;
}

std::uint32_t utf8ish_mask(char32_t cp) noexcept { return cp >= 0x80 && cp < 0x10000 ? masks().u8_mask[cp] : 0; }

CodecChar decode_char(CodecId id, const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned b0 = p[0];
  switch (id) {
    case CodecId::utf8: {
      const Decoded d = decode_utf8(p, end);
      return d.ok ? CodecChar{d.cp, d.len} : CodecChar{kReplacement, 0};
    }
    case CodecId::utf16le:
    case CodecId::utf16be: {
      const bool le = id == CodecId::utf16le;
      auto unit = [&](const unsigned char* q) { return char32_t(le ? (q[0] | (q[1] << 8)) : ((q[0] << 8) | q[1])); };
      if (end - p < 2) return {kReplacement, 0};
      const char32_t u = unit(p);
      if (u < 0xD800 || u >= 0xE000) return {u, 2};
      if (u >= 0xDC00 || end - p < 4) return {kReplacement, 0};
      const char32_t v = unit(p + 2);
      if (v < 0xDC00 || v >= 0xE000) return {kReplacement, 0};
      return {0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), 4};
    }
    default:
      break;
  }
  if (b0 < 0x80) return {b0, 1};
  if (single_byte(id)) return {tables::sbcs_tables[std::size_t(id) - std::size_t(CodecId::cp1252)].high[b0 - 0x80], 1};
  const Tables& t = tab();
  switch (id) {
    case CodecId::gbk: return decode_gbk(t.gbk, p, end);
    case CodecId::big5: return decode_pair(t.big5, p, end);
    case CodecId::euckr: return decode_pair(t.euckr, p, end);
    case CodecId::sjis:
      if (b0 >= 0xA1 && b0 <= 0xDF) return {char32_t(0xFF61 + (b0 - 0xA1)), 1};
      if (b0 == 0x80) return {0x80, 1};
      if (b0 == 0xA0) return {0xF8F0, 1};
      if (b0 >= 0xFD) return {char32_t(0xF8F1 + (b0 - 0xFD)), 1};
      return decode_pair(t.sjis, p, end);
    case CodecId::eucjp:
      if (b0 == 0x8E) {
        if (end - p < 2 || p[1] < 0xA1 || p[1] > 0xDF) return {kReplacement, 0};
        return {char32_t(0xFF61 + (p[1] - 0xA1)), 2};
      }
      if (b0 == 0x8F) {
        if (end - p < 3 || p[1] < 0xA1 || p[1] > 0xFE || p[2] < 0xA1 || p[2] > 0xFE) return {kReplacement, 0};
        const char32_t cp = t.eucjp.grid0212[(p[1] - 0xA1) * 94u + (p[2] - 0xA1)];
        return cp == kReplacement ? CodecChar{kReplacement, 0} : CodecChar{cp, 3};
      }
      return decode_pair(t.eucjp, p, end);
    default:
      return {kReplacement, 0};
  }
}

}  // namespace mojifix::detail
