// support.hpp — helpers shared by the unit tests.
#pragma once

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
