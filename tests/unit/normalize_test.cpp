// normalize_test.cpp — the normalize stage, and its suspect tables checked against ICU.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <catch2/catch.hpp>

#include "mojifix/mojifix.hpp"
#include "support.hpp"
#include "tables/bit_table.hpp"
#include "tables/normalization.inc"

using namespace mojifix;

TEST_CASE("NFC composes decomposed text and reports the span", "[normalize]") {
  const std::string in = "cafe\xCC\x81 ok";  // e + COMBINING ACUTE
  const Result r = repair(in);
  CHECK(r.text == "caf\xC3\xA9 ok");
  REQUIRE(r.fixes.size() == 1);
  CHECK(r.fixes[0].kind == FixKind::normalization);
  CHECK(r.fixes[0].in == Span{3, 6});
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("NFC reorders combining marks and composes Hangul jamo", "[normalize]") {
  // a + dot below (ccc 220) after acute (ccc 230) must be reordered, then composed.
  CHECK(repair("a\xCC\x81\xCC\xA3").text == "\xE1\xBA\xA1\xCC\x81");
  CHECK(repair("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB").text == "\xED\x95\x9C");  // 한 from jamo
}

TEST_CASE("NFKC only when asked", "[normalize]") {
  const std::string in = "\xEF\xBC\xA1\xEF\xBC\xA2 \xEF\xAC\x81";  // ＡＢ ﬁ
  CHECK(repair(in).text == in);
  Options o;
  o.form = NormalForm::nfkc;
  CHECK(repair(in, o).text == "AB fi");
}

TEST_CASE("form none leaves decomposed text", "[normalize]") {
  Options o;
  o.form = NormalForm::none;
  CHECK(repair("e\xCC\x81", o).text == "e\xCC\x81");
}

TEST_CASE("leading BOM removed, inner U+FEFF kept", "[normalize]") {
  const Result r = repair("\xEF\xBB\xBFhi\xEF\xBB\xBF");
  CHECK(r.text == "hi\xEF\xBB\xBF");
  REQUIRE(r.fixes.size() == 1);
  CHECK(r.fixes[0].kind == FixKind::bom);
  Options keep;
  keep.bom = false;
  CHECK(repair("\xEF\xBB\xBFhi", keep).text == "\xEF\xBB\xBFhi");
}

TEST_CASE("line endings only with the option", "[normalize]") {
  CHECK(repair("a\r\nb\rc").text == "a\r\nb\rc");
  Options o;
  o.newlines = true;
  const Result r = repair("a\r\nb\rc\n", o);
  CHECK(r.text == "a\nb\nc\n");
  CHECK(r.fixes.size() == 2);
  CHECK(test::plan_problem("a\r\nb\rc\n", r).empty());
}

TEST_CASE("C0 controls only with the option, tab/newline kept", "[normalize]") {
  const std::string in("a\x01\tb\x1B" "c\n\x7F\0", 10);
  CHECK(repair(in).text == in);
  Options o;
  o.strip_controls = true;
  CHECK(repair(in, o).text == std::string("a\tbc\n\x7F", 6));
  o.newlines = false;
  CHECK(repair("x\ry", o).text == "x\ry");  // CR is a line ending, not noise
}

TEST_CASE("normalize() runs the stage alone, invalid bytes first", "[normalize]") {
  const Result r = normalize("\xFF" "e\xCC\x81");
  CHECK(r.text == "\xEF\xBF\xBD\xC3\xA9");
  CHECK(test::plan_problem("\xFF" "e\xCC\x81", r).empty());
}

TEST_CASE("suspect tables cover every code point ICU's NFC/NFKC may change", "[normalize][tables]") {
  UErrorCode err = U_ZERO_ERROR;
  const auto* nfc = icu::Normalizer2::getNFCInstance(err);
  const auto* nfkc = icu::Normalizer2::getNFKCInstance(err);
  REQUIRE(U_SUCCESS(err));
  std::size_t missed = 0;
  for (UChar32 c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const bool nfc_yes = nfc->getCombiningClass(c) == 0 && nfc->quickCheck(icu::UnicodeString(c), err) == UNORM_YES;
    const bool nfkc_yes = nfkc->getCombiningClass(c) == 0 && nfkc->quickCheck(icu::UnicodeString(c), err) == UNORM_YES;
    missed += !nfc_yes && !tables::bit_test(tables::nfc_suspect_index, tables::nfc_suspect_blocks, char32_t(c));
    missed += !nfkc_yes && !tables::bit_test(tables::nfkc_suspect_index, tables::nfkc_suspect_blocks, char32_t(c));
  }
  CHECK(missed == 0);
}

TEST_CASE("a removed control does not keep a starter from its combining mark", "[normalize]") {
  Options o;
  o.strip_controls = true;
  const std::string in("a\0\0\xCC\x80 b", 7);
  const Result r = repair(in, o);
  CHECK(r.text == "\xC3\xA0 b");  // à, and repairing again changes nothing
  CHECK(repair(r.text, o).text == r.text);
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("no NFC/NFKC suspect in U+4000..U+9FFF (the stage skips lead bytes E4..E9)", "[normalize][tables]") {
  for (char32_t c = 0x4000; c <= 0x9FFF; ++c) {
    REQUIRE_FALSE(tables::bit_test(tables::nfc_suspect_index, tables::nfc_suspect_blocks, c));
    REQUIRE_FALSE(tables::bit_test(tables::nfkc_suspect_index, tables::nfkc_suspect_blocks, c));
  }
}

TEST_CASE("every leading BOM goes, also behind stripped controls (idempotence)", "[normalize]") {
  CHECK(repair("\xEF\xBB\xBF\xEF\xBB\xBFx").text == "x");
  Options o;
  o.strip_controls = true;
  const std::string in = "\x07\xEF\xBB\xBF\x01x\xEF\xBB\xBF";
  const Result r = repair(in, o);
  CHECK(r.text == "x\xEF\xBB\xBF");
  CHECK(repair(r.text, o).text == r.text);
  CHECK(test::plan_problem(in, r).empty());
}
