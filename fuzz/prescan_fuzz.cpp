// prescan_fuzz.cpp — fuzzes the shared prescan against the stages that read its flags.
// Invariants:
//   1. every stage gives the same result (return value, text, fixes) whether it reads the whole
//      text or only the lines the prescan flags for it;
//   2. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects options (script target, normal form, the optional repairs).
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "prescan_agree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  mojifix::Options o;
  const std::uint8_t sel = data[0];
  o.to = (sel & 1) ? mojifix::ScriptTarget::hans : mojifix::ScriptTarget::keep;
  o.form = (sel & 2) ? mojifix::NormalForm::nfkc : mojifix::NormalForm::nfc;
  o.cjk_punctuation = o.newlines = o.strip_controls = (sel & 4) != 0;
  o.entities = (sel & 8) ? mojifix::Entities::on : mojifix::Entities::automatic;
  o.guess = (sel & 16) != 0;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  mojifix::Result clean;
  if (mojifix::detail::sanitize_utf8(in, clean, 1000)) in = clean.text;  // stages read valid UTF-8
  fuzz::require(mojifix::test::prescan_disagrees(in, o).empty(), "stages agree with the prescan");
  return 0;
}
