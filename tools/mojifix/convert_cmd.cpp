// convert_cmd.cpp — `mojifix convert CONFIG [FILE...]`: OpenCC-compatible conversion.

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "inputs.hpp"
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
  Inputs inputs(cfg, in, err);
  std::ofstream file_out;
  std::ostream* sink = &out;
  if (!cfg.output.empty()) {
    for (const auto& f : inputs.files()) {
      std::error_code ec;
      if (f.path != "-" && std::filesystem::equivalent(f.path, cfg.output, ec) && !ec) {
        err << "mojifix: " << msg("refusing to write over input {1} (use --in-place)", {f.path}) << '\n';
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
  Console console(out, err, false, {}, false);
  inputs.each(console, [&](const std::string& name, Source& src) {
    // Pieces end after a line break, and no dictionary key holds one: converting piece by piece
    // gives what converting the whole input would.
    const long long invalid = read_decoded(cfg.lib, src, [&](std::string_view piece) {
      const std::string converted = convert(piece, *config);
      sink->write(converted.data(), std::streamsize(converted.size()));
    });
    if (invalid > 0)
      inputs.note(msg("{1}: {2} invalid byte sequences replaced by U+FFFD", {name, std::to_string(invalid)}));
    return invalid >= 0;
  });
  sink->flush();
  if (!*sink) {
    err << "mojifix: " << msg("cannot write {1}", {cfg.output.empty() ? "<stdout>" : cfg.output}) << '\n';
    return io_error;
  }
  return inputs.status();
}

}  // namespace mojifix::cli
