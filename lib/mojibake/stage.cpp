// stage.cpp — the mojibake stage: fast scan; UTF-16 read as 8-bit on the whole text; else,
// line by line, candidate readings around the suspect characters, then a choice that lets the
// chain with the most evidence in the text decide close calls; reports of lost text.
#include <algorithm>
#include <cstdint>
#include <limits>

#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "mojibake/reading.hpp"
#include "mojibake/reports.hpp"
#include "mojibake/scan.hpp"
#include "mojibake/search.hpp"
#include "mojifix/mojibake.hpp"
#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

float confidence(model::Cost gain) noexcept {
  const double bits = double(gain) / model::kBit;
  return float(1.0 - 1.0 / (1.0 + bits / 16.0));
}

// High bytes of UTF-16 code units of common scripts: Latin, Greek, Cyrillic (00..04), general
// punctuation (20), kana (30), CJK ideographs (4E..9F), Hangul (AC..D7), full-width forms (FF).
bool common_high(char32_t c) noexcept {
  return c <= 0x05 || c == 0x20 || c == 0x30 || (c >= 0x4E && c <= 0x9F) || (c >= 0xAC && c <= 0xD7) || c == 0xFF;
}

// Whether the characters look like UTF-16 read one byte a character: the high bytes of one
// parity are nearly all from common scripts. Returns the parity (1: little-endian) or -1.
int utf16_parity(const std::vector<Ch>& cs, std::size_t start) {
  std::size_t n[2] = {0, 0}, total = 0;
  for (std::size_t k = start; k < cs.size() && total < 512; ++k, ++total)
    if (common_high(cs[k].cp)) ++n[(k - start) & 1];
  if (total < 4) return -1;
  for (int p : {1, 0})
    if (n[p] * 10 >= (total / 2) * 9 && n[p] > n[1 - p]) return p;
  return -1;
}

// UTF-16 read as Latin-1 / windows-1252: the whole text. Returns the gain (0: no reading).
model::Cost utf16_text(std::string_view in, bool forced, Reading& best, bool& best_le) {
  std::vector<Ch> cs;
  // The evidence first, from the start of the text only.
  read_chars(in, 0, std::min(in.size(), char_start(in, std::min(in.size(), std::size_t{2048}))), false, cs);
  std::size_t start = 0;
  int parity = -1;
  if (cs.size() >= 2 && cs[0].cp == 0xFF && cs[1].cp == 0xFE) start = 2, parity = 1;
  else if (cs.size() >= 2 && cs[0].cp == 0xFE && cs[1].cp == 0xFF) start = 2, parity = 0;
  if (parity < 0) parity = utf16_parity(cs, start);
  if (parity < 0 && !forced) return 0;
  cs.clear();
  read_chars(in, 0, in.size(), false, cs);
  if ((cs.size() - start) % 2 != 0 || cs.size() - start < 4) return 0;
  const model::Cost orig = model::cost(in, '\n', '\n');
  model::Cost best_gain = 0;
  for (const bool le : {true, false}) {
    if (parity >= 0 && le != (parity == 1)) continue;
    Reading r;
    if (!read_chain({le ? CodecId::utf16le : CodecId::utf16be, CodecId::cp1252}, cs, start, false, r) ||
        r.last != cs.size())
      continue;
    bool clean = true;
    for (std::size_t i = 0; i < r.text.size() && clean;) {
      const Decoded d = decode_at(r.text, i);
      const auto k = model::char_class(d.cp);
      clean = k != model::Class::control && k != model::Class::unassigned && k != model::Class::c1 &&
              k != model::Class::pua && d.cp != 0;
      i += d.len;
    }
    if (!clean) continue;
    const model::Cost gain = orig - model::cost(r.text, '\n', '\n');
    if (gain > best_gain) best_gain = gain, best = std::move(r), best_le = le;
  }
  if (best_gain < 16 * model::kBit || best_gain * 4 < orig) return 0;
  return best_gain;
}

// Index of the first trigger at or after byte `pos`.
std::size_t first_trigger(const std::vector<std::size_t>& triggers, std::size_t pos) {
  return std::size_t(std::lower_bound(triggers.begin(), triggers.end(), pos) - triggers.begin());
}

