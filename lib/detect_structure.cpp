// detect_structure.cpp — byte-order marks, ISO-2022 / HZ escapes and binary data.
#include <algorithm>
#include <array>

#include "detect_layers.hpp"

namespace mojifix::detail {

std::optional<Bom> find_bom(Bytes b) noexcept {
  auto starts = [&](std::initializer_list<unsigned char> p) {
    return b.size() >= p.size() && std::equal(p.begin(), p.end(), b.begin());
  };
  if (starts({0xEF, 0xBB, 0xBF})) return Bom{"utf-8", 3};
  if (starts({0xFF, 0xFE, 0x00, 0x00})) return Bom{"utf-32le", 4};
  if (starts({0x00, 0x00, 0xFE, 0xFF})) return Bom{"utf-32be", 4};
  if (starts({0xFF, 0xFE})) return Bom{"utf-16le", 2};
  if (starts({0xFE, 0xFF})) return Bom{"utf-16be", 2};
  return std::nullopt;
}

namespace {

constexpr unsigned char kEsc = 0x1B, kSO = 0x0E, kSI = 0x0F;

bool graphic(unsigned char c) { return c >= 0x21 && c <= 0x7E; }

// Length of the ISO-2022-JP escape sequence at i and whether it switches to a double-byte set;
// 0 when it is not one.
std::size_t jp_escape(Bytes b, std::size_t i, bool& dbcs) {
  static constexpr std::array<std::string_view, 8> kSeq{"(B", "(J", "(I", "$@", "$B", "$(D", "$(Q", "$(O"};
  const std::string_view s(reinterpret_cast<const char*>(b.data()) + i + 1, std::min<std::size_t>(3, b.size() - i - 1));
  for (std::string_view e : kSeq) {
    if (s.substr(0, e.size()) == e) {
      dbcs = e[0] == '$';
      return e.size() + 1;
    }
  }
  return 0;
}

// Counts well-formed and broken double-byte segments: in a segment, bytes come in graphic pairs
// until the segment ends.
struct Segments {
  std::size_t good = 0, bad = 0;
  void close(std::size_t length, bool all_graphic) { (all_graphic && length % 2 == 0 && length > 0 ? good : bad) += 1; }
};

bool iso2022jp(Bytes b) {
  Segments seg;
  bool in_dbcs = false, graphic_only = true;
  std::size_t length = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const unsigned char c = b[i];
    if (c == kEsc) {
      bool dbcs = false;
      const std::size_t len = jp_escape(b, i, dbcs);
      if (!len) return false;
      if (in_dbcs) seg.close(length, graphic_only);
      in_dbcs = dbcs;
      length = 0;
      graphic_only = true;
      i += len - 1;
    } else if (in_dbcs) {
      if (c == '\n' || c == '\r') {
        seg.close(length, graphic_only);
        in_dbcs = false;
      } else {
        graphic_only &= graphic(c);
        ++length;
      }
    }
  }
  if (in_dbcs && length) seg.close(length - length % 2, graphic_only);  // cut at the end
  return seg.good > 0 && seg.bad * 10 <= seg.good;
}

bool iso2022kr(Bytes b) {
  const std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  const bool header = s.find("\x1B$)C") != s.npos;
  Segments seg;
  bool shifted = false, graphic_only = true;
  std::size_t length = 0;
  for (unsigned char c : b) {
    if (c == kSO) {
      shifted = true;
      length = 0;
      graphic_only = true;
    } else if (c == kSI || c == '\n') {
      if (shifted) seg.close(length, graphic_only);
      shifted = false;
    } else if (shifted) {
      graphic_only &= graphic(c);
      ++length;
    }
  }
  if (shifted && length) seg.close(length - length % 2, graphic_only);
  return (header && seg.bad == 0) || (seg.good >= 2 && seg.bad * 10 <= seg.good);
}

bool hz(Bytes b) {
  Segments seg;
  bool in_gb = false, graphic_only = true;
  std::size_t length = 0;
  for (std::size_t i = 0; i + 1 < b.size(); ++i) {
    if (b[i] != '~') {
      if (in_gb) graphic_only &= graphic(b[i]), ++length;
      continue;
    }
    const unsigned char next = b[i + 1];
    if (next == '{' && !in_gb) {
      in_gb = true;
      length = 0;
      graphic_only = true;
    } else if (next == '}' && in_gb) {
      seg.close(length, graphic_only);
      in_gb = false;
    } else if (in_gb) {
      graphic_only &= graphic(b[i]);
      ++length;
      continue;
    }
    ++i;
  }
  return seg.good > 0 && seg.bad == 0;
}

}  // namespace

std::string_view escape_encoding(Bytes b) noexcept {
  const bool esc = std::find(b.begin(), b.end(), kEsc) != b.end();
  if (esc && iso2022jp(b)) return "iso-2022-jp";
  if (std::find(b.begin(), b.end(), kSO) != b.end() && iso2022kr(b)) return "iso-2022-kr";
  if (hz(b)) return "hz-gb-2312";
  return {};
}

bool looks_binary(Bytes b) noexcept {
  static constexpr std::array<std::string_view, 8> kMagic{
      "\x89PNG\r\n\x1A\n", "PK\x03\x04", "\x7F" "ELF", "GIF87a", "GIF89a", "\xFF\xD8\xFF", "\x1F\x8B\x08",
      "%PDF-"};
  const std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  for (auto m : kMagic)
    if (s.substr(0, m.size()) == m && s.size() > m.size()) return true;
  const std::size_t n = std::min<std::size_t>(b.size(), 1 << 16);
  std::size_t nul = 0, ctrl = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned c = b[i];
    nul += c == 0;
    ctrl += (c != 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != kEsc && c != kSO &&
             c != kSI) ||
            c == 0x7F;
  }
  // Text has almost no control codes; a single NUL in a short text is not enough.
  return (ctrl >= 2 && ctrl * 100 > n * 5) || nul * 10 > n || (nul >= 2 && nul * 200 > n);
}

}  // namespace mojifix::detail
