// repair_bytes_fuzz.cpp — fuzzes repair_bytes() and the streaming Repairer on arbitrary bytes.
// Invariants:
//   1. the output is valid UTF-8;
//   2. spans are sorted, non-overlapping and inside input/output; fix text matches the output;
//   3. when the source is read as UTF-8, apply_plan(input, fixes) == output;
//   4. feeding the same bytes to a Repairer in two pieces gives the same text;
//   5. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects a forced encoding (or detection) and the split point.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::array<const char*, 10> kForced{"", "", "", "utf-8", "gb18030", "shift_jis", "big5",
                                                       "utf-16le", "iso-2022-jp", "windows-1252"};
  mojifix::Options o;
  o.encoding = kForced[data[0] % kForced.size()];
  o.newlines = data[0] & 0x80;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  const mojifix::Result r = mojifix::repair_bytes(in, o);
  fuzz::require(fuzz::valid_utf8(r.text), "output is valid UTF-8");
  fuzz::check_spans(in, r, false);
  if (r.encoding == "utf-8" || r.encoding == "ascii")
    fuzz::require(mojifix::apply_plan(in, r.fixes) == r.text, "the plan replays on UTF-8 input");
  mojifix::Repairer rep(o);
  const std::size_t cut = in.size() ? (data[0] * 7u) % (in.size() + 1) : 0;
  rep.feed(in.substr(0, cut));
  std::string text = rep.take().text;
  rep.feed(in.substr(cut));
  rep.finish();
  text += rep.take().text;
  fuzz::require(text == r.text, "streaming in two pieces gives the same text");
  return 0;
}
