// classify_cmd.cpp — `mojifix classify [--lines] [--json] [FILE...]`: Simplified, Traditional,
// mixed or none, for the whole input or for each line.

#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "inputs.hpp"
#include "io.hpp"
#include "json.hpp"
#include "messages.hpp"
#include "mojifix/classify.hpp"

namespace mojifix::cli {

namespace {

void append_span(std::string& out, const Span& s) {
  out += "\"begin\":" + std::to_string(s.begin) + ",\"end\":" + std::to_string(s.end);
}

// The verdict and its evidence as one JSON object (spans are byte offsets into `text`).
std::string stats_json(const ScriptStats& st, std::string_view text) {
  const ScriptCounts& c = st.counts;
  std::string j = "{\"verdict\":\"" + std::string(to_string(st.verdict)) + "\",\"dominant\":\"" +
                  std::string(to_string(st.dominant)) + "\",\"regional\":\"" + std::string(to_string(st.regional)) + "\"";
  j += ",\"counts\":{\"han\":" + std::to_string(c.han) + ",\"simplified\":" + std::to_string(c.simplified) +
       ",\"traditional\":" + std::to_string(c.traditional) + ",\"shared\":" + std::to_string(c.shared) +
       ",\"simplified_phrases\":" + std::to_string(c.simplified_phrases) +
       ",\"traditional_phrases\":" + std::to_string(c.traditional_phrases) + ",\"kana\":" + std::to_string(c.kana) +
       ",\"japanese\":" + std::to_string(c.japanese) + ",\"taiwan_forms\":" + std::to_string(c.taiwan_forms) +
       ",\"opencc_forms\":" + std::to_string(c.opencc_forms) + ",\"hong_kong_forms\":" + std::to_string(c.hong_kong_forms) + "}";
  j += ",\"minority\":[";
  for (std::size_t i = 0; i < st.minority.size(); ++i) {
    const ScriptSpan& m = st.minority[i];
    j += i ? ",{" : "{";
    append_span(j, m.span);
    j += ",\"script\":\"" + std::string(to_string(m.script)) + "\",\"text\":";
    append_json_string(j, text.substr(m.span.begin, m.span.size()));
    j += "}";
  }
  j += "],\"sentences\":[";
  for (std::size_t i = 0; i < st.sentences.size(); ++i) {
    const SentenceVerdict& s = st.sentences[i];
    j += i ? ",{" : "{";
    append_span(j, s.span);
    j += ",\"verdict\":\"" + std::string(to_string(s.verdict)) + "\",\"simplified\":" + std::to_string(s.simplified) +
         ",\"traditional\":" + std::to_string(s.traditional) + "}";
  }
  return j + "]}";
}

}  // namespace

int run_classify(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  Inputs inputs(cfg, in, err);
  Console console(out, err, false, {}, false);
  inputs.each(console, [&](const std::string& name, Source& src) {
    std::string text;
    if (read_decoded(cfg.lib, src, [&](std::string_view piece) { text += piece; }) < 0) return false;
    const std::string prefix = inputs.files().size() > 1 ? name + "\t" : "";
    auto show = [&](std::string_view t) {
      const ScriptStats st = classify(t);
      out << prefix << (cfg.json ? stats_json(st, t) : std::string(to_string(st.verdict))) << '\n';
    };
    if (!cfg.lines) {
      show(text);
      return true;
    }
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line = std::string_view(text).substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      show(line);
      pos = nl + 1;
    }
    return true;
  });
  out.flush();
  if (!out) {
    err << "mojifix: " << msg("cannot write {1}", {"<stdout>"}) << '\n';
    return io_error;
  }
  return inputs.status();
}

}  // namespace mojifix::cli
