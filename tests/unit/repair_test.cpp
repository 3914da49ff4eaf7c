// repair_test.cpp — repair(): bad input, invalid UTF-8, plans, stage registry.
#include <catch2/catch.hpp>

#include "mojifix/mojifix.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("clean text is returned byte-identical with no fixes", "[repair]") {
  for (std::string_view s : {"", "hello world", "中文测试，这是一个测试。", "Привет, мир", "café ☕ 🎉",
                             "tab\tand\nnewline", "日本語のテキスト", "한국어"}) {
    const Result r = repair(s);
    CHECK(r.text == s);
    CHECK(r.fixes.empty());
    CHECK_FALSE(r.changed());
  }
}

TEST_CASE("invalid UTF-8 becomes U+FFFD and is reported with byte offsets", "[repair][utf8]") {
  const Result r = repair("ab\x80" "cd\xC3");
  CHECK(r.text == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
  REQUIRE(r.fixes.size() == 2);
  CHECK(r.fixes[0].kind == FixKind::invalid_bytes);
  CHECK(r.fixes[0].in == Span{2, 3});
  CHECK(r.fixes[0].out == Span{2, 5});
  CHECK(r.fixes[0].lossy);
  CHECK(r.fixes[1].in == Span{5, 6});  // truncated 2-byte sequence at the end
  CHECK(test::plan_problem("ab\x80" "cd\xC3", r).empty());
}

TEST_CASE("maximal subparts: one U+FFFD per broken sequence, adjacent runs in one fix", "[repair][utf8]") {
  // E2 82 is a truncated 3-byte sequence (one U+FFFD); F0 80 is not a valid prefix (two).
  const std::string in = "\xE2\x82" "A" "\xF0\x80" "B";
  const Result r = repair(in);
  CHECK(r.text == "\xEF\xBF\xBD" "A" "\xEF\xBF\xBD\xEF\xBF\xBD" "B");
  REQUIRE(r.fixes.size() == 2);
  CHECK(r.fixes[1].in == Span{3, 5});
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("surrogates and overlongs encoded in UTF-8 are invalid", "[repair][utf8]") {
  for (std::string_view bad : {"\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\xFF"}) {
    const Result r = repair(bad);
    CHECK(test::valid_utf8(r.text));
    CHECK_FALSE(r.fixes.empty());
    CHECK(r.text.find("\xEF\xBF\xBD") != std::string::npos);
  }
}

TEST_CASE("NUL bytes are kept", "[repair]") {
  const std::string in("a\0b", 3);
  const Result r = repair(in);
  CHECK(r.text == in);
  CHECK(r.fixes.empty());
}

TEST_CASE("a 10 MB single line is handled", "[repair][large]") {
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) big += "abc déf 中文 ";
  big += "\x80";
  const Result r = repair(big);
  REQUIRE(r.fixes.size() == 1);
  CHECK(r.text.size() == big.size() + 2);
  CHECK(r.text.compare(0, big.size() - 1, big, 0, big.size() - 1) == 0);
}

TEST_CASE("random bytes: output is valid UTF-8 and the plan replays", "[repair][property]") {
  test::Rng rng{0x9E3779B97F4A7C15ULL};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string in(rng.below(64), '\0');
    for (auto& c : in) c = char(rng.next() & (rng.below(4) ? 0xFF : 0x7F));
    Options o;
    o.newlines = rng.below(2);
    o.strip_controls = rng.below(2);
    o.form = rng.below(2) ? NormalForm::nfc : NormalForm::nfkc;
    const Result r = repair(in, o);
    INFO("iteration " << iter);
    REQUIRE(test::valid_utf8(r.text));
    REQUIRE(test::plan_problem(in, r).empty());
    REQUIRE(repair(r.text, o).text == r.text);  // idempotent
  }
}

TEST_CASE("max_fixes bounds the plan and it still replays", "[repair]") {
  std::string in;
  for (int i = 0; i < 1000; ++i) in += "x\x80";
  Options o;
  o.max_fixes = 10;
  const Result r = repair(in, o);
  CHECK(r.fixes.size() <= 10);
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("stages() lists the registered stages in order", "[repair]") {
  const auto names = stages();
  REQUIRE_FALSE(names.empty());
  CHECK(names.back() == "normalize");
}

TEST_CASE("to_string names every kind", "[fix]") {
  CHECK(to_string(FixKind::invalid_bytes) == "invalid_bytes");
  CHECK(to_string(FixKind::normalization) == "normalization");
  CHECK(to_string(FixKind::bom) == "bom");
}

TEST_CASE("version() matches the macros", "[version]") {
  CHECK(version() == std::to_string(MOJIFIX_VERSION_MAJOR) + "." + std::to_string(MOJIFIX_VERSION_MINOR) + "." +
                         std::to_string(MOJIFIX_VERSION_PATCH));
}
