// prescan_test.cpp — the shared first pass: which lines it flags for which stage, and that no
// stage's result changes when it reads only those lines (internal).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "prescan.hpp"
#include "prescan_agree.hpp"

using namespace mojifix;

namespace {

std::uint8_t flags_of(const std::string& line) {
  detail::Prescan p;
  detail::prescan(line, p);
  std::uint8_t f = 0;
  for (const auto& l : p.lines) f |= l.flags;
  return f;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Options> option_sets() {
  Options plain, to_hans, nfkc, all;
  to_hans.to = ScriptTarget::hans;
  nfkc.form = NormalForm::nfkc;
  all.cjk_punctuation = all.newlines = all.strip_controls = all.guess = true;
  all.entities = Entities::on;
  return {plain, to_hans, nfkc, all};
}

}  // namespace

TEST_CASE("prescan: clean lines are not flagged", "[prescan]") {
  CHECK(flags_of("plain ASCII text, nothing to see\n") == 0);
  CHECK(flags_of("这是一个常见的中文句子，没有任何问题。“引号”里也没有。\n") == 0);
  CHECK(flags_of("這是一個常見的中文句子，沒有任何問題。\n") == 0);
  CHECK(flags_of("the 的 word\n") == 0);  // a common character alone between spaces
}

TEST_CASE("prescan: what flags a line for each stage", "[prescan]") {
  using namespace detail;
  CHECK(flags_of("这個") == (kPreSimplified | kPreTraditional));
  CHECK((flags_of("cafÃ© au lait") & kPreMojibake));
  CHECK((flags_of("中文……中文") & kPreMojibake));           // … then … : a lead and a continuation byte's character
  CHECK(!(flags_of("中文“中文”中文") & kPreMojibake));      // “ is a lead byte's character, 中 no continuation's
  CHECK((flags_of("Pr羹fung") & kPreMojibake));              // alone between letters
  CHECK((flags_of("你好吗?") & kPreMojibake & kPreShift) == 0);
  CHECK((flags_of("你好吗?") & kPreShift));
  CHECK((flags_of("A &amp; B") & kPreMojibake));
  CHECK((flags_of("a\x01z") & kPreMojibake));
  CHECK((flags_of("時(shí)間") & kPreBracket));
  CHECK((flags_of("時（shí）間") & kPreBracket));
  CHECK((flags_of("cafe\xCC\x81") & kPreNfc));
}

TEST_CASE("prescan: lines end at LF, CR and the text end", "[prescan]") {
  detail::Prescan p;
  detail::prescan("ok\r\n時(x)\nok\rPr羹fung", p);
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].span == Span{4, 10});
  CHECK(p.lines[1].span == Span{14, 23});
  CHECK(p.ranges(detail::kPreBracket) == std::vector<Span>{{4, 10}});
}

TEST_CASE("prescan: stages agree at every alignment of tricky text", "[prescan]") {
  const std::vector<std::string> snippets = {
      "Pr羹fung 的NetBIOS a的b",  "cafÃ© Ã¢â‚¬Å“quoteÃ¢â‚¬Â", "鍔ㄥ姏 鏂囧瓧 here", "中文……中文——中文",
      "時(shí)間會(huì)議 行(háng)", "這是什么，由於基于", "吗?(qǐng) ??", "a\x01\x7f b\r\nc\rd",
      "&Atilde;&copy; &amp;", "ﾃｩ 縺薙ｓ縺ｫ縺｡縺ｯ", "cafe\xCC\x81 \xEF\xAC\x81 ㍣", "ÄãºÃ ¶¯Á¦",
      "\xF0\x9F\x98\x80 \xF0\xA0\x80\x80", "锟斤拷烫烫烫 \xEF\xBF\xBD\xEF\xBF\xBD", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ estГЎndar",
  };
  const std::vector<std::string> pads = {"", "x", "中", "ab", "的的", "中文中文中文中文中文中", "abcdefghijklmno"};
  for (const Options& o : option_sets()) {
    for (const auto& s : snippets) {
      for (const auto& pad : pads) {
        for (int k = 0; k < 5; ++k) {
          std::string text;
          for (int r = 0; r < k; ++r) text += pad;
          text += s + "\n" + pad + s;
          INFO(text);
          CHECK(test::prescan_disagrees(text, o).empty());
        }
      }
    }
  }
}

TEST_CASE("prescan: stages agree on the bundled samples", "[prescan]") {
  const std::filesystem::path dir = std::filesystem::path(MOJIFIX_SOURCE_DIR) / "tools" / "samples";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::string text = slurp(e.path());
    Result clean;
    if (detail::sanitize_utf8(text, clean, 1000)) text = clean.text;  // stages read valid UTF-8
    INFO(e.path().filename().string());
    for (const Options& o : option_sets()) CHECK(test::prescan_disagrees(text, o).empty());
  }
}

TEST_CASE("prescan: lines in a row with the same flags are one entry, mixed-script lines not", "[prescan]") {
  detail::Prescan p;
  detail::prescan("a?\nb?\n(c)\n这個\n这個\n", p);
  REQUIRE(p.lines.size() == 4);
  CHECK(p.lines[0].span == Span{0, 5});
  CHECK(p.lines[1].span == Span{6, 9});
  CHECK(p.lines[2].span == Span{10, 16});
  CHECK(p.lines[3].span == Span{17, 23});
}
