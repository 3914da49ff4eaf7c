// punct_evidence.cpp — how often restore_punctuation() (the document evidence without the
// byte-damage condition) changes clean text: every paragraph of each corpus file, and runs of
// paragraphs of 200-2000 characters. Not built by CMake; from the repository root:
//   g++ -std=c++20 -O2 -Iinclude tools/eval/punct_evidence.cpp build/lib/libmojifix.a \
//       $(pkg-config --libs icu-i18n icu-uc) -o /tmp/punct_evidence
//   /tmp/punct_evidence ../shared/devset/corpus/A/zh-Hans.txt ../shared/devset/corpus/A/zh-Hant.txt
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>
#include "mojifix/punctuation.hpp"
int main(int argc, char** argv) {
  std::size_t n = 0, changed = 0;
  for (int a = 1; a < argc; ++a) {
    std::ifstream f(argv[a]);
    std::vector<std::string> lines;
    for (std::string l; std::getline(f, l);) lines.push_back(l);
    std::vector<std::string> docs = lines;
    std::mt19937 rng(1);
    for (std::size_t i = 0; i < lines.size();) {
      const std::size_t goal = 200 + rng() % 1801;
      std::string d;
      std::size_t chars = 0;
      while (i < lines.size() && chars < goal) {
        if (!d.empty()) d += '\n';
        d += lines[i];
        for (unsigned char c : lines[i]) chars += (c & 0xC0) != 0x80;
        ++i;
      }
      docs.push_back(d);
    }
    std::size_t c = 0;
    for (const auto& d : docs) c += mojifix::restore_punctuation(d).text != d;
    std::cout << argv[a] << ": " << c << " / " << docs.size() << " texts changed\n";
    n += docs.size();
    changed += c;
  }
  std::cout << "total: " << changed << " / " << n << "\n";
}
