// detect_stats.cpp — the statistical layer: uchardet, with ICU's CharsetDetector as a second opinion.
#include <uchardet/uchardet.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "detect_layers.hpp"
#include "encodings.hpp"

namespace mojifix::detail {

namespace {

std::string uchardet_guess(Bytes b) {
  uchardet_t ud = uchardet_new();
  if (!ud) return {};
  std::string out;
  if (uchardet_handle_data(ud, reinterpret_cast<const char*>(b.data()), b.size()) == 0) {
    uchardet_data_end(ud);
    if (const char* cs = uchardet_get_charset(ud); cs && *cs) out = canonical_encoding(cs);
  }
  uchardet_delete(ud);
  return out;
}

struct IcuGuess {
  std::string encoding, language;
  float confidence = 0;
  std::string second;
  float second_confidence = 0;
};

IcuGuess icu_guess(Bytes b) {
  IcuGuess g;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), &ucsdet_close);
  if (U_FAILURE(err)) return g;
  // A second opinion only: ICU is slow (all recognisers run), so it sees the first 8 KiB.
  const int32_t len = int32_t(std::min<std::size_t>(b.size(), 8 << 10));
  ucsdet_setText(det.get(), reinterpret_cast<const char*>(b.data()), len, &err);
  int32_t n = 0;
  const UCharsetMatch** all = ucsdet_detectAll(det.get(), &n, &err);
  if (U_FAILURE(err) || n == 0) return g;
  g.encoding = canonical_encoding(ucsdet_getName(all[0], &err));
  g.confidence = float(ucsdet_getConfidence(all[0], &err)) / 100.0f;
  if (const char* lang = ucsdet_getLanguage(all[0], &err); lang) g.language = lang;
  for (int32_t k = 1; k < n; ++k) {
    std::string name = canonical_encoding(ucsdet_getName(all[k], &err));
    if (name != g.encoding) {
      g.second = std::move(name);
      g.second_confidence = float(ucsdet_getConfidence(all[k], &err)) / 100.0f;
      break;
    }
  }
  return g;
}

// Labels that decode the same bytes to the same text for practical purposes.
std::string_view family(std::string_view e) {
  if (e == "gb2312" || e == "gbk" || e == "gb18030") return "gb18030";
  if (e == "big5" || e == "big5-hkscs" || e == "cp950") return "big5";
  if (e == "shift_jis" || e == "cp932") return "shift_jis";
  if (e == "euc-kr" || e == "cp949") return "euc-kr";
  if (e == "iso-8859-1" || e == "windows-1252") return "windows-1252";
  return e;
}

std::string_view language_of(std::string_view e) {
  const std::string_view f = family(e);
  if (f == "gb18030" || f == "big5" || e == "hz-gb-2312") return "zh";
  if (f == "shift_jis" || e == "euc-jp" || e == "iso-2022-jp") return "ja";
  if (f == "euc-kr" || e == "iso-2022-kr") return "ko";
  if (e == "koi8-r" || e == "ibm866") return "ru";
  if (e == "koi8-u") return "uk";
  if (e == "iso-8859-7" || e == "windows-1253") return "el";
  return {};
}

}  // namespace

Detection statistical(Bytes b) {
  Detection d;
  const std::string u = uchardet_guess(b);
  const IcuGuess icu = icu_guess(b);
  const bool known_u = !u.empty() && find_encoding(u);
  if (known_u && !icu.encoding.empty() && family(u) == family(icu.encoding)) {
    d.encoding = u;
    d.confidence = std::max(0.7f, icu.confidence);
    d.reason = "uchardet and ICU agree";
    d.runner_up = icu.second;
    d.runner_up_confidence = std::min(icu.second_confidence, 1.0f - d.confidence);
  } else if (known_u) {
    d.encoding = u;
    d.confidence = 0.5f;
    d.reason = "uchardet (ICU disagrees)";
    d.runner_up = icu.encoding;
    d.runner_up_confidence = std::min(icu.confidence, 0.5f);
  } else if (!icu.encoding.empty() && find_encoding(icu.encoding)) {
    d.encoding = icu.encoding;
    d.confidence = std::min(icu.confidence, 0.6f);
    d.reason = "ICU CharsetDetector (uchardet undecided)";
    d.runner_up = icu.second;
    d.runner_up_confidence = std::min(icu.second_confidence, d.confidence);
  } else {
    d.encoding = "windows-1252";
    d.confidence = 0.1f;
    d.reason = "no detector decided: windows-1252 decodes every byte";
  }
  d.language = !icu.language.empty() && family(icu.encoding) == family(d.encoding) ? icu.language
                                                                                     : std::string(language_of(d.encoding));
  return d;
}

}  // namespace mojifix::detail
