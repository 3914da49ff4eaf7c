// cli_zh_test.cpp — the Chinese parts of the command line: classify, convert, --to, targets.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli.hpp"
#include "support.hpp"

using mojifix::cli::run;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run cli(std::vector<std::string> args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = run(args, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("cli classify: one verdict, or one per line", "[cli][classify]") {
  CHECK(cli({"classify"}, "这是简体。\n").out == "hans\n");
  const Run r = cli({"classify", "--lines"}, "这是简体。\n這是繁體。\n这是繁體。\n日本語です。\nhello\n");
  CHECK(r.code == 0);
  CHECK(r.out == "hans\nhant\nmixed\nnone\nnone\n");
  const Run j = cli({"classify", "--json"}, "這是繁體，为了。\n");
  CHECK(j.out.find("\"verdict\":\"mixed\"") != std::string::npos);
  CHECK(j.out.find("\"minority\":[{") != std::string::npos);
  CHECK(j.out.find("\"sentences\":[{") != std::string::npos);
}

TEST_CASE("cli convert: OpenCC configs, errors exit 2", "[cli][convert]") {
  const Run r = cli({"convert", "s2t"}, "汉字\n头发\n");
  CHECK(r.code == 0);
  CHECK(r.out == "漢字\n頭髮\n");
  CHECK(cli({"convert", "s2twp.json"}, "软件").out == "軟體");
  const Run missing = cli({"convert"}, "x");
  CHECK(missing.code == 2);
  CHECK_FALSE(missing.err.empty());
  CHECK(cli({"convert", "nope"}, "x").code == 2);
  // Invalid UTF-8 does not stop the run; NUL is kept.
  const Run bad = cli({"convert", "s2t"}, std::string("汉\xFF字\0后\n", 11));
  CHECK(bad.code == 0);
  CHECK(bad.out == std::string("漢\xEF\xBF\xBD字\0後\n", 13));
  CHECK(bad.err.find("U+FFFD") != std::string::npos);
}

TEST_CASE("cli --to converts, unknown scripts are usage errors", "[cli][script]") {
  CHECK(cli({"--to", "hans"}, "這是繁體中文。\n").out == "这是繁体中文。\n");
  CHECK(cli({"--to", "zh-TW"}, "为了这里。\n").out == "為了這裡。\n");
  CHECK(cli({"--to", "klingon"}, "x").code == 2);
}

TEST_CASE("cli --jsonl: a record's target overrides --to", "[cli][script]") {
  const std::string in =
      "{\"text\":\"這是繁體中文。\",\"target\":\"zh-Hans\"}\n"
      "{\"text\":\"这是简体中文。\",\"target\":\"hant\"}\n"
      "{\"text\":\"這是繁體中文。\"}\n"
      "{\"text\":\"這是繁體中文。\",\"target\":\"xx\"}\n";
  const Run r = cli({"--jsonl"}, in);
  CHECK(r.code == 0);
  CHECK(r.out ==
        "{\"text\":\"这是繁体中文。\",\"target\":\"zh-Hans\"}\n"
        "{\"text\":\"這是簡體中文。\",\"target\":\"hant\"}\n"
        "{\"text\":\"這是繁體中文。\"}\n"
        "{\"text\":\"這是繁體中文。\",\"target\":\"xx\"}\n");
  CHECK(r.err.find(":4:") != std::string::npos);  // the unknown target is reported
}

TEST_CASE("cli: --no-annotations and --no-script", "[cli]") {
  const std::string glossed = "今(jīn)天(tiān)的会(huì)议(yì)在(zài)下午。\n";
  CHECK(cli({}, glossed).out == "今天的会议在下午。\n");
  CHECK(cli({"--no-annotations"}, glossed).out == glossed);
  CHECK(cli({"--no-script", "--to", "hans"}, "這是繁體。\n").out == "這是繁體。\n");
}
