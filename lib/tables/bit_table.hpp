// bit_table.hpp — lookup in the generated two-level code-point bitsets (internal).
#pragma once

#include <cstdint>

namespace mojifix::tables {

/// Tests code point `cp` in a table made by tools/gen/common.py:bit_table().
template <class Index>
[[nodiscard]] constexpr bool bit_test(const Index* index, const std::uint64_t* blocks, char32_t cp) noexcept {
  if (cp >= 0x110000) return false;
  const std::uint64_t* block = blocks + 4 * index[cp >> 8];
  return (block[(cp >> 6) & 3] >> (cp & 63)) & 1;
}

}  // namespace mojifix::tables
