// utf8_avx2_test.cpp — the block-wise UTF-8 check (valid_utf8) against the byte-wise one.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "utf8.hpp"

using mojifix::detail::valid_prefix;
using mojifix::detail::valid_utf8;

TEST_CASE("convert utf8: each kind of bad sequence, at every offset of a block", "[convert][unit]") {
  const std::string bad[] = {"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xC2", "\xC2\x41", "\xE0\x80\x80",
                             "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xE4\xB8", "\xE4\x41\x80",
                             "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
                             "\xFF", "\xF0\x9F\x98", "\xE4\xB8\xAD\x80", "\xC3\xA9\xA9"};
  const std::string good[] = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                              "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xE4\xB8\xAD", "a"};
  for (std::size_t pad = 0; pad < 70; ++pad) {
    for (const std::string& tail : {std::string(""), std::string(40, 'x'), std::string("\xE4\xB8\xAD\xE6\x96\x87")}) {
      const std::string lead = std::string(pad, 'a');
      for (const std::string& b : bad) {
        const std::string s = lead + b + tail;
        INFO("pad " << pad << " bad " << b.size() << " bytes, tail " << tail.size());
        CHECK(valid_prefix(s) < s.size());
        CHECK_FALSE(valid_utf8(s));
      }
      for (const std::string& g : good) {
        const std::string s = lead + g + tail;
        CHECK(valid_prefix(s) == s.size());
        CHECK(valid_utf8(s));
      }
    }
  }
}

TEST_CASE("convert utf8: agrees with valid_prefix on random text", "[convert][unit]") {
  std::mt19937 rng(7);
  const std::string pieces[] = {"\xE4\xB8\xAD", "\xE6\x96\x87", "a", " ", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xED\x9F\xBF"};
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const std::size_t n = rng() % 200;
    while (s.size() < n) s += pieces[rng() % std::size(pieces)];
    if (s.empty()) continue;
    if (round % 2) s[rng() % s.size()] = char(rng() % 256);  // damage: a random byte somewhere
    INFO("round " << round);
    CHECK(valid_utf8(s) == (valid_prefix(s) == s.size()));
  }
}
