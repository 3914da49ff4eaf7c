// cli_test.cpp — the command line through cli::run().
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cli.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
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

TEST_CASE("cli: stdin to stdout, clean text unchanged", "[cli]") {
  const Run r = cli({}, "hello 世界\n");
  CHECK(r.code == 0);
  CHECK(r.out == "hello 世界\n");
  CHECK(r.err.empty());
}

TEST_CASE("cli: legacy file is decoded, --explain goes to stderr", "[cli]") {
  test::TempDir t;
  const std::string f = t.write("a.txt", "caf\xC3\xA9 e\xCC\x81\n");
  const Run r = cli({"--explain", f});
  CHECK(r.code == 0);
  CHECK(r.out == "café é\n");
  CHECK(r.err.find("normalization") != std::string::npos);
  CHECK(r.err.find(":6-9 normalization") != std::string::npos);
}

TEST_CASE("cli: -o writes a file and refuses to overwrite an input", "[cli]") {
  test::TempDir t;
  const std::string f = t.write("a.txt", "x\n");
  const std::string o = (t.path / "out.txt").string();
  CHECK(cli({f, "-o", o}).code == 0);
  std::ifstream in(o);
  std::string got((std::istreambuf_iterator<char>(in)), {});
  CHECK(got == "x\n");
  const Run bad = cli({f, "-o", f});
  CHECK(bad.code == 2);
  CHECK_FALSE(bad.err.empty());
}

TEST_CASE("cli: --check exits 1 only when something would change", "[cli]") {
  test::TempDir t;
  const std::string clean = t.write("clean.txt", "fine\n");
  const std::string dirty = t.write("dirty.txt", "bad\x80\n");
  CHECK(cli({"--check", clean}).code == 0);
  const Run r = cli({"--check", clean, dirty});
  CHECK(r.code == 1);
  CHECK(r.out.find("dirty.txt\t") != std::string::npos);
  CHECK(r.out.find("clean.txt") == std::string::npos);
  const Run forced = cli({"--check", "--encoding", "utf-8", dirty});
  CHECK(forced.code == 1);
  CHECK(forced.out.find("dirty.txt\tinvalid_bytes\n") != std::string::npos);
}

TEST_CASE("cli: --json prints a report", "[cli]") {
  const Run r = cli({"--json"}, "e\xCC\x81\n");
  CHECK(r.code == 0);
  CHECK(r.out.find("\"text\":\"é\\n\"") != std::string::npos);
  CHECK(r.out.find("\"kind\":\"normalization\"") != std::string::npos);
  CHECK(r.out.find("\"changed\":true") != std::string::npos);
}

TEST_CASE("cli: --jsonl repairs the field, keeps the rest, passes bad lines through", "[cli][jsonl]") {
  const std::string in =
      "{\"id\": 1, \"text\": \"e\\u0301\", \"meta\": {\"a\": [1, 2]}}\n"
      "not json\n"
      "{\"text\": 5}\n"
      "{\"other\": \"x\"}\n"
      "{\"text\": \"clean \\u00e9\"}\n";
  const Run r = cli({"--jsonl"}, in);
  CHECK(r.code == 0);
  CHECK(r.out ==
        "{\"id\": 1, \"text\": \"é\", \"meta\": {\"a\": [1, 2]}}\n"
        "not json\n"
        "{\"text\": 5}\n"
        "{\"other\": \"x\"}\n"
        "{\"text\": \"clean \\u00e9\"}\n");
  CHECK(r.err.find(":2:") != std::string::npos);
  CHECK(r.err.find(":3:") != std::string::npos);
  const Run f = cli({"--jsonl", "--field", "body"}, "{\"text\":\"e\\u0301\",\"body\":\"e\\u0301\"}\n");
  CHECK(f.out == "{\"text\":\"e\\u0301\",\"body\":\"é\"}\n");
}

TEST_CASE("cli: --jsonl escapes line separators so records stay one per line", "[cli][jsonl]") {
  // --no-mojibake: a lone U+0085 is otherwise read as the windows-1252 character of that byte.
  const Run r = cli({"--jsonl", "--no-mojibake"}, "{\"text\":\"a\\u2028b\\u0085e\\u0301\"}\n");
  CHECK(r.out == "{\"text\":\"a\\u2028b\\u0085é\"}\n");
}

TEST_CASE("cli: detect prints FILE TAB ENCODING TAB CONFIDENCE, or only the name with --quiet", "[cli][detect]") {
  test::TempDir t;
  const std::string a = t.write("a.txt", "ascii\n");
  const std::string b = t.write("b.txt", test::encode("Это русский текст в кодировке windows-1251, довольно длинный.", "windows-1251"));
  const Run r = cli({"detect", a, b});
  CHECK(r.code == 0);
  CHECK(r.out.find(a + "\tascii\t1.00\n") != std::string::npos);
  CHECK(r.out.find(b + "\twindows-1251\t") != std::string::npos);
  CHECK(cli({"detect", "--quiet", b}).out == "windows-1251\n");
}

