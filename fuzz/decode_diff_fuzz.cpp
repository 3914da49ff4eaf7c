// decode_diff_fuzz.cpp — differential fuzzing of the table decoder against ICU's converter.
// Invariants:
//   1. for every codec the table decoder handles, decoding the input with it (fed in pieces, as
//      the stream does) gives the same UTF-8, the same raw offset per output byte and the same
//      invalid-bytes fixes as ICU's converter decoding the whole input;
//   2. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects the codec, the second the piece size (0 = the whole input at once).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "decode_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> codecs = decode_diff::table_codecs();
  if (size < 2 || codecs.empty()) return 0;
  const std::string& codec = codecs[data[0] % codecs.size()];
  const std::size_t piece = data[1] % 17;
  const std::string_view in(reinterpret_cast<const char*>(data + 2), size - 2);
  const std::string why = decode_diff::check(codec, in, piece);
  if (!why.empty()) {
    std::fprintf(stderr, "table decoder differs from ICU: %s\n", why.c_str());
    std::abort();
  }
  return 0;
}
