// sink.hpp — where a job's repaired bytes go: standard output (in order), a file being
// rewritten in place, an encoder in front of either, or nowhere (--check).
#pragma once

#include <string>
#include <string_view>

namespace mojifix::cli {

/// A destination for bytes. After a failure, `error()` is a one-line message naming the file
/// and the cause, and further writes fail.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  /// Writes `bytes`; false on failure.
  [[nodiscard]] virtual bool write(std::string_view bytes) = 0;
  /// No more bytes will come; false on failure.
  [[nodiscard]] virtual bool close() { return true; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }

 protected:
  std::string error_;
};

/// Discards everything (--check).
class NullSink final : public ByteSink {
 public:
  bool write(std::string_view) override { return true; }
};

}  // namespace mojifix::cli
