// punctuation_test.cpp — restoring full-width punctuation flattened to ASCII (default) and the
// `--cjk-punctuation` conversion.
#include <catch2/catch.hpp>

#include "mojifix/mojifix.hpp"
#include "mojifix/punctuation.hpp"
#include "support.hpp"

using namespace mojifix;

TEST_CASE("restore_punctuation: flattened marks between Han text come back", "[punctuation]") {
  const std::string in = "天气不错,我们出去走走吧。\n注意:门口有台阶;小心!\n带上雨伞(或者雨衣)。";
  const Result r = restore_punctuation(in);
  CHECK(r.text == "天气不错，我们出去走走吧。\n注意：门口有台阶；小心！\n带上雨伞（或者雨衣）。");
  CHECK(r.fixes.size() == 6);
  for (const Fix& f : r.fixes) CHECK(f.kind == FixKind::punctuation);
  CHECK(test::plan_problem(in, r).empty());
}

TEST_CASE("restore_punctuation: ASCII in its usual places stays", "[punctuation]") {
  // `, ` before Latin words, (8) with digits only, a Latin (...) after a space: clean Chinese
  // text writes these in ASCII, so only the Han-to-Han comma is restored.
  const std::string in = "请阅读手册 ls(1) 的说明,然后运行 make, cmake 或 ninja (build tools)。";
  CHECK(restore_punctuation(in).text == "请阅读手册 ls(1) 的说明，然后运行 make, cmake 或 ninja (build tools)。");
}

TEST_CASE("restore_punctuation: no evidence, no change", "[punctuation]") {
  for (const char* clean : {
           "天气不错，我们出去走走吧,好吗",            // a full-width comma: not flattened
           "打开文件.然后保存,再关闭.完成后退出,谢谢.",  // ASCII sentence ends: an ASCII writer
           "Hello, world: (test)!",                      // no Han text
           "版本 2, 3, 4 和 5",                           // no comma next to Han
           "ファイルを開く,保存する,閉じる",              // Japanese (kana): not Chinese punctuation
       }) {
    INFO(clean);
    const Result r = restore_punctuation(clean);
    CHECK(r.text == clean);
    CHECK(r.fixes.empty());
  }
}

TEST_CASE("restore_punctuation: one full-width comma among many flattened ones", "[punctuation]") {
  // byte_shift rebuilds a `，` whose bytes a gloss split; the other commas stayed ASCII.
  const std::string in = "第一,第二,第三,第四,第五,第六,第七,第八,第九,第十,十一，完了";
  CHECK(restore_punctuation(in).text == "第一，第二，第三，第四，第五，第六，第七，第八，第九，第十，十一，完了");
  const std::string mixed = "第一,第二,第三，第四,第五";  // a writer who mixes both: left alone
  CHECK(restore_punctuation(mixed).text == mixed);
}

TEST_CASE("restore_punctuation: a family with full-width forms left keeps its ASCII marks", "[punctuation]") {
  CHECK(restore_punctuation("说明：下载完成,请重启:系统会更新").text == "说明：下载完成，请重启:系统会更新");
}

TEST_CASE("repair: restores punctuation only where glosses or byte damage were repaired", "[punctuation]") {
  const std::string clean = "天气不错,我们出去走走吧。带上雨伞(或者雨衣)。";
  CHECK(repair(clean).text == clean);  // no damage repaired: left alone
  const std::string glossed = "天(tiān)气(qì)不错,我们出去走(zǒu)走吧。带上雨伞(或者雨衣)。";
  CHECK(repair(glossed).text == "天气不错，我们出去走走吧。带上雨伞（或者雨衣）。");
  Options o;
  o.punctuation = false;
  CHECK(repair(glossed, o).text == "天气不错,我们出去走走吧。带上雨伞(或者雨衣)。");
  // idempotent: the repaired text has nothing left to do
  const std::string once = repair(glossed).text;
  CHECK(repair(once).text == once);
}

TEST_CASE("cjk_punctuation: ASCII punctuation next to CJK text becomes full-width", "[punctuation]") {
  CHECK(mojifix::cjk_punctuation("时间:2023年,很好!对吗?").text == "时间：2023年，很好！对吗？");
  CHECK(mojifix::cjk_punctuation("会议(第一次)召开").text == "会议（第一次）召开");
  CHECK(mojifix::cjk_punctuation("Hello, world (test)!").text == "Hello, world (test)!");
  mojifix::Options o;
  CHECK(mojifix::repair("中文,测试", o).text == "中文,测试");  // off by default
  o.cjk_punctuation = true;
  CHECK(mojifix::repair("中文,测试", o).text == "中文，测试");
}
