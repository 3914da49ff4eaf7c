// normalize.cpp — the normalize stage: leading BOM, NFC/NFKC, line endings, C0 controls.
#include "mojifix/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstring>

#include "plan.hpp"
#include "stage.hpp"
#include "tables/bit_table.hpp"
#include "tables/normalization.inc"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

bool suspect(NormalForm form, char32_t cp) noexcept {
  using namespace tables;
  return form == NormalForm::nfkc ? bit_test(nfkc_suspect_index, nfkc_suspect_blocks, cp)
                                  : bit_test(nfc_suspect_index, nfc_suspect_blocks, cp);
}

const icu::Normalizer2* normalizer(NormalForm form) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      form == NormalForm::nfkc ? icu::Normalizer2::getNFKCInstance(err) : icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) ? n : nullptr;
}

// True for a byte the ASCII loop must stop at: non-ASCII, or a control the options handle.
inline bool stop_byte(unsigned char c, bool controls) noexcept { return c >= 0x80 || (controls && c < 0x20); }

// Skips bytes that need no attention, eight at a time when possible.
std::size_t skip_quiet(std::string_view s, std::size_t i, bool controls) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, b + i, 8);
    std::uint64_t bad = x & high;
    if (controls) bad |= (x - ones * 0x20) & ~x & high;  // some byte < 0x20
    if (bad) break;
  }
  while (i < n && !stop_byte(b[i], controls)) ++i;
  return i;
}

}  // namespace

bool normalize_stage(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  EditBuilder b(in, out, o.max_fixes);
  const NormalForm form = o.form;
  const bool controls = o.newlines || o.strip_controls;
  const icu::Normalizer2* norm = nullptr;
  const char* form_name = form == NormalForm::nfkc ? "not in NFKC" : "not in NFC";
  const std::size_t n = in.size();
  std::size_t i = 0, floor = 0;
  constexpr std::size_t none = ~std::size_t{0};
  std::size_t prev = none;  // start of the previous character (a starter) not yet part of a fix
  if (o.bom && ctx.document_start && in.substr(0, 3) == "\xEF\xBB\xBF") {
    b.replace({0, 3}, "", FixKind::bom, 1.0f, "byte-order mark");
    i = floor = 3;
  }
  while (i < n) {
    const std::size_t j = skip_quiet(in, i, controls);
    if (j > i) {
      prev = j - 1;
      i = j;
      if (i == n) break;
    }
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {  // a control character the options care about
      if (c == '\r' && o.newlines) {
        const bool crlf = i + 1 < n && in[i + 1] == '\n';
        b.replace({i, i + (crlf ? 2u : 1u)}, "\n", FixKind::newline, 1.0f, crlf ? "CRLF line ending" : "CR line ending");
        i = floor = i + (crlf ? 2 : 1);
        prev = none;
      } else if (o.strip_controls && c != '\t' && c != '\n' && c != '\r') {
        b.replace({i, i + 1}, "", FixKind::control, 1.0f, "C0 control character");
        i = floor = i + 1;
        prev = none;
      } else {
        prev = i++;
      }
      continue;
    }
    const Decoded d = decode_at(in, i);
    if (form == NormalForm::none || !suspect(form, d.cp)) {
      prev = i;
      i += d.len;
      continue;
    }
    // A segment from the last starter before the suspect to the next non-suspect character.
    const std::size_t s = (prev != none && prev >= floor) ? prev : i;
    std::size_t e = i + d.len;
    while (e < n && static_cast<unsigned char>(in[e]) >= 0x80) {
      const Decoded next = decode_at(in, e);
      if (!suspect(form, next.cp)) break;
      e += next.len;
    }
    if (!norm) norm = normalizer(form);
    if (norm) {
      std::string normalized;
      icu::StringByteSink<std::string> sink(&normalized, int32_t(e - s + 8));
      UErrorCode err = U_ZERO_ERROR;
      norm->normalizeUTF8(0, icu::StringPiece(in.data() + s, int32_t(e - s)), sink, nullptr, err);
      if (U_SUCCESS(err) && normalized != in.substr(s, e - s)) {
        b.replace({s, e}, normalized, FixKind::normalization, 1.0f, form_name);
        floor = e;
      }
    }
    prev = none;
    i = e;
  }
  return b.finish();
}

}  // namespace mojifix::detail

namespace mojifix {

Result normalize(std::string_view utf8, const Options& options) {
  Result clean;
  const bool had_invalid = detail::sanitize_utf8(utf8, clean, options.max_fixes);
  const std::string_view text = had_invalid ? std::string_view(clean.text) : utf8;
  Result r;
  if (!detail::normalize_stage(text, options, detail::Context{}, r)) r.text = std::string(text);
  if (had_invalid) r.fixes = detail::compose(clean.fixes, r.fixes, r.text);
  return r;
}

}  // namespace mojifix
