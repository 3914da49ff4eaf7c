// repair_cmd.cpp — the default mode: repair one input, streaming the text to its sink, with
// the --explain / --json / --check / --summary reports.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "io.hpp"
#include "job.hpp"
#include "json.hpp"
#include "messages.hpp"
#include "mojifix/stream.hpp"
#include "report.hpp"

namespace mojifix::cli {

namespace {

// Pure ASCII reads the same in every ASCII-compatible encoding.
bool same_encoding(std::string_view src, std::string_view target) {
  if (src == target) return true;
  return src == "ascii" && !target.starts_with("utf-16") && !target.starts_with("utf-32");
}

// --json: the repaired text as the inside of a JSON string.
class JsonTextSink final : public ByteSink {
 public:
  explicit JsonTextSink(JobOutput& io) : io_(io) {}
  bool write(std::string_view bytes) override {
    buf_.clear();
    append_json_escaped(buf_, bytes);
    io_.out(buf_);
    return true;
  }

 private:
  JobOutput& io_;
  std::string buf_;
};

std::string summary_line(const std::string& name, const std::string& encoding,
                         const std::map<std::string, std::size_t>& kinds, bool utf8_out) {
  std::string fixes;
  std::size_t total = 0;
  for (const auto& [k, n] : kinds) {
    if (k.starts_with("encoding=")) continue;
    fixes += (fixes.empty() ? "" : ", ") + k + " " + std::to_string(n);
    total += n;
  }
  // Decoded from a legacy encoding into UTF-8 (not when writing another encoding).
  const bool decoded = kinds.count("encoding=" + encoding) && utf8_out;
  if (decoded) {
    if (total == 0) return msg("{1}: decoded from {2} to UTF-8; nothing else to repair", {name, encoding});
    return msg("{1}: decoded from {2} to UTF-8; {3} fixes ({4})", {name, encoding, std::to_string(total), fixes});
  }
  if (total == 0) return msg("{1}: read as {2}; nothing to repair", {name, encoding});
  return msg("{1}: read as {2}; {3} fixes ({4})", {name, encoding, std::to_string(total), fixes});
}

}  // namespace

FileStatus repair_file(FileJob& job) {
  const Config& cfg = job.cfg;
  FileStatus st;
  Repairer rep(cfg.lib);
  RawWindow window;
  std::map<std::string, std::size_t> kinds;
  std::string encoding;
  const bool json_text = cfg.json && !cfg.check && !cfg.in_place;
  JsonTextSink json_sink(job.io);
  ByteSink& text = json_text ? static_cast<ByteSink&>(json_sink) : job.text;
  Spool json_fixes;
  bool first_fix = true, header = false, wrote_text = false, nul_noted = false;
  // Where the file is rewritten or judged, a NUL anywhere makes it binary; on standard output
  // the decision is taken before the first text is written.
  const bool whole_file_text = cfg.in_place || cfg.check;

  auto write_header = [&] {
    if (!cfg.json || header) return;
    header = true;
    char conf[16];
    std::snprintf(conf, sizeof conf, "%.3f", double(rep.detection().confidence));
    std::string h = "{\"file\":";
    append_json_string(h, job.name);
    h += ",\"encoding\":";
    append_json_string(h, encoding);
    h += std::string(",\"confidence\":") + conf + ",\"binary\":" + (st.binary ? "true" : "false");
    if (json_text && !st.binary) h += ",\"text\":\"";
    job.io.out(h);
    st.json_open = true;
  };
  // Takes what the repairer has ready; false when the file is to be left (binary, error).
  auto drain = [&]() -> bool {
    Result r = rep.take();
    if (!rep.detection().encoding.empty()) encoding = rep.detection().encoding;
    if (r.binary || rep.detection().binary || (r.text.find('\0') != std::string::npos && (whole_file_text || !wrote_text))) {
      st.binary = true;
      write_header();
      return false;
    }
    if (!nul_noted && r.text.find('\0') != std::string::npos) {
      nul_noted = true;
      if (!cfg.quiet) job.io.err_line(tool_line(msg("{1}: NUL bytes after the start: binary data?", {job.name})));
    }
    if (!encoding.empty()) write_header();
    for (const Fix& f : r.fixes) {
      if (f.kind == FixKind::binary) continue;
      st.changed |= !f.report;
      ++kinds[std::string(to_string(f.kind))];
      if (!cfg.explain && !cfg.json) continue;
      const std::string before = before_text(window, f, encoding);
      if (cfg.explain) job.io.err_line(explain_line(job.name, f, before));
      if (cfg.json) {
        std::string j = first_fix ? "" : ",";
        first_fix = false;
        append_fix_json(j, f, before);
        json_fixes.append(Stream::out, j);
      }
    }
    if (!r.text.empty()) {
      if (!text.write(r.text)) {
        st.failed = true;
        st.error = text.error();
        return false;
      }
      wrote_text = true;
    }
    return true;
  };

  thread_local std::vector<char> buf(kReadChunk);  // one per worker, not one per file
  bool go_on = true;
  for (;;) {
    const long got = job.src.read(buf.data(), buf.size());
    if (got < 0) {
      st.failed = true;
      st.error = msg("cannot read {1}: {2}", {job.name, job.src.error()});
      go_on = false;
      break;
    }
    if (got == 0) break;
    const std::string_view chunk(buf.data(), std::size_t(got));
    if (cfg.explain || cfg.json) window.append(chunk);
    rep.feed(chunk);
    if (!(go_on = drain())) break;
  }
  if (go_on) {
    rep.finish();
    go_on = drain();
    write_header();  // empty input: no text was ever ready
  }
  if (json_text && header && !st.binary) job.io.out("\"");
  if (st.binary || st.failed) {
    if (st.json_open) job.io.out(",\"changed\":false");
    st.changed = false;
    return st;
  }
  const std::string target = cfg.output_encoding.empty() ? "utf-8" : cfg.output_encoding;
  if (!same_encoding(encoding, target)) {
    st.changed = true;
    ++kinds["encoding=" + encoding];
  }
  if (cfg.summary) job.io.err_line(summary_line(job.name, encoding, kinds, cfg.output_encoding.empty()));
  std::string list;
  for (const auto& [k, n] : kinds) list += (list.empty() ? "" : ",") + k;
  if (cfg.check && !cfg.json && st.changed) job.io.out(job.name + '\t' + list + '\n');
  if (cfg.json) {
    job.io.out(",\"fixes\":[");
    json_fixes.drain([&](Stream, std::string_view b) { job.io.out(b); });
    std::string tail = "],\"kinds\":{";
    bool first = true;
    for (const auto& [k, n] : kinds) {
      if (!first) tail += ',';
      first = false;
      append_json_string(tail, k);
      tail += ':' + std::to_string(n);
    }
    tail += std::string("},\"changed\":") + (st.changed ? "true" : "false");
    job.io.out(tail);
  }
  return st;
}

}  // namespace mojifix::cli
