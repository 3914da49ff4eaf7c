// encoder.cpp — ICU converters from UTF-16 to the output encoding, stopping (or
// substituting) at the first unmappable character.
#include "encoder.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <vector>

#include "messages.hpp"

namespace mojifix::cli {

namespace {

struct CallbackState {
  bool lossy = false;
  std::uint64_t replaced = 0;
  UChar32 bad = 0;
  int32_t bad_units = 0;
};

void on_unmappable(const void* context, UConverterFromUnicodeArgs* args, const UChar* units, int32_t length,
                   UChar32 cp, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset / close / clone
  auto* st = static_cast<CallbackState*>(const_cast<void*>(context));
  if (st->lossy) {
    ++st->replaced;
    UCNV_FROM_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, cp, reason, err);
    return;
  }
  st->bad = cp;
  st->bad_units = length;  // *err stays a failure: the conversion stops here
}

UConverter* open_encoder(const std::string& enc) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(enc.c_str(), &err);
  if (U_FAILURE(err)) {
    if (c) ucnv_close(c);
    return nullptr;
  }
  return c;
}

}  // namespace

bool can_encode(const std::string& enc) {
  if (enc == "binary") return false;
  UConverter* c = open_encoder(enc);
  if (c) ucnv_close(c);
  return c != nullptr;
}

struct EncodingSink::Impl {
  ByteSink& next;
  std::string enc, file;
  UConverter* cnv = nullptr;
  CallbackState state;
  std::uint64_t line = 1, column = 1;  // position of the next character in the text
  std::vector<UChar> u16;
  std::vector<char> out = std::vector<char>(1u << 16);

  Impl(ByteSink& n, std::string e, std::string f) : next(n), enc(std::move(e)), file(std::move(f)) {}

  // Advances line/column over UTF-16 units [0, n) of u16.
  void advance(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (u16[i] == '\n') {
        ++line;
        column = 1;
      } else if (!U16_IS_TRAIL(u16[i])) {
        ++column;
      }
    }
  }

  bool convert(const UChar* src, const UChar* end, bool flush, std::string& error) {
    const UChar* const begin = src;
    for (;;) {
      UErrorCode err = U_ZERO_ERROR;
      char* t = out.data();
      ucnv_fromUnicode(cnv, &t, out.data() + out.size(), &src, end, nullptr, flush, &err);
      if (t > out.data() && !next.write(std::string_view(out.data(), std::size_t(t - out.data())))) {
        error = next.error();
        return false;
      }
      if (err == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(err)) {
        const std::size_t at = std::size_t(src - begin) - std::size_t(state.bad_units > 0 ? state.bad_units : 1);
        advance(at);
        char cp[16];
        std::snprintf(cp, sizeof cp, "U+%04X", unsigned(state.bad));
        std::string ch;
        if (state.bad >= 0x20) {
          char8_t b[4];
          int32_t k = 0;
          U8_APPEND_UNSAFE(b, k, state.bad);
          ch = " \"" + std::string(reinterpret_cast<const char*>(b), std::size_t(k)) + "\"";
        }
        error = msg("{1}:{2}:{3}: {4} cannot be written in {5} (--lossy replaces it with '?')",
                    {file, std::to_string(line), std::to_string(column), std::string(cp) + ch, enc});
        return false;
      }
      advance(std::size_t(src - begin));
      return true;
    }
  }
};

EncodingSink::EncodingSink(ByteSink& next, const std::string& enc, bool lossy, std::string file)
    : impl_(std::make_unique<Impl>(next, enc, std::move(file))) {
  impl_->cnv = open_encoder(enc);
  impl_->state.lossy = lossy;
  if (!impl_->cnv) {
    error_ = msg("unknown output encoding: {1}", {enc});
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(impl_->cnv, on_unmappable, &impl_->state, nullptr, nullptr, &err);
  static const UChar question[] = {u'?'};
  err = U_ZERO_ERROR;
  ucnv_setSubstString(impl_->cnv, question, 1, &err);
}

EncodingSink::~EncodingSink() {
  if (impl_->cnv) ucnv_close(impl_->cnv);
}

bool EncodingSink::write(std::string_view utf8) {
  if (!error_.empty()) return false;
  Impl& m = *impl_;
  m.u16.resize(utf8.size() + 1);
  int32_t len = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(m.u16.data(), int32_t(m.u16.size()), &len, utf8.data(), int32_t(utf8.size()), 0xFFFD, nullptr,
                       &err);
  if (U_FAILURE(err)) {
    error_ = msg("cannot write {1}: {2}", {m.file, u_errorName(err)});
    return false;
  }
  return m.convert(m.u16.data(), m.u16.data() + len, false, error_);
}

bool EncodingSink::close() {
  if (!error_.empty()) return false;
  if (!impl_->convert(nullptr, nullptr, true, error_)) return false;
  if (!impl_->next.close()) {
    error_ = impl_->next.error();
    return false;
  }
  return true;
}

std::uint64_t EncodingSink::replaced() const noexcept { return impl_->state.replaced; }

}  // namespace mojifix::cli
