// jsonl_cmd.cpp — --jsonl: repair one string field of each JSON record, keep everything else.
#include <ostream>
#include <string>

#include "cli.hpp"
#include "io.hpp"
#include "json.hpp"
#include "messages.hpp"
#include "mojifix/repair.hpp"
#include "report.hpp"

namespace mojifix::cli {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

int run_jsonl(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> inputs = cfg.inputs.empty() ? std::vector<std::string>{"-"} : cfg.inputs;
  int status = ok;
  bool needs = false;
  std::string line, outline;
  for (const auto& name : inputs) {
    Input input = open_input(name, in);
    if (!input.stream) {
      err << "mojifix: " << msg("cannot open {1}: {2}", {name, input.error}) << '\n';
      status = io_error;
      continue;
    }
    const std::string shown = display_name(name);
    for (std::size_t lineno = 1; std::getline(*input.stream, line); ++lineno) {
      const std::string where = shown + ":" + std::to_string(lineno);
      std::string_view result = line;
      std::string error;
      if (!blank(line)) {
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
          err << "mojifix: " << msg("{1}: invalid JSON record ({2}); passed through", {where, error}) << '\n';
        } else if (m && !(value = decode_string(std::string_view(line).substr(m->begin, m->end - m->begin)))) {
          err << "mojifix: " << msg("{1}: field \"{2}\" is not a string; passed through", {where, cfg.field}) << '\n';
        } else if (m) {
          // A record's "target" (zh-Hans, zh-Hant, zh-TW, zh-HK, hans, ...) overrides --to.
          Options opts = cfg.lib;
          if (target) {
            const auto name = decode_string(std::string_view(line).substr(target->begin, target->end - target->begin));
            const auto t = name ? parse_target(*name) : std::nullopt;
            if (t) opts.to = *t;
            else err << "mojifix: " << msg("{1}: unknown target; --to applies", {where}) << '\n';
          }
          const Result r = repair(*value, opts);
          if (cfg.explain) {
            for (const Fix& f : r.fixes)
              err << explain_line(where, f, std::string_view(*value).substr(f.in.begin, f.in.size())) << '\n';
          }
          if (r.text != *value) {
            needs = true;
            outline.assign(line, 0, m->begin);
            append_json_string(outline, r.text);
            outline.append(line, m->end);
            result = outline;
          }
        }
      }
      if (!cfg.check) {
        out.write(result.data(), std::streamsize(result.size()));
        out.put('\n');
      }
    }
    if (input.stream->bad()) {
      err << "mojifix: " << msg("cannot read {1}", {shown}) << '\n';
      status = io_error;
    }
  }
  out.flush();
  if (!out) {
    err << "mojifix: " << msg("cannot write {1}", {"<stdout>"}) << '\n';
    return io_error;
  }
  if (status != ok) return status;
  return cfg.check && needs ? needs_repair : ok;
}

}  // namespace mojifix::cli
