// script_test.cpp — the script stage: unify mixed text, convert on request, leave the rest.
#include <catch2/catch.hpp>

#include "mojifix/mojifix.hpp"
#include "mojifix/script.hpp"
#include "support.hpp"

using namespace mojifix;

namespace {
Options target(ScriptTarget t) {
  Options o;
  o.to = t;
  return o;
}
}  // namespace

TEST_CASE("script: pure text is left alone without a target", "[script]") {
  for (const char* clean : {"这是简体中文，没有任何问题。", "這是繁體中文，沒有任何問題。", "日本語の文章です。国と國。",
                            "为了这群人。", "混合的段落在不同的行。\n這是另一行繁體的段落。\n"}) {
    CHECK(script(clean).text == clean);
    CHECK(repair(clean).text == clean);
  }
}

TEST_CASE("script: phrases of the other script inside a line are unified", "[script]") {
  const std::string in = "我们的软件會繼續開發，所以请继续关注这个项目的进展。";
  const Result r = script(in);
  CHECK(r.text == "我们的软件会继续开发，所以请继续关注这个项目的进展。");
  REQUIRE_FALSE(r.fixes.empty());
  CHECK(r.fixes[0].kind == FixKind::script);
  CHECK(test::plan_problem(in, r).empty());
  // Idempotent.
  CHECK(script(r.text).text == r.text);
}

TEST_CASE("script: Traditional text with Simplified phrases", "[script]") {
  const std::string in = "這個軟體的說明文件已經更新，请参阅网站上的說明與範例。";
  CHECK(script(in).text == "這個軟體的說明文件已經更新，請參閱網站上的說明與範例。");
}

TEST_CASE("script: --to converts pure text, with regional forms", "[script]") {
  CHECK(script("這是繁體中文的句子。", target(ScriptTarget::hans)).text == "这是繁体中文的句子。");
  CHECK(script("为了这里的人。", target(ScriptTarget::tw)).text == "為了這裡的人。");
  CHECK(script("为了这里的人。", target(ScriptTarget::hk)).text == "為了這裏的人。");
  CHECK(script("爲了這裏的人。", target(ScriptTarget::tw)).text == "為了這裡的人。");
  // Quotation marks follow the regional convention when a whole text converts.
  CHECK(script("他說「好」。", target(ScriptTarget::hans)).text == "他说“好”。");
  // Already in the target script: nothing to do.
  CHECK(script("这是简体。", target(ScriptTarget::hans)).fixes.empty());
  CHECK(script("日本語の文章です。", target(ScriptTarget::hans)).text == "日本語の文章です。");
}

TEST_CASE("script: a passage in the other script keeps its script", "[script]") {
  const std::string in =
      "下面引用一首诗，然后我们讨论它的意义和背景。\n關關雎鳩，在河之洲。窈窕淑女，君子好逑。\n"
      "參差荇菜，左右流之。窈窕淑女，寤寐求之。\n这首诗来自诗经，是中国最早的诗歌总集。\n";
  CHECK(script(in).text == in);
}

TEST_CASE("script: off with the option, stage registered in order", "[script]") {
  Options o;
  o.script = false;
  const std::string in = "我们的软件會繼續開發，所以请继续关注这个项目。";
  CHECK(repair(in, o).text == in);
  const auto names = stages();
  REQUIRE(names.size() >= 3);
  CHECK(std::find(names.begin(), names.end(), "annotations") < std::find(names.begin(), names.end(), "script"));
  CHECK(std::find(names.begin(), names.end(), "script") < std::find(names.begin(), names.end(), "normalize"));
}

TEST_CASE("script: a regional form next to a leaning character converts in one call", "[script]") {
  // Toward Hong Kong forms 皁 becomes 皂, after which the unit's 么 counts as Simplified: one
  // call must reach the stable text (found by fuzzing).
  const std::string in = "皁什么\n蔔";
  const Result r = script(in, target(ScriptTarget::hk));
  CHECK(script(r.text, target(ScriptTarget::hk)).text == r.text);
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("script: toward Simplified, curly quotes stay curly", "[script]") {
  CHECK(script("他說：“我們明天去圖書館。”", target(ScriptTarget::hans)).text == "他说：“我们明天去图书馆。”");
  CHECK(script("他说：“我们明天去图书馆。”", target(ScriptTarget::hans)).fixes.empty());
}

TEST_CASE("script: toward Simplified, a naive converter's choices are undone", "[script]") {
  // ICU's Hans-Hant writes 什么 as 甚麼, which t2s keeps as 甚么: the script stage restores 什么,
  // in a converted span inside Simplified text and in a whole text, while convert() stays OpenCC.
  const std::string span = "我们先看一下配置文件。你為甚麼要刪除這個目錄？然后重新启动服务。";
  CHECK(script(span, target(ScriptTarget::hans)).text == "我们先看一下配置文件。你为什么要删除这个目录？然后重新启动服务。");
  CHECK(script("他問我在做甚麼。", target(ScriptTarget::hans)).text == "他问我在做什么。");
  CHECK(convert("他問我在做甚麼。", ConvertConfig::t2s) == "他问我在做甚么。");
  // Words with 甚 that are not 什么 keep it.
  CHECK(script("這個問題甚至更難。", target(ScriptTarget::hans)).text == "这个问题甚至更难。");
  const Result r = script(span, target(ScriptTarget::hans));
  CHECK(test::plan_problem(span, r).empty());
  CHECK(script(r.text, target(ScriptTarget::hans)).text == r.text);
}
