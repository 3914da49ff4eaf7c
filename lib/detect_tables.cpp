// detect_tables.cpp — builds detection's flat tables from the model and the codec tables.
#include "detect_tables.hpp"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>

#include "tables/dbcs_big5.inc"
#include "tables/dbcs_eucjp.inc"
#include "tables/dbcs_euckr.inc"
#include "tables/dbcs_gbk.inc"
#include "tables/dbcs_sjis.inc"
#include "tables/detect_langs.inc"
#include "tables/detect_sbcs.inc"
#include "tables/detect_variants.inc"
#include "utf8.hpp"

namespace mojifix::detail::det {

namespace {

using model::Class;

// The transition costs, read back through the model's public step(): for characters whose
// classes do not use pair statistics, step(a, b) == trans[class a][class b] + char_cost(b). For
// two CJK classes step() adds the back-off of an unseen pair, which is what a reading without
// pair lookups should cost; the representatives (the last code point of each class) are rare
// enough never to form a known pair.
void build_transitions(Tables& t) {
  std::array<char32_t, kClasses> rep{};
  std::array<bool, kClasses> have{};
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    rep[t.cls[cp]] = cp;
    have[t.cls[cp]] = true;
  }
  for (char32_t cp = 0x1F000; cp < 0x1FB00; ++cp) {  // classes only found beyond the BMP (emoji)
    const auto c = std::size_t(model::char_class(cp));
    if (!have[c]) rep[c] = cp, have[c] = true;
  }
  for (int a = 0; a < kClasses; ++a) {
    for (int b = 0; b < kClasses; ++b) {
      Cost v = 255 * 2;
      if (have[std::size_t(a)] && have[std::size_t(b)])
        v = model::step(rep[std::size_t(a)], rep[std::size_t(b)]) - model::char_cost(rep[std::size_t(b)]);
      t.trans[std::size_t(a)][std::size_t(b)] = std::uint16_t(std::clamp<Cost>(v, 0, 0xFFFF));
    }
  }
}

Cell make_cell(const Tables& t, char32_t cp, std::uint8_t variants) {
  Cell c = t.cell(cp);
  c.variants = variants;
  return c;
}

// The variant bits of a family's grid, from the run-length coded table ("value*count ...").
std::vector<std::uint8_t> variant_bits(std::string_view runs, std::size_t size) {
  std::vector<std::uint8_t> out;
  out.reserve(size);
  std::size_t i = 0;
  while (i < runs.size()) {
    unsigned v = 0, n = 0;
    while (i < runs.size() && runs[i] != '*') v = v * 10 + unsigned(runs[i++] - '0');
    ++i;
    while (i < runs.size() && runs[i] != ' ') n = n * 10 + unsigned(runs[i++] - '0');
    ++i;
    out.insert(out.end(), n, std::uint8_t(v));
  }
  out.resize(size, 0);
  return out;
}

template <std::size_t R, std::size_t T>
void build_family(Tables& t, Family f, std::string_view name, unsigned char lo, unsigned char hi,
                  const unsigned char (&trails)[T][2], unsigned row_size, const char* const (&rows)[R]) {
  Dbcs& d = t.dbcs[std::size_t(f)];
  d.family = name;
  d.lead_lo = lo;
  d.lead_hi = hi;
  d.row_size = row_size;
  d.column.fill(-1);
  std::int16_t col = 0;
  for (const auto& range : trails)
    for (unsigned b = range[0]; b <= range[1]; ++b) d.column[b] = col++;
  const std::size_t size = std::size_t(hi - lo + 1) * row_size;
  std::vector<std::uint8_t> bits;
  for (const auto& v : tables::detect_variants) {
    if (name != v.family) continue;
    bits = variant_bits(v.runs, size);
    for (std::size_t k = 0; k < 3; ++k) d.variant[k] = v.names[k] ? v.names[k] : "";
  }
  d.packed.assign(size, Dbcs::pack(t.invalid));
  d.cps.assign(size, 0xFFFD);
  for (std::size_t r = 0; r < R; ++r) {
    const std::string_view row(rows[r]);
    std::size_t i = 0;
    for (unsigned c = 0; c < row_size && i < row.size(); ++c) {
      const Decoded dc = decode_at(row, i);
      i += dc.len;
      const std::size_t k = r * row_size + c;
      const std::uint8_t v = bits.empty() ? 1 : bits[k];
      if (dc.cp == 0xFFFD || !v) continue;
      d.packed[k] = Dbcs::pack(make_cell(t, dc.cp, v));
      d.cps[k] = dc.cp;
    }
  }
}

void build_sbcs(Tables& t) {
  for (const auto& s : tables::detect_sbcs) {
    Sbcs c;
    c.label = s.label;
    for (unsigned b = 0; b < 256; ++b) {
      const char32_t cp = b < 0x80 ? char32_t(b) : char32_t(s.high[b - 0x80]);
      c.undefined[b] = cp == 0xFFFF;
      const Cell cell = c.undefined[b] ? t.invalid : t.cell(cp);
      c.cp[b] = c.undefined[b] ? 0xFFFD : cp;
      c.cls[b] = cell.cls;
      c.cost[b] = cell.cost;
    }
    c.marks = c.label == "windows-1258";
    for (unsigned b = 0x80; b < 0x100; ++b)
      if (const auto* d = c.undefined[b] ? nullptr : t.langs.of(c.cp[b])) c.delta[b - 0x80] = *d;
    if (t.sbcs.size() == Tables::kMaxSbcs) break;
    for (unsigned b = 0; b < 128; ++b) t.sbcs_cost[b][t.sbcs.size()] = c.cost[b + 0x80];
    t.sbcs.push_back(c);
  }
}

// The vowels Vietnamese puts tone marks on (base letters of windows-1258).
bool vietnamese_vowel(char32_t cp) {
  static constexpr std::u32string_view kVowels = U"aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
  return kVowels.find(cp) != kVowels.npos;
}

// A letter windows-1258 also writes as one byte, spelt as letter + mark: what an encoder (which
// uses the byte) does not write, so it costs this much more (quarter bits).
constexpr Cost kSpeltOut = 6 * 4;

// windows-1258 writes Vietnamese with combining tone marks after the letter; real text (NFC)
// has the composed letter, so a mark is scored as the letter it composes to. Only tone marks on
// Vietnamese vowels compose: a mark after a consonant ("r" + dot below) is not Vietnamese and
// stays a stray mark, which is what Italian "ò" read as windows-1258 makes.
void build_compose(Tables& t) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  const Sbcs* vn = nullptr;
  for (const Sbcs& s : t.sbcs)
    if (s.marks) vn = &s;
  if (!vn || U_FAILURE(err)) {
    for (Sbcs& s : t.sbcs) s.marks = false;
    return;
  }
  std::size_t m = 0;
  for (unsigned b = 0x80; b < 256 && m < t.mark_bytes.size(); ++b)
    if (model::char_class(vn->cp[b]) == Class::combining) t.mark_bytes[m++] = static_cast<unsigned char>(b);
  t.compose.assign(256, {});
  for (unsigned b = 0; b < 256; ++b) {
    for (std::size_t k = 0; k < m; ++k) {
      // NFC of the pair, not composePair(): â + dot below is ậ only after reordering.
      icu::UnicodeString pair;
      pair.append(UChar32(vn->cp[b])).append(UChar32(vn->cp[t.mark_bytes[k]]));
      const icu::UnicodeString one = nfc->normalize(pair, err);
      const bool single = U_SUCCESS(err) && one.countChar32() == 1;
      if (!single || !vietnamese_vowel(vn->cp[b])) {
        t.compose[b][k] = Cell{0xFFFD, 0, 0, 0};
        continue;
      }
      const auto cp = char32_t(one.char32At(0));
      Cell c = make_cell(t, cp, 1);
      if (std::find(vn->cp.begin(), vn->cp.end(), cp) != vn->cp.end())
        c.cost = std::uint8_t(std::min<Cost>(c.cost + kSpeltOut, 255));
      t.compose[b][k] = c;
    }
  }
}

