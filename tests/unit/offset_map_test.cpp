// offset_map_test.cpp — OffsetMap (runs of characters) agrees with a plain per-byte offset list
// under random characters, lookups and drops (also inside a character).
#include <catch2/catch.hpp>

#include <random>

#include "offset_map.hpp"

TEST_CASE("offset map equals a per-byte list", "[decode]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> kind(0, 9), tw(1, 4), step(0, 4), ascii(1, 40);
  for (int round = 0; round < 200; ++round) {
    mojifix::detail::OffsetMap m;
    std::vector<std::uint32_t> want;
    std::uint32_t raw = 0;
    for (int op = 0; op < 60; ++op) {
      const int k = kind(rng);
      if (k < 6) {
        const std::uint32_t len = std::uint32_t(tw(rng));
        m.add(raw, len);
        want.insert(want.end(), len, raw);
        raw += std::uint32_t(step(rng));
      } else if (k == 6) {
        const std::uint32_t len = std::uint32_t(tw(rng)), n = std::uint32_t(ascii(rng)) % 5 + 1;
        const std::uint32_t stride = std::uint32_t(step(rng));
        m.add_run(raw, n, len, stride);
        for (std::uint32_t c = 0; c < n; ++c) want.insert(want.end(), len, raw + c * stride);
        raw += n * stride;
      } else if (k < 8) {
        const std::uint32_t n = std::uint32_t(ascii(rng));
        m.add_bytes(raw, n);
        for (std::uint32_t b = 0; b < n; ++b) want.push_back(raw + b);
        raw += n;
      } else if (!want.empty()) {
        const std::size_t cut = std::uniform_int_distribution<std::size_t>(0, want.size())(rng);
        const std::uint32_t shift = cut < want.size() ? want[cut] : raw;
        m.drop(cut, shift);
        want.erase(want.begin(), want.begin() + std::ptrdiff_t(cut));
        for (auto& w : want) w -= shift;
        raw -= shift;
      }
      REQUIRE(m.size() == want.size());
      std::vector<std::uint32_t> got;
      m.expand(m.size(), got);
      REQUIRE(got == want);
      for (std::size_t pos = 0; pos < want.size(); ++pos) REQUIRE(m.at(pos) == want[pos]);
    }
  }
}
