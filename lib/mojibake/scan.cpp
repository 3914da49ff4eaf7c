// scan.cpp — the fast path of the mojibake stage.
#include "mojibake/scan.hpp"

#include <cstring>

#include "codec/codec.hpp"
#include "model/bmp.hpp"
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
  static const LeadCont t;
  return t;
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

// Four CJK characters in a row this costly: text made of rare characters.
constexpr model::Cost kRareRun = 4 * 15 * model::kBit;
// A lone CJK character next to a Latin letter this costly (聽What: a no-break space as GBK).
constexpr model::Cost kLoneCost = 12 * model::kBit;

// Bytes of which at most half lie outside UTF-8 multi-byte sequences (one cut off at
// either end counts): what UTF-8 text read as a double-byte codec re-encodes to, a byte lost
// here and there. A sequence for U+0700..U+07FF (lead DC..DF: Syriac, Thaana, N'Ko) is not
// text: rare Han characters re-encode to such pairs all the time (GBK lead bytes D8..F7).
bool utf8_shaped(const unsigned char* b, int n) noexcept {
  int bad = 0;
  for (int i = 0; i < n;) {
    const unsigned char c = b[i];
    const int need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    int k = 1;
    while (need && k < need && i + k < n && (b[i + k] & 0xC0) == 0x80) ++k;
    if (need && (k == need || i + k == n)) {
      if (k == 2 && c >= 0xDC && c <= 0xDF) return false;
      i += k;
    } else if (i == 0 && (c & 0xC0) == 0x80) {
      while (i < n && i < 3 && (b[i] & 0xC0) == 0x80) ++i;  // the end of a sequence cut off
    } else {
      ++bad;
      ++i;
    }
  }
  return 2 * bad <= n;
}

// A character that some double-byte codec encodes as a two-byte UTF-8 sequence: what an
// accented Latin letter in UTF-8 becomes in that codec (Prüfung as Big5: Pr羹fung).
bool latin_shaped(char32_t cp) noexcept {
  for (std::uint32_t mask = utf8ish_mask(cp); mask; mask &= mask - 1) {
    unsigned char code[kMaxCode];
    if (encode_char(static_cast<CodecId>(__builtin_ctz(mask)), cp, code) == 2 && code[0] >= 0xC2 && code[0] <= 0xDF &&
        (code[1] & 0xC0) == 0x80)
      return true;
  }
  return false;
}

constexpr int kShaped = 8;  // characters of a rare run checked for the shape of UTF-8

// The characters of valid UTF-8 `text[from, end)` (a short run) re-encoded in some double-byte
// codec that encodes them all are UTF-8-shaped.
bool run_shaped(const unsigned char* text, std::size_t from, std::size_t end) noexcept {
  std::uint32_t mask = 0;
  for (std::size_t at = from; at < end;) {
    const Decoded d = decode_utf8(text + at, text + end);
    mask |= utf8ish_mask(d.cp);
    at += d.len;
  }
  for (; mask; mask &= mask - 1) {
    const auto id = static_cast<CodecId>(__builtin_ctz(mask));
    unsigned char bytes[kShaped * kMaxCode];
    int n = 0;
    std::size_t at = from;
    for (int k = 0; k < kShaped && at < end; ++k) {
      const Decoded d = decode_utf8(text + at, text + end);
      const int m = encode_char(id, d.cp, bytes + n);
      if (m <= 0) break;
      n += m;
      at += d.len;
    }
    if (at == end && utf8_shaped(bytes, n)) return true;
  }
  return false;
}

// The current run of CJK characters.
struct Run {
  std::size_t start = 0, len = 0, rare = 0;
  model::Cost window = 0;               // cost of its last four characters
  model::Cost costs[4] = {0, 0, 0, 0};
  char32_t cps[4] = {0, 0, 0, 0};       // its last four characters
  unsigned rare_recent = 0;             // suspects among its last four characters (bits)
  void push(char32_t cp, model::Cost c, bool rare) noexcept {
    window -= costs[len & 3];
    costs[len & 3] = c;
    window += c;
    cps[len & 3] = cp;
    ++len;
    rare_recent = (rare_recent << 1 | (rare ? 1u : 0u)) & 0xF;
  }
  // The last four characters are UTF-8-shaped in one double-byte codec (what UTF-8 read as that
  // codec is made of), and the run's last eight re-encoded in it are mostly UTF-8 sequences.
  [[nodiscard]] bool utf8ish(const unsigned char* text, std::size_t end) const noexcept {
    std::uint32_t mask = utf8ish_mask(cps[0]) & utf8ish_mask(cps[1]) & utf8ish_mask(cps[2]) & utf8ish_mask(cps[3]);
    if (!mask) return false;
    // One character repeated: a filler of memory never written (烫烫烫: CC CC ..., reported).
    if (cps[0] == cps[1] && cps[1] == cps[2] && cps[2] == cps[3]) return true;
    std::size_t from = end;
    for (int k = 0; k < kShaped && from > start; ++k)
      while (--from > start && (text[from] & 0xC0) == 0x80) {
      }
    for (; mask; mask &= mask - 1) {
      const auto id = static_cast<CodecId>(__builtin_ctz(mask));
      unsigned char bytes[kShaped * kMaxCode];
      int n = 0;
      for (std::size_t at = from; at < end;) {
        const Decoded d = decode_utf8(text + at, text + end);
        const int m = encode_char(id, d.cp, bytes + n);
        if (m <= 0) break;
        n += m;
        at += d.len;
      }
      if (utf8_shaped(bytes, n)) return true;
    }
    return false;
  }
};