constexpr double kLetterPrior = 30.0;  // weight of the model's letter distribution in a language's
constexpr Cost kForeign = 10 * 4;      // a letter of another script under a language (quarter bits)

enum class Script : std::uint8_t { none, latin, cyrillic, greek, hebrew, arabic, thai, other, count_ };

Script script_of(Class c) {
  switch (c) {
    case Class::ascii_upper: case Class::ascii_lower: case Class::latin_upper: case Class::latin_lower:
      return Script::latin;
    case Class::cyr_upper: case Class::cyr_lower: return Script::cyrillic;
    case Class::greek_upper: case Class::greek_lower: return Script::greek;
    case Class::hebrew: return Script::hebrew;
    case Class::arabic: return Script::arabic;
    case Class::thai: return Script::thai;
    case Class::indic: case Class::other_letter: return Script::other;
    default: return Script::none;
  }
}

void build_languages(Tables& t) {
  Languages& l = t.langs;
  l.count = std::min(tables::detect_lang_count, Languages::kBest);
  for (int k = 0; k < l.count; ++k) l.code[std::size_t(k)] = tables::detect_lang_codes[k];
  for (int k = 0; k < l.count; ++k)
    if (l.code[std::size_t(k)] == "vi") l.vietnamese = k;
  // Each language's letters per model class, and its own script (where most of its letters are).
  // The statistics of each letter (an index, not a copy: a table of doubles per language would
  // be megabytes to clear at start-up).
  std::vector<const tables::DetectLetter*> stats(Languages::kLetterLimit, nullptr);
  std::array<std::array<double, kClasses>, kMaxLangs> per_class{};
  std::array<std::array<double, std::size_t(Script::count_)>, kMaxLangs> per_script{};
  for (const auto& e : tables::detect_letters) {
    if (e.cp >= Languages::kLetterLimit) continue;
    stats[e.cp] = &e;
    for (int k = 0; k < l.count; ++k) {
      per_class[std::size_t(k)][t.cls[e.cp]] += e.count[k];
      per_script[std::size_t(k)][std::size_t(script_of(Class(t.cls[e.cp])))] += e.count[k];
    }
  }
  std::array<Script, kMaxLangs> own{};
  for (int k = 0; k < l.count; ++k) {
    const auto& ps = per_script[std::size_t(k)];
    own[std::size_t(k)] = Script::latin;
    for (auto s : {Script::cyrillic, Script::greek, Script::hebrew, Script::arabic, Script::thai})
      if (ps[std::size_t(s)] > ps[std::size_t(own[std::size_t(k)])]) own[std::size_t(k)] = s;
  }
  l.letter.assign(Languages::kLetterLimit, 0);
  for (char32_t cp = 0; cp < Languages::kLetterLimit; ++cp) {
    const Script s = script_of(Class(t.cls[cp]));
    if (s == Script::none) continue;
    std::array<std::int16_t, kMaxLangs> d{};
    for (int k = 0; k < l.count; ++k) {
      const auto ks = std::size_t(k);
      // Latin letters are modelled in every language (Latin words occur everywhere).
      if (s != Script::latin && s != own[ks]) {
        d[ks] = std::int16_t(kForeign);
        continue;
      }
      const double pooled = std::exp2(-double(t.cost[cp]) / 4.0);
      const double count = stats[cp] ? double(stats[cp]->count[k]) : 0.0;
      const double p = (count + kLetterPrior * pooled) / (per_class[ks][t.cls[cp]] + kLetterPrior);
      d[ks] = std::int16_t(std::lround(-std::log2(p) * 4.0) - t.cost[cp]);
    }
    l.delta.push_back(d);
    l.letter[cp] = std::uint16_t(l.delta.size());
  }
}

