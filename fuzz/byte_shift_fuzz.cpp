// byte_shift_fuzz.cpp — fuzzes the byte_shift stage alone (byte_shift()) on arbitrary bytes, and
// repair() on clean CJK text built from the input.
// Invariants:
//   1. the output is valid UTF-8;
//   2. spans are sorted, non-overlapping and inside input/output; fix text matches the output;
//   3. apply_plan(input, fixes) == output (the plan replays);
//   4. the stage is idempotent: byte_shift(output) == output;
//   5. clean CJK text is unchanged: a sequence of common characters (a fixed list indexed by the
//      input bytes, with ASCII punctuation and spaces between) comes back byte for byte;
//   6. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects options (guessing, few fixes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"

namespace {

// Common characters of Chinese and Japanese text (none is rare or a mis-decoding symptom).
constexpr std::u32string_view kClean = U"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  mojifix::Options o;
  const std::uint8_t sel = data[0];
  o.guess = sel & 1;
  o.max_fixes = (sel & 8) ? 3 : o.max_fixes;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const mojifix::Result r = mojifix::byte_shift(in, o);
  fuzz::require(fuzz::valid_utf8(r.text), "output is valid UTF-8");
  fuzz::check_spans(in, r, false);
  fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays");
  fuzz::require(mojifix::byte_shift(r.text, o).text == r.text, "the stage is idempotent");
  // Clean CJK text from the same bytes: characters of the list, ASCII punctuation between.
  const std::string utf8 = fuzz::clean_cjk(data + 1, size - 1, kClean);
  fuzz::require(mojifix::byte_shift(utf8, o).text == utf8, "clean CJK text is unchanged");
  return 0;
}
