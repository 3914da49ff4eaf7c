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

}  // namespace

bool script_stage(std::string_view in, const Options& o, const Context&, Result& out) {
  zh::Tally t;
  zh::tally(in, t);
  if (t.han() == 0 || t.japanese()) return false;
  const ScriptTarget to = o.to;
  const bool target = to != ScriptTarget::keep;
  const std::size_t s_chars = t.by_class[zh::kSOnly], t_chars = t.by_class[zh::kTOnly];
  bool regional = false;  // a Traditional target whose regional forms the text does not use yet
  if (!target) {
    // Only text with characters of both scripts can be mixed (phrases alone are not enough
    // to change text nobody asked to convert).
    if (!s_chars || !t_chars) return false;
  } else if (to == ScriptTarget::hans) {
    if (!t_chars && !t.by_class[zh::kTLean] && !(t.seen & (zh::kTTrigger | zh::kTwForm))) return false;
  } else {
    regional = (to == ScriptTarget::tw || to == ScriptTarget::hk) && t.std > 0;
    if (!s_chars && !(t.seen & zh::kSTrigger) && !regional) return false;
  }

  const std::vector<Unit> us = zh::units(in);
  std::size_t s_total = 0, t_total = 0;
  for (const Unit& u : us) {
    s_total += u.s;
    t_total += u.t;
  }
  const bool goal_s = target ? to == ScriptTarget::hans : s_total >= t_total;
  // With a target and no character of the target script, the whole text converts.
  const bool whole = target && (goal_s ? s_chars == 0 : t_chars == 0);
  const std::vector<bool> region = whole ? std::vector<bool>(us.size(), goal_s) : zh::regions(us, goal_s, 0.0);

  const ConvertConfig to_t = traditional_config(to, t);
  const ConvertConfig regional_config = to == ScriptTarget::hk ? ConvertConfig::t2hk : ConvertConfig::t2tw;
  std::vector<Edit> edits;
  std::string buf;
  for (std::size_t i = 0; i < us.size(); ++i) {
    const Unit& u = us[i];
    // Only units in a region of the goal script change, and only toward it: a passage in the
    // other script (a quotation, a poem) is left as it is.
    if (!u.han || region[i] != goal_s) continue;
    // Evidence of the other script (without a target: characters only, not phrases).
    const std::uint32_t other = goal_s ? (target ? u.t : u.t - u.t_phrases) : (target ? u.s : u.s - u.s_phrases);
    const std::uint32_t own_chars = goal_s ? u.s - u.s_phrases : u.t - u.t_phrases;
    const zh::Chain* chain = nullptr;
    std::string_view reason;
    // Without a target, a phrase changes only on clear evidence: two characters of the other
    // script and none of its own (one odd character is more often a variant, 恒 in a poem).
    if (!target && (other < 2 || own_chars > 0)) continue;
    if (goal_s && (whole || other > 0 || (target && u.t_lean > 0))) {
      chain = &zh::simplified_chain();
      reason = target ? "converted to Simplified" : "Traditional phrase in Simplified text";
    } else if (!goal_s && (whole || other > 0)) {
      chain = &zh::chain(to_t);
      reason = target ? "converted to Traditional" : "Simplified phrase in Traditional text";
    } else if (!goal_s && regional && (u.flags & zh::kStdForm)) {
      chain = &zh::chain(regional_config);
      reason = "converted to the regional standard";
    } else {
      continue;
    }
    buf.clear();
    const std::string_view text = in.substr(u.span.begin, u.span.size());
    zh::convert_into(*chain, text, buf);
    if (!whole && own_chars > 0) buf = keep_goal_chars(text, buf, goal_s);
    if (buf != text) edits.push_back({u.span, buf, reason});
  }
  if (whole && (to == ScriptTarget::hans || to == ScriptTarget::tw || to == ScriptTarget::hk)) {
    convert_quotes(in, to == ScriptTarget::hans, edits);
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  }
  if (edits.empty()) return false;
  EditBuilder edit(in, out, o.max_fixes);
  for (const Edit& e : edits) edit.replace(e.span, e.text, FixKind::script, target ? 1.0f : 0.8f, e.reason);
  return edit.finish();
}

}  // namespace mojifix::detail

namespace mojifix {

Result script(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::script_stage);
}

}  // namespace mojifix