// Scoring runs with each letter at the cost of the language that likes it best (a lower bound
// of any language's cost), so that pruning does not drop a reading its language would rescue;
// Languages::kBest records that bound and the ranking swaps it for one language's cost after.
void optimistic_costs(Tables& t) {
  Languages& l = t.langs;
  for (char32_t cp = 0; cp < Languages::kLetterLimit; ++cp) {
    if (!l.letter[cp]) continue;
    auto& d = l.delta[l.letter[cp] - 1u];
    std::int16_t best = 0;
    for (int k = 0; k < l.count; ++k) best = std::min(best, d[std::size_t(k)]);
    d[Languages::kBest] = best;
    t.cost[cp] = std::uint8_t(std::clamp<Cost>(t.cost[cp] + best, 0, 255));
  }
}

// Vowel signs and points of Hebrew, Arabic, Thai and the Indic scripts are combining marks, which
// the model prices as mis-decoding (a stray mark); in text of those scripts they are half the
// letters. Detection reads them as letters of their script, the class of the nearest letter.
void script_marks(Tables& t) {
  auto script_letter = [&](char32_t cp) {
    const auto c = Class(t.cls[cp]);
    return c == Class::hebrew || c == Class::arabic || c == Class::thai || c == Class::indic;
  };
  for (char32_t cp = 0x0590; cp < 0x0E80; ++cp) {
    if (Class(t.cls[cp]) != Class::combining) continue;
    for (char32_t d = 1; d < 0x40; ++d) {
      const char32_t near = script_letter(cp - d) ? cp - d : script_letter(cp + d) ? cp + d : 0;
      if (near) {
        t.cls[cp] = t.cls[near];
        break;
      }
    }
  }
}

