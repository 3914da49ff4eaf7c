// io.cpp — input/output helpers for the CLI.
#include "io.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

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

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a != "-" && b != "-" && std::filesystem::equivalent(a, b, ec) && !ec;
}

}  // namespace mojifix::cli
