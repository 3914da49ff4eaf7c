// byte_shift_test.cpp — the byte_shift stage on self-written sentences damaged at byte level the
// way issue 7 describes: `(pinyin)` inserted by a byte-level find-and-replace (also across
// character boundaries), `，` turned into `,` at byte level, a byte lost; then decoded with
// replacement (U+FFFD per unreadable byte, or `?` swallowing the next ASCII byte).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "codec/codec.hpp"
#include "mojifix/mojifix.hpp"
#include "support.hpp"
#include "utf8.hpp"

using mojifix::detail::CodecId;

namespace {

const char* icu_name(CodecId id) { return id == CodecId::gbk ? "gbk" : id == CodecId::big5 ? "big5" : "shift_jis"; }

// bytes.replace(pattern, pattern + insert), every match, character boundaries ignored.
std::string replace_all(std::string b, const std::string& pattern, const std::string& with) {
  std::string out;
  std::size_t i = 0;
  for (std::size_t j; (j = b.find(pattern, i)) != std::string::npos; i = j + pattern.size()) out += b.substr(i, j - i) + with;
  return out + b.substr(i);
}

// A replacing decoder: one U+FFFD per unreadable byte; with `swallow`, `?` instead, and the
// ASCII byte after it is lost too (as some web decoders do).
std::string decode(CodecId id, const std::string& bytes, bool swallow = false) {
  std::string out;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const auto c = mojifix::detail::decode_char(id, p, end);
    if (c.len == 0 || c.cp == 0xFFFD) {
      if (swallow) {
        out += '?';
        p += (p + 1 < end && p[1] < 0x40) ? 2 : 1;
      } else {
        out += "\xEF\xBF\xBD";
        ++p;
      }
      continue;
    }
    mojifix::detail::append_utf8(out, c.cp);
    p += c.len;
  }
  return out;
}

// The damage of issue 7: glosses inserted at byte level in order, optional `，`→`,`.
std::string annotate(CodecId id, const std::string& text, const std::vector<std::pair<std::string, std::string>>& glosses,
                     bool punct = false, bool swallow = false) {
  std::string b = test::encode(text, icu_name(id));
  for (const auto& [ch, gloss] : glosses) {
    const std::string code = test::encode(ch, icu_name(id));
    b = replace_all(b, code, code + "(" + test::encode(gloss, icu_name(id)) + ")");
  }
  if (punct) b = replace_all(b, test::encode("，", icu_name(id)), ",");
  return decode(id, b, swallow);
}

std::string drop_byte(CodecId id, const std::string& text, std::size_t at) {
  std::string b = test::encode(text, icu_name(id));
  b.erase(at, 1);
  return decode(id, b);
}

std::string run(const std::string& in, bool guess = false) {
  mojifix::Options o;
  o.guess = guess;
  const mojifix::Result r = mojifix::byte_shift(in, o);
  INFO(in);
  CHECK(test::plan_problem(in, r).empty());
  CHECK(mojifix::byte_shift(r.text, o).text == r.text);  // idempotent
  return r.text;
}

}  // namespace

TEST_CASE("byte_shift: a GBK gloss across a character boundary is undone", "[byte_shift]") {
  // 們報 = 82C7 88F3 contains 儓 = 8388 (tái): its gloss lands inside 報.
  const std::string text = "他們報告說這個問題很重要";
  const std::string in = annotate(CodecId::gbk, text, {{"儓", "tái"}, {"報", "bào"}});
  REQUIRE(in != text);
  CHECK(run(in) == text);
  const std::string swallowed = annotate(CodecId::gbk, text, {{"儓", "tái"}, {"報", "bào"}}, false, true);
  REQUIRE(swallowed.find('?') != std::string::npos);
  CHECK(run(swallowed) == text);
}

TEST_CASE("byte_shift: glosses that split characters pin the lost bytes (GBK)", "[byte_shift]") {
  const std::string text = "我們應該認真學習新的技術，這個城市的交通非常方便";
  const std::string in = annotate(CodecId::gbk, text, {{"儜", "níng"}, {"械", "xiè"}, {"學", "xué"}, {"該", "gāi"}});
  REQUIRE(in != text);
  const mojifix::Result r = mojifix::byte_shift(in);
  // Out of step up to the end of the line, the decoder lost the last trail byte: 便 is gone.
  CHECK(r.text == "我們應該認真學習新的技術，這個城市的交通非常方\xEF\xBF\xBD");
  REQUIRE_FALSE(r.fixes.empty());
  CHECK(r.fixes[0].kind == mojifix::FixKind::byte_shift);
}

TEST_CASE("byte_shift: Big5 glosses with tone numbers", "[byte_shift]") {
  // 們報 in Big5 contains 抭 (tao1); 城市 contains 陞 (sheng1).
  const std::string text = "他們報告說這個城市的交通非常方便";
  const std::string in = annotate(CodecId::big5, text, {{"抭", "tao1"}, {"陞", "sheng1"}, {"說", "shuo1"}});
  REQUIRE(in != text);
  CHECK(run(in) == text);
}

