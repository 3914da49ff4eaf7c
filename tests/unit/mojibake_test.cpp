// mojibake_test.cpp — the mojibake stage: every codec pair, layers, partial damage, the
// report-only cases, and the properties repair(corrupt(x)) == x and repair(x) == x over the
// self-written sentences in tests/data/sentences.txt.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <random>

#include "codec/codec.hpp"
#include "corrupt.hpp"
#include "mojifix/mojifix.hpp"
#include "support.hpp"
#include "utf8.hpp"

using namespace mojifix;
using detail::CodecId;

namespace {

using test::decode_as;
using test::encode_as;
using test::Loss;

struct Sentence {
  std::string lang, text;
};

std::vector<Sentence> sentences() {
  std::vector<Sentence> v;
  std::ifstream in(std::string(MOJIFIX_SOURCE_DIR) + "/tests/data/sentences.txt");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    v.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return v;
}

bool has_kind(const Result& r, FixKind k) {
  for (const auto& f : r.fixes)
    if (f.kind == k) return true;
  return false;
}

}  // namespace

TEST_CASE("mojibake: clean sentences are left alone", "[mojibake]") {
  const auto all = sentences();
  REQUIRE(all.size() >= 30);
  for (const auto& s : all) {
    INFO(s.lang << ": " << s.text);
    const Result r = repair(s.text);
    CHECK(r.text == s.text);
    CHECK(!r.changed());
  }
}

TEST_CASE("mojibake: utf-8 read as each single-byte codec", "[mojibake]") {
  // Each codec with the languages whose text it turns into mojibake that people meet.
  const std::map<CodecId, std::vector<std::string>> codecs = {
      {CodecId::cp1252, {"fr", "de", "es", "pt", "it", "pl", "tr", "vi", "ru", "el", "zh-Hans", "ja", "ko", "en"}},
      {CodecId::latin1, {"fr", "de", "es", "ru", "zh-Hans", "ja"}},
      {CodecId::cp1250, {"pl", "cs", "de"}},
      {CodecId::iso8859_2, {"pl", "cs", "de", "fr"}},
      {CodecId::cp1251, {"fr", "de", "ru", "uk", "zh-Hans", "ja"}},
      {CodecId::koi8_r, {"ru", "uk", "pl", "zh-Hans"}},
      {CodecId::macroman, {"fr", "de", "pl", "el", "ja"}},
      {CodecId::cp437, {"fr", "de", "ru", "ja"}},
      {CodecId::cp866, {"ru", "fr"}},
      {CodecId::cp1253, {"el", "fr"}},
      {CodecId::cp1254, {"tr", "de"}},
      {CodecId::cp1257, {"pl", "de"}},
  };
  int total = 0, ok = 0;
  for (const auto& s : sentences()) {
    for (const auto& [codec, langs] : codecs) {
      if (std::find(langs.begin(), langs.end(), s.lang) == langs.end()) continue;
      const std::string bad = decode_as(s.text, codec);
      if (bad == s.text) continue;
      const Result r = repair(bad);
      ++total;
      ok += r.text == s.text;
      INFO(detail::codec_label(codec) << ": " << bad << " -> " << r.text);
      CHECK(test::plan_problem(bad, r).empty());
      if (r.text == s.text) CHECK(has_kind(r, FixKind::mojibake));
    }
  }
  INFO(ok << " of " << total);
  CHECK(ok * 100 >= total * 95);
}

TEST_CASE("mojibake: utf-8 read as each double-byte codec, lossless", "[mojibake]") {
  const std::map<CodecId, std::vector<std::string>> codecs = {
      {CodecId::gbk, {"zh-Hans", "zh-Hant", "ja", "ru", "el", "fr", "de"}},
      {CodecId::big5, {"zh-Hans", "zh-Hant", "ru", "de"}},
      {CodecId::sjis, {"ja", "zh-Hans", "ru", "pl"}},
      {CodecId::eucjp, {"ja", "ru"}},
      {CodecId::euckr, {"ko", "zh-Hans", "ru", "de"}},
  };
  int total = 0, ok = 0;
  for (const auto& s : sentences()) {
    for (const auto& [codec, langs] : codecs) {
      if (std::find(langs.begin(), langs.end(), s.lang) == langs.end()) continue;
      const std::string bad = decode_as(s.text, codec, Loss::replace);
      if (bad.find("\xEF\xBF\xBD") != std::string::npos) continue;  // lossy: next test
      const Result r = repair(bad);
      ++total;
      ok += r.text == s.text;
      INFO(detail::codec_label(codec) << ": " << bad << " -> " << r.text);
      CHECK(test::plan_problem(bad, r).empty());
    }
  }
  INFO(ok << " of " << total);
  CHECK(total >= 5);
  CHECK(ok * 100 >= total * 90);
}

