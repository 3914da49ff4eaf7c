// decode_diff.hpp — runs a decoder the way the stream does and compares two decoders' results
// (the table decoder against ICU's); shared by the unit test and the decode_diff fuzz harness.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decode.hpp"
#include "encodings.hpp"

namespace decode_diff {

struct Output {
  std::string text;
  std::vector<std::uint32_t> map;  // raw offset per text byte
  std::vector<mojifix::Fix> fixes;
};

/// Feeds `bytes` to `d` in pieces of `piece` bytes (0 = at once), keeping what the decoder did
/// not consume for the next call, as Repairer does; the last call flushes.
inline Output run(mojifix::detail::Decoder& d, std::string_view bytes, std::size_t piece) {
  Output o;
  mojifix::detail::OffsetMap map;
  std::vector<unsigned char> raw;
  std::uint64_t consumed = 0;
  std::size_t pos = 0;
  do {
    const std::size_t take = piece ? std::min(piece, bytes.size() - pos) : bytes.size() - pos;
    raw.insert(raw.end(), bytes.begin() + std::ptrdiff_t(pos), bytes.begin() + std::ptrdiff_t(pos + take));
    pos += take;
    const std::size_t used = d.decode(raw, consumed, pos == bytes.size(), o.text, &map, o.fixes);
    raw.erase(raw.begin(), raw.begin() + std::ptrdiff_t(used));
    consumed += used;
  } while (pos < bytes.size());
  map.expand(map.size(), o.map);
  return o;
}

/// "" when both outputs agree (text, per-byte offsets, fixes), else the first difference.
inline std::string compare(const Output& want, const Output& got) {
  if (want.text != got.text) {
    std::size_t k = 0;
    while (k < want.text.size() && k < got.text.size() && want.text[k] == got.text[k]) ++k;
    return "text differs at byte " + std::to_string(k);
  }
  if (want.map != got.map) {
    std::size_t k = 0;
    while (k < want.map.size() && k < got.map.size() && want.map[k] == got.map[k]) ++k;
    return "offset map differs at text byte " + std::to_string(k);
  }
  if (want.fixes.size() != got.fixes.size())
    return "fix count " + std::to_string(want.fixes.size()) + " != " + std::to_string(got.fixes.size());
  for (std::size_t k = 0; k < want.fixes.size(); ++k) {
    const mojifix::Fix &a = want.fixes[k], &b = got.fixes[k];
    if (a.kind != b.kind || a.in.begin != b.in.begin || a.in.end != b.in.end || a.out.begin != b.out.begin ||
        a.out.end != b.out.end || a.reason != b.reason || a.text != b.text || a.lossy != b.lossy)
      return "fix " + std::to_string(k) + " differs (in " + std::to_string(a.in.begin) + ".." +
             std::to_string(a.in.end) + " vs " + std::to_string(b.in.begin) + ".." + std::to_string(b.in.end) + ")";
  }
  return "";
}

/// Canonical names of the encodings the table decoder handles.
inline std::vector<std::string> table_codecs() {
  std::vector<std::string> out;
  for (const auto& e : mojifix::detail::encodings())
    if (!e.icu.empty() && mojifix::detail::make_table_decoder(e.icu)) out.emplace_back(e.name);
  return out;
}

/// Decodes `bytes` as `codec` with ICU (whole) and with the table decoder (in pieces); "" if equal.
inline std::string check(const std::string& codec, std::string_view bytes, std::size_t piece) {
  using mojifix::detail::DecoderImpl;
  auto ref = mojifix::detail::make_decoder(codec, DecoderImpl::icu);
  auto fast = mojifix::detail::make_decoder(codec, DecoderImpl::fastest);
  if (!ref || !fast) return "no decoder for " + codec;
  const std::string why = compare(run(*ref, bytes, 0), run(*fast, bytes, piece));
  return why.empty() ? why : codec + ": " + why;
}

}  // namespace decode_diff
