// convert_cmd.cpp — `mojifix convert CONFIG [FILE...]`: OpenCC-compatible conversion.
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "io.hpp"
#include "messages.hpp"
#include "mojifix/convert.hpp"

namespace mojifix::cli {

int run_convert(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  if (cfg.convert_config.empty()) {
    err << "mojifix: " << msg("convert needs a config: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, t2tw, tw2t, t2hk, hk2t, t2jp or jp2t") << '\n';
    return usage;
  }
  const auto config = parse_convert_config(cfg.convert_config);
  if (!config) {
    err << "mojifix: " << msg("unknown config: {1} (see mojifix convert --help)", {cfg.convert_config}) << '\n';
    return usage;
  }
  const std::vector<std::string> inputs = cfg.inputs.empty() ? std::vector<std::string>{"-"} : cfg.inputs;
  std::ofstream file_out;
  std::ostream* sink = &out;
  if (const int code = open_output(cfg.output, inputs, file_out, sink, err)) return code;
  int status = ok;
  for (const auto& name : inputs) {
    Input input = open_input(name, in);
    if (!input.stream) {
      err << "mojifix: " << msg("cannot open {1}: {2}", {name, input.error}) << '\n';
      status = io_error;
      continue;
    }
    // Pieces end after a line break, and no dictionary key holds one: converting piece by piece
    // gives what converting the whole input would.
    const long long invalid = read_decoded(cfg.lib, *input.stream, [&](std::string_view piece) {
      const std::string converted = convert(piece, *config);
      sink->write(converted.data(), std::streamsize(converted.size()));
    });
    if (invalid < 0) {
      err << "mojifix: " << msg("cannot read {1}", {display_name(name)}) << '\n';
      status = io_error;
    } else if (invalid > 0 && !cfg.quiet) {
      err << "mojifix: " << msg("{1}: {2} invalid byte sequences replaced by U+FFFD", {display_name(name), std::to_string(invalid)}) << '\n';
    }
  }
  sink->flush();
  if (!*sink) {
    err << "mojifix: " << msg("cannot write {1}", {cfg.output.empty() ? "<stdout>" : cfg.output}) << '\n';
    return io_error;
  }
  return status;
}

}  // namespace mojifix::cli
