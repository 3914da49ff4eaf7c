// mojifix/options.hpp — switches for every repair stage, one field per named fix.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace mojifix {

/// Unicode normalization form applied by the normalize stage.
enum class NormalForm : std::uint8_t { none, nfc, nfkc };

/// Target script of the script stage (`--to`).
enum class ScriptTarget : std::uint8_t {
  keep,  ///< unify mixed text to its dominant script; leave pure text alone (default)
  hans,  ///< Simplified Chinese
  hant,  ///< Traditional Chinese, in the regional standard the text already uses
  tw,    ///< Traditional Chinese, Taiwan standard forms
  hk,    ///< Traditional Chinese, Hong Kong standard forms
};

/// When the mojibake stage decodes HTML character references (`&eacute;`, `&#233;`, `&#xE9;`).
enum class Entities : std::uint8_t {
  off,        ///< never
  automatic,  ///< only in text without markup (no `<tag`), and only inside repaired mojibake
  on,         ///< also in text with markup (still only inside repaired mojibake)
};

/// Options for repair() and repair_bytes(). Defaults repair what is certain and leave
/// clean text byte-identical. Field names match the stage names and CLI flags.
struct Options {
  // --- mojibake stage (`--no-mojibake`)
  bool mojibake = true;                ///< undo wrong-codec decoding
  bool guess = false;                  ///< `--guess`: fill a character whose bytes were lost with the
                                       ///< most plausible candidate (reported as a guess), not U+FFFD
  Entities entities = Entities::automatic;  ///< `--entities auto|on|off`

  // --- byte_shift stage (`--no-byte-shift`; `guess` above also applies)
  bool byte_shift = true;              ///< realign GBK/Big5/Shift_JIS bytes out of step (lost or
                                       ///< inserted bytes, byte-level glosses)

  // --- punctuation stage (`--no-punctuation`; `--cjk-punctuation` makes it convert all)
  bool punctuation = true;             ///< restore `，：；！（）` flattened to ASCII, only in text
                                       ///< where byte_shift or annotations repaired damage and
                                       ///< the document shows the flattening (`--no-punctuation`)
  bool cjk_punctuation = false;        ///< `--cjk-punctuation`: ASCII `,:;!?()` next to CJK text
                                       ///< become full-width (，：；！？（）)

  // --- annotations stage (`--no-annotations`)
  bool annotations = true;             ///< remove flattened reading glosses: 時(shí)間 -> 時間

  // --- script stage (`--no-script`)
  bool script = true;                  ///< unify mixed Simplified/Traditional text
  ScriptTarget to = ScriptTarget::keep;  ///< `--to hans|hant|tw|hk`: convert all Chinese text

  // --- normalize stage (`--no-normalize`)
  bool normalize = true;               ///< run the normalize stage at all
  NormalForm form = NormalForm::nfc;   ///< `--form nfc|nfkc|none`
  bool newlines = false;               ///< `--newlines`: CRLF and lone CR become LF
  bool strip_controls = false;         ///< `--strip-controls`: drop C0 controls but \t \n (\r kept
                                       ///< unless `newlines`)
  bool bom = true;                     ///< drop a leading U+FEFF (`--keep-bom` turns it off)

  // --- decoding (repair_bytes)
  std::string encoding;                ///< `--encoding ENC`: source encoding; empty = detect

  // --- limits
  std::size_t max_fixes = 1u << 16;    ///< more fixes than this are merged into coarser ones
};

}  // namespace mojifix
