// detect_cmd.cpp — `mojifix detect FILE...`: FILE<TAB>ENCODING<TAB>CONFIDENCE per input.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "files.hpp"
#include "job.hpp"
#include "messages.hpp"
#include "mojifix/detect.hpp"

namespace mojifix::cli {

namespace {
constexpr std::size_t kDefaultWindow = 1u << 20;  // detect() looks at no more than this by default
}

int run_detect(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  int status = ok;
  auto note = [&](const std::string& m) {
    if (!cfg.quiet) err << tool_line(m) << '\n';
  };
  auto error = [&](const std::string& m) {
    err << tool_line(m) << '\n';
    status = io_error;
  };
  const std::vector<InputFile> inputs = collect_inputs(cfg, note, error);
  const std::size_t limit = cfg.max_bytes ? cfg.max_bytes : kDefaultWindow;
  Console console(out, err, false, {}, false);
  std::string buf;
  for (const auto& f : inputs) {
    const std::string name = display_name(f.path);
    const int fd = f.path == "-" ? -1 : open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.path != "-" && fd < 0) {
      error(msg("cannot open {1}: {2}", {name, std::strerror(errno)}));
      continue;
    }
    Source src = fd >= 0 ? Source(fd, console) : Source(in, console);
    buf.resize(limit);
    std::size_t have = 0;
    long got = 0;
    while (have < limit && (got = src.read(buf.data() + have, limit - have)) > 0) have += std::size_t(got);
    if (fd >= 0) close(fd);
    if (got < 0) {
      error(msg("cannot read {1}: {2}", {name, src.error()}));
      continue;
    }
    buf.resize(have);
    const Detection d = detect(std::string_view(buf));
    if (cfg.quiet && inputs.size() == 1) {
      out << d.encoding << '\n';
    } else {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", double(d.confidence));
      out << name << '\t' << d.encoding << '\t' << conf;
      if (cfg.explain) out << '\t' << d.reason << (d.runner_up.empty() ? "" : "; runner-up " + d.runner_up);
      out << '\n';
    }
  }
  out.flush();
  return status;
}

}  // namespace mojifix::cli
