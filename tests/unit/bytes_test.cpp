// bytes_test.cpp — repair_bytes() and the streaming Repairer.
#include <catch2/catch.hpp>

#include "mojifix/mojifix.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("legacy bytes are decoded to UTF-8", "[bytes]") {
  const std::string text = "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。";
  const Result r = repair_bytes(test::encode(text, "GB18030"));
  CHECK(r.text == text);
  CHECK(r.fixes.empty());
  CHECK((r.encoding == "gb18030" || r.encoding == "gbk" || r.encoding == "gb2312"));
}

TEST_CASE("forced encoding is used", "[bytes]") {
  Options o;
  o.encoding = "windows-1252";
  const Result r = repair_bytes("caf\xE9 na\xEFve \x93quoted\x94", o);
  CHECK(r.text == "café naïve “quoted”");
  CHECK(r.encoding == "windows-1252");
}

TEST_CASE("undecodable bytes: U+FFFD with raw byte offsets", "[bytes]") {
  Options o;
  o.encoding = "shift_jis";
  // 0x82 0xA0 is a valid lead byte with an invalid trail; 0xA0 is unassigned.
  const std::string raw = test::encode("日本", "Shift_JIS") + "\x85\x40" + test::encode("語", "Shift_JIS");
  const Result r = repair_bytes(raw, o);
  REQUIRE_FALSE(r.fixes.empty());
  const Fix& f = r.fixes[0];
  CHECK(f.kind == FixKind::invalid_bytes);
  CHECK(f.in.begin == 4);
  CHECK(f.lossy);
  CHECK(r.text.substr(f.out.begin, f.out.size()) == f.text);
  CHECK(r.text.find("日本") == 0);
}

TEST_CASE("stage fixes in a legacy source map back to raw offsets", "[bytes]") {
  Options o;
  o.encoding = "windows-1252";
  o.newlines = true;
  const Result r = repair_bytes("\xE9\xE9\r\nx", o);  // éé CRLF x
  CHECK(r.text == "éé\nx");
  REQUIRE(r.fixes.size() == 1);
  CHECK(r.fixes[0].in == Span{2, 4});  // raw bytes of CRLF
  CHECK(r.fixes[0].out == Span{4, 5});
}

TEST_CASE("UTF-8 input: invalid bytes reported and the plan replays on the raw bytes", "[bytes]") {
  const std::string raw = "\xEF\xBB\xBF" "abc\x80 déf e\xCC\x81";
  const Result r = repair_bytes(raw);
  CHECK(r.text == "abc\xEF\xBF\xBD déf é");
  CHECK(test::plan_problem(raw, r).empty());
}

TEST_CASE("binary input is flagged, not crashed on", "[bytes]") {
  std::string bin;
  for (int i = 0; i < 2000; ++i) bin.push_back(char((i * 37) & 0xFF));
  const Result r = repair_bytes(bin);
  CHECK(r.binary);
  CHECK(test::valid_utf8(r.text));
}

TEST_CASE("NUL bytes in text are kept", "[bytes]") {
  const std::string raw("one\0two\nthree", 13);
  const Result r = repair_bytes(raw);
  CHECK_FALSE(r.binary);
  CHECK(r.text == raw);
}

TEST_CASE("UTF-16 without BOM is decoded", "[bytes]") {
  const std::string text = "Hello, world! Some UTF-16 text here.";
  const Result r = repair_bytes(test::encode(text, "UTF-16LE"));
  CHECK(r.encoding == "utf-16le");
  CHECK(r.text == text);
}

TEST_CASE("the Repairer gives the same text and plan for any chunking", "[stream][property]") {
  std::string raw;
  for (int i = 0; i < 6000; ++i) {
    raw += "line " + std::to_string(i) + " caf\xC3\xA9 e\xCC\x81 \x80 中文\r\n";
    if (i % 1000 == 0) raw += std::string(200000, 'z');  // long lines force cuts
  }
  Options o;
  o.newlines = true;
  const Result whole = repair_bytes(raw, o);
  CHECK(test::plan_problem(raw, whole).empty());
  test::Rng rng{7};
  for (int round = 0; round < 3; ++round) {
    Repairer rep(o);
    Result acc;
    std::size_t pos = 0;
    while (pos < raw.size()) {
      const std::size_t n = std::min(raw.size() - pos, 1 + rng.below(300000));
      rep.feed(std::string_view(raw).substr(pos, n));
      pos += n;
      Result part = rep.take();
      acc.text += part.text;
      acc.fixes.insert(acc.fixes.end(), part.fixes.begin(), part.fixes.end());
    }
    rep.finish();
    Result part = rep.take();
    acc.text += part.text;
    acc.fixes.insert(acc.fixes.end(), part.fixes.begin(), part.fixes.end());
    CHECK(acc.text == whole.text);
    CHECK(test::plan_problem(raw, acc).empty());
    CHECK(rep.bytes_in() == raw.size());
  }
}

TEST_CASE("a legacy stream split inside characters decodes correctly", "[stream]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "中文文本第" + std::to_string(i) + "行。\n";
  const std::string raw = test::encode(text, "GB18030");
  Options o;
  o.encoding = "gb18030";
  Repairer rep(o);
  std::string out;
  for (std::size_t pos = 0; pos < raw.size(); pos += 4099) {
    rep.feed(std::string_view(raw).substr(pos, 4099));
    out += rep.take().text;
  }
  rep.finish();
  out += rep.take().text;
  CHECK(out == text);
}