TEST_CASE("mojibake: lossy double-byte decoding keeps what the bytes determine", "[mojibake]") {
  // 程序已经成功安装到您的电脑上 as UTF-8 read as GBK by a decoder that replaces what it cannot
  // decode (Python's): two characters lost a byte each.
  const std::string bad = "绋嬪簭宸茬粡鎴愬姛瀹夎\xEF\xBF\xBD呭埌鎮ㄧ殑鐢佃剳涓\xEF\xBF\xBD";
  const Result r = repair(bad);
  CHECK(r.text == "程序已经成功安\xEF\xBF\xBD到您的电脑\xEF\xBF\xBD");
  REQUIRE(!r.fixes.empty());
  CHECK(r.fixes[0].lossy);
  CHECK(!r.fixes[0].guess);
  CHECK(r.fixes[0].reason == "utf-8 read as gbk");
  // With the guessing option each lost character becomes a plausible one, reported as a guess.
  Options o;
  o.guess = true;
  const Result g = repair(bad, o);
  CHECK(g.text.find("\xEF\xBF\xBD") == std::string::npos);
  CHECK(g.text.find("程序已经成功安") == 0);
  REQUIRE(!g.fixes.empty());
  CHECK(g.fixes[0].guess);
}

TEST_CASE("mojibake: legacy double-byte text read as Latin-1 / windows-1252", "[mojibake]") {
  const std::map<CodecId, std::string> legacy = {
      {CodecId::gbk, "zh-Hans"}, {CodecId::big5, "zh-Hant"}, {CodecId::sjis, "ja"}, {CodecId::euckr, "ko"},
      {CodecId::cp1251, "ru"}};
  int total = 0;
  for (const auto& s : sentences()) {
    for (const auto& [codec, lang] : legacy) {
      if (s.lang != lang) continue;
      const std::string bytes = encode_as(s.text, codec);
      if (bytes.empty()) continue;
      for (CodecId as : {CodecId::cp1252, CodecId::latin1}) {
        const std::string bad = decode_as(bytes, as);
        const Result r = repair(bad);
        ++total;
        INFO(detail::codec_label(codec) << " as " << detail::codec_label(as) << ": " << bad << " -> " << r.text);
        CHECK(r.text == s.text);
      }
    }
  }
  CHECK(total >= 20);
}

TEST_CASE("mojibake: zip file names in cp437", "[mojibake]") {
  CHECK(repair(decode_as(encode_as("日志文件.txt", CodecId::gbk), CodecId::cp437)).text == "日志文件.txt");
  CHECK(repair(decode_as(encode_as("ファイル一覧.txt", CodecId::sjis), CodecId::cp437)).text == "ファイル一覧.txt");
  CHECK(repair(decode_as(encode_as("설정_파일.txt", CodecId::euckr), CodecId::cp437)).text == "설정_파일.txt");
}

TEST_CASE("mojibake: two and three layers", "[mojibake]") {
  const std::string orig = "Größere Dateien müssen zuerst geprüft werden.";
  const std::string once = decode_as(orig, CodecId::cp1252);
  const std::string twice = decode_as(once, CodecId::cp1252);
  const std::string thrice = decode_as(twice, CodecId::cp1252);
  CHECK(repair(twice).text == orig);
  CHECK(repair(thrice).text == orig);
  // GBK then windows-1252.
  const std::string zh = "程序已经成功安装到您的电脑上。";
  const std::string gbk = decode_as(zh, CodecId::gbk, Loss::replace);
  if (gbk.find("\xEF\xBF\xBD") == std::string::npos) CHECK(repair(decode_as(gbk, CodecId::cp1252)).text == zh);
}

TEST_CASE("mojibake: a damaged sentence inside clean text is repaired alone", "[mojibake]") {
  const std::string clean1 = "Le café du coin ouvre à sept heures. ";
  const std::string bad = decode_as("Où avez-vous rangé les clés ?", CodecId::cp1252);
  const std::string clean2 = " Même le dimanche, voilà.";
  const Result r = repair(clean1 + bad + clean2);
  CHECK(r.text == clean1 + "Où avez-vous rangé les clés ?" + clean2);
  for (const auto& f : r.fixes) {
    CHECK(f.in.begin >= clean1.size());
    CHECK(f.in.end <= clean1.size() + bad.size());
  }
}

