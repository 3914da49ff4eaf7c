// detect_tables.hpp — flat tables detection scores with (internal).
//
// Built once from the plausibility model (lib/model, through its header) and the codec tables
// (lib/tables/dbcs_*.inc, detect_*.inc): per code point its class and cost, the class-to-class
// transition costs, and for every candidate codec what each byte or byte pair decodes to with
// that class and cost already looked up. Scoring a reading is then a few array reads per
// character.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace mojifix::detail::det {

using Cost = std::int32_t;  ///< quarter bits, like model::Cost
inline constexpr int kClasses = int(model::Class::count_);
inline constexpr std::uint8_t kNewline = std::uint8_t(model::Class::newline);
inline constexpr int kMaxLangs = 40;  ///< languages with letter statistics (lib/tables/detect_langs.inc)
using LangCosts = std::array<Cost, kMaxLangs>;

/// A decoded character as detection sees it.
struct Cell {
  char32_t cp = 0xFFFD;
  std::uint8_t cls = 0;
  std::uint8_t cost = 0;
  std::uint8_t variants = 0;  ///< double-byte families: bit i = variant i defines it; 0 = undefined
};

/// A single-byte codec: every byte's class and cost (undefined bytes: the invalid cell).
struct Sbcs {
  std::string_view label;
  std::array<char32_t, 256> cp{};
  std::array<std::uint8_t, 256> cls{};
  std::array<std::uint8_t, 256> cost{};
  std::array<bool, 256> undefined{};
  bool marks = false;  ///< has combining marks that compose with the letter before (windows-1258)
  /// Per language: how much more (or less) the letter a high byte decodes to costs under the
  /// language's letter statistics than under the model (0 for what is not a letter).
  std::array<std::array<std::int16_t, kMaxLangs>, 128> delta{};  ///< [high byte - 0x80][language]
};

/// Letter statistics of languages (lib/tables/detect_langs.inc). Under a language a letter costs
/// -log2 P(letter | its model class) from the language's counts, smoothed towards the model; a
/// letter of another script costs a fixed penalty.
struct Languages {
  int count = 0;
  std::array<std::string_view, kMaxLangs> code{};
  std::vector<std::uint16_t> letter;                       ///< cp < kLetterLimit -> 1 + index, 0: none
  std::vector<std::array<std::int16_t, kMaxLangs>> delta;  ///< per letter index: language cost - model cost
  static constexpr char32_t kLetterLimit = 0x2000;
  static constexpr int kBest = kMaxLangs - 1;  ///< delta lane holding the lowest delta of any language

  [[nodiscard]] const std::array<std::int16_t, kMaxLangs>* of(char32_t cp) const noexcept {
    if (cp >= kLetterLimit || !letter[cp]) return nullptr;
    return &delta[letter[cp] - 1u];
  }
};

/// The double-byte families of lib/tables/dbcs_*.inc.
enum class Family : std::uint8_t { gbk, big5, sjis, euckr, eucjp, count_ };

/// A double-byte family. Per pair of its grid ((lead - lead_lo) * row_size + column): the code
/// point, and packed in 16 bits (the scoring loops read only these) cost, class and variants.
struct Dbcs {
  std::string_view family;
  unsigned char lead_lo = 0, lead_hi = 0;
  std::array<std::int16_t, 256> column{};  ///< trail byte -> column, -1 when not a trail byte
  unsigned row_size = 0;
  std::vector<std::uint16_t> packed;         ///< cost | class << 7 | variants << 13
  std::vector<char32_t> cps;
  std::array<std::string_view, 3> variant{};  ///< variant names, smallest first

  static constexpr std::uint16_t pack(const Cell& c) noexcept {
    return std::uint16_t(std::min<unsigned>(c.cost, 127) | unsigned(c.cls) << 7 | unsigned(c.variants) << 13);
  }
  /// The pair's index in the grid, or -1 when the bytes are not a lead and a trail byte.
  [[nodiscard]] int index(unsigned lead, unsigned trail) const noexcept {
    if (lead < lead_lo || lead > lead_hi || column[trail] < 0) return -1;
    return int((lead - lead_lo) * row_size + unsigned(column[trail]));
  }
  [[nodiscard]] Cell cell(int k) const noexcept {
    const unsigned v = packed[std::size_t(k)];
    return Cell{cps[std::size_t(k)], std::uint8_t((v >> 7) & 63), std::uint8_t(v & 127), std::uint8_t(v >> 13)};
  }
};
static_assert(kClasses <= 64, "Dbcs::packed holds the class in six bits");

struct Tables {
  std::vector<std::uint8_t> cls, cost;                       ///< per BMP code point
  std::vector<std::uint16_t> ascii_step;                     ///< [a * 128 + b]: cost of ASCII b after a
  std::array<std::array<std::uint16_t, kClasses>, kClasses> trans{};  ///< class -> class
  /// Script of the letters of a class: 0 none, 1 Latin, 2 Cyrillic, 3 Greek, 4 Hebrew, 5 Arabic,
  /// 6 Thai, 7 other.
  std::array<std::uint8_t, kClasses> script{};
  static constexpr std::size_t kScripts = 8;
  Cell invalid;                                                ///< what an undecodable byte costs
  std::vector<Sbcs> sbcs;
  static constexpr std::size_t kMaxSbcs = 32;
  /// The cost of each high byte in every single-byte codec, codecs side by side (for bounds).
  std::array<std::array<std::uint8_t, kMaxSbcs>, 128> sbcs_cost{};
  std::array<Dbcs, std::size_t(Family::count_)> dbcs;
  std::vector<Cell> jis0212;                                   ///< EUC-JP 8F A1..FE A1..FE
  /// windows-1258: the composed letter for (byte of a base letter, index of the mark byte).
  std::vector<std::array<Cell, 5>> compose;
  std::array<unsigned char, 5> mark_bytes{};
  Languages langs;

  [[nodiscard]] Cell cell(char32_t cp) const noexcept;  ///< class and cost of any code point
  [[nodiscard]] const Dbcs& family(Family f) const noexcept { return dbcs[std::size_t(f)]; }
};

/// The tables, built on first use (thread-safe).
[[nodiscard]] const Tables& tables();

}  // namespace mojifix::detail::det
