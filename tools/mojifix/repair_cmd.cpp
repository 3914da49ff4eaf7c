// repair_cmd.cpp — the default command: repair files or stdin, stream the text out.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <vector>

#include "cli.hpp"
#include "io.hpp"
#include "json.hpp"
#include "messages.hpp"
#include "mojifix/stream.hpp"
#include "report.hpp"

namespace mojifix::cli {

namespace {

struct Outcome {
  bool changed = false;
  bool binary = false;
  bool io_failed = false;
  std::string encoding;
  std::map<std::string, std::size_t> kinds;  // fixes per kind
};

bool transcodes(std::string_view enc) { return enc != "utf-8" && enc != "ascii" && enc != "binary"; }

// Repairs one input, writing text to `out` (unless --check/--json) as it becomes ready.
Outcome repair_one(const Config& cfg, const std::string& name, std::istream& src, std::ostream& out,
                   std::ostream& err, std::string* json) {
  Outcome o;
  Repairer rep(cfg.lib);
  RawWindow window;
  const std::string shown = display_name(name);
  std::vector<char> buf(kReadChunk);
  std::string json_fixes, json_text;
  bool first_fix = true;
  auto drain = [&]() {
    Result r = rep.take();
    if (!r.encoding.empty()) o.encoding = r.encoding;
    o.binary |= r.binary;
    for (const Fix& f : r.fixes) {
      if (f.kind == FixKind::binary) continue;
      o.changed |= !f.report;
      ++o.kinds[std::string(to_string(f.kind))];
      if (cfg.explain || json) {
        const std::string before = before_text(window, f, o.encoding);
        if (cfg.explain) err << explain_line(shown, f, before) << '\n';
        if (json) {
          if (!first_fix) json_fixes += ',';
          first_fix = false;
          append_fix_json(json_fixes, f, before);
        }
      }
    }
    if (o.binary) return;
    if (json) json_text += r.text;
    else if (!cfg.check) out.write(r.text.data(), std::streamsize(r.text.size()));
  };
  for (;;) {
    src.read(buf.data(), std::streamsize(buf.size()));
    const auto got = std::size_t(src.gcount());
    if (got > 0) {
      const std::string_view chunk(buf.data(), got);
      if (cfg.explain || json) window.append(chunk);
      rep.feed(chunk);
      drain();
    }
    if (!src) break;
  }
  if (src.bad()) {
    err << "mojifix: " << msg("cannot read {1}", {shown}) << '\n';
    o.io_failed = true;
    return o;
  }
  rep.finish();
  drain();
  if (transcodes(o.encoding)) {
    o.changed = true;
    ++o.kinds["encoding=" + o.encoding];
  }
  if (json) {
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.3f", double(rep.detection().confidence));
    *json += "{\"file\":";
    append_json_string(*json, shown);
    *json += ",\"encoding\":";
    append_json_string(*json, o.encoding);
    *json += std::string(",\"confidence\":") + conf;
    *json += std::string(",\"binary\":") + (o.binary ? "true" : "false");
    *json += std::string(",\"changed\":") + (o.changed ? "true" : "false");
    *json += ",\"text\":";
    append_json_string(*json, json_text);
    *json += ",\"fixes\":[" + json_fixes + "]}";
  }
  return o;
}

std::string summary_line(const std::string& name, const Outcome& o) {
  std::string fixes;
  std::size_t total = 0;
  for (const auto& [k, n] : o.kinds) {
    if (k.starts_with("encoding=")) continue;
    fixes += (fixes.empty() ? "" : ", ") + k + " " + std::to_string(n);
    total += n;
  }
  if (transcodes(o.encoding)) {
    if (total == 0) return msg("{1}: decoded from {2} to UTF-8; nothing else to repair", {name, o.encoding});
    return msg("{1}: decoded from {2} to UTF-8; {3} fixes ({4})", {name, o.encoding, std::to_string(total), fixes});
  }
  if (total == 0) return msg("{1}: read as {2}; nothing to repair", {name, o.encoding});
  return msg("{1}: read as {2}; {3} fixes ({4})", {name, o.encoding, std::to_string(total), fixes});
}

}  // namespace

int run_repair(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> inputs = cfg.inputs.empty() ? std::vector<std::string>{"-"} : cfg.inputs;
  std::ofstream file_out;
  std::ostream* sink = &out;
  if (!cfg.output.empty() && !cfg.check) {
    for (const auto& name : inputs) {
      if (same_file(name, cfg.output)) {
        err << "mojifix: " << msg("refusing to write over input {1} (use --in-place)", {name}) << '\n';
        return usage;
      }
    }
    file_out.open(cfg.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      err << "mojifix: " << msg("cannot write {1}", {cfg.output}) << '\n';
      return io_error;
    }
    sink = &file_out;
  }
  int status = ok;
  bool needs = false;
  std::string json;
  bool first = true;
  if (cfg.json) json = "{\"files\":[";
  for (const auto& name : inputs) {
    Input input = open_input(name, in);
    if (!input.stream) {
      err << "mojifix: " << msg("cannot open {1}: {2}", {name, input.error}) << '\n';
      status = io_error;
      continue;
    }
    std::string one;
    const Outcome o = repair_one(cfg, name, *input.stream, *sink, err, cfg.json ? &one : nullptr);
    if (o.io_failed) status = io_error;
    if (cfg.summary && !o.binary) err << summary_line(display_name(name), o) << '\n';
    if (o.binary && !cfg.quiet) err << "mojifix: " << msg("{1}: binary data, skipped", {display_name(name)}) << '\n';
    if (cfg.json) {
      if (!first) json += ',';
      first = false;
      json += one;
    }
    if (o.changed && !o.binary) {
      needs = true;
      if (cfg.check && !cfg.json) {
        std::string kinds;
        for (const auto& [k, n] : o.kinds) kinds += (kinds.empty() ? "" : ",") + k;
        *sink << display_name(name) << '\t' << kinds << '\n';
      }
    }
  }
  if (cfg.json) *sink << json << "]}\n";
  sink->flush();
  if (!*sink) {
    err << "mojifix: " << msg("cannot write {1}", {cfg.output.empty() ? "<stdout>" : cfg.output}) << '\n';
    return io_error;
  }
  if (status != ok) return status;
  return cfg.check && needs ? needs_repair : ok;
}

}  // namespace mojifix::cli