TEST_CASE("mojibake: each fix names its chain", "[mojibake]") {
  CHECK(repair("NumÃ©ro").fixes.at(0).reason == "utf-8 read as windows-1252");
  CHECK(repair("Num\xC3\x83\xC2\xA9ro").fixes.at(0).reason == "utf-8 read as windows-1252");
  CHECK(repair("РѕС‚РїРµС‡Р°С‚РѕРє").fixes.at(0).reason == "utf-8 read as windows-1251");
  CHECK(repair("璋冪敤鏃剁敤浜嗘湭鍒嗛厤").fixes.at(0).reason == "utf-8 read as gbk");
  const Fix f = repair("ÈÕÖ¾´óÐ¡").fixes.at(0);
  CHECK(f.reason == "gbk read as windows-1252");
  CHECK(f.kind == FixKind::mojibake);
  CHECK(f.confidence > 0.5f);
  CHECK(f.confidence <= 1.0f);
}

TEST_CASE("mojibake: report, don't fix", "[mojibake]") {
  for (const char* s : {"这是锟斤拷锟斤拷的结果", "内存里全是烫烫烫烫烫", "堆上是屯屯屯屯", "文件名\xEF\xBF\xBD\xEF\xBF\xBD无法显示",
                        "名前が?????になる", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}) {
    INFO(s);
    const Result r = repair(s);
    CHECK(r.text == s);
    CHECK(has_kind(r, FixKind::unrecoverable));
    CHECK(!r.changed());
  }
  // Legacy bytes read as UTF-8 with replacement: the text is lost, it is not turned into other garbage.
  const std::string lost = decode_as(encode_as("无法打开配置文件，请检查路径是否正确。", CodecId::gbk), CodecId::utf8,
                                     Loss::replace);
  const Result r = repair(lost);
  CHECK(r.text == lost);
  CHECK(has_kind(r, FixKind::unrecoverable));
}

TEST_CASE("mojibake: byte-order mark shown as text", "[mojibake]") {
  CHECK(repair("ï»¿Hello").text == "Hello");
  CHECK(repair("ï»¿スキームがありません").text == "スキームがありません");
  CHECK(repair("ï»¿Ã©tÃ©").text == "été");
}

TEST_CASE("mojibake: C1 controls from Latin-1 versus windows-1252", "[mojibake]") {
  CHECK(repair("It\xC2\x92s a \xC2\x93test\xC2\x94.").text == "It’s a “test”.");
  CHECK(repair("NumÃ\xC2\xA9ro").text == "Numéro");  // UTF-8 read as Latin-1
}

TEST_CASE("mojibake: UTF-16 read as 8-bit", "[mojibake]") {
  for (const char* s : {"Hello, world", "无法建立连接", "Σημείωση: κλειδί"}) {
    const std::string le = decode_as(test::encode(s, "UTF-16LE"), CodecId::latin1);
    const std::string be = decode_as(test::encode(s, "UTF-16BE"), CodecId::latin1);
    INFO(s);
    CHECK(repair(le).text == s);
    CHECK(repair(be).text == s);
    CHECK(repair("ÿþ" + le).text == s);
  }
}

TEST_CASE("mojibake: HTML-escaped mojibake, automatic entities", "[mojibake]") {
  CHECK(repair("caf&Atilde;&copy; cr&#195;&#168;me").text == "café crème");
  CHECK(repair("&#xC3;&#xA9;t&#xC3;&#xA9;").text == "été");
  // Entities are decoded only inside repaired mojibake, and not at all in markup.
  CHECK(repair("Tom &amp; Jerry &eacute;t&eacute;").text == "Tom &amp; Jerry &eacute;t&eacute;");
  CHECK(repair("<p>caf&Atilde;&copy;</p>").text == "<p>caf&Atilde;&copy;</p>");
  Options on;
  on.entities = Entities::on;
  CHECK(repair("<p>caf&Atilde;&copy;</p>", on).text == "<p>café</p>");
  Options off;
  off.entities = Entities::off;
  CHECK(repair("caf&Atilde;&copy;", off).text == "caf&Atilde;&copy;");
}

