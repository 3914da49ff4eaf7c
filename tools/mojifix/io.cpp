// io.cpp — input/output helpers for the CLI.
#include "io.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "mojifix/stream.hpp"

#include "cli.hpp"
#include "messages.hpp"

namespace mojifix::cli {

Input open_input(const std::string& name, std::istream& stdin_stream) {
  Input in;
  if (name == "-") {
    in.stream = &stdin_stream;
    return in;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(name, ec)) {
    in.error = msg("is a directory");
    return in;
  }
  in.file = std::make_unique<std::ifstream>(name, std::ios::binary);
  if (!*in.file) {
    in.error = std::strerror(errno);
    in.file.reset();
    return in;
  }
  in.stream = in.file.get();
  return in;
}

std::string display_name(const std::string& name) { return name == "-" ? "<stdin>" : name; }

long long read_decoded(const Options& lib, std::istream& src, const std::function<void(std::string_view)>& piece) {
  Options o = lib;
  o.annotations = o.script = o.normalize = false;
  Repairer rep(o);
  std::vector<char> buf(kReadChunk);
  std::string pending;
  long long invalid = 0;
  auto drain = [&](bool last) {
    Result r = rep.take();
    for (const Fix& f : r.fixes) invalid += f.kind == FixKind::invalid_bytes;
    pending += r.text;
    const std::size_t nl = pending.rfind('\n');
    const std::size_t cut = last ? pending.size() : nl == std::string::npos ? 0 : nl + 1;
    if (cut == 0) return;
    piece(std::string_view(pending).substr(0, cut));
    pending.erase(0, cut);
  };
  for (;;) {
    src.read(buf.data(), std::streamsize(buf.size()));
    const auto got = std::size_t(src.gcount());
    if (got > 0) {
      rep.feed(std::string_view(buf.data(), got));
      drain(false);
    }
    if (!src) break;
  }
  if (src.bad()) return -1;
  rep.finish();
  drain(true);
  return invalid;
}

int open_output(const std::string& output, const std::vector<std::string>& inputs, std::ofstream& file,
                std::ostream*& sink, std::ostream& err) {
  if (output.empty()) return 0;
  for (const auto& name : inputs) {
    if (same_file(name, output)) {
      err << "mojifix: " << msg("refusing to write over input {1} (use --in-place)", {name}) << '\n';
      return usage;
    }
  }
  file.open(output, std::ios::binary | std::ios::trunc);
  if (!file) {
    err << "mojifix: " << msg("cannot write {1}", {output}) << '\n';
    return io_error;
  }
  sink = &file;
  return 0;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a != "-" && b != "-" && std::filesystem::equivalent(a, b, ec) && !ec;
}

}  // namespace mojifix::cli
