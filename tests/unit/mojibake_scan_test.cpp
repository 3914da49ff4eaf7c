// mojibake_scan_test.cpp — the mojibake stage's fast scan: which characters it flags (internal).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mojibake/scan.hpp"

using namespace mojifix;

namespace {
std::vector<std::size_t> triggers(const std::string& text) {
  detail::ScanResult sr;
  detail::scan(text, false, sr);
  return sr.triggers;
}
}  // namespace

TEST_CASE("mojibake scan: clean text is not flagged", "[mojibake][scan]") {
  CHECK(triggers("plain ASCII text, nothing to see").empty());
  CHECK(triggers("这是一个常见的中文句子，没有任何问题。").empty());
}

TEST_CASE("mojibake scan: rare Han characters whose GBK codes read as U+0700..U+07FF are text", "[mojibake][scan]") {
  // Level-2 GBK characters (lead bytes DC..DF, trail bytes A1..BF): as UTF-8 their codes are
  // two-byte sequences of Syriac/Thaana/N'Ko, which no UTF-8 text read as GBK is made of.
  CHECK(triggers("这是堀堞堙塄的例子，还有更多的文字。").empty());
  CHECK(triggers("这是鼙懿艹艽的例子，还有更多的文字。").empty());
  CHECK(triggers("see 芸荨 here").empty());
  CHECK(triggers("see 艹艽 here").empty());
}

TEST_CASE("mojibake scan: UTF-8 read as a double-byte codec is still flagged", "[mojibake][scan]") {
  // 文字 / 例子 in UTF-8 read as GBK, こんにちは read as cp932.
  CHECK(triggers("see 鏂囧瓧 here") == std::vector<std::size_t>{4});
  CHECK(triggers("see 渚嬪瓙 here") == std::vector<std::size_t>{4});
  CHECK(!triggers("see 縺薙ｓ縺ｫ縺｡縺ｯ here").empty());
}
