// detect_cmd.cpp — `mojifix detect FILE...`: FILE<TAB>ENCODING<TAB>CONFIDENCE per input.

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "inputs.hpp"
#include "mojifix/detect.hpp"

namespace mojifix::cli {

namespace {
constexpr std::size_t kDefaultWindow = 1u << 20;  // detect() looks at no more than this by default
}

int run_detect(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  Inputs inputs(cfg, in, err);
  const std::size_t limit = cfg.max_bytes ? cfg.max_bytes : kDefaultWindow;
  Console console(out, err, false, {}, false);
  std::string buf;
  inputs.each(console, [&](const std::string& name, Source& src) {
    buf.resize(limit);
    std::size_t have = 0;
    long got = 0;
    while (have < limit && (got = src.read(buf.data() + have, limit - have)) > 0) have += std::size_t(got);
    if (got < 0) return false;
    buf.resize(have);
    const Detection d = detect(std::string_view(buf));
    if (cfg.quiet && inputs.files().size() == 1) {
      out << d.encoding << '\n';
    } else {
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", double(d.confidence));
      out << name << '\t' << d.encoding << '\t' << conf;
      if (cfg.explain) out << '\t' << d.reason << (d.runner_up.empty() ? "" : "; runner-up " + d.runner_up);
      out << '\n';
    }
    return true;
  });
  out.flush();
  return inputs.status();
}

}  // namespace mojifix::cli
