// script_stage.cpp — the script stage: unify mixed Simplified/Traditional text, or convert it
// to the script asked for.
//
// A fast pass counts character classes; text with one script only (and no evidence phrase of
// the other) leaves here untouched unless a target asks for a conversion. Otherwise the text is
// cut into phrase units, the units get script regions (zh::regions), and each unit whose
// evidence contradicts its region is converted with OpenCC's chains: tw2s toward Simplified
// (Taiwan forms such as 著 go too), s2t / s2tw / s2hk toward Traditional, in the regional
// standard the text uses or the target names.
#include <algorithm>
#include <string>
#include <vector>

#include "mojifix/script.hpp"
#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "utf8.hpp"
#include "zh_convert.hpp"
#include "zh_script.hpp"

namespace mojifix::detail {

namespace {

using zh::Unit;

// The conversion toward Traditional for the regional standard of the text or the target
// (Taiwan forms when the text shows none).
ConvertConfig traditional_config(ScriptTarget to, const zh::Tally& t) {
  if (to == ScriptTarget::tw) return ConvertConfig::s2tw;
  if (to == ScriptTarget::hk) return ConvertConfig::s2hk;
  if (t.std > t.tw && t.std >= t.hk) return ConvertConfig::s2t;
  if (t.hk > t.tw && t.hk > t.std) return ConvertConfig::s2hk;
  return ConvertConfig::s2tw;
}

struct Edit {
  Span span;
  std::string text;
  std::string_view reason;
};

// In a unit that has evidence of both scripts, only the characters of the other script change
// (the conversion keeps the number of characters; when it does not, the whole unit changes).
std::string keep_goal_chars(std::string_view in, std::string_view converted, bool simplified_goal) {
  const std::uint8_t other = simplified_goal ? zh::kTOnly : zh::kSOnly;
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < in.size() && j < converted.size()) {
    const Decoded a = decode_at(in, i), b = decode_at(converted, j);
    out.append((zh::char_class(a.cp) & 7) == other ? converted.substr(j, b.len) : in.substr(i, a.len));
    i += a.len;
    j += b.len;
  }
  return i == in.size() && j == converted.size() ? out : std::string(converted);
}

// Corner brackets are the Taiwan / Hong Kong quotation marks, curly quotes the mainland ones.
void convert_quotes(std::string_view in, bool to_simplified, std::vector<Edit>& edits) {
  static constexpr std::string_view corner[] = {"\u300C", "\u300D", "\u300E", "\u300F"};  // 「」『』
  static constexpr std::string_view curly[] = {"\u201C", "\u201D", "\u2018", "\u2019"};   // “”‘’
  const auto& from = to_simplified ? corner : curly;
  const auto& to = to_simplified ? curly : corner;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\xE3' && in[i] != '\xE2') continue;
    for (int k = 0; k < 4; ++k) {
      if (in.compare(i, 3, from[k]) == 0) {
        edits.push_back({{i, i + 3}, std::string(to[k]), to_simplified ? "mainland quotation mark" : "regional quotation mark"});
        break;
      }
    }
  }
}


// What the stage decided for a text (or a line of it).
struct Job {
  std::string_view in;    // the whole input
  bool target = false;    // a target was asked for
  bool whole = false;     // every unit converts
  bool goal_s = true;     // convert toward Simplified
  bool regional = false;  // Traditional target: OpenCC standard forms become regional
  ConvertConfig to_t = ConvertConfig::s2tw;
  ConvertConfig regional_config = ConvertConfig::t2tw;
};

// Converts the units of `us` (offsets into job.in) that contradict their region.
void convert_units(const Job& job, const std::vector<Unit>& us, const std::vector<bool>& region, std::vector<Edit>& edits) {
  std::string buf;
  for (std::size_t i = 0; i < us.size(); ++i) {
    const Unit& u = us[i];
    // Only units in a region of the goal script change, and only toward it: a passage in the
    // other script (a quotation, a poem) is left as it is.
    if (!u.han || region[i] != job.goal_s) continue;
    const bool goal_s = job.goal_s, target = job.target, whole = job.whole;
    // Evidence of the other script (without a target: characters only, not phrases).
    const std::uint32_t other = goal_s ? (target ? u.t : u.t - u.t_phrases) : (target ? u.s : u.s - u.s_phrases);
    const std::uint32_t own_chars = goal_s ? u.s - u.s_phrases : u.t - u.t_phrases;
    // Without a target, a phrase changes only on clear evidence: two characters of the other
    // script (one odd character is more often a variant, 恒 in a poem).
    if (!target && other < 2) continue;
    const zh::Chain* chain = nullptr;
    std::string_view reason;
    bool script_change = true;
    if (goal_s && (whole || other > 0 || (target && u.t_lean > 0))) {
      // Undoes a naive converter's choices too (甚麼 -> 什么, the usual mainland form anyway).
      chain = &zh::naive_simplified_chain();
      reason = target ? "converted to Simplified" : "Traditional phrase in Simplified text";
    } else if (!goal_s && (whole || other > 0)) {
      chain = &zh::chain(job.to_t);
      reason = target ? "converted to Traditional" : "Simplified phrase in Traditional text";
    } else if (!goal_s && job.regional && (u.flags & zh::kStdForm)) {
      chain = &zh::chain(job.regional_config);
      reason = "converted to the regional standard";
      script_change = false;
    } else {
      continue;
    }
    buf.clear();
    std::string folded;
    std::string_view text = job.in.substr(u.span.begin, u.span.size());
    if (zh::fold_compat(text, folded)) text = folded;
    zh::convert_into(*chain, text, buf);
    // A phrase with characters of both scripts: only the other script's characters change.
    if (script_change && !whole && own_chars > 0) buf = keep_goal_chars(text, buf, goal_s);
    // ... and with a regional target its OpenCC standard forms take the regional ones too.
    if (script_change && !goal_s && job.regional && (u.flags & zh::kStdForm)) {
      std::string regional;
      zh::convert_into(zh::chain(job.regional_config), buf, regional);
      buf.swap(regional);
    }
    if (buf != job.in.substr(u.span.begin, u.span.size())) edits.push_back({u.span, buf, reason});
  }
}

