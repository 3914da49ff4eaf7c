// punctuation_fuzz.cpp — fuzzes the punctuation stage alone (restore_punctuation(),
// cjk_punctuation()) on arbitrary bytes, and repair() on clean Chinese text built from the input.
// Invariants:
//   1. the output is valid UTF-8;
//   2. spans are sorted, non-overlapping and inside input/output; fix text matches the output;
//   3. apply_plan(input, fixes) == output (the plan replays);
//   4. restore_punctuation() only turns one ASCII , : ; ! ( ) into its full-width form per fix,
//      never acts on text with more than one `，` per ten ASCII commas, and is idempotent;
//   5. no evidence, no change: on clean Chinese text (common characters with ASCII punctuation
//      and spaces between, no glosses, no byte damage) repair() gives the same text with the
//      punctuation stage on or off;
//   6. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects options (few fixes; which function).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"
#include "mojifix/punctuation.hpp"

namespace {

constexpr std::u32string_view kClean = U"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日";

std::string_view full_form(std::string_view ascii) {
  if (ascii == ",") return "，";
  if (ascii == ":") return "：";
  if (ascii == ";") return "；";
  if (ascii == "!") return "！";
  if (ascii == "(") return "（";
  if (ascii == ")") return "）";
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  mojifix::Options o;
  const std::uint8_t sel = data[0];
  o.max_fixes = (sel & 8) ? 3 : o.max_fixes;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const mojifix::Result r = (sel & 1) ? mojifix::cjk_punctuation(in, o) : mojifix::restore_punctuation(in, o);
  fuzz::require(fuzz::valid_utf8(r.text), "output is valid UTF-8");
  fuzz::check_spans(in, r, false);
  fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays");
  if (!(sel & 1) && fuzz::valid_utf8(in) && !(sel & 8)) {
    for (const mojifix::Fix& f : r.fixes) {
      const std::string_view before = in.substr(f.in.begin, f.in.end - f.in.begin);
      fuzz::require(!full_form(before).empty() && f.text == full_form(before), "one ASCII mark made full-width");
    }
    std::size_t full_commas = 0, ascii_commas = 0;
    for (std::size_t p = in.find("，"); p != std::string_view::npos; p = in.find("，", p + 1)) ++full_commas;
    for (char c : in) ascii_commas += c == ',';
    if (full_commas * 10 > ascii_commas) fuzz::require(r.text == in, "text with full-width commas is left alone");
    fuzz::require(mojifix::restore_punctuation(r.text, o).text == r.text, "restoring is idempotent");
  }
  // Clean Chinese text from the same bytes: no damage repaired, so no punctuation restored.
  const std::string text = fuzz::clean_cjk(data + 1, size - 1, kClean);
  mojifix::Options off;
  off.punctuation = false;
  fuzz::require(mojifix::repair(text).text == mojifix::repair(text, off).text, "clean Chinese text: no punctuation restored");
  return 0;
}
