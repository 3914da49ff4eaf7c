// support.hpp — helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

#include "mojifix/fix.hpp"

namespace test {

/// Encodes UTF-8 `text` into `codec` with ICU (throws if the codec is unknown).
std::string encode(std::string_view text, const char* codec);

/// True when `s` is valid UTF-8.
bool valid_utf8(std::string_view s);

/// Checks the invariants every Result must satisfy for input `in` (repair() of UTF-8 text):
/// spans sorted, non-overlapping, inside the input/output, `text` equals the output at `out`,
/// and replaying the plan gives the output. Returns "" or a description of the violation.
std::string plan_problem(std::string_view in, const mojifix::Result& r);

/// A fresh directory under the system temporary directory, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() / ("mojifix-test-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// Writes `bytes` to `rel` (parent directories created); returns the full path.
  std::string write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << bytes;
    return (path / rel).string();
  }
};

/// Deterministic pseudo-random numbers (xorshift).
struct Rng {
  unsigned long long s;
  unsigned long long next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  std::size_t below(std::size_t n) { return n ? std::size_t(next() % n) : 0; }
};

}  // namespace test
