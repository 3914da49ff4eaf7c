// detect_test.cpp — detection: structural layers, ranking of readings, naming, adversarial input.
// The sentences are written for these tests.
#include <catch2/catch.hpp>

#include <string>

#include "mojifix/detect.hpp"
#include "support.hpp"

using namespace mojifix;

namespace {

std::string enc(std::string_view text, const char* codec) { return test::encode(text, codec); }

// The name detect() gives, for messages.
std::string name(std::string_view bytes) { return detect(bytes).encoding; }

}  // namespace

TEST_CASE("empty and ASCII input are undecided but exact", "[detect]") {
  const Detection e = detect(std::string_view{});
  CHECK(e.encoding == "ascii");
  CHECK(e.undecided);
  const Detection d = detect("plain ascii text\n");
  CHECK(d.encoding == "ascii");
  CHECK(d.confidence == 1.0f);
  CHECK(d.undecided);
  CHECK_FALSE(d.reason.empty());
}

TEST_CASE("byte-order marks decide", "[detect]") {
  CHECK(name("\xEF\xBB\xBFx") == "utf-8");
  CHECK(name(std::string_view("\xFF\xFEx\0", 4)) == "utf-16le");
  CHECK(name(std::string_view("\xFE\xFF\0x", 4)) == "utf-16be");
  CHECK(name(std::string_view("\xFF\xFE\0\0x\0\0\0", 8)) == "utf-32le");
  CHECK(name(std::string_view("\0\0\xFE\xFF\0\0\0x", 8)) == "utf-32be");
}

TEST_CASE("valid UTF-8 is preferred, even short", "[detect]") {
  const Detection d = detect("中文测试，这是一个测试。Ünïcödé");
  CHECK(d.encoding == "utf-8");
  CHECK(d.confidence > 0.9f);
  CHECK(d.language == "zh");
  CHECK(name("caf\xC3\xA9") == "utf-8");
  CHECK(name("na\xC3\xAFve r\xC3\xA9sum\xC3\xA9") == "utf-8");
}

TEST_CASE("UTF-16 and UTF-32 without a BOM", "[detect]") {
  const std::string latin = "Hello, this is UTF-16 text without a BOM.";
  CHECK(name(enc(latin, "UTF-16LE")) == "utf-16le");
  CHECK(name(enc(latin, "UTF-16BE")) == "utf-16be");
  CHECK(name(enc(latin, "UTF-32LE")) == "utf-32le");
  CHECK(name(enc(latin, "UTF-32BE")) == "utf-32be");
  // CJK text in UTF-16 has no NUL byte at all.
  const std::string zh = "我们今天去公园散步，天气很好，大家都很高兴。";
  const std::string le = enc(zh, "UTF-16LE");
  REQUIRE(le.find('\0') == std::string::npos);
  CHECK(name(le) == "utf-16le");
  CHECK(name(enc(zh, "UTF-16BE")) == "utf-16be");
  CHECK(name(enc("日本語のテキストです。少し長めに書いておきます。", "UTF-16LE")) == "utf-16le");
}

TEST_CASE("Chinese: the smallest GB variant that holds the bytes, Big5 and HKSCS", "[detect]") {
  const std::string simple = "我们今天去公园散步，天气很好，大家都很高兴，晚上一起吃饭。";
  const Detection gb = detect(enc(simple, "GB18030"));
  CHECK(gb.encoding == "gb2312");
  CHECK(gb.language == "zh");
  // 镕 is in GBK but not in GB2312; € only has a four-byte code in GB18030.
  CHECK(name(enc("朱镕基在会上讲话，大家都很认真地听着。", "GB18030")) == "gbk");
  CHECK(name(enc("这本书的价格是二十€，我们明天再去买。", "GB18030")) == "gb18030");
  const std::string trad = "我們今天去公園散步，天氣很好，大家都很高興，晚上一起吃飯。";
  CHECK(name(enc(trad, "Big5")) == "big5");
  // 羣 has a code in Big5-HKSCS only.
  CHECK(name(enc("我們這一羣人今天去公園散步，天氣很好，大家都很高興。", "ibm-1375_P100-2008")) == "big5-hkscs");
  // Traditional characters written in GBK are GBK, not Big5.
  const std::string gbk_trad = enc(trad, "GBK");
  CHECK((name(gbk_trad) == "gbk" || name(gbk_trad) == "gb18030"));
}