// A region of a line with its candidates. Its characters are read again when needed (one
// buffer for all lines, not one per line: keeping them all costs page faults on large texts).
struct Line {
  std::size_t begin, end;
  std::vector<Repair> cands;
  bool reports = false;           // it may hold lost text to report (report_lost())
  std::vector<std::size_t> trig;  // characters readings were started around (collect())
};

}  // namespace

namespace {

bool inside(const std::vector<Span>& frozen, std::size_t begin, std::size_t end);

// Runs of non-ASCII characters that no trigger reached (mojibake that looks like letters of a
// script: `РїСЂРёРІРµС‚`) are read with the text's main chain `chain` when it has one: inside the
// regions already made, or in small new regions (sorted into `lines`). Returns true when any
// candidate was added.
bool sweep(std::string_view in, bool entities, std::size_t chain, const std::vector<Span>& frozen, const Options& o,
           std::vector<Line>& lines) {
  constexpr std::size_t kContext = 32;  // bytes of context around a run in a new region
  constexpr std::size_t kTried = 8;     // characters around a trigger where collect() starts readings
  // Spans already read with the chain.
  std::vector<Ch> cs;  // characters of one region, read again when needed
  auto read_line = [&](const Line& line) {
    cs.clear();
    read_chars(in, line.begin, line.end, entities, cs);
  };
  std::vector<Span> covered;
  for (const Line& line : lines) {
    bool read = false;
    for (const Repair& r : line.cands) {
      if (r.chain != chain) continue;
      if (!read) read_line(line), read = true;
      covered.push_back({cs[r.first].begin, cs[r.last - 1].end});
    }
  }
  std::sort(covered.begin(), covered.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  const std::size_t old_lines = lines.size();
  std::vector<std::vector<std::size_t>> extra(old_lines);  // per old line: character indices
  std::size_t li = 0, ci = 0;
  std::size_t held = SIZE_MAX;  // the old line whose characters `cs` holds
  bool any = false;
  const auto* b = reinterpret_cast<const unsigned char*>(in.data());
  for (std::size_t i = 0; i < in.size();) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t s = i;
    while (i < in.size() && b[i] >= 0x80) ++i;  // the run [s, i)
    while (ci < covered.size() && covered[ci].end <= s) ++ci;
    if ((ci < covered.size() && covered[ci].begin <= s) || inside(frozen, s, s + 1)) continue;
    while (li < old_lines && lines[li].end <= s) ++li;
    if (li < old_lines && lines[li].begin <= s) {
      const Line& line = lines[li];
      if (held != li) read_line(line), held = li;
      std::size_t k = 0;
      while (k < cs.size() && cs[k].end <= s) ++k;
      // Starts near a trigger were tried already.
      const auto t = std::lower_bound(line.trig.begin(), line.trig.end(), k > kTried ? k - kTried : 0);
      if (k < cs.size() && (t == line.trig.end() || *t > k + kTried)) extra[li].push_back(k);
      continue;
    }
    // A new region between the old ones, inside the line of text.
    const std::size_t lo_limit = std::max(li > 0 ? lines[li - 1].end : std::size_t{0},
                                          lines.size() > old_lines ? lines.back().end : std::size_t{0});
    const std::size_t hi_limit = li < old_lines ? lines[li].begin : in.size();
    if (s < lo_limit) continue;
    const std::size_t nl = s == 0 ? std::string_view::npos : in.rfind('\n', s - 1);
    std::size_t begin = std::max({lo_limit, nl == std::string_view::npos ? 0 : nl + 1,
                                  s > kContext ? char_start(in, s - kContext) : 0});
    std::size_t end = std::min({hi_limit, in.find('\n', s), i + kContext});
    while (end < hi_limit && end < in.size() && (b[end] & 0xC0) == 0x80) ++end;
    Line line;
    line.begin = begin;
    line.end = end;
    read_line(line);
    held = SIZE_MAX;
    std::size_t k = 0;
    while (k < cs.size() && cs[k].end <= s) ++k;
    if (k == cs.size()) continue;
    collect(cs, {k}, o, 0, line.cands, false, 1u << chain, true);
    line.reports = may_report(cs);
    any |= !line.cands.empty();
    lines.push_back(std::move(line));
  }
  for (std::size_t l = 0; l < old_lines; ++l) {
    if (extra[l].empty()) continue;
    const std::size_t before = lines[l].cands.size();
    read_line(lines[l]);
    collect(cs, extra[l], o, 0, lines[l].cands, false, 1u << chain, true);
    any |= lines[l].cands.size() != before;
  }
  if (lines.size() > old_lines)
    std::sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) { return x.begin < y.begin; });
  return any;
}

