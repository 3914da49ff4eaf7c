// measure.hpp — timing helpers for the benchmark harness.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace bench {

/// Best wall time in seconds of `runs` calls of `fn`.
double best_seconds(int runs, const std::function<void()>& fn);

/// Median wall time in seconds of `runs` calls of `fn`.
double median_seconds(int runs, const std::function<void()>& fn);

/// A finished child process: wall time, peak resident memory, exit status.
struct ChildRun {
  double seconds = 0;
  long max_rss_kb = 0;
  int status = -1;
  double cpu_seconds = 0;  ///< user + system time of the child
};

/// Starts the launcher: a small process, forked before the benchmark loads its data, that
/// runs the measured commands. A child forked from the big benchmark process would report
/// the parent's resident memory as its own peak (Linux counts the pre-exec image).
void start_launcher();

/// Runs `argv` (through the launcher when started) with stdin from `in_path` ("" = /dev/null)
/// and stdout to /dev/null.
ChildRun run_child(const std::vector<std::string>& argv, const std::string& in_path = "");

/// The mojifix tool next to a harness at <build>/tools/bench/NAME: <build>/mojifix.
std::string default_tool(const char* argv0);

/// True when `program` is found on PATH (or is an existing path).
bool have_program(const std::string& program);

}  // namespace bench
