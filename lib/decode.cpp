// decode.cpp — UTF-8 (own, validating) and ICU decoders with byte-offset tracking.
#include "decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <array>

#include "encodings.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

constexpr std::string_view kFFFD = "\xEF\xBF\xBD";

}  // namespace

Fix invalid_fix(std::uint64_t raw, std::size_t raw_len, std::size_t out, std::string_view why) {
  Fix f;
  f.kind = FixKind::invalid_bytes;
  f.in = {std::size_t(raw), std::size_t(raw + raw_len)};
  f.out = {out, out + 3};
  f.reason = std::string(why);
  f.text = std::string(kFFFD);
  f.lossy = true;
  return f;
}

void push_invalid(std::vector<Fix>& fixes, Fix f) {
  if (!fixes.empty()) {
    Fix& last = fixes.back();
    if (last.kind == FixKind::invalid_bytes && last.in.end == f.in.begin && last.out.end == f.out.begin) {
      last.in.end = f.in.end;
      last.out.end = f.out.end;
      last.text += f.text;
      return;
    }
  }
  fixes.push_back(std::move(f));
}

namespace {

class Utf8Decoder final : public Decoder {
 public:
  std::size_t decode(std::span<const unsigned char> bytes, std::uint64_t raw_pos, bool flush, std::string& text,
                     OffsetMap*, std::vector<Fix>& fixes) override {
    std::string_view s(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::size_t n = s.size();
    if (!flush) n = complete_prefix(s);
    std::size_t i = 0;
    const auto* b = bytes.data();
    while (i < n) {
      const std::size_t ok = valid_prefix(s.substr(i, n - i));
      text.append(s.substr(i, ok));
      i += ok;
      if (i >= n) break;
      const Decoded d = decode_utf8(b + i, b + n);
      push_invalid(fixes, invalid_fix(raw_pos + i, d.len, text.size(), "invalid utf-8"));
      text.append(kFFFD);
      i += d.len;
    }
    return n;
  }
  bool mapped() const noexcept override { return false; }
  std::size_t held() const noexcept override { return 0; }

 private:
  // Length of `s` without a final character that is valid so far but incomplete.
  static std::size_t complete_prefix(std::string_view s) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
      const unsigned c = b[n - back];
      if (c < 0x80) return n;
      if (c < 0xC0) continue;
      const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (back >= need) return n;
      const Decoded d = decode_utf8(b + n - back, b + n);
      // Incomplete but so far valid: decode_utf8 stops at the end, reporting the bytes seen.
      return (!d.ok && d.len == back) ? n - back : n;
    }
    return n;
  }
};

struct CallbackState {
  UChar* buffer = nullptr;       // start of the current target buffer
  const char* call_source = nullptr;
  struct Bad {
    std::size_t unit;            // index of the U+FFFD in the target buffer
    std::ptrdiff_t source;       // offset of the bad bytes relative to call_source
    int32_t length;
  };
  std::vector<Bad> bad;
};

