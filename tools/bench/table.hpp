// table.hpp — printing the benchmark table.
#pragma once

#include <cstdio>
#include <string>

namespace bench {

/// One table row: what was measured, on which input, the figure, a note.
inline void row(const char* what, const char* input, const std::string& figure, const std::string& note = "") {
  std::printf("| %-34s | %-28s | %14s | %s\n", what, input, figure.c_str(), note.c_str());
}

/// Throughput of `bytes` in `s` seconds, as "N MB/s".
inline std::string mbps(std::size_t bytes, double s) {
  char b[32];
  std::snprintf(b, sizeof b, "%.0f MB/s", double(bytes) / 1e6 / s);
  return b;
}

}  // namespace bench
