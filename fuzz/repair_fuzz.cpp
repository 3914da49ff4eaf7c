// repair_fuzz.cpp — fuzzes repair() on arbitrary bytes.
// Invariants:
//   1. the output is valid UTF-8;
//   2. spans are sorted, non-overlapping and inside input/output; fix text matches the output;
//   3. apply_plan(input, fixes) == output (the plan replays);
//   4. repair is idempotent: repair(output) == output;
//   5. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects options so every switch gets exercised (the top two bits: the script
// target keep / hans / hant / tw).
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  mojifix::Options o;
  const std::uint8_t sel = data[0];
  o.newlines = sel & 1;
  o.strip_controls = sel & 2;
  o.form = (sel & 4) ? mojifix::NormalForm::nfkc : (sel & 8) ? mojifix::NormalForm::none : mojifix::NormalForm::nfc;
  o.bom = !(sel & 16);
  o.max_fixes = (sel & 32) ? 3 : o.max_fixes;
  o.to = static_cast<mojifix::ScriptTarget>(sel >> 6);
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const mojifix::Result r = mojifix::repair(in, o);
  fuzz::require(fuzz::valid_utf8(r.text), "output is valid UTF-8");
  fuzz::check_spans(in, r, true);
  fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays");
  fuzz::require(mojifix::repair(r.text, o).text == r.text, "repair is idempotent");
  return 0;
}