constexpr unsigned kBits4[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};

char32_t three_byte(const unsigned char* p) noexcept {
  return char32_t(((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
}

// Common CJK characters (not suspect), one bit per BMP code point: the scan's inner loop.
struct CommonCjk {
  std::uint64_t bits[0x10000 / 64] = {};
  CommonCjk() {
    for (char32_t cp = 0x80; cp < 0x10000; ++cp)
      if (model::bmp::flags(cp) == model::bmp::kCjk) bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  }
  [[nodiscard]] bool has(char32_t cp) const noexcept { return (bits[cp >> 6] >> (cp & 63)) & 1; }
};

const CommonCjk& common_cjk() {
  static const CommonCjk t;
  return t;
}

// Skips common CJK characters (not suspect) that another three-byte character follows, from
// byte `i` of a run whose last four characters were not suspect either: nothing can trigger
// there, so only the run's last four characters are kept. Returns the new offset.
std::size_t skip_common_cjk(const unsigned char* b, std::size_t i, std::size_t n, Run& run) noexcept {
  const CommonCjk& common = common_cjk();
  std::size_t j = i;
  while (j + 6 <= n && (b[j] & 0xF0) == 0xE0 && (b[j + 3] & 0xF0) == 0xE0 && common.has(three_byte(b + j))) j += 3;
  const std::size_t k = (j - i) / 3;
  if (k > 4) run.len += k - 4;
  for (std::size_t at = k > 4 ? j - 12 : i; at < j; at += 3) {
    const char32_t cp = three_byte(b + at);
    run.push(cp, model::bmp::cost(cp), false);
  }
  return j;
}

}  // namespace

std::uint8_t scan_char(char32_t cp) {
  if (cp < 0x80) return 0;
  if (cp >= 0x10000) return kScanAlways;
  const std::uint8_t f = model::bmp::flags(cp);
  const model::Class k = model::bmp::cls(cp);
  if (f & model::bmp::kCjk) {
    // A rare CJK character (model cost >= 15 bits: the only way four reach kRareRun) starts the
    // run rules; a common one only the rules of a character alone among Latin letters.
    if (f & model::bmp::kSuspect) return kScanAlways;
    return model::bmp::cost(cp) >= kLoneCost || k == model::Class::hangul ? kScanLone : kScanBetween;
  }
  // A C1 control, a suspect, a Latin, Cyrillic or Greek letter; a UTF-8 lead byte's character
  // when a continuation byte's one follows.
  if (cp < 0xA0 || (f & model::bmp::kSuspect) || k == model::Class::latin_upper || k == model::Class::latin_lower ||
      (k >= model::Class::cyr_upper && k <= model::Class::greek_lower))
    return kScanAlways;
  return lead_cont().is_lead(cp) ? kScanLead : 0;
}

bool scan_cont(char32_t cp) { return lead_cont().is_cont(cp); }

bool scan_between(char32_t cp) { return latin_shaped(cp); }

bool scan(std::string_view text, bool entities, ScanResult& out) {
  const Span all{0, text.size()};
  return scan(text, entities, std::span<const Span>(&all, 1), out);
}

bool scan(std::string_view text, bool entities, std::span<const Span> ranges, ScanResult& out) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  out.triggers.clear();
  out.controls = out.c1 = out.nul = false;
  constexpr std::size_t none = ~std::size_t{0};
  Run run;
  std::size_t run_end = none;
  std::size_t latin[2] = {none, none};    // offsets of the last two non-ASCII Latin letters
  std::size_t lead_end = none, lead_at = none;  // the last character that could be a UTF-8 lead byte
  const LeadCont* lc = nullptr;
  for (const Span& range : ranges) {
    // A range ends at a line break or the text end: what the loop reads at `n` is the same as
    // in a scan of the whole text.
    const std::size_t n = range.end;
    std::size_t i = range.begin;
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
        cp = three_byte(b + i);
        i += 3;
      } else {
        const Decoded d = decode_utf8(b + i, b + n);
        cp = d.cp;
        i += d.len;
      }
      const bool bmp = cp < 0x10000;
      const std::uint8_t flags = bmp ? model::bmp::flags(cp) : 0;
      // Question marks next to non-ASCII text: characters lost in a conversion (reported when
      // two or more; one after a character of mis-decoded text stands for the bytes it lost).
      if ((at > 0 && b[at - 1] == '?') || (i < n && b[i] == '?')) {
        const bool run = (at > 1 && b[at - 1] == '?' && b[at - 2] == '?') || (i + 1 < n && b[i] == '?' && b[i + 1] == '?');
        if (run || !bmp || (flags & model::bmp::kSuspect) || !(flags & model::bmp::kCjk)) out.triggers.push_back(at);
      }
      if (bmp ? (flags & model::bmp::kCjk) != 0 : model::is_cjk(cp)) {
        // CJK: a run of rare characters (mis-decoded CJK text is mostly rare characters), a short
        // run with a rare one, or a lone character among Latin letters (Prüfung as Big5: Pr羹fung).
        const bool ascii_before = at == 0 || b[at - 1] < 0x80, ascii_after = i == n || b[i] < 0x80;
        const bool before = at > 0 && ascii_letter(b[at - 1]), after = i < n && ascii_letter(b[i]);
        const bool rare = bmp ? (flags & model::bmp::kSuspect) != 0 : model::suspect(cp);
        if (at != run_end) run = Run{at};
        const model::Cost c = bmp ? model::bmp::cost(cp) : model::char_cost(cp);
        run.push(cp, c, rare);
        run_end = i;
        if (rare) ++run.rare;
        const bool lone = ascii_before && ascii_after && (before || after);
        const bool rare_run = run.len >= 4 && (run.window >= kRareRun || kBits4[run.rare_recent] >= 3) && run.utf8ish(b, i);
        if ((before && after && latin_shaped(cp)) ||
            (lone && (c >= kLoneCost || (bmp && model::bmp::cls(cp) == model::Class::hangul))) || rare_run) {
          out.triggers.push_back(at);
          run.window = 0;
          run.costs[0] = run.costs[1] = run.costs[2] = run.costs[3] = 0;
        } else if (ascii_after && run.rare && run.len <= 4 && run_shaped(b, run.start, i)) {
          // A short run with a rare character before ASCII: made of codes UTF-8 uses in some
          // double-byte codec (a word in UTF-8 read as it: 縺ｯ, 涓枃).
          out.triggers.push_back(run.start);
        }
        if (run.rare_recent == 0) run_end = i = skip_common_cjk(b, i, n, run);
        continue;
      }
      if (!lc) lc = &lead_cont();
      if (cp < 0xA0) out.c1 = true;
      bool trigger = bmp ? (flags & model::bmp::kSuspect) != 0 : model::suspect(cp);
      // A character a single-byte codec makes of a UTF-8 lead byte, then one it makes of a
      // continuation byte: the shape of UTF-8 read as a single-byte codec (Ã©, Ð¿, Ã¢â‚¬).
      if (lead_end == at && lc->is_cont(cp)) {
        out.triggers.push_back(lead_at);
        trigger = false;
      }
      if (lc->is_lead(cp)) lead_at = at, lead_end = i;
      // Three non-ASCII Latin letters close together: legacy double-byte text read as Latin-1.
      const auto k = bmp ? model::bmp::cls(cp) : model::char_class(cp);
      if (k == model::Class::latin_upper || k == model::Class::latin_lower) {
        if (latin[0] != none && at - latin[0] <= 8) trigger = true;
        latin[0] = latin[1];
        latin[1] = at;
      }
      // A Cyrillic or Greek letter glued to Latin letters (estГЎndar: Spanish as windows-1251).
      if (!trigger && k >= model::Class::cyr_upper && k <= model::Class::greek_lower)
        trigger = (at > 0 && ascii_letter(b[at - 1])) || (i < n && ascii_letter(b[i]));
      if (trigger) out.triggers.push_back(at);
    }
  }
  if (entities) {
    const std::size_t n = text.size();
    const std::size_t before = out.triggers.size();
    for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '&', std::size_t(text.data() + n - p))));
         ++p) {
      std::size_t len = 0;
      const std::size_t at = std::size_t(p - text.data());
      const char32_t cp = entity_at(text, at, len);
      if (cp >= 0x80 && (model::suspect(cp) || lead_cont().is_lead(cp) || lead_cont().is_cont(cp)))
        out.triggers.push_back(at);
    }
    if (out.triggers.size() != before) std::sort(out.triggers.begin(), out.triggers.end());
  }
  return !out.triggers.empty() || out.controls;
}

}  // namespace mojifix::detail
