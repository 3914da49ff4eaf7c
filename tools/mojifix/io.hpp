// io.hpp — reading inputs: files by descriptor, standard input by stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "console.hpp"
#include "mojifix/options.hpp"

namespace mojifix::cli {

inline constexpr std::size_t kReadChunk = 1u << 20;

/// An input being read: a file descriptor, or a stream (standard input). Adds the bytes it
/// reads to the progress bar.
class Source {
 public:
  Source(int fd, Console& console) : fd_(fd), console_(&console) {}
  Source(std::istream& s, Console& console) : stream_(&s), console_(&console) {}
  /// Reads up to `n` bytes; 0 at the end; -1 on error (then `error()` says why).
  long read(char* p, std::size_t n);
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  [[nodiscard]] std::uint64_t bytes_read() const noexcept { return read_; }

 private:
  int fd_ = -1;
  std::istream* stream_ = nullptr;
  Console* console_;
  std::uint64_t read_ = 0;
  std::string error_;
};

/// Reads `src` in any encoding (detected, or `lib.encoding`) and decodes it to UTF-8 without
/// repairing anything: calls `piece` with the text as it becomes available, each piece ending
/// after a line break (except the last). Invalid bytes become U+FFFD; returns how many runs of
/// them were replaced, or -1 when reading failed (then `src.error()` says why).
long long read_decoded(const Options& lib, Source& src, const std::function<void(std::string_view)>& piece);

/// Reads a Source line by line.
class LineReader {
 public:
  explicit LineReader(Source& src) : src_(src) {}
  /// The next line without its '\n' (`newline` tells whether it had one); false at the end
  /// or on a read error (see `failed()`).
  bool next(std::string& line, bool& newline);
  [[nodiscard]] bool failed() const noexcept { return failed_; }

 private:
  Source& src_;
  std::string buf_;
  std::size_t pos_ = 0, scanned_ = 0;
  bool eof_ = false, failed_ = false;
};

}  // namespace mojifix::cli
