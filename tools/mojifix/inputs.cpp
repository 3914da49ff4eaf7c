// inputs.cpp — the inputs of the simple subcommands.
#include "inputs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli.hpp"
#include "job.hpp"
#include "messages.hpp"

namespace mojifix::cli {

Inputs::Inputs(const Config& cfg, std::istream& in, std::ostream& err) : cfg_(cfg), in_(in), err_(err), status_(ok) {
  files_ = collect_inputs(
      cfg, [this](const std::string& m) { note(m); }, [this](const std::string& m) { error(m); });
}

void Inputs::note(const std::string& message) {
  if (!cfg_.quiet) err_ << tool_line(message) << '\n';
}

void Inputs::error(const std::string& message) {
  err_ << tool_line(message) << '\n';
  status_ = io_error;
}

void Inputs::each(Console& console, const std::function<bool(const std::string&, Source&)>& use) {
  for (const auto& f : files_) {
    const std::string name = display_name(f.path);
    const int fd = f.path == "-" ? -1 : open(f.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f.path != "-" && fd < 0) {
      error(msg("cannot open {1}: {2}", {name, std::strerror(errno)}));
      continue;
    }
    Source src = fd >= 0 ? Source(fd, console) : Source(in_, console);
    const bool read = use(name, src);
    if (fd >= 0) close(fd);
    if (!read) error(msg("cannot read {1}: {2}", {name, src.error()}));
  }
}

}  // namespace mojifix::cli
