// detect_fuzz.cpp — fuzzes detect() on arbitrary bytes.
// Invariants:
//   1. an encoding name is always returned, and repair_bytes() can decode with it;
//   2. confidences are in [0, 1];
//   3. the answer is deterministic;
//   4. no crash, undefined behaviour or leak (sanitizers).
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "mojifix/mojifix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const mojifix::Detection d = mojifix::detect(in);
  fuzz::require(!d.encoding.empty(), "an encoding is named");
  fuzz::require(d.confidence >= 0.0f && d.confidence <= 1.0f, "confidence in [0,1]");
  fuzz::require(d.runner_up_confidence >= 0.0f && d.runner_up_confidence <= 1.0f, "runner-up confidence in [0,1]");
  fuzz::require(d.binary || mojifix::canonical_encoding(d.encoding).has_value(), "the encoding is one mojifix decodes");
  const mojifix::Detection again = mojifix::detect(in);
  fuzz::require(again.encoding == d.encoding && again.confidence == d.confidence, "deterministic");
  return 0;
}
