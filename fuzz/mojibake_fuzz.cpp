// mojibake_fuzz.cpp — fuzzes the mojibake stage alone (mojibake()) on arbitrary bytes.
// Invariants:
//   1. the output is valid UTF-8;
//   2. spans are sorted, non-overlapping and inside input/output; fix text matches the output;
//      a report-only fix keeps the input text;
//   3. apply_plan(input, fixes) == output (the plan replays);
//   4. the stage is idempotent: mojibake(output) == output;
//   5. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects options (guessing, entity mode).
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  mojifix::Options o;
  const std::uint8_t sel = data[0];
  o.guess = sel & 1;
  o.entities = (sel & 2) ? mojifix::Entities::on : (sel & 4) ? mojifix::Entities::off : mojifix::Entities::automatic;
  o.max_fixes = (sel & 8) ? 3 : o.max_fixes;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const mojifix::Result r = mojifix::mojibake(in, o);
  fuzz::require(fuzz::valid_utf8(r.text), "output is valid UTF-8");
  fuzz::check_spans(in, r, false);
  fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays");
  fuzz::require(mojifix::mojibake(r.text, o).text == r.text, "the stage is idempotent");
  return 0;
}
