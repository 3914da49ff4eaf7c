// console.hpp — the one place that writes to the real stdout/stderr during a run, and the
// progress bar on stderr (drawn only on a terminal, cleared before anything else is written).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "spool.hpp"

namespace mojifix::cli {

/// What the progress bar shows.
struct ProgressState {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;  ///< 0 when unknown (standard input)
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  double seconds = 0;             ///< since the start
};

/// One line of progress, at most `width` columns: percentage and bar (when the total is
/// known), bytes done, rate, ETA, files.
[[nodiscard]] std::string render_progress(const ProgressState& s, int width);

/// Columns `utf8` takes on a terminal (East Asian wide characters count two).
[[nodiscard]] int display_width(std::string_view utf8);

class Console {
 public:
  /// `bar`: draw a progress bar on `err` (the caller checked that it is a terminal) once the
  /// run has lasted `delay`; `out_on_terminal`: `out` shares the terminal, so writing to it
  /// also clears the bar first.
  Console(std::ostream& out, std::ostream& err, bool bar, std::chrono::milliseconds delay, bool out_on_terminal);
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  /// Writes to the real stream (thread-safe); stderr is flushed at once.
  void write(Stream s, std::string_view bytes);
  /// Progress counters (thread-safe).
  void set_total(std::uint64_t bytes, std::size_t files);
  void add_bytes(std::uint64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
  void file_done() { files_done_.fetch_add(1, std::memory_order_relaxed); }
  /// Removes the bar for good and stops the ticker; flushes both streams.
  void finish();

 private:
  void tick_loop();
  void clear_locked();
  void draw_locked();

  std::ostream& out_;
  std::ostream& err_;
  const bool bar_;
  const bool out_on_terminal_;
  const std::chrono::milliseconds delay_;
  const std::chrono::steady_clock::time_point start_;
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool drawn_ = false;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::size_t> files_done_{0};
  std::uint64_t total_ = 0;
  std::size_t files_total_ = 0;
  std::thread ticker_;
};

/// True while a progress bar is on the screen (async-signal-safe).
[[nodiscard]] bool progress_bar_visible() noexcept;

/// True when `s` is the process's standard output or error and that is a terminal.
[[nodiscard]] bool on_terminal(const std::ostream& s);

}  // namespace mojifix::cli