TEST_CASE("Japanese and Korean codecs and their Windows supersets", "[detect]") {
  const std::string ja = "日本語の文章です。これは検出器が正しく判定できるかを確かめるためのテキストです。";
  const Detection sj = detect(enc(ja, "Shift_JIS"));
  CHECK(sj.encoding == "shift_jis");
  CHECK(sj.language == "ja");
  CHECK(name(enc(ja, "EUC-JP")) == "euc-jp");
  CHECK(name(enc(ja, "ISO-2022-JP")) == "iso-2022-jp");
  // ① is an NEC extension of cp932.
  CHECK(name(enc("手順①：ファイルを開いて、内容を確認してください。", "windows-31j")) == "cp932");
  const std::string ko = "오늘은 날씨가 좋아서 친구들과 함께 공원에서 산책을 했습니다.";
  const Detection kr = detect(enc(ko, "EUC-KR"));
  CHECK(kr.encoding == "euc-kr");
  CHECK(kr.language == "ko");
  // 똠 has a code in cp949 (UHC) only.
  CHECK(name(enc("똠방각하라는 말을 오늘 처음 들었습니다. 정말 재미있네요.", "windows-949")) == "cp949");
  CHECK(name(enc(ko, "ISO-2022-KR")) == "iso-2022-kr");
}

TEST_CASE("Cyrillic code pages are told apart", "[detect]") {
  const std::string ru = "Это русский текст, который должен быть определён правильно, без всяких ошибок.";
  for (const char* codec : {"windows-1251", "KOI8-R", "IBM866", "ISO-8859-5"}) {
    INFO(codec);
    const Detection d = detect(enc(ru, codec));
    CHECK(d.encoding == canonical_encoding(codec).value());
    CHECK(d.language == "ru");
  }
  const std::string uk = "Це український текст: їжак, ґанок і євшан зілля — все має бути правильно.";
  CHECK(name(enc(uk, "KOI8-U")) == "koi8-u");
  CHECK(detect(enc(uk, "windows-1251")).language == "uk");
}

TEST_CASE("single-byte code pages of other scripts and languages", "[detect]") {
  CHECK(name(enc("Zażółć gęślą jaźń, a potem idź spać o północy.", "windows-1250")) == "windows-1250");
  CHECK(name(enc("Zażółć gęślą jaźń, a potem idź spać o północy.", "ISO-8859-2")) == "iso-8859-2");
  CHECK(name(enc("Bugün hava çok güzel, ışıklı ve sıcak; dağa çıkacağız.", "windows-1254")) == "windows-1254");
  CHECK(name(enc("Σήμερα ο καιρός είναι πολύ ωραίος και θα πάμε στη θάλασσα.", "windows-1253")) == "windows-1253");
  // windows-1258 writes tone marks as combining characters after the letter (ICU cannot encode it).
  CHECK(name("Ti\xEA\xECng Vi\xEA\xF2t c\xF3 nhi\xEA\xCCu d\xE2\xECu, v\xE0 ch\xFAng t\xF4i vi\xEA\xECt th\xFD\xD2 "
             "m\xF4\xF2t c\xE2u.") == "windows-1258");
  CHECK(name(enc("שלום לכולם, היום מזג האוויר נעים מאוד ואנחנו הולכים לים.", "windows-1255")) == "windows-1255");
  CHECK(name(enc("مرحبا بكم، الطقس اليوم جميل جدا وسنذهب إلى البحر.", "windows-1256")) == "windows-1256");
  CHECK(name(enc("สวัสดีครับ วันนี้อากาศดีมาก พวกเราจะไปเที่ยวทะเลกัน", "TIS-620")) == "tis-620");
  CHECK(name(enc("Šiandien labai gražus oras, todėl eisime pasivaikščioti.", "windows-1257")) == "windows-1257");
  CHECK(name(enc("Über den Wolken muß die Freiheit wohl grenzenlos sein, sagt man.", "macintosh")) == "macintosh");
  const std::string fr = "Le cœur a ses raisons que la raison ne connaît pas, dit-on ; c'est vrai.";
  CHECK(name(enc(fr, "windows-1252")) == "windows-1252");
  CHECK(name(enc(fr, "ISO-8859-15")) == "iso-8859-15");
  CHECK(name(enc("Übermorgen fahren wir nach München, sagt der Bäcker.", "ISO-8859-1")) == "windows-1252");
}

