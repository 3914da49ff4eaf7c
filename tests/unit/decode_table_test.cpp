// decode_table_test.cpp — the table decoder gives exactly what ICU's converter gives: the same
// UTF-8, the same raw offset per output byte and the same invalid-bytes fixes, on real text,
// on every two-byte sequence and on random bytes, fed at once or in pieces.
#include <catch2/catch.hpp>

#include <random>

#include "../../fuzz/decode_diff.hpp"
#include "support.hpp"

namespace {

// Mixed material: ASCII, bytes of the multi-byte ranges, GB18030-shaped four-byte codes, newlines.
std::string random_bytes(std::mt19937& rng, std::size_t n) {
  std::string s;
  std::uniform_int_distribution<int> kind(0, 9), byte(0, 255), hi(0x81, 0xFE), digit(0x30, 0x39);
  while (s.size() < n) {
    switch (kind(rng)) {
      case 0: s += "ab "; break;
      case 1: s += '\n'; break;
      case 2: s += char(byte(rng)); break;
      case 3: s += {char(hi(rng)), char(digit(rng)), char(hi(rng)), char(digit(rng))}; break;
      case 4: s += {char(hi(rng)), char(digit(rng))}; break;
      default: s += {char(hi(rng)), char(byte(rng))}; break;
    }
  }
  return s;
}

const char* const kTexts[] = {
    "简体中文的句子，含有标点：“引号”与数字 2024 年。€ 符号 ŀ ḿ 龴",
    "繁體中文的句子，還有「引號」和數字。",
    "日本語の文章です。ｶﾀｶﾅ と ひらがな、①② ～",
    "한국어 문장입니다. 숫자 123 과 기호 ※",
    "Русский текст, ёлка. Ελληνικά. Český text: žluťoučký kůň. café “quoted” — …",
};

}  // namespace

TEST_CASE("table decoders cover the legacy codecs", "[decode]") {
  const auto codecs = decode_diff::table_codecs();
  for (const char* c : {"gb18030", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr", "windows-1252", "koi8-r"})
    CHECK(std::find(codecs.begin(), codecs.end(), c) != codecs.end());
  // Stateful and wide codecs stay with ICU.
  for (const char* c : {"utf-16le", "iso-2022-jp", "hz-gb-2312"})
    CHECK(std::find(codecs.begin(), codecs.end(), c) == codecs.end());
}

TEST_CASE("table decoder equals ICU on real text", "[decode]") {
  for (const auto& codec : decode_diff::table_codecs()) {
    const auto* e = mojifix::detail::find_encoding(codec);
    REQUIRE(e);
    for (const char* text : kTexts) {
      std::string bytes;
      try {
        bytes = test::encode(text, std::string(e->icu).c_str());
      } catch (...) {
        continue;
      }
      for (std::size_t piece : {0, 1, 5, 64}) {
        INFO(codec << " piece " << piece);
        CHECK(decode_diff::check(codec, bytes, piece) == "");
      }
    }
  }
}

TEST_CASE("table decoder equals ICU on every two-byte sequence", "[decode]") {
  for (const auto& codec : decode_diff::table_codecs()) {
    std::string all;
    for (unsigned lead = 0; lead < 0x100; ++lead)
      for (unsigned t = 0; t < 0x100; ++t) all += {char(lead), char(t)};
    CHECK(decode_diff::check(codec, all, 0) == "");
    CHECK(decode_diff::check(codec, all, 4093) == "");
  }
}

TEST_CASE("table decoder equals ICU on random bytes", "[decode]") {
  std::mt19937 rng(20261123);
  for (const auto& codec : decode_diff::table_codecs()) {
    for (int round = 0; round < 30; ++round) {
      const std::string bytes = random_bytes(rng, 1 + std::size_t(round) * 37);
      for (std::size_t piece : {0, 1, 3, 16}) {
        INFO(codec << " round " << round << " piece " << piece);
        CHECK(decode_diff::check(codec, bytes, piece) == "");
      }
    }
  }
}

TEST_CASE("table decoder holds an incomplete character until more bytes come", "[decode]") {
  auto d = mojifix::detail::make_decoder("gb18030");
  REQUIRE(d);
  std::string text;
  mojifix::detail::OffsetMap map;
  std::vector<mojifix::Fix> fixes;
  const std::string lead = "\xD6";  // first byte of 中
  CHECK(d->decode({reinterpret_cast<const unsigned char*>(lead.data()), 1}, 0, false, text, &map, fixes) == 0);
  CHECK(text.empty());
  CHECK(fixes.empty());
}
