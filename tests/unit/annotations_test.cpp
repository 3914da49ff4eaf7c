// annotations_test.cpp — the annotations stage: flattened glosses go, deliberate ones stay.
#include <catch2/catch.hpp>

#include "mojifix/annotations.hpp"
#include "mojifix/mojifix.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("annotations: a page full of glosses is cleaned, each removal a fix", "[annotations]") {
  const std::string in = "今(jīn)天(tiān)的会(huì)议(yì)在(zài)下午三点开(kāi)始。";
  const Result r = annotations(in);
  CHECK(r.text == "今天的会议在下午三点开始。");
  CHECK(r.fixes.size() == 6);
  for (const Fix& f : r.fixes) CHECK(f.kind == FixKind::annotation);
  CHECK(test::plan_problem(in, r).empty());
  CHECK(repair(in).text == r.text);
}

TEST_CASE("annotations: tone numbers, zhuyin, jyutping, full-width brackets", "[annotations]") {
  CHECK(annotations("我們的時（shi2）間和會（hui4）議").text == "我們的時間和會議");
  CHECK(annotations("時[ㄕˊ]間不多了，會[ㄏㄨㄟˋ]議").text == "時間不多了，會議");
  CHECK(annotations("時(si4)間同埋地(dei6)方").text == "時間同埋地方");
  CHECK(annotations("時［shí］間").text == "時間");
}

TEST_CASE("annotations: a lone deliberate gloss stays", "[annotations]") {
  for (const char* clean : {"银行的行(háng)字读第二声。", "他住在重庆(Chóngqìng)已经十年了。", "请打开文件(file)菜单。",
                            "这个字读作犇(bēn)，意思是奔跑。", "版本(2)和版本(3)", "函数 f(x) 的值"}) {
    CHECK(annotations(clean).text == clean);
    CHECK(repair(clean).text == clean);
  }
}

TEST_CASE("annotations: one plain gloss in a short text is damage, in a long one it is not", "[annotations]") {
  CHECK(annotations("使用(yòng)无阻塞输出").text == "使用无阻塞输出");
  std::string prose;
  for (int i = 0; i < 30; ++i) prose += "这是一段很长的普通文字，没有注音。";
  const std::string lone = prose + "他是(shì)老师。";
  CHECK(annotations(lone).text == lone);
}

TEST_CASE("annotations: invalid UTF-8 and no brackets", "[annotations]") {
  CHECK(annotations("").text.empty());
  CHECK(annotations("no brackets at all").text == "no brackets at all");
  const Result r = annotations("時(shí)\xFF間(jiān)");
  CHECK(test::valid_utf8(r.text));
  CHECK(r.text == "時\xEF\xBF\xBD間");
}

TEST_CASE("annotations: off with the option", "[annotations]") {
  Options o;
  o.annotations = false;
  const std::string in = "時(shí)間(jiān)";
  CHECK(repair(in, o).text == in);
}
