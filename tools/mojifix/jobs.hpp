// jobs.hpp — files processed in parallel (-j N) with their output in a stable order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>

#include "console.hpp"
#include "spool.hpp"

namespace mojifix::cli {

/// The stdout/stderr of one job. Held in a Spool while earlier jobs are still writing; written
/// straight through once every earlier job is done. A job that has held back kMaxHeld bytes
/// waits until its turn comes, so held-back output never grows without bound. Thread-safe.
class JobOutput {
 public:
  /// `memory_limit`: output held in memory before it spills to a temporary file.
  explicit JobOutput(std::size_t memory_limit = 1u << 20) : spool_(memory_limit) {}
  void write(Stream s, std::string_view bytes);
  void out(std::string_view bytes) { write(Stream::out, bytes); }
  /// One message line (a '\n' is added).
  void err_line(std::string_view line);

 private:
  friend void run_ordered(std::size_t, unsigned, Console&, const std::function<void(std::size_t, JobOutput&)>&);
  static constexpr std::uint64_t kMaxHeld = 32u << 20;
  std::mutex m_;
  std::condition_variable turn_;
  Spool spool_;
  Console* live_ = nullptr;
};

/// Runs `work(i, output)` for every i in [0, n) on up to `threads` threads. Everything job i
/// writes appears after everything jobs 0..i-1 wrote. Jobs run at most a bounded window ahead
/// of the oldest unfinished one, so held-back output stays bounded too. `work` must not throw.
void run_ordered(std::size_t n, unsigned threads, Console& console,
                 const std::function<void(std::size_t, JobOutput&)>& work);

/// The number of CPUs this process may run on.
[[nodiscard]] unsigned available_cpus();

}  // namespace mojifix::cli
