// scan.cpp — the fast path of the mojibake stage.
#include "mojibake/scan.hpp"

#include <cstring>
#include <memory>

#include "codec/codec.hpp"
#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

// Characters that a single-byte codec makes of a UTF-8 lead byte / continuation byte.
struct LeadCont {
  std::uint64_t lead[0x10000 / 64] = {};
  std::uint64_t cont[0x10000 / 64] = {};
  LeadCont() {
    // Latin code pages only: in the Cyrillic and Greek ones real letters are lead and
    // continuation bytes all the time (mojibake through them shows symbols the model flags).
    for (auto id : {CodecId::cp1252, CodecId::cp1250, CodecId::cp1254, CodecId::cp1257, CodecId::iso8859_2,
                    CodecId::macroman, CodecId::latin1}) {
      for (unsigned b = 0x80; b < 0x100; ++b) add(id, b, b < 0xC0, b >= 0xC2 && b <= 0xF4);
    }
    // windows-1251: В..п (C2..EF: two- and three-byte UTF-8 leads) lead; what
    // follows must be a character Russian and Ukrainian text rarely has after a letter.
    for (unsigned b = 0x80; b < 0x100; ++b) {
      const unsigned char byte = static_cast<unsigned char>(b);
      const char32_t cp = decode_char(CodecId::cp1251, &byte, &byte + 1).cp;
      const bool common = cp == U'ё' || cp == U'Ё' || cp == U'і' || cp == U'І' || cp == U'ї' || cp == U'Ї' ||
                          cp == U'є' || cp == U'Є' || cp == U'«' || cp == U'»' || cp == 0xA0 || cp == U'–' ||
                          cp == U'—' || cp == U'“' || cp == U'”' || cp == U'„' || cp == U'‘' || cp == U'’';
      add(CodecId::cp1251, b, b < 0xC0 && !common, b >= 0xC2 && b <= 0xEF);
    }
  }
  void add(CodecId id, unsigned b, bool is_cont, bool is_lead) {
    const unsigned char byte = static_cast<unsigned char>(b);
    const char32_t cp = decode_char(id, &byte, &byte + 1).cp;
    if (cp >= 0x10000) return;
    if (is_cont) cont[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    if (is_lead) lead[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  }
  bool is_lead(char32_t cp) const noexcept { return cp < 0x10000 && (lead[cp >> 6] >> (cp & 63) & 1); }
  bool is_cont(char32_t cp) const noexcept { return cp < 0x10000 && (cont[cp >> 6] >> (cp & 63) & 1); }
};

const LeadCont& lead_cont() {
  static const std::unique_ptr<LeadCont> t = std::make_unique<LeadCont>();
  return *t;
}

// Skips bytes that are ASCII and not C0 controls (tab, LF and CR excepted), eight at a time.
std::size_t skip_plain(const unsigned char* b, std::size_t i, std::size_t n) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  for (;;) {
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, b + i, 8);
      if ((x | ((x - ones * 0x20) & ~x)) & high) break;
    }
    while (i < n && b[i] >= 0x20 && b[i] < 0x80) ++i;
    if (i < n && (b[i] == '\n' || b[i] == '\t' || b[i] == '\r')) {
      ++i;
      continue;
    }
    return i;
  }
}

bool letter(unsigned char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Four CJK characters in a row this costly: text made of rare characters.
constexpr model::Cost kRareRun = 4 * 15 * model::kBit;
// A lone CJK character next to a Latin letter this costly (聽What: a no-break space as GBK).
constexpr model::Cost kLoneCost = 12 * model::kBit;

}  // namespace

