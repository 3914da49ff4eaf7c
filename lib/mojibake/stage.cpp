// stage.cpp — the mojibake stage: fast scan, then per line a search for readings around the
// suspect characters; UTF-16 read as 8-bit on the whole text; reports of lost text.
#include <algorithm>

#include "model/model.hpp"
#include "mojibake/chars.hpp"
#include "mojibake/reading.hpp"
#include "mojibake/reports.hpp"
#include "mojibake/scan.hpp"
#include "mojibake/search.hpp"
#include "mojifix/mojibake.hpp"
#include "plan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

float confidence(model::Cost gain) noexcept {
  const double bits = double(gain) / model::kBit;
  return float(1.0 - 1.0 / (1.0 + bits / 16.0));
}

// UTF-16 read as Latin-1 / windows-1252: the whole text, with NULs or C0 controls as evidence.
bool utf16_text(std::string_view in, EditBuilder& b) {
  std::vector<Ch> cs;
  read_chars(in, 0, in.size(), false, cs);
  std::size_t start = 0;
  CodecId order[2] = {CodecId::utf16le, CodecId::utf16be};
  if (cs.size() >= 2 && cs[0].cp == 0xFF && cs[1].cp == 0xFE) start = 2;
  else if (cs.size() >= 2 && cs[0].cp == 0xFE && cs[1].cp == 0xFF) start = 2, std::swap(order[0], order[1]);
  if ((cs.size() - start) % 2 != 0 || cs.size() - start < 4) return false;
  const model::Cost orig = model::cost(in.substr(cs[start].begin), '\n', '\n');
  Reading best;
  model::Cost best_gain = 0;
  for (CodecId inner : order) {
    Reading r;
    if (!read_chain({inner, CodecId::cp1252}, cs, start, false, r) || r.last != cs.size()) continue;
    bool clean = true;
    for (std::size_t i = 0; i < r.text.size() && clean;) {
      const Decoded d = decode_at(r.text, i);
      const auto k = model::char_class(d.cp);
      clean = k != model::Class::control && k != model::Class::unassigned && k != model::Class::c1 && d.cp != 0;
      i += d.len;
    }
    if (!clean) continue;
    const model::Cost gain = orig - model::cost(r.text, '\n', '\n');
    if (gain > best_gain) best_gain = gain, best = std::move(r), best.any_c1 = inner == CodecId::utf16le;
  }
  if (best_gain < 16 * model::kBit || best_gain * 4 < orig) return false;
  b.replace({0, in.size()}, best.text, FixKind::mojibake, confidence(best_gain),
            best.any_c1 ? "utf-16le read as windows-1252" : "utf-16be read as windows-1252");
  return true;
}

}  // namespace

bool mojibake_stage(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  (void)ctx;
  ScanResult sr;
  const bool entities_possible = o.entities != Entities::off;
  if (!scan(in, entities_possible, sr)) return false;
  EditBuilder b(in, out, o.max_fixes);
  if (sr.controls && utf16_text(in, b)) return b.finish();
  const bool entities = entities_possible && (o.entities == Entities::on || !has_markup(in));
  std::sort(sr.triggers.begin(), sr.triggers.end());
  std::vector<Ch> cs;
  std::vector<std::size_t> trig;
  std::vector<Repair> reps;
  std::size_t t = 0;
  while (t < sr.triggers.size()) {
    // The line around the next trigger.
    const std::size_t at = sr.triggers[t];
    const std::size_t nl = in.rfind('\n', at);
    const std::size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    std::size_t line_end = in.find('\n', at);
    if (line_end == std::string_view::npos) line_end = in.size();
    cs.clear();
    read_chars(in, line_begin, line_end, entities, cs);
    trig.clear();
    std::size_t k = 0;
    for (; t < sr.triggers.size() && sr.triggers[t] < line_end; ++t) {
      while (k < cs.size() && cs[k].end <= sr.triggers[t]) ++k;
      if (k < cs.size() && (trig.empty() || trig.back() != k)) trig.push_back(k);
    }
    reps.clear();
    search(cs, trig, o, 0, reps);
    std::size_t done = 0;  // characters of the line handled
    for (const Repair& r : reps) {
      report_lost(in, cs, done, r.first, b);
      b.replace({cs[r.first].begin, cs[r.last - 1].end}, r.text, FixKind::mojibake, confidence(r.gain), r.reason,
                r.lost > 0, r.guess);
      done = r.last;
    }
    report_lost(in, cs, done, cs.size(), b);
  }
  return b.finish();
}

}  // namespace mojifix::detail

namespace mojifix {

Result mojibake(std::string_view utf8, const Options& options) {
  Result clean;
  const bool had_invalid = detail::sanitize_utf8(utf8, clean, options.max_fixes);
  const std::string_view text = had_invalid ? std::string_view(clean.text) : utf8;
  Result r;
  if (!detail::mojibake_stage(text, options, detail::Context{}, r)) r.text = std::string(text);
  if (had_invalid) r.fixes = detail::compose(clean.fixes, r.fixes, r.text);
  return r;
}

}  // namespace mojifix
