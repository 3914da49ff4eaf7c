// inputs.hpp — the inputs of the simple subcommands (classify, convert, detect), read one after
// the other, with one-line notes and errors on stderr.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "files.hpp"
#include "io.hpp"

namespace mojifix::cli {

struct Config;

class Inputs {
 public:
  /// Collects the inputs of `cfg` (collect_inputs()); its notes and errors are reported at once.
  Inputs(const Config& cfg, std::istream& in, std::ostream& err);

  [[nodiscard]] const std::vector<InputFile>& files() const noexcept { return files_; }
  /// A note (silenced by -q) and an error (which makes status() io_error), one line each.
  void note(const std::string& message);
  void error(const std::string& message);
  /// Opens each input in turn (standard input for "-") and calls `use(name, source)`; `use`
  /// returns false when reading failed, reported as "cannot read NAME: why". An input that cannot
  /// be opened is reported and skipped.
  void each(Console& console, const std::function<bool(const std::string& name, Source& src)>& use);
  /// ok, or io_error when anything failed.
  [[nodiscard]] int status() const noexcept { return status_; }

 private:
  const Config& cfg_;
  std::istream& in_;
  std::ostream& err_;
  int status_;
  std::vector<InputFile> files_;
};

}  // namespace mojifix::cli
