// spool.hpp — output held back for later: in memory up to a limit, then in an unlinked
// temporary file, so parallel jobs can run ahead of the output order with flat memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mojifix::cli {

/// Output streams a spool records.
enum class Stream : unsigned char { out, err };

/// A sequence of (stream, bytes) pieces, replayed in the order they were appended.
class Spool {
 public:
  explicit Spool(std::size_t memory_limit = 1u << 20) : limit_(memory_limit) {}
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void append(Stream s, std::string_view bytes);
  /// Calls `fn` for every piece in order, then empties the spool. Returns false when the
  /// spill file could not be read back (the pieces read so far were delivered).
  bool drain(const std::function<void(Stream, std::string_view)>& fn);
  [[nodiscard]] bool empty() const noexcept { return pieces_.empty() && !file_; }
  /// Bytes appended since the last drain().
  [[nodiscard]] std::uint64_t size() const noexcept { return total_; }

 private:
  void spill();
  std::size_t limit_;
  std::size_t held_ = 0;
  std::uint64_t total_ = 0;
  std::vector<std::pair<Stream, std::string>> pieces_;
  std::FILE* file_ = nullptr;  // spill file (unlinked), when memory ran out
  bool spill_failed_ = false;
};

}  // namespace mojifix::cli