TEST_CASE("cli: detect --max-bytes N examines only the first N bytes", "[cli][detect]") {
  test::TempDir t;
  const std::string f = t.write("c.txt", "plain start, " + test::encode("затем русский текст в кодировке KOI8-R.", "KOI8-R"));
  CHECK(cli({"detect", "--quiet", f}).out == "koi8-r\n");
  CHECK(cli({"detect", "--quiet", "--max-bytes", "12", f}).out == "ascii\n");
  CHECK(cli({"detect", "--max-bytes", "x", f}).code == 2);
}

TEST_CASE("cli: usage and I/O errors have their exit codes and one-line messages", "[cli]") {
  const Run u = cli({"--bogus"});
  CHECK(u.code == 2);
  CHECK(u.err.find("--bogus") != std::string::npos);
  CHECK(std::count(u.err.begin(), u.err.end(), '\n') == 1);
  CHECK(cli({"--form", "nfx"}).code == 2);
  CHECK(cli({"-o"}).code == 2);
  const Run m = cli({"/nonexistent/file.txt"});
  CHECK(m.code == 3);
  CHECK(m.err.find("/nonexistent/file.txt") != std::string::npos);
  CHECK(std::count(m.err.begin(), m.err.end(), '\n') == 1);
}

TEST_CASE("cli: binary files are skipped with a note", "[cli]") {
  test::TempDir t;
  std::string bin;
  for (int i = 0; i < 1000; ++i) bin.push_back(char(i * 13));
  const std::string f = t.write("x.bin", bin);
  const Run r = cli({f});
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("binary") != std::string::npos);
}

TEST_CASE("cli: --help lists the options, --version the version", "[cli]") {
  const Run h = cli({"--help"});
  CHECK(h.code == 0);
  for (const char* opt : {"--explain", "--json", "--jsonl", "--check", "--field", "--encoding", "detect"})
    CHECK(h.out.find(opt) != std::string::npos);
  CHECK(cli({"--version"}).out.rfind("mojifix ", 0) == 0);
}

TEST_CASE("cli: options that cannot be combined are usage errors", "[cli]") {
  test::TempDir t;
  const std::string f = t.write("a.txt", "x\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--in-place"}, {"--in-place", "-"}, {"--in-place", "-o", "o.txt", f},
        {"--in-place", "--check", f}, {"--backup", ".b", f}, {"--lossy", f}, {"--json", "--jsonl", f},
        {"--output-encoding", "latin1", "--json", f}, {"--output-encoding", "no-such-codec", f}, {"-", "-"},
        {"-j", "0", f}, {"--jobs=x", f}, {"--quiet=yes", f}, {"--in-place", "--backup", "a/b", f}}) {
    const Run r = cli(args);
    INFO(args[0] << " " << (args.size() > 1 ? args[1] : ""));
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("cli: --flag=VALUE and -jN forms", "[cli]") {
  test::TempDir t;
  const std::string f = t.write("a.txt", "e\xCC\x81\n");
  const std::string o = (t.path / "o.txt").string();
  CHECK(cli({"-j2", "--output=" + o, f}).code == 0);
  std::ifstream in(o);
  CHECK(std::string((std::istreambuf_iterator<char>(in)), {}) == "é\n");
  CHECK(cli({"--jobs=3", "--form=nfc", f}).out == "é\n");
}

TEST_CASE("cli: a directory needs -r; with -r its files are repaired in name order", "[cli]") {
  test::TempDir t;
  t.write("b.txt", "e\xCC\x81\n");
  t.write("a.txt", "one\n");
  const Run plain = cli({t.path.string()});
  CHECK(plain.code == 3);
  CHECK(plain.err.find("-r") != std::string::npos);
  const Run r = cli({"-r", t.path.string()});
  CHECK(r.code == 0);
  CHECK(r.out == "one\né\n");
}

TEST_CASE("cli: --json gives one object per input per line; --check --json leaves the text out", "[cli]") {
  test::TempDir t;
  const std::string a = t.write("a.txt", "fine\n");
  const std::string b = t.write("b.txt", "e\xCC\x81\n");
  const Run r = cli({"--json", a, b});
  CHECK(r.code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  CHECK(r.out.find("\"changed\":false}\n") != std::string::npos);
  CHECK(r.out.find("\"kinds\":{\"normalization\":1},\"changed\":true}\n") != std::string::npos);
  const Run c = cli({"--json", "--check", a, b, (t.path / "missing.txt").string()});
  CHECK(c.code == 3);
  CHECK(c.out.find("\"text\"") == std::string::npos);
  CHECK(c.out.find("\"error\":\"cannot open") != std::string::npos);
}

// --- Chinese: classify, convert, --to, per-record targets

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
