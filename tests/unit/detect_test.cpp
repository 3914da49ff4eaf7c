// detect_test.cpp — the detection layers.
#include <catch2/catch.hpp>

#include "mojifix/detect.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("empty and ASCII input", "[detect]") {
  CHECK(detect(std::string_view{}).encoding == "ascii");
  const Detection d = detect("plain ascii text\n");
  CHECK(d.encoding == "ascii");
  CHECK(d.confidence == 1.0f);
  CHECK_FALSE(d.reason.empty());
}

TEST_CASE("byte-order marks decide", "[detect]") {
  CHECK(detect("\xEF\xBB\xBFx").encoding == "utf-8");
  CHECK(detect(std::string_view("\xFF\xFEx\0", 4)).encoding == "utf-16le");
  CHECK(detect(std::string_view("\xFE\xFF\0x", 4)).encoding == "utf-16be");
  CHECK(detect(std::string_view("\xFF\xFE\0\0x\0\0\0", 8)).encoding == "utf-32le");
  CHECK(detect(std::string_view("\0\0\xFE\xFF\0\0\0x", 8)).encoding == "utf-32be");
}

TEST_CASE("valid UTF-8 is preferred", "[detect]") {
  const Detection d = detect("中文测试，这是一个测试。Ünïcödé");
  CHECK(d.encoding == "utf-8");
  CHECK(d.confidence > 0.9f);
}

TEST_CASE("UTF-16 without BOM from its NUL pattern", "[detect]") {
  const std::string le = test::encode("Hello, this is UTF-16 text without a BOM.", "UTF-16LE");
  const std::string be = test::encode("Hello, this is UTF-16 text without a BOM.", "UTF-16BE");
  CHECK(detect(le).encoding == "utf-16le");
  CHECK(detect(be).encoding == "utf-16be");
}

TEST_CASE("legacy encodings through the statistical layer", "[detect]") {
  const std::string zh = test::encode(
      "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。社会主义制度是中华人民共和国的根本制度。",
      "GB18030");
  const Detection d = detect(zh);
  CHECK((d.encoding == "gb18030" || d.encoding == "gbk" || d.encoding == "gb2312"));
  CHECK(d.language == "zh");
  const std::string ja = test::encode(
      "日本語の文章です。これはシフトJISで書かれたテキストで、検出器が正しく判定できるかを確かめます。", "Shift_JIS");
  CHECK((detect(ja).encoding == "shift_jis" || detect(ja).encoding == "cp932"));
  const std::string ru = test::encode(
      "Это русский текст в кодировке windows-1251. Детектор должен определить её правильно, без ошибок.",
      "windows-1251");
  CHECK(detect(ru).encoding == "windows-1251");
}

TEST_CASE("ISO-2022-JP from its escapes", "[detect]") {
  const std::string jis = test::encode("日本語のテキスト", "ISO-2022-JP");
  CHECK(detect(jis).encoding == "iso-2022-jp");
}

TEST_CASE("binary data is recognised", "[detect]") {
  std::string bin;
  for (int i = 0; i < 512; ++i) bin.push_back(char(i * 7));
  const Detection d = detect(bin);
  CHECK(d.binary);
  CHECK(d.encoding == "binary");
  CHECK(detect(std::string_view("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16)).binary);
}

TEST_CASE("adversarial bytes do not crash and stay bounded", "[detect]") {
  std::string high;
  for (int i = 0; i < 4096; ++i) high.push_back(char(0x80 + i % 128));
  const Detection d = detect(high);
  CHECK_FALSE(d.encoding.empty());
  std::string esc(4096, '\x1B');
  CHECK_FALSE(detect(esc).encoding.empty());
}

TEST_CASE("canonical_encoding accepts labels and rejects unknown ones", "[detect]") {
  CHECK(canonical_encoding("Shift-JIS") == "shift_jis");
  CHECK(canonical_encoding("CP1252") == "windows-1252");
  CHECK(canonical_encoding("latin1") == "iso-8859-1");
  CHECK(canonical_encoding("GB2312") == "gb2312");
  CHECK_FALSE(canonical_encoding("no-such-codec").has_value());
}
