// io.hpp — opening inputs and outputs with one-line errors.
#pragma once

#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mojifix/options.hpp"

namespace mojifix::cli {

inline constexpr std::size_t kReadChunk = 1u << 20;

/// An input stream: the file `name`, or `stdin_stream` for "-". On failure `error` says why.
struct Input {
  std::unique_ptr<std::ifstream> file;
  std::istream* stream = nullptr;
  std::string error;
};
[[nodiscard]] Input open_input(const std::string& name, std::istream& stdin_stream);

/// The display name of an input ("-" is shown as "<stdin>").
[[nodiscard]] std::string display_name(const std::string& name);

/// Reads `src` in any encoding (detected, or `lib.encoding`) and decodes it to UTF-8 without
/// repairing anything: calls `piece` with the text as it becomes available, each piece ending
/// after a line break (except the last). Invalid bytes become U+FFFD; returns how many runs of
/// them were replaced, or -1 when reading failed.
long long read_decoded(const Options& lib, std::istream& src, const std::function<void(std::string_view)>& piece);

/// Opens `output` for writing (refusing when it names one of `inputs`) and points `sink` at it;
/// keeps `sink` when `output` is empty. Returns 0, or the exit code after a one-line error.
int open_output(const std::string& output, const std::vector<std::string>& inputs, std::ofstream& file,
                std::ostream*& sink, std::ostream& err);

/// True when `a` and `b` name the same existing file.
[[nodiscard]] bool same_file(const std::string& a, const std::string& b);

}  // namespace mojifix::cli
