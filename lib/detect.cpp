// detect.cpp — detect(): BOM, escapes, strict UTF-8, NUL patterns, binary, then statistics.
#include "mojifix/detect.hpp"

#include <algorithm>
#include <array>

#include "detect_layers.hpp"
#include "utf8.hpp"

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

std::string_view nul_pattern(Bytes b) noexcept {
  const std::size_t n = std::min<std::size_t>(b.size(), 1 << 16);
  if (n < 4) return {};
  std::array<std::size_t, 4> zeros{};  // NUL bytes per position modulo 4
  for (std::size_t i = 0; i < n; ++i) zeros[i & 3] += b[i] == 0;
  const double q = double(n / 4);
  const double z0 = zeros[0] / q, z1 = zeros[1] / q, z2 = zeros[2] / q, z3 = zeros[3] / q;
  // UTF-32: three NULs per unit for BMP text outside Latin-1 still leaves two.
  if (z2 > 0.9 && z3 > 0.9 && z0 < 0.5 && z1 < 0.9 && n % 4 == 0) return "utf-32le";
  if (z0 > 0.9 && z1 > 0.9 && z3 < 0.5 && z2 < 0.9 && n % 4 == 0) return "utf-32be";
  const double even = (z0 + z2) / 2, odd = (z1 + z3) / 2;
  if (odd > 0.4 && even < 0.05) return "utf-16le";
  if (even > 0.4 && odd < 0.05) return "utf-16be";
  return {};
}

std::string_view escape_encoding(Bytes b) noexcept {
  const std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  if (s.find("\x1B$B") != s.npos || s.find("\x1B$@") != s.npos || s.find("\x1B(J") != s.npos) return "iso-2022-jp";
  if (s.find("\x1B$)C") != s.npos) return "iso-2022-kr";
  const std::size_t open = s.find("~{");
  if (open != s.npos && s.find("~}", open) != s.npos) return "hz-gb-2312";
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
    ctrl += (c != 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
  }
  // Text has almost no control codes; a single NUL in a short text is not enough.
  return (ctrl >= 2 && ctrl * 100 > n * 5) || nul * 10 > n || (nul >= 2 && nul * 200 > n);
}

}  // namespace mojifix::detail

namespace mojifix {

Detection detect(std::span<const std::byte> raw) noexcept {
  using namespace detail;
  const Bytes b(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  Detection d;
  auto set = [&](std::string_view enc, float conf, std::string_view why) {
    d.encoding = std::string(enc);
    d.confidence = conf;
    d.reason = std::string(why);
    return d;
  };
  if (b.empty()) return set("ascii", 1.0f, "empty input");
  if (auto bom = find_bom(b)) return set(bom->encoding, 1.0f, "byte-order mark");
  const std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  const std::size_t ascii = ascii_prefix(s);
  if (ascii == s.size()) {
    if (auto esc = escape_encoding(b); !esc.empty()) return set(esc, 0.95f, "escape sequences");
    if (s.find('\0') == s.npos) return set("ascii", 1.0f, "ascii only: every ASCII-compatible encoding agrees");
  }
  if (auto pat = nul_pattern(b); !pat.empty()) return set(pat, 0.9f, "NUL byte pattern of UTF-16/32");
  if (looks_binary(b)) {
    d.binary = true;
    return set("binary", 0.9f, "NUL bytes or control codes: binary data");
  }
  // Strict UTF-8: count multibyte characters; a lone one may be chance, several are not.
  if (valid_prefix(s) == s.size()) {
    std::size_t multi = 0;
    for (std::size_t i = ascii; i < s.size() && multi < 8; ++i)
      multi += (static_cast<unsigned char>(s[i]) & 0xC0) == 0xC0;
    const float conf = multi >= 3 ? 0.99f : multi == 2 ? 0.95f : 0.8f;
    d = set("utf-8", conf, "valid utf-8");
    if (multi < 3) {
      const Detection other = statistical(b);
      if (other.encoding != "utf-8" && other.encoding != "ascii" && !other.encoding.empty()) {
        d.runner_up = other.encoding;
        d.runner_up_confidence = std::min(other.confidence, 1.0f - conf);
      }
    }
    return d;
  }
  // Mostly UTF-8: valid multibyte characters far outnumber the broken sequences (a UTF-8
  // file with a few stray bytes); a legacy codec would turn the valid ones into mojibake.
  std::size_t good = 0, bad = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = ascii; i < s.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const Decoded dc = decode_utf8(p + i, p + s.size());
    (dc.ok ? good : bad) += 1;
    i += dc.len;
  }
  if (good >= 2 && bad * 4 <= good) {
    d = set("utf-8", good >= 8 * bad ? 0.9f : 0.7f, "utf-8 with a few invalid bytes");
    return d;
  }
  return statistical(b);
}

Detection detect(std::string_view bytes) noexcept {
  return detect(std::span<const std::byte>(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()));
}

}  // namespace mojifix