TEST_CASE("byte_shift: a byte lost to a byte-level comma is reported lossy", "[byte_shift]") {
  const std::string text = "我們應該認真學習新的技術，這個城市的交通非常方便";
  // 術，= 槤? no: the comma stays a boundary match here; the gloss still splits 們應.
  const std::string in = annotate(CodecId::gbk, text, {{"儜", "níng"}}, true);
  const std::string out = run(in);
  CHECK(out.find("我們應該認真學習新的技術") != std::string::npos);
}

TEST_CASE("byte_shift: one lost byte in GBK, Big5 and Shift_JIS", "[byte_shift]") {
  struct Case {
    CodecId id;
    std::string text;
    std::size_t at;
  };
  const std::vector<Case> cases = {
      {CodecId::gbk, "我们明天早上去公园散步，然后回家吃饭。", 7},
      {CodecId::big5, "這個程式會把檔案複製到新的目錄。", 9},
      {CodecId::sjis, "ファイルを新しいディレクトリにコピーします。", 11},
  };
  for (const Case& c : cases) {
    const std::string in = drop_byte(c.id, c.text, c.at);
    REQUIRE(in != c.text);
    const mojifix::Result r = mojifix::byte_shift(in);
    INFO(in << " -> " << r.text);
    REQUIRE(r.changed());
    // Everything but the character that lost its byte comes back; that one is U+FFFD.
    const std::string lost = "\xEF\xBF\xBD";
    REQUIRE(r.text.find(lost) != std::string::npos);
    std::size_t diff = 0;
    const std::u32string a = [&] { std::u32string s; for (std::size_t i = 0; i < r.text.size();) { auto d = mojifix::detail::decode_at(r.text, i); s += d.cp; i += d.len; } return s; }();
    const std::u32string e = [&] { std::u32string s; for (std::size_t i = 0; i < c.text.size();) { auto d = mojifix::detail::decode_at(c.text, i); s += d.cp; i += d.len; } return s; }();
    REQUIRE(a.size() == e.size());
    for (std::size_t k = 0; k < a.size(); ++k) diff += a[k] != e[k];
    // One character lost where the byte went missing; the last one too when the stream stayed
    // out of step to the end (the decoder replaced its lone trail byte).
    CHECK(diff >= 1);
    CHECK(diff <= 2);
    CHECK(r.fixes[0].lossy);
    // With guessing the lost character is filled and reported as a guess.
    const mojifix::Result g = mojifix::byte_shift(in, [] { mojifix::Options o; o.guess = true; return o; }());
    CHECK(g.text.find(lost) == std::string::npos);
    CHECK(g.fixes[0].guess);
  }
}

TEST_CASE("byte_shift: clean text stays byte for byte", "[byte_shift]") {
  const char* clean[] = {
      "我们明天早上去公园散步，然后回家吃饭。",
      "這個程式會把檔案複製到新的目錄。",
      "ファイルを新しいディレクトリにコピーします。",
      "银行的行(háng)字有两个读音。",
      "重庆(Chóngqìng)是一座山城。",
      "他说:你好吗?我很好!",
      "价格是 5 元 (约 0.7 美元)。",
      "Hello (world), what? Fine! 中文 text.",
      "缺字�的文本，没有别的问题。",
      "饕餮之徒，魑魅魍魉。",
      // Rare characters in a row, reduplicated, or around an interpunct: no search starts.
      "溪水潺潺，鸟鸣啾啾，萋萋芳草。",
      "他的名字叫约翰·史密斯，住在伦敦。",
      "魑魅魍魉饕餮",
      "用户的x）和 [X] 的设定。",
  };
  for (const char* t : clean) {
    INFO(t);
    const mojifix::Result r = mojifix::byte_shift(t);
    CHECK(r.text == t);
    CHECK(r.fixes.empty());
  }
}

TEST_CASE("byte_shift: one damaged line among clean lines with rare characters", "[byte_shift]") {
  const std::string clean = "溪水潺潺，鸟鸣啾啾。\n他的名字叫约翰·史密斯。\n";
  const std::string text = "我们明天早上去公园散步，然后回家吃饭。";
  const std::string damaged = drop_byte(CodecId::gbk, text, 7);
  const std::string in = clean + damaged + "\n" + clean;
  const mojifix::Result r = mojifix::byte_shift(in);
  INFO(r.text);
  REQUIRE(r.changed());
  CHECK(r.text.substr(0, clean.size()) == clean);
  CHECK(r.text.substr(r.text.size() - clean.size()) == clean);
  for (const mojifix::Fix& f : r.fixes) CHECK(f.in.begin >= clean.size());
  CHECK(r.text.find("公园散步，然后回家吃饭") != std::string::npos);
}

TEST_CASE("byte_shift: a lone half-width kana or bopomofo in ASCII text, or a run of kana, is text", "[byte_shift]") {
  for (const std::string s : {"    return cp == U'｡';\n", "  // is \"ㄕˊ\" a reading of 時?\n", "  CHECK(f(\"ㄧㄡˇ\") == \"you3\");\n",
                              "\"日本語の文章です。ｶﾀｶﾅ と ひらがな\",\n"})
    CHECK(mojifix::repair(s).text == s);
}
