// gloss_test.cpp — reading glosses (internal): zhuyin spelling and matching against Unihan.
#include <catch2/catch.hpp>

#include <vector>

#include "utf8.hpp"
#include "zh_gloss.hpp"
#include "zh_readings.hpp"

using namespace mojifix::detail::zh;

namespace {
std::vector<char32_t> cps(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto d = mojifix::detail::decode_at(s, i);
    out.push_back(d.cp);
    i += d.len;
  }
  return out;
}
std::optional<GlossMatch> gloss(std::string_view han, std::string_view g) { return match_gloss(g, cps(han)); }
}  // namespace

TEST_CASE("zhuyin to pinyin", "[gloss]") {
  CHECK(zhuyin_to_pinyin("ㄕˊ") == "shi2");
  CHECK(zhuyin_to_pinyin("ㄓㄨㄥ ㄨㄣˊ") == "zhong1 wen2");
  CHECK(zhuyin_to_pinyin("ㄐㄩㄝˊ") == "jue2");
  CHECK(zhuyin_to_pinyin("ㄋㄩˇ") == "nv3");
  CHECK(zhuyin_to_pinyin("ㄩ") == "yu1");
  CHECK(zhuyin_to_pinyin("ㄧㄡˇ") == "you3");
  CHECK(zhuyin_to_pinyin("ㄌㄧㄡˊ") == "liu2");
  CHECK(zhuyin_to_pinyin("ㄏㄨㄟˋ") == "hui4");
  CHECK(zhuyin_to_pinyin("˙ㄉㄜ") == "de5");
  CHECK(zhuyin_to_pinyin("ㄦˊ") == "er2");
  CHECK(zhuyin_to_pinyin("ㄒㄩㄥˊ") == "xiong2");
  CHECK_FALSE(zhuyin_to_pinyin("ㄅ"));      // an initial alone is no syllable
  CHECK_FALSE(zhuyin_to_pinyin("ㄍㄩ"));    // ü after g
  CHECK_FALSE(zhuyin_to_pinyin("abc"));
}

TEST_CASE("glosses must be a syllable and a reading of the character", "[gloss]") {
  auto m = gloss("時", "shí");
  REQUIRE(m);
  CHECK(m->chars == 1);
  CHECK(m->exact);
  CHECK(m->primary);
  CHECK(m->system == GlossSystem::pinyin);
  CHECK(gloss("時", "shi2")->system == GlossSystem::pinyin_numbers);
  CHECK(gloss("時", "ㄕˊ")->system == GlossSystem::zhuyin);
  CHECK(gloss("時", "si4")->system == GlossSystem::jyutping);
  CHECK(gloss("時", "SHÍ"));                  // capitals
  CHECK_FALSE(gloss("時", "shì"));            // a syllable, but not this character's
  CHECK_FALSE(gloss("時", "time"));
  CHECK_FALSE(gloss("文件", "file"));
  CHECK_FALSE(gloss("時", "2"));
  CHECK_FALSE(gloss("時", "shí2"));           // tone mark and tone number
  const auto toneless = gloss("時", "shi");
  REQUIRE(toneless);
  CHECK_FALSE(toneless->exact);
  CHECK(gloss("的", "de")->exact);            // neutral tone written without a mark
}

TEST_CASE("glosses: primary and other readings, words", "[gloss]") {
  CHECK(gloss("行", "xíng")->primary);
  const auto hang = gloss("行", "háng");
  REQUIRE(hang);
  CHECK_FALSE(hang->primary);
  const auto word = gloss("重庆", "Chóngqìng");
  REQUIRE(word);
  CHECK(word->chars == 2);
  CHECK(gloss("会议", "huì yì")->chars == 2);
  CHECK(gloss("会议", "hui4yi4")->chars == 2);
  CHECK(gloss("绿", "lǜ"));
  CHECK(gloss("绿", "lv4"));
  CHECK(gloss("绿", "lu:4"));
}

TEST_CASE("readings: characters by reading (for byte-shift repair)", "[gloss]") {
  const Readings& r = readings();
  const int shi = r.syllable_id(Lang::mandarin, "shi");
  REQUIRE(shi >= 0);
  const auto chars = r.chars(Lang::mandarin, make_reading(unsigned(shi), 2));
  CHECK(std::find(chars.begin(), chars.end(), U'時') != chars.end());
  CHECK(std::find(chars.begin(), chars.end(), U'十') != chars.end());
  CHECK(r.common(U'是'));
  CHECK(r.has_primary(U'是'));
}