TEST_CASE("a short legacy text is still recognised", "[detect]") {
  CHECK(name(enc("Привет, мир!", "windows-1251")) == "windows-1251");
  CHECK(name(enc("中文字符", "GB18030")) == "gb2312");
  CHECK(name(enc("こんにちは", "Shift_JIS")) == "shift_jis");
}

TEST_CASE("confidence, runner-up and undecided", "[detect]") {
  const Detection d = detect(enc("Это русский текст, который должен быть определён правильно.", "windows-1251"));
  CHECK(d.confidence > 0.9f);
  CHECK(d.confidence <= 1.0f);
  CHECK_FALSE(d.undecided);
  CHECK(d.runner_up != d.encoding);
  CHECK(d.runner_up_confidence <= 1.0f - d.confidence + 1e-6f);
  // One byte that many code pages read as a letter: a guess, and said to be one.
  const Detection one = detect("\xE9");
  CHECK(one.confidence < 0.5f);
  CHECK(one.undecided);
}

TEST_CASE("ISO-2022-JP from its escapes, broken escapes are not", "[detect]") {
  CHECK(name(enc("日本語のテキスト", "ISO-2022-JP")) == "iso-2022-jp");
  CHECK(name("\x1B$B\x1B$B\x1B") != "iso-2022-jp");
}

TEST_CASE("binary data is recognised", "[detect]") {
  std::string bin;
  for (int i = 0; i < 512; ++i) bin.push_back(char(i * 7));
  const Detection d = detect(bin);
  CHECK(d.binary);
  CHECK(d.encoding == "binary");
  CHECK(detect(std::string_view("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16)).binary);
}

TEST_CASE("adversarial input: every answer is an encoding mojifix decodes, in linear time", "[detect]") {
  std::string high;
  for (int i = 0; i < (8 << 20); ++i) high.push_back(char(0x80 + (i * 31) % 128));
  for (std::size_t n : {std::size_t{1}, std::size_t{3}, std::size_t{50}, std::size_t{4096}, high.size()}) {
    const Detection d = detect(std::string_view(high).substr(0, n));
    CHECK(canonical_encoding(d.encoding).has_value());
  }
  const std::string esc(4 << 20, '\x1B');
  CHECK(canonical_encoding(detect(esc).encoding).has_value());
  std::string esc_mix;
  for (int i = 0; i < (1 << 20); ++i) esc_mix += "\x1B$B!!";
  CHECK_FALSE(detect(esc_mix).encoding.empty());
  // A 32 MB single line of Chinese in GB18030 with no newline.
  const std::string line = enc("我们今天去公园散步，天气很好，大家都很高兴。", "GB18030");
  std::string big;
  while (big.size() < (32u << 20)) big += line;
  CHECK(detect(big).encoding == "gb2312");
}

TEST_CASE("canonical_encoding accepts labels and rejects unknown ones", "[detect]") {
  CHECK(canonical_encoding("Shift-JIS") == "shift_jis");
  CHECK(canonical_encoding("CP1252") == "windows-1252");
  CHECK(canonical_encoding("latin1") == "iso-8859-1");
  CHECK(canonical_encoding("GB2312") == "gb2312");
  CHECK(canonical_encoding("cp874") == "tis-620");
  CHECK_FALSE(canonical_encoding("no-such-codec").has_value());
}
