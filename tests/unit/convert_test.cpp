// convert_test.cpp — convert(): OpenCC configs, names, bad input. (tests/opencc_diff.sh compares
// whole corpora with the opencc tool; these cases hold without it.)
#include <catch2/catch.hpp>

#include "mojifix/convert.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("convert: config names as OpenCC spells them", "[convert]") {
  const char* names[] = {"s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
                         "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"};
  for (const char* n : names) {
    const auto c = parse_convert_config(n);
    REQUIRE(c);
    CHECK(to_string(*c) == n);
  }
  CHECK(parse_convert_config("s2t.json") == ConvertConfig::s2t);
  CHECK(parse_convert_config("S2TWP.JSON") == ConvertConfig::s2twp);
  CHECK_FALSE(parse_convert_config(""));
  CHECK_FALSE(parse_convert_config("s2x"));
  CHECK_FALSE(parse_convert_config(".json"));
}

TEST_CASE("convert: phrases before characters, and OpenCC's own choices", "[convert]") {
  CHECK(convert("汉字和头发", ConvertConfig::s2t) == "漢字和頭髮");
  CHECK(convert("漢字和頭髮", ConvertConfig::t2s) == "汉字和头发");
  // OpenCC's segmentation takes 头发 here too (a known OpenCC mistake, kept for parity).
  CHECK(convert("前头发生", ConvertConfig::s2t) == "前頭髮生");
  CHECK(convert("为了里面", ConvertConfig::s2tw) == "為了裡面");
  CHECK(convert("为了里面", ConvertConfig::s2hk) == "為了裏面");
  CHECK(convert("软件", ConvertConfig::s2twp) == "軟體");
  CHECK(convert("軟體", ConvertConfig::tw2sp) == "软件");
  CHECK(convert("藝術", ConvertConfig::t2jp) == "芸術");
  CHECK(convert("芸術", ConvertConfig::jp2t) == "藝術");
  CHECK(convert("爲", ConvertConfig::t2tw) == "為");
  CHECK(convert("為", ConvertConfig::tw2t) == "爲");
}

TEST_CASE("convert: ASCII, empty input and text without Han pass through", "[convert]") {
  CHECK(convert("", ConvertConfig::s2t).empty());
  CHECK(convert("plain ASCII\n", ConvertConfig::s2twp) == "plain ASCII\n");
  CHECK(convert("のテキスト", ConvertConfig::t2s) == "のテキスト");
  CHECK(convert("日本語", ConvertConfig::t2s) == "日本语");  // OpenCC converts kanji too
}

TEST_CASE("convert: invalid UTF-8 becomes U+FFFD and the rest is converted", "[convert]") {
  const std::string out = convert("汉\xFF字\xE6\xB1", ConvertConfig::s2t);
  CHECK(out == "漢\xEF\xBF\xBD字\xEF\xBF\xBD");
  CHECK(test::valid_utf8(out));
}

TEST_CASE("convert: NUL bytes are kept and do not end the text", "[convert]") {
  const std::string in("汉\0字", 7);
  const std::string out = convert(in, ConvertConfig::s2t);
  CHECK(out == std::string("漢\0字", 7));
}

TEST_CASE("convert: lines convert independently (no key holds a line break)", "[convert]") {
  const std::string a = "前头发生了什么事", b = "软件和硬件的发展";
  for (const auto c : {ConvertConfig::s2t, ConvertConfig::s2twp, ConvertConfig::s2hk}) {
    CHECK(convert(a + "\n" + b, c) == convert(a, c) + "\n" + convert(b, c));
  }
}

TEST_CASE("convert: a 10 MB line", "[convert][big]") {
  std::string in;
  while (in.size() < 10u << 20) in += "简体中文的文字转换为繁体中文，phrase by phrase. ";
  const std::string out = convert(in, ConvertConfig::s2t);
  CHECK(test::valid_utf8(out));
  CHECK(out.find("簡體中文的文字轉換爲繁體中文") == 0);
  CHECK(convert(out, ConvertConfig::t2s).substr(0, 30) == in.substr(0, 30));
}
