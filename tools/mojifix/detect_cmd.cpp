// detect_cmd.cpp — `mojifix detect FILE...`: FILE<TAB>ENCODING<TAB>CONFIDENCE per input.
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "io.hpp"
#include "messages.hpp"
#include "mojifix/detect.hpp"

namespace mojifix::cli {

namespace {
constexpr std::size_t kDefaultWindow = 1u << 20;  // detect() looks at no more than this by default
}

int run_detect(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> inputs = cfg.inputs.empty() ? std::vector<std::string>{"-"} : cfg.inputs;
  const std::size_t limit = cfg.max_bytes ? cfg.max_bytes : kDefaultWindow;
  int status = ok;
  std::string buf;
  for (const auto& name : inputs) {
    Input input = open_input(name, in);
    if (!input.stream) {
      err << "mojifix: " << msg("cannot open {1}: {2}", {name, input.error}) << '\n';
      status = io_error;
      continue;
    }
    buf.resize(limit);
    input.stream->read(buf.data(), std::streamsize(limit));
    buf.resize(std::size_t(input.stream->gcount()));
    if (input.stream->bad()) {
      err << "mojifix: " << msg("cannot read {1}", {display_name(name)}) << '\n';
      status = io_error;
      continue;
    }
    const Detection d = detect(std::string_view(buf));
    if (cfg.quiet && inputs.size() == 1) {
      out << d.encoding << '\n';
    } else {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", double(d.confidence));
      out << display_name(name) << '\t' << d.encoding << '\t' << conf;
      if (cfg.explain) out << '\t' << d.reason << (d.runner_up.empty() ? "" : "; runner-up " + d.runner_up);
      out << '\n';
    }
  }
  out.flush();
  return status;
}

}  // namespace mojifix::cli