bool scan(std::string_view text, bool entities, ScanResult& out) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  out.triggers.clear();
  out.controls = out.c1 = out.nul = false;
  constexpr std::size_t none = ~std::size_t{0};
  struct Run {  // the current run of CJK characters
    std::size_t start, len, rare;
    model::Cost window;   // cost of its last four characters
    model::Cost costs[4];
    std::uint32_t masks[4];  // utf8ish_mask() of its last four characters
    unsigned rare_recent, rare_recent_n;  // suspects among its last four characters (bits, count)
  } run{0, 0, 0, 0, {0, 0, 0, 0}, {~0u, ~0u, ~0u, ~0u}, 0, 0};
  std::size_t run_end = none;
  std::size_t latin[2] = {none, none};    // offsets of the last two non-ASCII Latin letters
  std::size_t lead_end = none, lead_at = none;  // the last character that could be a UTF-8 lead byte
  const LeadCont& lc = lead_cont();
  const model::BmpTables& mt = model::bmp_tables();
  std::size_t i = 0;
  while ((i = skip_plain(b, i, n)) < n) {
    if (b[i] < 0x80) {
      out.controls = true;
      out.nul = out.nul || b[i] == 0;
      ++i;
      continue;
    }
    const std::size_t at = i;
    char32_t cp;
    if (b[i] >= 0xE0 && b[i] < 0xF0 && i + 2 < n) {  // valid input: a three-byte character
      cp = char32_t(((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
      i += 3;
    } else {
      const Decoded d = decode_utf8(b + i, b + n);
      cp = d.cp;
      i += d.len;
    }
    const bool bmp = cp < 0x10000;
    // Question marks next to non-ASCII text: characters lost in a conversion (reported).
    if ((at > 0 && b[at - 1] == '?') || (i < n && b[i] == '?')) out.triggers.push_back(at);
    if (bmp ? mt.is_cjk(cp) : model::is_cjk(cp)) {
      // CJK: a run of rare characters (mis-decoded CJK text is mostly rare characters), a short
      // run with a rare one, or a lone character among Latin letters (Prüfung as Big5: Pr羹fung).
      const bool ascii_before = at == 0 || b[at - 1] < 0x80, ascii_after = i == n || b[i] < 0x80;
      const bool before = at > 0 && letter(b[at - 1]), after = i < n && letter(b[i]);
      const bool rare = bmp ? mt.is_suspect(cp) : model::suspect(cp);
      if (at != run_end) run = Run{at, 0, 0, 0, {0, 0, 0, 0}, {~0u, ~0u, ~0u, ~0u}, 0, 0};
      const model::Cost c = bmp ? mt.cost[cp] : model::char_cost(cp);
      run.window -= run.costs[run.len & 3];
      run.costs[run.len & 3] = c;
      run.window += c;
      run.masks[run.len & 3] = bmp ? utf8ish_mask(cp) : 0;
      ++run.len;
      run_end = i;
      run.rare_recent = (run.rare_recent << 1 | (rare ? 1u : 0u)) & 0xF;
      run.rare_recent_n = unsigned(__builtin_popcount(run.rare_recent));
      if (rare) ++run.rare;
      const bool lone = ascii_before && ascii_after && (before || after);
      const bool rare_run = run.len >= 4 && (run.masks[0] & run.masks[1] & run.masks[2] & run.masks[3]) != 0 &&
                            (run.window >= kRareRun || run.rare_recent_n >= 3);
      if ((before && after) || (lone && (c >= kLoneCost || (bmp && model::Class(mt.cls[cp]) == model::Class::hangul))) ||
          rare_run) {
        out.triggers.push_back(at);
        run.window = 0;
        run.costs[0] = run.costs[1] = run.costs[2] = run.costs[3] = 0;
      } else if (ascii_after && run.rare && run.len <= 4) {
        out.triggers.push_back(run.start);
      }
      continue;
    }
    if (cp < 0xA0) out.c1 = true;
    bool trigger = bmp ? mt.is_suspect(cp) : model::suspect(cp);
    // A character a single-byte codec makes of a UTF-8 lead byte, then one it makes of a
    // continuation byte: the shape of UTF-8 read as a single-byte codec (Ã©, Ð¿, Ã¢â‚¬).
    if (lead_end == at && lc.is_cont(cp)) {
      out.triggers.push_back(lead_at);
      trigger = false;
    }
    if (lc.is_lead(cp)) lead_at = at, lead_end = i;
    // Three non-ASCII Latin letters close together: legacy double-byte text read as Latin-1.
    const auto k = bmp ? model::Class(mt.cls[cp]) : model::char_class(cp);
    if (k == model::Class::latin_upper || k == model::Class::latin_lower) {
      if (latin[0] != none && at - latin[0] <= 8) trigger = true;
      latin[0] = latin[1];
      latin[1] = at;
    }
    // A Cyrillic or Greek letter glued to Latin letters (estГЎndar: Spanish as windows-1251).
    if (!trigger && k >= model::Class::cyr_upper && k <= model::Class::greek_lower)
      trigger = (at > 0 && letter(b[at - 1])) || (i < n && letter(b[i]));
    if (trigger) out.triggers.push_back(at);
  }
  if (entities) {
    const std::size_t before = out.triggers.size();
    for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '&', std::size_t(text.data() + n - p))));
         ++p) {
      std::size_t len = 0;
      const std::size_t at = std::size_t(p - text.data());
      const char32_t cp = entity_at(text, at, len);
      if (cp >= 0x80 && (model::suspect(cp) || lc.is_lead(cp) || lc.is_cont(cp))) out.triggers.push_back(at);
    }
    if (out.triggers.size() != before) std::sort(out.triggers.begin(), out.triggers.end());
  }
  return !out.triggers.empty() || out.controls;
}

}  // namespace mojifix::detail
