// corpus_roundtrip.cpp — properties of repair() on real sentences from the devset corpus:
// repair(x) == x for clean sentences, and repair(corrupt(x)) == x for sentences sent through
// each codec pair (lossless corruptions). Skips (exit 77) when ../shared is absent.
//
//   corpus_roundtrip CORPUS_DIR [SENTENCES_PER_LANGUAGE]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corrupt.hpp"
#include "mojifix/mojifix.hpp"

using mojifix::detail::CodecId;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2 || !fs::is_directory(argv[1])) {
    std::printf("skip: corpus folder absent\n");
    return 77;
  }
  const std::size_t per = argc > 2 ? std::stoul(argv[2]) : 60;
  struct Pair {
    CodecId outer;
    bool legacy;  // true: the text was encoded in `outer` and read as windows-1252
  };
  const std::vector<std::pair<std::string, std::vector<Pair>>> plan = {
      {"fr", {{CodecId::cp1252, false}, {CodecId::latin1, false}, {CodecId::macroman, false}, {CodecId::cp437, false}}},
      {"de", {{CodecId::cp1252, false}, {CodecId::iso8859_2, false}, {CodecId::koi8_r, false}}},
      {"es", {{CodecId::cp1252, false}, {CodecId::cp1251, false}}},
      {"pl", {{CodecId::cp1252, false}, {CodecId::iso8859_2, false}, {CodecId::cp1250, false}}},
      {"tr", {{CodecId::cp1252, false}, {CodecId::cp1254, false}}},
      {"vi", {{CodecId::cp1252, false}}},
      {"ru", {{CodecId::cp1252, false}, {CodecId::cp1251, false}, {CodecId::koi8_r, false}, {CodecId::cp866, false},
              {CodecId::cp1251, true}}},
      {"uk", {{CodecId::cp1251, false}, {CodecId::cp1251, true}}},
      {"el", {{CodecId::cp1252, false}, {CodecId::cp1253, false}, {CodecId::macroman, false}}},
      {"zh-Hans", {{CodecId::cp1252, false}, {CodecId::gbk, true}}},
      {"zh-Hant", {{CodecId::cp1252, false}, {CodecId::big5, true}}},
      {"ja", {{CodecId::cp1252, false}, {CodecId::sjis, true}}},
      {"ko", {{CodecId::cp1252, false}, {CodecId::euckr, true}}},
      {"en", {{CodecId::cp1252, false}}},
      {"emoji", {{CodecId::cp1252, false}}},
  };
  std::size_t clean_n = 0, clean_changed = 0, bad_n = 0, bad_ok = 0;
  for (const auto& [lang, pairs] : plan) {
    std::ifstream in(fs::path(argv[1]) / (lang + ".txt"));
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);)
      if (l.size() > 20 && l.size() < 400) lines.push_back(l);
    if (lines.empty()) continue;
    std::size_t lang_n = 0, lang_ok = 0;
    for (std::size_t k = 0; k < per; ++k) {
      const std::string& x = lines[(k * 7919 + 13) % lines.size()];
      ++clean_n;
      if (mojifix::repair(x).text != x) {
        ++clean_changed;
        std::printf("clean changed (%s): %s\n", lang.c_str(), x.c_str());
      }
      for (const Pair& p : pairs) {
        std::string bad;
        if (p.legacy) {
          const std::string bytes = test::encode_as(x, p.outer);
          if (bytes.empty()) continue;
          bad = test::decode_as(bytes, CodecId::cp1252);
        } else {
          bad = test::decode_as(x, p.outer, test::Loss::replace);
        }
        if (bad == x) continue;
        ++lang_n;
        const std::string out = mojifix::repair(bad).text;
        lang_ok += out == x;
        if (out != x && std::getenv("VERBOSE"))
          std::printf("  %s %s: %s\n    -> %s\n", lang.c_str(), std::string(mojifix::detail::codec_label(p.outer)).c_str(),
                      bad.c_str(), out.c_str());
      }
    }
    std::printf("%-8s repaired %zu / %zu\n", lang.c_str(), lang_ok, lang_n);
    bad_n += lang_n;
    bad_ok += lang_ok;
  }
  const double rate = bad_n ? double(bad_ok) / double(bad_n) : 0.0;
  std::printf("clean sentences changed: %zu / %zu; corrupted sentences repaired: %zu / %zu (%.3f)\n", clean_changed,
              clean_n, bad_ok, bad_n, rate);
  std::printf("%zu passed, %zu failed\n", std::size_t(clean_changed == 0) + std::size_t(rate >= 0.95),
              std::size_t(clean_changed != 0) + std::size_t(rate < 0.95));
  return clean_changed == 0 && rate >= 0.95 ? 0 : 1;
}
