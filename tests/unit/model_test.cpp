// model_test.cpp — the shared plausibility model.
#include <catch2/catch.hpp>

#include "model/model.hpp"

using namespace mojifix::model;

TEST_CASE("model: real text costs less than its mis-decodings", "[model]") {
  // Each pair: a real string and what a wrong codec made of it.
  const char* pairs[][2] = {
      {"Numéro magique", "NumÃ©ro magique"},
      {"отпечаток на карте", "РѕС‚РїРµС‡Р°С‚РѕРє РЅР° РєР°СЂС‚Рµ"},
      {"日志大小应至少为", "ÈÕÖ¾´óÐ¡Ó¦ÖÁÉÙÎª"},
      {"调用时用了未分配的块", "璋冪敤鏃剁敤浜嗘湭鍒嗛厤鐨勫潡"},
      {"オプションには長い形式", "繧ｪ繝励す繝ｧ繝ｳ縺ｫ縺ｯ髟ｷ縺"},
      {"αποθήκευση και έξοδος", "Œ±œÄŒøŒ∏ŒÆŒ∫ŒµœÖœÉŒ∑ Œ∫Œ±Œπ"},
  };
  for (const auto& p : pairs) {
    INFO(p[0] << " vs " << p[1]);
    CHECK(cost(p[0]) < cost(p[1]));
  }
}

TEST_CASE("model: classes and suspects", "[model]") {
  CHECK(char_class(U'a') == Class::ascii_lower);
  CHECK(char_class(U'é') == Class::latin_lower);
  CHECK(char_class(U'Ж') == Class::cyr_upper);
  CHECK(char_class(U'中') == Class::han);
  CHECK(char_class(U'ｶ') == Class::halfwidth_kana);
  CHECK(char_class(0x0085) == Class::c1);
  CHECK(char_class(0xE000) == Class::pua);
  CHECK(char_class(0x0301) == Class::combining);
  CHECK(char_class(0xFFFD) == Class::replacement);
  CHECK(class_name(Class::han) == "han");
  CHECK(suspect(0x0085));
  CHECK(suspect(U'╪'));
  CHECK(!suspect(U'é'));
  CHECK(!suspect(U'的'));
  CHECK(is_cjk(U'の'));
  CHECK(!is_cjk(U'a'));
}

TEST_CASE("model: per-character costs add up to the text cost", "[model]") {
  const std::string s = "Größe 大小 サイズ";
  std::vector<Cost> per;
  char_costs(s, per);
  Cost sum = 0;
  for (Cost c : per) sum += c;
  CHECK(per.size() == 12);
  CHECK(sum == cost(s));
  // Where text stops being plausible: the C1 control costs more than any letter around it.
  std::vector<Cost> bad;
  char_costs("abc\xC2\x85" "def", bad);
  CHECK(bad[3] > bad[2] + 8 * kBit);
}

TEST_CASE("model: a lost character keeps the context", "[model]") {
  // U+FFFD costs a fixed amount and the next character is scored against the one before it.
  CHECK(cost("中\xEF\xBF\xBD文") == cost("中文") + kLostCost);
}

TEST_CASE("model: CJK pairs seen in real text are cheaper than unseen ones", "[model]") {
  CHECK(step(U'中', U'国') < step(U'中', U'鍔'));
  CHECK(step(U'o', U'ż') < step(U'o', U'ş'));
}
