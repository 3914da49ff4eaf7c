// zh_han.hpp — which code points are Han characters, kana (internal).
#pragma once

namespace mojifix::detail::zh {

/// CJK unified ideographs (with extensions A-H) and compatibility ideographs.
[[nodiscard]] constexpr bool is_han(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x323AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

/// Hiragana, katakana (with the phonetic extensions and half-width forms), but not the
/// prolonged sound mark or middle dot, which Chinese text borrows too.
[[nodiscard]] constexpr bool is_kana(char32_t cp) noexcept {
  return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF6F) || (cp >= 0xFF71 && cp <= 0xFF9D);
}

}  // namespace mojifix::detail::zh
