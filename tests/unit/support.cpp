// support.cpp — test helpers (ICU for encoding test inputs).
#include "support.hpp"

#include <unicode/ucnv.h>

#include <stdexcept>

#include "mojifix/fix.hpp"

namespace test {

std::string encode(std::string_view text, const char* codec) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(codec, "UTF-8", out.data(), int32_t(out.size()), text.data(), int32_t(text.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("cannot encode to ") + codec);
  out.resize(std::size_t(n));
  return out;
}

bool valid_utf8(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open("UTF-8", &err);
  ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string buf(s.size() + 1, u'\0');
  ucnv_toUChars(c, buf.data(), int32_t(buf.size()), s.data(), int32_t(s.size()), &err);
  ucnv_close(c);
  return U_SUCCESS(err);
}

std::string plan_problem(std::string_view in, const mojifix::Result& r) {
  std::size_t in_end = 0, out_end = 0;
  for (const auto& f : r.fixes) {
    if (f.in.begin < in_end || f.in.end < f.in.begin || f.in.end > in.size()) return "bad input span";
    if (f.out.begin < out_end || f.out.end < f.out.begin || f.out.end > r.text.size()) return "bad output span";
    if (r.text.compare(f.out.begin, f.out.size(), f.text) != 0) return "fix text differs from the output";
    if (f.report && in.substr(f.in.begin, f.in.size()) != f.text) return "report-only fix changed text";
    in_end = f.in.end;
    out_end = f.out.end;
  }
  if (mojifix::apply_plan(in, r.fixes) != r.text) return "replaying the plan does not give the output";
  return {};
}

}  // namespace test