bool inside(const std::vector<Span>& frozen, std::size_t begin, std::size_t end) {
  for (const Span& f : frozen)
    if (begin < f.end && f.begin < end) return true;
  return false;
}

// One pass over the text. Nothing is read again inside `frozen` spans (text a legacy codec or
// UTF-16 produced: the innermost layer, which no further layer can be inside).
bool one_pass(std::string_view in, const Options& o, const std::vector<Span>& frozen, const Prescan* pre, Result& out) {
  ScanResult sr;
  const bool entities_possible = o.entities != Entities::off;
  if (!scan(in, entities_possible, scan_ranges(pre, kPreMojibake, in.size()), sr)) return false;
  if (!frozen.empty())
    sr.triggers.erase(std::remove_if(sr.triggers.begin(), sr.triggers.end(),
                                     [&](std::size_t t) { return inside(frozen, t, t + 1); }),
                      sr.triggers.end());
  EditBuilder b(in, out, o.max_fixes);
  Reading utf16;
  bool utf16_le = true;
  const model::Cost utf16_gain = (sr.controls || sr.c1) ? utf16_text(in, sr.nul, utf16, utf16_le) : 0;
  const bool entities = entities_possible && (o.entities == Entities::on || !has_markup(in));
  // Candidates, line by line.
  std::vector<Line> lines;
  std::vector<Ch> cs;       // characters of one region
  auto read_line = [&](const Line& line) {
    cs.clear();
    read_chars(in, line.begin, line.end, entities, cs);
  };
  std::vector<std::size_t> trig;
  std::vector<model::Cost> gains;
  // Regions: the text around groups of triggers, inside one line.
  constexpr std::size_t kReach = 96;  // bytes of context on each side of a trigger
  std::size_t line_begin = 0, line_end = 0, prev_end = 0;  // regions never overlap
  for (std::size_t t = 0; t < sr.triggers.size();) {
    const std::size_t at = sr.triggers[t];
    if (at >= line_end) {
      const std::size_t nl = at == 0 ? std::string_view::npos : in.rfind('\n', at - 1);
      line_begin = nl == std::string_view::npos ? 0 : std::max(nl + 1, line_end);
      line_end = in.find('\n', at);
      if (line_end == std::string_view::npos) line_end = in.size();
    }
    Line line;
    line.begin = std::max(prev_end, at - line_begin > kReach ? char_start(in, at - kReach) : line_begin);
    std::size_t end = std::min(line_end, at + kReach);
    for (; t < sr.triggers.size() && sr.triggers[t] < end; ++t) end = std::min(line_end, sr.triggers[t] + kReach);
    // End at ASCII (a word boundary) when one is near, else at a character boundary.
    for (const std::size_t limit = std::min(line_end, end + 4 * kReach);
         end < limit && static_cast<unsigned char>(in[end]) >= 0x80;)
      ++end;
    while (end < line_end && (static_cast<unsigned char>(in[end]) & 0xC0) == 0x80) ++end;
    line.end = end;
    prev_end = end;
    cs.clear();
    read_chars(in, line.begin, line.end, entities, cs);
    trig.clear();
    std::size_t k = 0;
    for (std::size_t u = first_trigger(sr.triggers, line.begin); u < t; ++u) {
      while (k < cs.size() && cs[k].end <= sr.triggers[u]) ++k;
      if (k < cs.size() && (trig.empty() || trig.back() != k)) trig.push_back(k);
    }
    collect(cs, trig, o, 0, line.cands);
    line.reports = may_report(cs);
    line.trig = trig;
    lines.push_back(std::move(line));
  }
  // The main chain, from the sums of gains; legacy readings of the leading chain are checked for
  // stability first (dropping unstable ones only lowers a sum, so the others need no check).
  Preferred preferred;
  for (bool swept = false;;) {
    gains.assign(chains().size(), 0);
    for (const Line& line : lines) add_gains(line.cands, gains);
    preferred = preferred_chain(gains);
    if (preferred.chain < 0) break;
    bool checked = false;
    for (Line& line : lines) {
      if (!needs_check(line.cands, std::size_t(preferred.chain))) continue;
      read_line(line);
      checked |= check_chain(line.cands, std::size_t(preferred.chain), cs, o, preferred.live);
    }
    if (checked) continue;
    if (swept) break;
    swept = true;
    if (!sweep(in, entities, std::size_t(preferred.chain), frozen, o, lines)) break;
  }
  std::vector<std::vector<Repair>> chosen(lines.size());
  model::Cost line_gain = 0;
  auto emit = [&](const std::vector<Repair>& rs) {
    std::size_t done = 0;  // characters of the line handled
    for (const Repair& r : rs) {
      if (inside(frozen, cs[r.first].begin, cs[r.last - 1].end)) continue;
      report_lost(in, cs, done, r.first, b);
      b.replace({cs[r.first].begin, cs[r.last - 1].end}, r.text, FixKind::mojibake, confidence(r.gain), r.reason(),
                r.lost > 0, r.guess);
      done = r.last;
    }
    report_lost(in, cs, done, cs.size(), b);
  };
  // Without a UTF-16 reading to weigh against, each region is written as soon as it is chosen.
  const bool direct = utf16_gain <= 0;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (lines[l].cands.empty() && !lines[l].reports) continue;
    read_line(lines[l]);
    choose(cs, lines[l].cands, preferred, chosen[l], &o);
    for (const Repair& r : chosen[l]) line_gain += r.gain;
    if (direct) emit(chosen[l]);
  }
  if (direct) return b.finish();
  // UTF-16 read as 8-bit is a reading of the whole text: it wins only against the line readings.
  // ... and only when its text does not read as mojibake again (it is the innermost layer).
  Result again;
  if (utf16_gain > line_gain + 16 * model::kBit && !(one_pass(utf16.text, o, {}, nullptr, again) && again.changed())) {
    b.replace({0, in.size()}, utf16.text, FixKind::mojibake, confidence(utf16_gain),
              utf16_le ? "utf-16le read as windows-1252" : "utf-16be read as windows-1252");
    return b.finish();
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (lines[l].cands.empty() && !lines[l].reports) continue;
    read_line(lines[l]);
    emit(chosen[l]);
  }
  return b.finish();
}

constexpr int kMaxPasses = 3;  // a repaired text is checked again, so that repair() is idempotent

}  // namespace

bool mojibake_stage(std::string_view in, const Options& options, const Context& ctx, Result& out) {
  // The passes need every fix's own reason (which spans are frozen); fixes are bounded at the end.
  Options o = options;
  o.max_fixes = std::numeric_limits<std::size_t>::max();
  if (!one_pass(in, o, {}, ctx.pre, out)) return false;
  for (int pass = 1; pass < kMaxPasses && out.changed(); ++pass) {
    std::vector<Span> frozen;
    for (const Fix& f : out.fixes)
      if (f.kind == FixKind::mojibake && f.reason.rfind("utf-8 read as", 0) != 0) frozen.push_back(f.out);
    Result next;
    if (!one_pass(out.text, o, frozen, nullptr, next) || !next.changed()) break;
    out.fixes = compose(out.fixes, next.fixes, next.text);
    out.text = std::move(next.text);
  }
  bound_fixes(out.fixes, out.text, options.max_fixes);
  return true;
}

}  // namespace mojifix::detail

namespace mojifix {

Result mojibake(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::mojibake_stage);
}

}  // namespace mojifix
