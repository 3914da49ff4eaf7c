// utf8_test.cpp — the fast UTF-8 scans (sixteen bytes at a time) against byte-wise references.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "utf8.hpp"

using namespace mojifix::detail;

namespace {

std::size_t valid_prefix_reference(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const Decoded d = decode_utf8(b + i, b + s.size());
    if (!d.ok) return i;
    i += d.len;
  }
  return s.size();
}

std::size_t next_lead_outside_reference(std::string_view s, std::size_t i, unsigned char lo, unsigned char hi) {
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC0 && (c < lo || c > hi)) return i;
  }
  return s.size();
}

// Random text of valid characters of every length with, now and then, a byte that is wrong
// where it stands (stray continuation bytes, overlong and surrogate leads, cut sequences).
std::string random_text(std::mt19937& rng) {
  static constexpr std::string_view kPieces[] = {"a", "\n", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
                                                 "\xE3\x80\x82", "\xEF\xBC\x8C", "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF"};
  static constexpr unsigned char kBad[] = {0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xE0, 0xED, 0xF0,
                                           0xF4, 0xF5, 0xFF, 0xE4, 0x9F, 0xA0, 0x8F, 0x90};
  std::string s;
  const std::size_t n = rng() % 80;
  for (std::size_t k = 0; k < n; ++k) {
    if (rng() % 24 == 0) s.push_back(char(kBad[rng() % std::size(kBad)]));
    else s += kPieces[rng() % std::size(kPieces)];
  }
  if (!s.empty() && rng() % 4 == 0) s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("valid_prefix agrees with a byte-wise decoder on random text", "[utf8]") {
  std::mt19937 rng(7);
  for (int it = 0; it < 200000; ++it) {
    const std::string s = random_text(rng);
    const std::size_t got = valid_prefix(s), want = valid_prefix_reference(s);
    if (got != want) FAIL("length " << s.size() << ": " << got << " != " << want);
  }
}

TEST_CASE("valid_prefix finds faults at every position of a long text", "[utf8]") {
  std::string clean;
  for (int k = 0; k < 20; ++k) clean += "ab\xE4\xB8\xAD\xF0\x9F\x98\x80\xC3\xA9";
  CHECK(valid_prefix(clean) == clean.size());
  for (std::size_t at = 0; at < clean.size(); ++at) {
    for (const unsigned char bad : {0x80, 0xC0, 0xE0, 0xFF}) {
      std::string s = clean;
      s[at] = char(bad);
      CHECK(valid_prefix(s) == valid_prefix_reference(s));
    }
    CHECK(valid_prefix(clean.substr(0, at)) == valid_prefix_reference(clean.substr(0, at)));  // cut characters
  }
}

TEST_CASE("next_lead_outside stops at lead bytes outside the range only", "[utf8]") {
  std::mt19937 rng(11);
  for (int it = 0; it < 50000; ++it) {
    const std::string s = random_text(rng);
    for (std::size_t i = 0; i <= s.size(); i += 1 + rng() % 7)
      if (next_lead_outside(s, i, 0xE4, 0xE9) != next_lead_outside_reference(s, i, 0xE4, 0xE9))
        FAIL("at " << i << " of " << s.size());
  }
}
