// datasets.cpp — builds benchmark inputs (ICU does the encoding and the mis-decoding).
#include "datasets.hpp"

#include <unicode/ucnv.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bench {

namespace {
std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  return lines;
}

std::string convert(const std::string& bytes, const char* to, const char* from) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(to, from, out.data(), int32_t(out.size()), bytes.data(), int32_t(bytes.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU conversion failed: ") + from + " -> " + to);
  out.resize(std::size_t(n));
  return out;
}

// UTF-8 bytes read as windows-1252, undefined bytes kept as C1 controls (what browsers do).
std::string as_cp1252(const std::string& utf8) {
  static const char16_t high[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  for (unsigned char b : utf8) {
    const char32_t cp = (b >= 0x80 && b < 0xA0) ? high[b - 0x80] : b;
    if (cp < 0x80) {
      out.push_back(char(cp));
    } else if (cp < 0x800) {
      out.push_back(char(0xC0 | (cp >> 6)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(char(0xE0 | (cp >> 12)));
      out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}
}  // namespace

std::string repeat_corpus(const std::string& corpus, const std::vector<std::string>& langs, std::size_t bytes) {
  std::vector<std::string> lines;
  for (const auto& l : langs) {
    auto v = read_lines(corpus + "/" + l + ".txt");
    lines.insert(lines.end(), v.begin(), v.end());
  }
  std::string out;
  if (lines.empty()) return out;
  out.reserve(bytes + 4096);
  for (std::size_t i = 0; out.size() < bytes; ++i) (out += lines[i % lines.size()]) += '\n';
  return out;
}

std::string mojibake_text(const std::string& corpus, std::size_t bytes) {
  std::vector<std::string> lines;
  for (const char* l : {"de", "fr", "es", "pl", "ru", "el", "zh-Hans", "ja", "ko", "vi", "tr"}) {
    auto v = read_lines(corpus + "/" + l + ".txt");
    if (v.size() > 2000) v.resize(2000);
    lines.insert(lines.end(), v.begin(), v.end());
  }
  std::string out;
  if (lines.empty()) return out;
  out.reserve(bytes + 8192);
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    const std::string& l = lines[(i * 7919) % lines.size()];
    if (i % 3 == 0) out += as_cp1252(l);
    else if (i % 3 == 1) out += convert(l, "UTF-8", "GBK");
    else out += l;
    out += '\n';
  }
  return out;
}

std::string encode(const std::string& text, const char* codec) { return convert(text, codec, "UTF-8"); }

std::vector<std::string> samples(const std::string& bytes, std::size_t size, std::size_t count) {
  std::vector<std::string> out;
  if (bytes.size() < size * 2) return out;
  const std::size_t step = (bytes.size() - size) / (count + 1);
  for (std::size_t k = 1; k <= count; ++k) {
    std::size_t at = bytes.find('\n', k * step);
    if (at == std::string::npos || at + 1 + size > bytes.size()) break;
    out.push_back(bytes.substr(at + 1, size));
  }
  return out;
}

}  // namespace bench