TEST_CASE("mojibake: the stage alone and switched off", "[mojibake]") {
  const Result r = mojibake("NumÃ©ro \xEF\xBB\xBF");
  CHECK(r.text == "Numéro \xEF\xBB\xBF");  // no normalize stage
  Options o;
  o.mojibake = false;
  CHECK(repair("NumÃ©ro", o).text == "NumÃ©ro");
  CHECK(mojibake("plain text").text == "plain text");
  CHECK(mojibake("bad \xFF byte").text == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("mojibake: adversarial input stays linear", "[mojibake]") {
  // Long runs that every chain can start on; ctest's timeout catches a quadratic search.
  std::string a;
  for (int i = 0; i < 200000; ++i) a += "Ã";
  CHECK(test::plan_problem(a, repair(a)).empty());
  std::string b;
  for (int i = 0; i < 100000; ++i) b += "鍔ㄥ";
  CHECK(test::valid_utf8(repair(b).text));
  std::string c;
  for (int i = 0; i < 100000; ++i) c += "\xEF\xBF\xBD涓";
  CHECK(test::valid_utf8(repair(c).text));
}

TEST_CASE("mojibake: repair is idempotent on junk read through legacy code pages", "[mojibake]") {
  // "8Φ»ï@╥": windows-1251 read as windows-1252 made "п" of "ï", then ibm866 read as ibm437 made
  // "шп" of "Φ»" next to it, and a second repair read "шпп" as UTF-8 through ibm866: each reading
  // was stable alone, not in the text it left.
  const std::string junk = "8\xCE\xA6\xC2\xBB\xC3\xAF@\xE2\x95\xA5";
  const Result once = repair(junk);
  CHECK(repair(once.text).text == once.text);
  // Random double-byte and high bytes shown as cp437, between ASCII or CJK text.
  std::mt19937 rng(3);
  int failures = 0;
  for (int it = 0; it < 20000; ++it) {
    std::string bytes;
    const int n = 2 + int(rng() % 24);
    for (int k = 0; k < n; ++k) {
      const unsigned r = rng() % 10;
      if (r < 2) {
        bytes.push_back(char(0x20 + rng() % 0x5F));
      } else if (r < 8) {
        bytes.push_back(char(0x81 + rng() % 0x1F));
        bytes.push_back(char(0x40 + rng() % 0xBC));
      } else {
        bytes.push_back(char(0x80 + rng() % 0x80));
      }
    }
    std::string text = rng() % 2 ? "Hello w" : "\xE4\xB8\xAD\xE6\x96\x87";
    for (const unsigned char b : bytes) detail::append_utf8(text, detail::decode_char(CodecId::cp437, &b, &b + 1).cp);
    const Result r1 = repair(text);
    if (repair(r1.text).text != r1.text && ++failures <= 3) CHECK(repair(r1.text).text == r1.text);
  }
  CHECK(failures == 0);
}

TEST_CASE("mojibake: words the scan does not flag are read with the text's main chain", "[mojibake]") {
  // Korean through windows-1251 makes Cyrillic-looking words (경고 -> кІЅкі) that no suspect
  // character marks; the rest of the text shows the chain, so they are read with it too.
  const std::string orig =
      "경고: 설정 파일을 읽을 수 없습니다\n"
      "다시 시도하십시오. 파일 이름이 올바른지 확인하고 권한을 검사하십시오.";
  const std::string bad = decode_as(orig, CodecId::cp1251);
  REQUIRE(bad != orig);
  const Result r = repair(bad);
  CHECK(r.text == orig);
  CHECK(test::plan_problem(bad, r).empty());
  // A lone Chinese character far from the other damage in a long line.
  const std::string zh =
      "这个程序可以帮助你检查文件的完整性，并且在发现错误时给出详细的说明，方便以后修复。"
      " -- see the manual page for the list of options and their default values -- "
      "不";
  const std::string zbad = decode_as(zh, CodecId::cp1251);
  CHECK(repair(zbad).text == zh);
}

TEST_CASE("mojibake: a further layer of one character next to letters of another script", "[mojibake]") {
  // ü as GBK is 眉; that as windows-1252 is çœ‰. The inner layer is one CJK character, found
  // because it stands between Latin letters.
  const std::string orig = "Düzenli ifade çok büyük; dosya türü bilinmiyor.";
  const std::string gbk = decode_as(orig, CodecId::gbk, Loss::replace);
  REQUIRE(gbk.find("\xEF\xBF\xBD") == std::string::npos);
  const std::string bad = decode_as(gbk, CodecId::cp1252);
  const Result r = repair(bad);
  CHECK(r.text == orig);
  CHECK(test::plan_problem(bad, r).empty());
  // A rare CJK character between clean CJK ones is not read again.
  CHECK(repair("去 CPAN 抓 CGI 和 LWP 兩個模組").text == "去 CPAN 抓 CGI 和 LWP 兩個模組");
}

TEST_CASE("mojibake: one character is not read as a lone letter of an alphabet the line lacks", "[mojibake]") {
  // 鬧 is D7 A2 in EUC-KR, which as UTF-8 is Hebrew ע: alone between a space and a
  // parenthesis, in a line without Hebrew, nothing supports that reading.
  for (const std::string s : {"rtc 鬧 鐘", "alarm 鬧 (clock)"}) {
    INFO(s);
    CHECK(repair(s).text == s);
  }
  // A letter of the line's own alphabet is supported: à read as GBK is 脿.
  CHECK(repair("Il est arrivé 脿 Paris hier soir.").text == "Il est arrivé à Paris hier soir.");
}

TEST_CASE("mojibake: a legacy reading is not dropped for a weak reading its stability probe finds", "[mojibake]") {
  // The probe that checks a windows-1251 reading is stable once took рок (in Срок) as UTF-8
  // read as cp866, one Tamil letter, for a gain of 2 bits: a second repair needs a clear margin.
  const std::string orig = "Внимание: Срок действия ключа истекает завтра.";
  const std::string bad = decode_as(encode_as(orig, CodecId::cp1251), CodecId::cp1252);
  CHECK(repair(bad).text == orig);
}

TEST_CASE("mojibake: a lossy reading that loses more than it reads, where the input shows the loss", "[mojibake]") {
  // Тест сработал успешно as UTF-8 read as Big5 by a decoder that replaces what it cannot read:
  // most Cyrillic letters lose a byte (U+FFFD in the input), but what survives is determined.
  const std::string big5 = decode_as("Тест сработал успешно", CodecId::big5, Loss::replace);
  const Result r = mojibake(big5);
  CHECK(r.text.rfind("Те", 0) == 0);
  CHECK(r.text.find("або") != std::string::npos);
  // Clean text with rare characters and a U+FFFD of its own stays.
  const std::string clean = "他在書房裡讀《說文解字》，看到「鼛」字，旁邊有一個\xEF\xBF\xBD號。";
  CHECK(mojibake(clean).text == clean);
}

TEST_CASE("mojibake: clean Latin text that legacy double-byte readings would eat stays", "[mojibake]") {
  // ¡C is Big5 。 read as windows-1252, ¡¡ is ﹛, ¡A is ，: in Spanish they start words.
  for (const std::string s : {"¡Claro que sí! ¡¡Vamos ya!! ¡Ahora mismo, Carlos!", "¡¡¡CUIDADO CON EL PERRO!!!"})
    CHECK(repair(s).text == s);
  // In Big5 text read as windows-1252 the same pair is read with the rest (FILE。SIZE).
  const std::string zh = "請把資料寫到FILE。SIZE是由先前的設定決定的，請檢查設定檔。";
  const std::string moj = decode_as(encode_as(zh, CodecId::big5), CodecId::cp1252);
  CHECK(repair(moj).text == zh);
}

TEST_CASE("mojibake: a CJK word is not read into letters of an alphabet the text lacks", "[mojibake]") {
  // 檸檬 as EUC-JP bytes are UTF-8 for two Arabic letters, 螞蟻 as GBK for Λρ.
  for (const std::string s : {"🍋 檸檬\n", "🐜 螞蟻\n", "🍋 檸檬\n🐜 螞蟻\n🍋 檸檬\n🐜 螞蟻\n🍋 檸檬\n🐜 螞蟻\n"})
    CHECK(repair(s).text == s);
}

TEST_CASE("mojibake: one accented letter needs the margin of one character", "[mojibake]") {
  // Turkish G/Ç’ı (I/O with a suffix): Ç’ is ǒ in UTF-8 read as windows-1252, but weakly.
  CHECK(repair("G/Ç’ı alacak süreç").text == "G/Ç’ı alacak süreç");
  CHECK(repair("un cafÃ© noir").text == "un café noir");
}
