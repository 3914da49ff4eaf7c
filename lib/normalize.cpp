// normalize.cpp — the normalize stage: leading BOM, NFC/NFKC, line endings, C0 controls.
#include "mojifix/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstring>

#include "plan.hpp"
#include "prescan.hpp"
#include "stage.hpp"
#include "bmp_bits.hpp"
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

// The BMP suspects of a form, but ASCII and the CJK ideographs U+4000..U+9FFF, which never change
// under NFC or NFKC.
const BmpBits& suspect_bits(NormalForm form) {
  static const BmpBits nfc = BmpBits::of([](char32_t cp) {
    return cp >= 0x80 && !(cp >= 0x4000 && cp <= 0x9FFF) && suspect(NormalForm::nfc, cp);
  });
  static const BmpBits nfkc = BmpBits::of([](char32_t cp) {
    return cp >= 0x80 && !(cp >= 0x4000 && cp <= 0x9FFF) && suspect(NormalForm::nfkc, cp);
  });
  return form == NormalForm::nfkc ? nfkc : nfc;
}

const icu::Normalizer2* normalizer(NormalForm form) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      form == NormalForm::nfkc ? icu::Normalizer2::getNFKCInstance(err) : icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) ? n : nullptr;
}

// Skips ASCII (and, with `controls`, stops at bytes below 0x20), eight bytes at a time.
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
  while (i < n && b[i] < 0x80 && !(controls && b[i] < 0x20)) ++i;
  return i;
}

}  // namespace

bool nfc_char(char32_t cp) noexcept { return cp < 0x10000 ? suspect_bits(NormalForm::nfc).test(cp) : suspect(NormalForm::nfc, cp); }

namespace {

// Pass 1: leading BOM, line endings and C0 controls. These run first so that NFC sees
// characters a removed control separated (a starter, NUL, combining mark composes).
bool clean_controls(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  EditBuilder b(in, out, o.max_fixes);
  const bool controls = o.newlines || o.strip_controls;
  const std::size_t n = in.size();
  std::size_t i = 0;
  // At the document start: every byte-order mark, and controls being stripped between them
  // (removing one must not bring another to the front: repairs are idempotent).
  while (o.bom && ctx.document_start && i < n) {
    if (in.substr(i, 3) == "\xEF\xBB\xBF") {
      b.replace({i, i + 3}, "", FixKind::bom, 1.0f, "byte-order mark");
      i += 3;
    } else if (o.strip_controls && static_cast<unsigned char>(in[i]) < 0x20 && in[i] != '\t' && in[i] != '\n' &&
               in[i] != '\r') {
      b.replace({i, i + 1}, "", FixKind::control, 1.0f, "C0 control character");
      ++i;
    } else {
      break;
    }
  }
  if (!controls) return b.finish();
  while ((i = skip_quiet(in, i, true)) < n) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c >= 0x80) {
      ++i;
      continue;
    }
    if (c == '\r' && o.newlines) {
      const bool crlf = i + 1 < n && in[i + 1] == '\n';
      b.replace({i, i + (crlf ? 2u : 1u)}, "\n", FixKind::newline, 1.0f, crlf ? "CRLF line ending" : "CR line ending");
      i += crlf ? 2 : 1;
    } else if (o.strip_controls && c != '\t' && c != '\n' && c != '\r') {
      b.replace({i, i + 1}, "", FixKind::control, 1.0f, "C0 control character");
      ++i;
    } else {
      ++i;
    }
  }
  return b.finish();
}

// Pass 2: NFC / NFKC on segments around the characters the tables mark as suspects.
bool normalize_form(std::string_view in, const Options& o, const Prescan* pre, Result& out) {
  EditBuilder b(in, out, o.max_fixes);
  const NormalForm form = o.form;
  if (form == NormalForm::none) return false;
  const icu::Normalizer2* norm = nullptr;
  const char* form_name = form == NormalForm::nfkc ? "not in NFKC" : "not in NFC";
  const std::size_t n = in.size();
  const BmpBits& bits = suspect_bits(form);
  constexpr std::size_t none = ~std::size_t{0};
  std::size_t i = 0, floor = 0;
  // The prescan knows the NFC suspects only.
  for (const Span& range : scan_ranges(form == NormalForm::nfc ? pre : nullptr, kPreNfc, n)) {
    const std::string_view part = in.substr(0, range.end);
    for (i = std::max(i, range.begin); i < range.end;) {
      // ASCII and the CJK ideographs U+4000..U+9FFF (lead bytes E4..E9) are never suspects.
      i = next_lead_outside(part, i, 0xE4, 0xE9);
      if (i == range.end) break;
      const Decoded d = decode_at(in, i);
      if (!(d.cp < 0x10000 ? bits.test(d.cp) : suspect(form, d.cp))) {
        i += d.len;
        continue;
      }
      const std::size_t prev = i > 0 ? char_start(in, i - 1) : none;  // the character before: a starter
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
      i = e;
    }
  }
  return b.finish();
}

}  // namespace

bool normalize_stage(std::string_view in, const Options& o, const Context& ctx, Result& out) {
  Result first;
  const bool cleaned = clean_controls(in, o, ctx, first);
  const std::string_view mid = cleaned ? std::string_view(first.text) : in;
  if (!normalize_form(mid, o, cleaned ? nullptr : ctx.pre, out)) {
    if (!cleaned) return false;
    out = std::move(first);
    return true;
  }
  if (cleaned) out.fixes = compose(first.fixes, out.fixes, out.text);
  return true;
}

}  // namespace mojifix::detail

namespace mojifix {

Result normalize(std::string_view utf8, const Options& options) {
  return detail::run_alone(utf8, options, &detail::normalize_stage);
}

}  // namespace mojifix
