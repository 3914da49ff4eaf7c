// zh_fuzz.cpp — fuzzes convert(), classify(), annotations() and script() on arbitrary bytes.
// Invariants:
//   1. every output is valid UTF-8;
//   2. convert() works line by line: convert(a "\n" b) == convert(a) "\n" convert(b) (no
//      dictionary key holds a line break), and never drops a NUL; on valid UTF-8 it equals a
//      plain reading of OpenCC's algorithm (zh_convert_reference.hpp: no shortcut, no fused
//      pass);
//   3. classify(): spans sorted and inside the text, sentences in order, the character counts
//      add up to the Han count;
//   4. annotations() and script(): spans valid, the plan replays, a second run changes nothing;
//   5. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects the config and the script target.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"
#include "zh_convert.hpp"
#include "zh_convert_reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t sel = data[0];
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto config = static_cast<mojifix::ConvertConfig>(sel % 14);

  const std::string out = mojifix::convert(in, config);
  fuzz::require(fuzz::valid_utf8(out), "convert output is valid UTF-8");
  if (fuzz::valid_utf8(in)) {
    fuzz::require(std::count(out.begin(), out.end(), '\0') == std::count(in.begin(), in.end(), '\0'), "NUL kept");
    const auto& chain = mojifix::detail::zh::chain(config);
    fuzz::require(out == mojifix::detail::zh::reference_convert(chain, in), "convert equals OpenCC's plain algorithm");
    const std::size_t nl = in.find('\n');
    if (nl != std::string_view::npos) {
      const std::string joined = mojifix::convert(in.substr(0, nl), config) + "\n" + mojifix::convert(in.substr(nl + 1), config);
      fuzz::require(joined == out, "convert works line by line");
    }
  }

  const mojifix::ScriptStats st = mojifix::classify(in);
  const mojifix::ScriptCounts& c = st.counts;
  fuzz::require(c.simplified + c.traditional + c.shared + c.japanese == c.han, "counts add up");
  std::size_t end = 0;
  for (const auto& m : st.minority) {
    fuzz::require(m.span.begin >= end && m.span.begin < m.span.end, "minority spans sorted");
    end = m.span.end;
  }
  end = 0;
  for (const auto& s : st.sentences) {
    fuzz::require(s.span.begin >= end && s.span.begin < s.span.end, "sentences in order");
    end = s.span.end;
  }

  mojifix::Options o;
  o.to = static_cast<mojifix::ScriptTarget>((sel >> 4) % 5);
  for (int stage = 0; stage < 2; ++stage) {
    const mojifix::Result r = stage == 0 ? mojifix::annotations(in, o) : mojifix::script(in, o);
    fuzz::require(fuzz::valid_utf8(r.text), "stage output is valid UTF-8");
    fuzz::check_spans(in, r, true);
    fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays");
    const mojifix::Result again = stage == 0 ? mojifix::annotations(r.text, o) : mojifix::script(r.text, o);
    fuzz::require(again.text == r.text, "a second run changes nothing");
  }
  return 0;
}
