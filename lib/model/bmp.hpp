// bmp.hpp — the model's per-character data of the BMP, read straight from the generated tables
// (no set-up at start-up): class, cost and the flags fast paths test (internal).
#pragma once

#include <array>
#include <cstdint>

#include "model/model.hpp"
#include "tables/model_chars.inc"

namespace mojifix::model::bmp {

static_assert(int(Class::count_) == tables::model_class_count, "Class enum out of step with gen_model.py");

inline constexpr std::array<std::uint8_t, 256> kB64 = [] {
  std::array<std::uint8_t, 256> v{};
  for (int i = 0; i < 64; ++i) v[static_cast<unsigned char>(tables::model_b64[i])] = std::uint8_t(i);
  return v;
}();

/// Classes whose characters get pair statistics (CJK text).
[[nodiscard]] constexpr bool pair_class(Class c) noexcept {
  switch (c) {
    case Class::han: case Class::han_rare: case Class::hiragana: case Class::katakana: case Class::hangul:
    case Class::cjk_punct: case Class::fullwidth_punct: case Class::fullwidth_alnum: case Class::halfwidth_kana:
    case Class::bopomofo: case Class::jamo: case Class::cjk_compat:
      return true;
    default:
      return false;
  }
}

/// Classes that real text rarely shows and mis-decoding often produces.
[[nodiscard]] constexpr bool suspect_class(Class c) noexcept {
  switch (c) {
    case Class::control: case Class::c1: case Class::pua: case Class::unassigned: case Class::replacement:
    case Class::latin1_symbol: case Class::letterlike: case Class::math_arrows: case Class::box:
    case Class::shapes: case Class::modifier: case Class::halfwidth_kana: case Class::han_rare:
    case Class::cjk_compat: case Class::jamo: case Class::combining: case Class::other_symbol:
    case Class::currency: case Class::bopomofo: case Class::format: case Class::latin1_punct:
      return true;
    default:
      return false;
  }
}

inline constexpr std::uint8_t kSuspect = 1, kCjk = 2;

/// Flags per (class, cost code): a non-ASCII character is suspect when its class is, or when it
/// is a letter or CJK character that is rare in real text.
inline constexpr auto kFlags = [] {
  std::array<std::array<std::uint8_t, 64>, std::size_t(Class::count_)> t{};
  for (std::size_t c = 0; c < t.size(); ++c) {
    const Class k = Class(c);
    for (int v = 0; v < 64; ++v) {
      bool s = suspect_class(k);
      if (!s && k != Class::space && k != Class::newline) s = 2 * v >= (pair_class(k) ? 15 * kBit : 12 * kBit);
      t[c][std::size_t(v)] = std::uint8_t((s ? kSuspect : 0) | (pair_class(k) ? kCjk : 0));
    }
  }
  return t;
}();

[[nodiscard]] inline Class cls(char32_t cp) noexcept {
  return Class(kB64[static_cast<unsigned char>(tables::model_bmp_class[cp])]);
}
[[nodiscard]] inline Cost cost(char32_t cp) noexcept {
  return Cost(2 * kB64[static_cast<unsigned char>(tables::model_bmp_cost[cp])]);
}
/// kSuspect | kCjk bits of a BMP code point (none below U+0080 for kSuspect).
[[nodiscard]] inline std::uint8_t flags(char32_t cp) noexcept {
  const std::uint8_t f = kFlags[kB64[static_cast<unsigned char>(tables::model_bmp_class[cp])]]
                               [kB64[static_cast<unsigned char>(tables::model_bmp_cost[cp])]];
  return cp < 0x80 ? std::uint8_t(f & ~kSuspect) : f;
}
[[nodiscard]] inline bool suspect(char32_t cp) noexcept { return flags(cp) & kSuspect; }
[[nodiscard]] inline bool cjk(char32_t cp) noexcept { return flags(cp) & kCjk; }

}  // namespace mojifix::model::bmp
