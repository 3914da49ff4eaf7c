// classify_test.cpp — classify(): verdicts, regional forms, phrases, Japanese, sentences.
#include <catch2/catch.hpp>
#include <random>

#include "mojifix/classify.hpp"
#include "utf8.hpp"
#include "zh_script.hpp"

using namespace mojifix;

TEST_CASE("classify: Simplified, Traditional, none", "[classify]") {
  CHECK(classify("这是简体中文的句子。").verdict == Script::hans);
  CHECK(classify("這是繁體中文的句子。").verdict == Script::hant);
  CHECK(classify("plain English").verdict == Script::none);
  CHECK(classify("").verdict == Script::none);
  CHECK(classify("日本語の文章です。").verdict == Script::none);     // kana: Japanese
  CHECK(classify("広島の沢").verdict == Script::none);               // Japanese-only kanji
}

TEST_CASE("classify: Taiwan and Hong Kong standard forms are Traditional", "[classify]") {
  const ScriptStats tw = classify("為了這群人，裡面的游標要啟動。");
  CHECK(tw.verdict == Script::hant);
  CHECK(tw.regional == Regional::taiwan);
  const ScriptStats std_forms = classify("爲了這羣人，裏面要啓動。");
  CHECK(std_forms.verdict == Script::hant);
  CHECK(std_forms.regional == Regional::opencc);
  CHECK(classify("他説這些話很悦耳。").regional == Regional::hong_kong);
}

TEST_CASE("classify: mixed by characters, with minority spans and counts", "[classify]") {
  const std::string text = "这是一个简单的测试，這個句子是繁體，然后我们继续写简体。";
  const ScriptStats st = classify(text);
  CHECK(st.verdict == Script::mixed);
  CHECK(st.dominant == Script::hans);
  CHECK(st.counts.simplified > st.counts.traditional);
  REQUIRE_FALSE(st.minority.empty());
  // The run of Traditional characters, with the shared ones between them.
  CHECK(text.substr(st.minority[0].span.begin, st.minority[0].span.size()) == "這個句子是繁體");
  CHECK(st.minority[0].script == Script::hant);
}

TEST_CASE("classify: phrase evidence catches phrase-only mixing", "[classify]") {
  const ScriptStats st = classify("這個問題很複雜，由于時間不夠，我們明天再談。");
  CHECK(st.counts.simplified == 0);
  CHECK(st.counts.simplified_phrases >= 1);
  CHECK(st.verdict == Script::mixed);
}

TEST_CASE("classify: a verdict per sentence", "[classify]") {
  const ScriptStats st = classify("这是简体。這是繁體！\nhello\n中文");
  REQUIRE(st.sentences.size() == 4);
  CHECK(st.sentences[0].verdict == Script::hans);
  CHECK(st.sentences[1].verdict == Script::hant);
  CHECK(st.sentences[2].verdict == Script::none);
  CHECK(st.sentences[3].verdict != Script::none);  // shared characters: the text's script
}

TEST_CASE("classify: invalid UTF-8 is not Han", "[classify]") {
  CHECK(classify("\xFF\xFE").verdict == Script::none);
  CHECK(classify("这是\xFF简体").verdict == Script::hans);
}

TEST_CASE("mixed_lines agrees with a character-by-character reading on random text", "[classify]") {
  using namespace mojifix::detail;
  // Simplified-only, Traditional-only, shared, kana, Latin, supplementary, line breaks.
  static constexpr std::string_view kPieces[] = {"\xE8\xBF\x99", "\xE9\x80\x99", "\xE4\xB8\xAD", "\xE3\x81\x82", "a",
                                                 " ", "\xC3\xA9", "\xF0\xA0\x80\x80", "\n", "\r", "\xEF\xBC\x8C"};
  auto reference = [](std::string_view s) {
    std::vector<mojifix::Span> out;
    std::size_t start = 0;
    unsigned line = 0;
    for (std::size_t i = 0; i < s.size();) {
      const Decoded d = decode_at(s, i);
      if (d.cp == '\n' || d.cp == '\r') {
        if (line == 3) out.push_back({start, i});
        line = 0;
        start = i + d.len;
      } else {
        const unsigned k = zh::char_class(d.cp) & 7;
        line |= k == zh::kSOnly ? 1u : k == zh::kTOnly ? 2u : 0u;
      }
      i += d.len;
    }
    if (line == 3) out.push_back({start, s.size()});
    return out;
  };
  std::mt19937 rng(5);
  for (int it = 0; it < 20000; ++it) {
    std::string s;
    const std::size_t n = rng() % 120;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t pick = rng() % 40;  // mostly shared characters, a few of each other kind
      s += pick < std::size(kPieces) ? kPieces[pick] : kPieces[2];
    }
    std::vector<mojifix::Span> got;
    zh::mixed_lines(s, got);
    const auto want = reference(s);
    REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k) CHECK((got[k].begin == want[k].begin && got[k].end == want[k].end));
  }
}
