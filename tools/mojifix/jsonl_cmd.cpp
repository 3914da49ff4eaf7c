// jsonl_cmd.cpp — --jsonl: repair one string field of each JSON record, keep everything else
// byte for byte (line endings included).
#include <optional>
#include <set>
#include <string>

#include "cli.hpp"
#include "job.hpp"
#include "json.hpp"
#include "messages.hpp"
#include "mojifix/repair.hpp"
#include "report.hpp"

namespace mojifix::cli {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

FileStatus jsonl_file(FileJob& job) {
  const Config& cfg = job.cfg;
  FileStatus st;
  LineReader reader(job.src);
  std::string line, outline;
  bool newline = false;
  std::set<std::string> kinds;
  for (std::size_t lineno = 1; reader.next(line, newline); ++lineno) {
    const std::string where = job.name + ":" + std::to_string(lineno);
    std::string_view result = line;
    if (!blank(line)) {
      std::string error;
      const auto members = parse_object(line, error);
      const Member* m = nullptr;
      const Member* target = nullptr;
      if (members) {
        for (const auto& mem : *members) {
          if (mem.key == cfg.field) m = &mem;
          if (mem.key == "target") target = &mem;
        }
      }
      std::optional<std::string> value;
      if (!members) {
        job.io.err_line(tool_line(msg("{1}: invalid JSON record ({2}); passed through", {where, error})));
      } else if (m && !(value = decode_string(std::string_view(line).substr(m->begin, m->end - m->begin)))) {
        job.io.err_line(tool_line(msg("{1}: field \"{2}\" is not a string; passed through", {where, cfg.field})));
      } else if (m) {
        // A record's "target" (zh-Hans, zh-Hant, zh-TW, zh-HK, hans, ...) overrides --to.
        Options opts = cfg.lib;
        if (target) {
          const auto name = decode_string(std::string_view(line).substr(target->begin, target->end - target->begin));
          const auto t = name ? parse_target(*name) : std::nullopt;
          if (t) opts.to = *t;
          else job.io.err_line(tool_line(msg("{1}: unknown target; --to applies", {where})));
        }
        const Result r = repair(*value, opts);
        if (cfg.explain) {
          for (const Fix& f : r.fixes)
            job.io.err_line(explain_line(where, f, std::string_view(*value).substr(f.in.begin, f.in.size())));
        }
        for (const Fix& f : r.fixes)
          if (!f.report) kinds.insert(std::string(to_string(f.kind)));
        if (r.text != *value) {
          st.changed = true;
          outline.assign(line, 0, m->begin);
          append_json_string(outline, r.text);
          outline.append(line, m->end);
          result = outline;
        }
      }
    }
    if (!job.text.write(result) || (newline && !job.text.write("\n"))) {
      st.failed = true;
      st.error = job.text.error();
      return st;
    }
  }
  if (reader.failed()) {
    st.failed = true;
    st.error = msg("cannot read {1}: {2}", {job.name, job.src.error()});
  }
  if (cfg.check && st.changed && !st.failed) {
    std::string list;
    for (const auto& k : kinds) list += (list.empty() ? "" : ",") + k;
    job.io.out(job.name + '\t' + list + '\n');
  }
  return st;
}

}  // namespace mojifix::cli