// Currency signs. The model's corpus holds next to no prices, so a sign after a space or a
// digit costs it ~40 bits: detection lets them in like the Latin-1 symbols (£, ¥), which it holds.
// The generic sign ¤ holds the place of a local currency in code pages (0xA4 of windows-1252 and
// ISO-8859-1, where ISO-8859-15 has €) and is next to never written: a currency sign rarer than €.
void currency_signs(Tables& t) {
  constexpr auto kCurrency = std::size_t(Class::currency), kSymbol = std::size_t(Class::latin1_symbol);
  for (auto& row : t.trans) row[kCurrency] = std::min(row[kCurrency], row[kSymbol]);
  constexpr char32_t kGeneric = 0xA4, kEuro = 0x20AC;
  constexpr Cost kRarer = 4 * 4;
  t.cls[kGeneric] = t.cls[kEuro];
  t.cost[kGeneric] = std::uint8_t(std::min<Cost>(Cost(t.cost[kEuro]) + kRarer, 255));
}

std::unique_ptr<Tables> build() {
  auto t = std::make_unique<Tables>();
  t->cls.resize(0x10000);
  t->cost.resize(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    t->cls[cp] = std::uint8_t(model::char_class(cp));
    t->cost[cp] = std::uint8_t(std::min<Cost>(model::char_cost(cp), 255));
  }
  script_marks(*t);
  build_transitions(*t);
  currency_signs(*t);
  for (int c = 0; c < kClasses; ++c) t->script[std::size_t(c)] = std::uint8_t(script_of(Class(c)));
  build_languages(*t);
  optimistic_costs(*t);
  t->ascii_step.resize(128 * 128);
  for (unsigned a = 0; a < 128; ++a)
    for (unsigned b = 0; b < 128; ++b) t->ascii_step[a * 128 + b] = std::uint16_t(t->trans[t->cls[a]][t->cls[b]] + t->cost[b]);
  // An undecodable byte reads like an unassigned code point: what real text never contains.
  t->invalid = t->cell(0x0378);
  t->invalid.cp = 0xFFFD;
  build_sbcs(*t);
  build_compose(*t);
  build_family(*t, Family::gbk, "gbk", tables::gbk_lead_lo, tables::gbk_lead_hi, tables::gbk_trails,
               tables::gbk_row_size, tables::gbk_rows);
  build_family(*t, Family::big5, "big5", tables::big5_lead_lo, tables::big5_lead_hi, tables::big5_trails,
               tables::big5_row_size, tables::big5_rows);
  build_family(*t, Family::sjis, "sjis", tables::sjis_lead_lo, tables::sjis_lead_hi, tables::sjis_trails,
               tables::sjis_row_size, tables::sjis_rows);
  build_family(*t, Family::euckr, "euckr", tables::euckr_lead_lo, tables::euckr_lead_hi, tables::euckr_trails,
               tables::euckr_row_size, tables::euckr_rows);
  build_family(*t, Family::eucjp, "eucjp", tables::eucjp_lead_lo, tables::eucjp_lead_hi, tables::eucjp_trails,
               tables::eucjp_row_size, tables::eucjp_rows);
  t->jis0212.assign(94 * 94, t->invalid);
  for (std::size_t r = 0; r < std::size(tables::eucjp_0212_rows); ++r) {
    const std::string_view row(tables::eucjp_0212_rows[r]);
    std::size_t i = 0;
    for (std::size_t c = 0; c < 94 && i < row.size(); ++c) {
      const Decoded dc = decode_at(row, i);
      i += dc.len;
      if (dc.cp != 0xFFFD) t->jis0212[r * 94 + c] = make_cell(*t, dc.cp, 1);
    }
  }
  return t;
}

}  // namespace

Cell Tables::cell_beyond_bmp(char32_t cp) noexcept {
  return Cell{cp, std::uint8_t(model::char_class(cp)), std::uint8_t(std::min<Cost>(model::char_cost(cp), 255)), 0};
}

const Tables& tables() {
  static const std::unique_ptr<Tables> t = build();
  return *t;
}

}  // namespace mojifix::detail::det