// One pass of the stage.
bool script_once(std::string_view in, const Options& o, const Prescan* pre, Result& out) {
  const ScriptTarget to = o.to;
  Job job;
  job.in = in;
  job.target = to != ScriptTarget::keep;
  job.regional_config = to == ScriptTarget::hk ? ConvertConfig::t2hk : ConvertConfig::t2tw;
  std::vector<Edit> edits;
  if (!job.target) {
    // Without a target, only phrase-level mixing inside a line changes: lines that hold
    // characters of both scripts (one fast pass finds them), each unified to its own dominant
    // script when that one has at least twice the evidence of the other (and 3). Whole lines in
    // the other script (quotations, poems) are left alone, and so is Japanese.
    std::vector<Span> lines;
    if (pre) {
      for (const Prescan::Line& l : pre->lines)
        if ((l.flags & (kPreSimplified | kPreTraditional)) == (kPreSimplified | kPreTraditional)) lines.push_back(l.span);
    } else {
      zh::mixed_lines(in, lines);
    }
    for (const Span& line : lines) {
      const std::string_view text = in.substr(line.begin, line.size());
      zh::Tally lt;
      zh::tally(text, lt);
      if (lt.japanese()) continue;
      std::vector<Unit> us = zh::units(text, false);
      std::size_t s = 0, tr = 0;
      for (Unit& u : us) {
        u.span = {u.span.begin + line.begin, u.span.end + line.begin};
        s += u.s;
        tr += u.t;
      }
      if (std::max(s, tr) < 3 || std::max(s, tr) < 2 * std::min(s, tr)) continue;
      job.goal_s = s > tr;
      job.to_t = traditional_config(to, lt);  // the regional standard the line's Traditional uses
      convert_units(job, us, std::vector<bool>(us.size(), job.goal_s), edits);
    }
  } else {
    zh::Tally t;
    zh::tally(in, t);
    if (t.han() == 0 || t.japanese()) return false;
    const std::size_t s_chars = t.by_class[zh::kSOnly], t_chars = t.by_class[zh::kTOnly];
    job.to_t = traditional_config(to, t);
    if (to == ScriptTarget::hans) {
      if (!t_chars && !t.by_class[zh::kTLean] && !(t.seen & (zh::kTTrigger | zh::kTwForm))) return false;
    } else {
      job.regional = (to == ScriptTarget::tw || to == ScriptTarget::hk) && t.std > 0;
      if (!s_chars && !(t.seen & zh::kSTrigger) && !job.regional) return false;
    }
    job.goal_s = to == ScriptTarget::hans;
    // The target script is not the dominant one (a text in the other script, with at most a few
    // stray characters of the target's): the whole text converts. Otherwise passages in the
    // other script inside text of the target script keep their script (see zh::regions).
    const std::size_t goal_chars = job.goal_s ? s_chars : t_chars, other_chars = job.goal_s ? t_chars : s_chars;
    job.whole = goal_chars < other_chars;
    const std::vector<Unit> us = zh::units(in, job.whole);
    convert_units(job, us, job.whole ? std::vector<bool>(us.size(), job.goal_s) : zh::regions(us, job.goal_s, 0.0), edits);
    if (job.whole && other_chars > 0 && (to == ScriptTarget::hans || to == ScriptTarget::tw || to == ScriptTarget::hk)) {
      // The text changes script: its quotation marks follow (only then, so a second run, with
      // nothing of the other script left, changes nothing).
      convert_quotes(in, to == ScriptTarget::hans, edits);
      std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
    }
  }
  if (edits.empty()) return false;
  EditBuilder edit(in, out, o.max_fixes);
  for (const Edit& e : edits) edit.replace(e.span, e.text, FixKind::script, job.target ? 1.0f : 0.8f, e.reason);
  return edit.finish();
}

}  // namespace

bool script_stage(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  if (!script_once(in, o, ctx.pre, out)) return false;
  // A conversion can change the classes a unit is judged by (a regional form becomes a
  // shared character next to a leaning one): passes repeat until the text is stable, so that
  // a second run changes nothing.
  constexpr int kMaxPasses = 3;
  Result next;
  for (int pass = 1; pass < kMaxPasses && out.changed(); ++pass) {
    if (!script_once(out.text, o, nullptr, next) || !next.changed()) break;
    out.fixes = compose(out.fixes, next.fixes, next.text);
    out.text = std::move(next.text);
    next = Result{};
  }
  return true;
}

}  // namespace mojifix::detail

namespace mojifix {

Result script(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::script_stage);
}

}  // namespace mojifix
