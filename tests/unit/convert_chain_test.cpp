// convert_chain_test.cpp — the chunked, step-by-step conversion (internal) against a plain
// reading of OpenCC's algorithm (zh_convert_reference.hpp).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "zh_convert.hpp"
#include "zh_convert_reference.hpp"

using namespace mojifix::detail::zh;

namespace {

// About `bytes` of text built from the chain's own keys and values (so that phrases of every
// step meet and overlap, also as the text before the chain spells them), random Han, ASCII
// words and, when `lines`, line breaks.
std::string sample(const Chain& c, std::size_t bytes, bool lines, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<const Dict*> dicts{c.segmentation};
  for (unsigned k = 0; k < c.size; ++k)
    for (unsigned i = 0; i < c.steps[k].size; ++i) dicts.push_back(c.steps[k].dicts[i]);
  if (c.run_phrases && c.run_phrases->size() > 0) dicts.push_back(c.run_phrases.get());  // later keys as runs spell them
  // Keys of the segmentation dictionary (step 1 of a `lead` chain) with a part spelled as step
  // 0 finds it: step 1 then matches across a change of step 0.
  std::vector<std::pair<std::string_view, std::string_view>> back;  // value -> key of step 0
  if (c.lead)
    for (unsigned i = 0; i < c.steps[0].size; ++i)
      for (std::uint32_t e = 0; e < c.steps[0].dicts[i]->size(); ++e)
        back.emplace_back(c.steps[0].dicts[i]->value(e), c.steps[0].dicts[i]->key(e));
  auto respelled = [&] {
    std::string k(c.segmentation->key(std::uint32_t(rng() % c.segmentation->size())));
    for (int tries = 0; tries < 400; ++tries) {
      const auto& [v, key] = back[rng() % back.size()];
      if (const std::size_t at = k.find(v); !v.empty() && at != std::string::npos) return k.replace(at, v.size(), key);
    }
    return k;
  };
  std::string s;
  while (s.size() < bytes) {
    if (!back.empty() && rng() % 4 == 0) {
      s += respelled();
      continue;
    }
    const unsigned pick = rng() % 16;
    const Dict& d = *dicts[rng() % dicts.size()];
    const auto e = std::uint32_t(rng() % d.size());
    if (pick < 7) s += d.key(e);
    else if (pick < 10) s += d.value(e);
    else if (pick < 13) {
      const char32_t cp = 0x4E00 + rng() % 0x5200;
      s += char(0xE0 | (cp >> 12));
      s += char(0x80 | ((cp >> 6) & 0x3F));
      s += char(0x80 | (cp & 0x3F));
    } else if (pick < 15) s += rng() % 2 ? " word " : "PN";
    else s += lines ? "\n" : "，";
  }
  return s;
}

}  // namespace

TEST_CASE("convert chain: chunks and one-pass steps equal segment-by-segment conversion", "[convert]") {
  for (std::size_t i = 0; i <= std::size_t(mojifix::ConvertConfig::jp2t); ++i) {
    const auto cfg = static_cast<mojifix::ConvertConfig>(i);
    const Chain& c = chain(cfg);
    for (const bool lines : {true, false}) {
      INFO("config " << mojifix::to_string(cfg) << (lines ? " with" : " without") << " line breaks");
      const std::string text = sample(c, 150000, lines, unsigned(i));
      std::string out;
      convert_into(c, text, out);
      CHECK(out == reference_convert(c, text));
    }
  }
  for (const Chain* c : {&simplified_chain(), &naive_simplified_chain()}) {
    const std::string text = sample(*c, 150000, false, 99);
    std::string out;
    convert_into(*c, text, out);
    CHECK(out == reference_convert(*c, text));
  }
}