void on_invalid(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/,
                            int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset / close / clone
  auto* st = static_cast<CallbackState*>(const_cast<void*>(context));
  st->bad.push_back({std::size_t(args->target - st->buffer), (args->source - st->call_source) - length, length});
  *err = U_ZERO_ERROR;
  static const UChar sub = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

class IcuDecoder final : public Decoder {
 public:
  explicit IcuDecoder(UConverter* cnv) : cnv_(cnv) {
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv_, on_invalid, &state_, nullptr, nullptr, &err);
  }
  ~IcuDecoder() override { ucnv_close(cnv_); }
  IcuDecoder(const IcuDecoder&) = delete;
  IcuDecoder& operator=(const IcuDecoder&) = delete;

  std::size_t decode(std::span<const unsigned char> bytes, std::uint64_t raw_pos, bool flush, std::string& text,
                     OffsetMap* map, std::vector<Fix>& fixes) override {
    const char* src = reinterpret_cast<const char*>(bytes.data());
    const char* const src_end = src + bytes.size();
    std::array<UChar, 8192> buf;
    std::array<int32_t, 8192> offs;
    UErrorCode err;
    do {
      err = U_ZERO_ERROR;
      UChar* t = buf.data();
      state_.buffer = buf.data();
      state_.call_source = src;
      state_.bad.clear();
      const char* call_start = src;
      ucnv_toUnicode(cnv_, &t, buf.data() + buf.size(), &src, src_end, offs.data(), flush, &err);
      emit(buf.data(), std::size_t(t - buf.data()), offs.data(), raw_pos + std::uint64_t(call_start - reinterpret_cast<const char*>(bytes.data())),
           text, map, fixes);
    } while (err == U_BUFFER_OVERFLOW_ERROR);
    if (flush && high_) {  // a lone high surrogate at the very end
      append_char(kReplacement, last_raw_, text, map);
      high_ = 0;
    }
    return bytes.size();
  }
  bool mapped() const noexcept override { return true; }
  std::size_t held() const noexcept override {
    UErrorCode err = U_ZERO_ERROR;
    const int32_t n = ucnv_toUCountPending(cnv_, &err);
    return U_SUCCESS(err) && n > 0 ? std::size_t(n) : 0;
  }

 private:
  void append_char(char32_t cp, std::uint64_t raw, std::string& text, OffsetMap* map) {
    const std::size_t before = text.size();
    append_utf8(text, cp);
    if (map) map->add(std::uint32_t(raw), std::uint32_t(text.size() - before));
  }

  void emit(const UChar* u, std::size_t n, const int32_t* offs, std::uint64_t call_raw, std::string& text,
            OffsetMap* map, std::vector<Fix>& fixes) {
    std::size_t next_bad = 0;
    const std::size_t next_bad_unit = state_.bad.empty() ? n : state_.bad[0].unit;
    std::size_t k = 0;
    // Fast path: BMP characters up to the first substitution or surrogate.
    if (!high_) {
      // Written into scratch buffers (no zero-filling of the output), then appended.
      scratch_.resize(3 * n);
      char* o = scratch_.data();
      for (; k < next_bad_unit; ++k) {
        const char32_t c = u[k];
        if (c >= 0xD800 && c <= 0xDFFF) break;
        const std::uint64_t raw = offs[k] >= 0 ? call_raw + std::uint64_t(offs[k]) : last_raw_;
        last_raw_ = raw;
        std::size_t len;
        if (c < 0x80) {
          o[0] = char(c);
          len = 1;
        } else if (c < 0x800) {
          o[0] = char(0xC0 | (c >> 6));
          o[1] = char(0x80 | (c & 0x3F));
          len = 2;
        } else {
          o[0] = char(0xE0 | (c >> 12));
          o[1] = char(0x80 | ((c >> 6) & 0x3F));
          o[2] = char(0x80 | (c & 0x3F));
          len = 3;
        }
        o += len;
        if (map) map->add(std::uint32_t(raw), std::uint32_t(len));
      }
      text.append(scratch_.data(), std::size_t(o - scratch_.data()));
    }
    for (; k < n; ++k) {
      const std::uint64_t raw = offs[k] >= 0 ? call_raw + std::uint64_t(offs[k]) : last_raw_;
      if (next_bad < state_.bad.size() && state_.bad[next_bad].unit == k) {
        const auto& bad = state_.bad[next_bad++];
        const std::uint64_t at = bad.source >= 0 ? call_raw + std::uint64_t(bad.source) : last_raw_;
        flush_high(text, map);
        push_invalid(fixes, invalid_fix(at, std::size_t(bad.length), text.size(), "invalid in this encoding"));
        append_char(kReplacement, at, text, map);
        last_raw_ = at + std::uint64_t(bad.length);
        continue;
      }
      const char32_t c = u[k];
      if (c >= 0xD800 && c <= 0xDBFF) {
        flush_high(text, map);
        high_ = c;
        high_raw_ = raw;
        continue;
      }
      if (c >= 0xDC00 && c <= 0xDFFF && high_) {
        append_char(0x10000 + ((high_ - 0xD800) << 10) + (c - 0xDC00), high_raw_, text, map);
        high_ = 0;
      } else {
        flush_high(text, map);
        append_char((c >= 0xD800 && c <= 0xDFFF) ? kReplacement : c, raw, text, map);
      }
      last_raw_ = raw;
    }
  }

  void flush_high(std::string& text, OffsetMap* map) {
    if (!high_) return;
    append_char(kReplacement, high_raw_, text, map);
    high_ = 0;
  }

  UConverter* cnv_;
  CallbackState state_;
  std::vector<char> scratch_;               // UTF-8 of one ICU buffer
  char32_t high_ = 0;  // a high surrogate waiting for its pair across buffers
  std::uint64_t high_raw_ = 0;
  std::uint64_t last_raw_ = 0;
};

}  // namespace

std::unique_ptr<Decoder> make_decoder(std::string_view canonical, DecoderImpl impl) {
  const Encoding* e = find_encoding(canonical);
  if (!e) return nullptr;
  if (e->icu.empty()) return std::make_unique<Utf8Decoder>();
  if (impl == DecoderImpl::fastest) {
    if (auto t = make_table_decoder(e->icu)) return t;
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(std::string(e->icu).c_str(), &err);
  if (U_FAILURE(err) || !cnv) return nullptr;
  return std::make_unique<IcuDecoder>(cnv);
}

}  // namespace mojifix::detail
