// classify.cpp — classify(): Simplified / Traditional / mixed, per text and per sentence.
#include "mojifix/classify.hpp"

#include "plan.hpp"
#include "stage.hpp"
#include "utf8.hpp"
#include "zh_script.hpp"

namespace mojifix {

std::string_view to_string(Script script) noexcept {
  switch (script) {
    case Script::none: return "none";
    case Script::hans: return "hans";
    case Script::hant: return "hant";
    case Script::mixed: return "mixed";
  }
  return "none";
}

std::string_view to_string(Regional regional) noexcept {
  switch (regional) {
    case Regional::unknown: return "unknown";
    case Regional::opencc: return "opencc";
    case Regional::taiwan: return "taiwan";
    case Regional::hong_kong: return "hong_kong";
  }
  return "unknown";
}

namespace {

using detail::zh::Unit;

Script verdict_of(std::size_t s, std::size_t t) {
  return s && t ? Script::mixed : s ? Script::hans : t ? Script::hant : Script::none;
}

// Sentence ends: 。！？；!?; and line breaks (the ending character belongs to the sentence).
bool ends_sentence(char32_t cp) {
  return cp == '\n' || cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == '!' || cp == '?' || cp == ';' ||
         cp == U'｡';
}

}  // namespace

ScriptStats classify(std::string_view utf8) {
  Result clean;
  const bool repaired = detail::sanitize_utf8(utf8, clean, 1);
  const std::string_view text = repaired ? std::string_view(clean.text) : utf8;
  namespace zh = detail::zh;
  ScriptStats st;
  zh::Tally t;
  zh::tally(text, t);
  ScriptCounts& c = st.counts;
  c.han = t.han();
  c.simplified = t.by_class[zh::kSOnly];
  c.traditional = t.by_class[zh::kTOnly];
  c.shared = t.by_class[zh::kShared] + t.by_class[zh::kSLean] + t.by_class[zh::kTLean];
  c.kana = t.by_class[zh::kKana];
  c.japanese = t.by_class[zh::kJapanese];
  c.taiwan_forms = t.tw;
  c.opencc_forms = t.std;
  c.hong_kong_forms = t.hk;
  if (t.tw > t.std && t.tw >= t.hk) st.regional = Regional::taiwan;
  else if (t.hk > t.tw && t.hk > t.std) st.regional = Regional::hong_kong;
  else if (t.std > 0) st.regional = Regional::opencc;
  const bool japanese = c.han + c.kana == 0 || t.japanese();

  const std::vector<Unit> us = japanese ? std::vector<Unit>{} : zh::units(text, false);
  for (const Unit& u : us) {
    c.simplified_phrases += u.s_phrases;
    c.traditional_phrases += u.t_phrases;
  }
  const std::size_t s = c.simplified + c.simplified_phrases, tr = c.traditional + c.traditional_phrases;
  if (!japanese && c.han > 0) {
    st.verdict = verdict_of(s, tr);
    if (st.verdict == Script::none)  // shared characters only: what the default conversions would touch
      st.verdict = t.by_class[zh::kTLean] > t.by_class[zh::kSLean] ? Script::hant : Script::hans;
    st.dominant = st.verdict == Script::mixed ? (s >= tr ? Script::hans : Script::hant) : st.verdict;
  }
  const bool dominant_s = st.dominant == Script::hans;
  // Minority spans: runs of characters of the minority script (with the shared characters
  // between them), or whole units whose only minority evidence is a phrase.
  std::vector<bool> region;
  if (st.verdict == Script::mixed) {
    region = zh::regions(us, dominant_s, 0.0);
    const Script scr = dominant_s ? Script::hant : Script::hans;
    const std::uint8_t minority_class = dominant_s ? zh::kTOnly : zh::kSOnly;
    const std::uint8_t dominant_class = dominant_s ? zh::kSOnly : zh::kTOnly;
    auto add = [&](Span span) {
      if (!st.minority.empty() && st.minority.back().span.end == span.begin) st.minority.back().span.end = span.end;
      else st.minority.push_back({span, scr});
    };
    for (const Unit& u : us) {
      const std::uint32_t chars = dominant_s ? u.t - u.t_phrases : u.s - u.s_phrases;
      const std::uint32_t phrases = dominant_s ? u.t_phrases : u.s_phrases;
      if (!chars && !phrases) continue;
      if (!chars) {
        add(u.span);
        continue;
      }
      std::size_t run_begin = 0, run_end = 0;
      bool in_run = false;
      for (std::size_t i = u.span.begin; i < u.span.end;) {
        const detail::Decoded d = detail::decode_at(text, i);
        const std::uint8_t k = zh::char_class(d.cp) & 7;
        if (k == minority_class) {
          if (!in_run) run_begin = i;
          in_run = true;
          run_end = i + d.len;
        } else if (k == dominant_class && in_run) {
          add({run_begin, run_end});
          in_run = false;
        }
        i += d.len;
      }
      if (in_run) add({run_begin, run_end});
    }
  }
  // Sentences, with the evidence of the units inside them; one without evidence takes the
  // region of the last unit with evidence before it.
  std::size_t k = 0;
  Script inherit = st.dominant;
  for (std::size_t i = 0; i < text.size();) {
    SentenceVerdict sv;
    sv.span.begin = i;
    bool han = false;
    while (i < text.size()) {
      const detail::Decoded d = detail::decode_at(text, i);
      i += d.len;
      han |= zh::is_han_class(zh::char_class(d.cp));
      if (ends_sentence(d.cp)) break;
    }
    sv.span.end = i;
    if (!han && text.substr(sv.span.begin, sv.span.size()).find_first_not_of(" \t\r\n") == std::string_view::npos)
      continue;  // nothing but white space
    for (; k < us.size() && us[k].span.begin < sv.span.end; ++k) {
      sv.simplified += us[k].s;
      sv.traditional += us[k].t;
      if (!region.empty()) inherit = region[k] ? Script::hans : Script::hant;
    }
    sv.verdict = japanese || !han ? Script::none : verdict_of(sv.simplified, sv.traditional);
    if (sv.verdict == Script::none && han && !japanese) sv.verdict = inherit;
    st.sentences.push_back(sv);
  }
  return st;
}

}  // namespace mojifix
