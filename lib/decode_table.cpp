// decode_table.cpp — table decoder for stateless single- and multi-byte codecs (GB18030, Big5,
// Shift_JIS, EUC-*, the code pages): the tables are read from the ICU converter itself when the
// codec is first used, so every character decodes exactly as ICU decodes it. Anything the tables
// do not hold (invalid or unmapped bytes, rare long codes) is handed to ICU one character at a
// time: output, byte offsets and fixes are those of the ICU decoder.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "decode.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

// A table cell: the UTF-8 bytes of a BMP character in bits 0..23 and their count in bits
// 24..31; 0 = not in the table (ICU decides).
using Cell = std::uint32_t;

Cell make_cell(char32_t cp) {
  if (cp >= 0x10000 || (cp >= 0xD800 && cp < 0xE000)) return 0;
  if (cp < 0x80) return (1u << 24) | Cell(cp);
  if (cp < 0x800) return (2u << 24) | ((0x80 | (cp & 0x3F)) << 8) | (0xC0 | (cp >> 6));
  return (3u << 24) | ((0x80 | (cp & 0x3F)) << 16) | ((0x80 | ((cp >> 6) & 0x3F)) << 8) | (0xE0 | (cp >> 12));
}

// Collects ICU's substitutions: the index of each U+FFFD written and the bad bytes' offset/length.
struct Subs {
  const UChar* target = nullptr;
  const char* source = nullptr;
  struct Bad {
    std::size_t unit;
    std::ptrdiff_t at;
    int32_t length;
  };
  std::vector<Bad> bad;
};

void on_bad(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t length,
            UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset / close / clone
  auto* s = static_cast<Subs*>(const_cast<void*>(context));
  s->bad.push_back({std::size_t(args->target - s->target), (args->source - s->source) - length, length});
  *err = U_ZERO_ERROR;
  static const UChar sub = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &sub, 1, 0, err);
}

// One thing ICU decoded: a character (or U+FFFD for bad bytes) from source offset `at`.
struct Event {
  char32_t cp;
  std::size_t at;
  bool bad;
  int32_t bad_len;
};

// An ICU converter with the substituting callback; decodes a buffer into events.
class Icu {
 public:
  explicit Icu(UConverter* cnv) : cnv_(cnv) {
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv_, on_bad, &subs_, nullptr, nullptr, &err);
  }
  ~Icu() { ucnv_close(cnv_); }
  Icu(const Icu&) = delete;
  Icu& operator=(const Icu&) = delete;

  // Decodes `n` bytes as a whole input (flushed) from a reset state; fills `events`.
  void run(const unsigned char* p, std::size_t n, std::vector<Event>& events) {
    events.clear();
    ucnv_resetToUnicode(cnv_);
    const char* src = reinterpret_cast<const char*>(p);
    const char* const end = src + n;
    units_.resize(2 * n + 16);
    offs_.resize(units_.size());
    UErrorCode err;
    do {
      err = U_ZERO_ERROR;
      UChar* t = units_.data();
      subs_.target = t;
      subs_.source = src;
      subs_.bad.clear();
      const std::ptrdiff_t base = src - reinterpret_cast<const char*>(p);
      ucnv_toUnicode(cnv_, &t, units_.data() + units_.size(), &src, end, offs_.data(), true, &err);
      collect(std::size_t(t - units_.data()), base, events);
    } while (err == U_BUFFER_OVERFLOW_ERROR);
    ucnv_resetToUnicode(cnv_);
  }

 private:
  void collect(std::size_t n, std::ptrdiff_t base, std::vector<Event>& events) {
    std::size_t b = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (b < subs_.bad.size() && subs_.bad[b].unit == k) {
        const auto& s = subs_.bad[b++];
        events.push_back({kReplacement, std::size_t(base + s.at), true, s.length});
        continue;
      }
      char32_t c = units_[k];
      const std::size_t at = std::size_t(base + offs_[k]);
      if (c >= 0xD800 && c <= 0xDBFF && k + 1 < n && units_[k + 1] >= 0xDC00 && units_[k + 1] <= 0xDFFF &&
          !(b < subs_.bad.size() && subs_.bad[b].unit == k + 1)) {
        c = 0x10000 + ((c - 0xD800) << 10) + (units_[k + 1] - 0xDC00);
        ++k;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        c = kReplacement;  // a lone surrogate (as the ICU decoder writes it)
      }
      events.push_back({c, at, false, 0});
    }
  }

  UConverter* cnv_;
  Subs subs_;
  std::vector<UChar> units_;
  std::vector<int32_t> offs_;
};

// The tables of one converter, shared by all its decoders (read-only once built).
struct Tables {
  std::array<Cell, 256> single{};                    // one-byte characters
  std::vector<Cell> pairs;                           // lead << 8 | trail (multi-byte codecs)
  bool ascii = true;                                 // 00..7F read as themselves
  bool gb18030 = false;                              // four-byte codes: lead 81..FE, 30..39, 81..FE, 30..39
  std::vector<Cell> four;                            // GB18030 four-byte BMP codes by linear index
  std::once_flag four_once;

  static constexpr std::uint32_t kFourBmp = 39420;  // linear indexes 0..39419 are BMP code points

  // Reads the one- and two-byte characters from ICU: each probe ends with '\n', so a probe
  // counts only when ICU read it as one character ending just before the '\n'.
  void build(Icu& icu, bool multibyte) {
    std::vector<Event> ev;
    std::vector<unsigned char> buf;
    for (unsigned b = 0; b < 256; ++b) buf.insert(buf.end(), {static_cast<unsigned char>(b), '\n'});
    icu.run(buf.data(), buf.size(), ev);
    for (std::size_t k = 0; k < ev.size(); ++k)
      if (ev[k].at % 2 == 0 && one_char(ev, k, 1)) single[ev[k].at / 2] = make_cell(ev[k].cp);
    for (unsigned b = 0; b < 0x80; ++b) ascii = ascii && single[b] == make_cell(char32_t(b));
    if (!multibyte) return;
    pairs.assign(1 << 16, 0);
    for (unsigned lead = 0; lead < 256; ++lead) {
      if (single[lead]) continue;
      buf.clear();
      for (unsigned t = 0; t < 256; ++t)
        buf.insert(buf.end(), {static_cast<unsigned char>(lead), static_cast<unsigned char>(t), '\n'});
      icu.run(buf.data(), buf.size(), ev);
      for (std::size_t k = 0; k < ev.size(); ++k)
        if (ev[k].at % 3 == 0 && one_char(ev, k, 2)) pairs[(lead << 8) | (ev[k].at / 3)] = make_cell(ev[k].cp);
    }
  }

  void build_four(Icu& icu) {
    four.assign(kFourBmp, 0);
    constexpr std::uint32_t kChunk = 2048;  // probes per ICU call: small buffers
    std::vector<unsigned char> buf;
    std::vector<Event> ev;
    for (std::uint32_t first = 0; first < kFourBmp; first += kChunk) {
      const std::uint32_t last = std::min(kFourBmp, first + kChunk);
      buf.clear();
      for (std::uint32_t lin = first; lin < last; ++lin) {
        std::uint32_t v = lin;
        unsigned char b[4];
        b[3] = static_cast<unsigned char>(0x30 + v % 10), v /= 10;
        b[2] = static_cast<unsigned char>(0x81 + v % 126), v /= 126;
        b[1] = static_cast<unsigned char>(0x30 + v % 10), v /= 10;
        b[0] = static_cast<unsigned char>(0x81 + v);
        buf.insert(buf.end(), {b[0], b[1], b[2], b[3], '\n'});
      }
      icu.run(buf.data(), buf.size(), ev);
      for (std::size_t k = 0; k < ev.size(); ++k)
        if (ev[k].at % 5 == 0 && one_char(ev, k, 4)) four[first + ev[k].at / 5] = make_cell(ev[k].cp);
    }
  }

  // Event k is a good character of `len` bytes followed by the probe's '\n'.
  static bool one_char(const std::vector<Event>& ev, std::size_t k, std::size_t len) {
    return !ev[k].bad && k + 1 < ev.size() && !ev[k + 1].bad && ev[k + 1].at == ev[k].at + len &&
           ev[k + 1].cp == '\n';
  }
};

UConverter* open_converter(std::string_view name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(std::string(name).c_str(), &err);
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

// The tables for `name`, built once per process.
std::shared_ptr<Tables> tables_for(std::string_view name, Icu& icu, bool multibyte) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<Tables>, std::less<>> cache;
  const std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  auto t = std::make_shared<Tables>();
  t->build(icu, multibyte);
  t->gb18030 = std::string_view(name).find("18030") != std::string_view::npos;
  cache.emplace(std::string(name), t);
  return t;
}

class TableDecoder final : public Decoder {
 public:
  TableDecoder(UConverter* cnv, std::string_view name, bool multibyte)
      : icu_(cnv), tab_(tables_for(name, icu_, multibyte)) {}

  std::size_t decode(std::span<const unsigned char> bytes, std::uint64_t raw_pos, bool flush, std::string& text,
                     OffsetMap* map, std::vector<Fix>& fixes) override {
    const unsigned char* const p = bytes.data();
    const std::size_t n = bytes.size();
    if (out_.size() < 3 * n + 8) out_.resize(3 * n + 8);
    const Tables& t = *tab_;
    const Cell* const single = t.single.data();
    const Cell* const pairs = t.pairs.empty() ? nullptr : t.pairs.data();
    const bool ascii = t.ascii, gb4 = t.gb18030;
    char* o = out_.data();
    std::size_t i = 0;
    // The current run of characters of equal text and raw length, kept in locals.
    std::uint32_t run_raw = 0, run_count = 0, run_tw = 0, run_rw = 0;
    auto extend = [&](std::uint32_t tw, std::uint32_t rw, std::uint32_t count) {
      if (run_count && tw == run_tw && rw == run_rw) {
        run_count += count;
        return;
      }
      if (run_count && map) map->add_run(run_raw, run_count, run_tw, run_rw);
      run_raw = std::uint32_t(raw_pos + i);
      run_count = count, run_tw = tw, run_rw = rw;
    };
    auto flush_out = [&] {
      text.append(out_.data(), std::size_t(o - out_.data()));
      o = out_.data();
      if (run_count && map) map->add_run(run_raw, run_count, run_tw, run_rw);
      run_count = 0;
    };
    while (i < n) {
      // Runs of ASCII, eight bytes at a time.
      if (ascii && p[i] < 0x80) {
        std::size_t j = i;
        while (j + 8 <= n) {
          std::uint64_t w;
          std::memcpy(&w, p + j, 8);
          if (w & 0x8080808080808080ull) break;
          std::memcpy(o, p + j, 8);
          o += 8, j += 8;
        }
        for (; j < n && p[j] < 0x80; ++j) *o++ = char(p[j]);
        extend(1, 1, std::uint32_t(j - i));
        i = j;
        continue;
      }
      Cell c = single[p[i]];
      std::uint32_t len = 1;
      if (!c && pairs && i + 1 < n) {
        c = pairs[(unsigned(p[i]) << 8) | p[i + 1]];
        len = 2;
        if (!c && gb4 && i + 3 < n) {
          c = four(p + i);
          len = 4;
        }
      }
      if (c) {
        std::memcpy(o, &c, 4);  // out_ has slack: the length byte is overwritten or unused
        extend(c >> 24, len, 1);
        o += c >> 24;
        i += len;
        continue;
      }
      // Not in the tables: ICU decides, once at least a whole character is in view.
      if (!flush && n - i < 4) break;
      flush_out();
      i += slow(p + i, std::min<std::size_t>(n - i, 4), raw_pos + i, text, map, fixes);
    }
    flush_out();
    return i;
  }
  bool mapped() const noexcept override { return true; }
  std::size_t held() const noexcept override { return 0; }

 private:
  Cell four(const unsigned char* q) {
    if (q[1] < 0x30 || q[1] > 0x39 || q[2] < 0x81 || q[2] > 0xFE || q[3] < 0x30 || q[3] > 0x39) return 0;
    const std::uint32_t lin = ((std::uint32_t(q[0] - 0x81) * 10 + (q[1] - 0x30)) * 126 + (q[2] - 0x81)) * 10 + (q[3] - 0x30);
    if (lin >= Tables::kFourBmp) return 0;
    Tables& t = *tab_;
    std::call_once(t.four_once, [&] { t.build_four(icu_); });
    return t.four[lin];
  }

  // Decodes the first character (or bad sequence) of `q[0..n)` with ICU; returns its length.
  std::size_t slow(const unsigned char* q, std::size_t n, std::uint64_t raw, std::string& text,
                   OffsetMap* map, std::vector<Fix>& fixes) {
    icu_.run(q, n, ev_);
    const Event& e = ev_.front();  // ICU reports something for every non-empty input
    const std::size_t len = ev_.size() > 1 ? ev_[1].at - e.at : n - e.at;
    const std::size_t before = text.size();
    if (e.bad) push_invalid(fixes, invalid_fix(raw + e.at, std::size_t(e.bad_len), before, "invalid in this encoding"));
    append_utf8(text, e.cp);
    if (map) map->add(std::uint32_t(raw + e.at), std::uint32_t(text.size() - before));
    return e.at + len;
  }

  Icu icu_;
  std::shared_ptr<Tables> tab_;
  std::vector<Event> ev_;
  std::vector<char> out_;
};

}  // namespace

std::unique_ptr<Decoder> make_table_decoder(std::string_view icu_name) {
  UConverter* cnv = open_converter(icu_name);
  if (!cnv) return nullptr;
  const UConverterType type = ucnv_getType(cnv);
  const bool multibyte = type == UCNV_DBCS || type == UCNV_MBCS;
  const bool table = multibyte || type == UCNV_SBCS || type == UCNV_LATIN_1 || type == UCNV_US_ASCII;
  if (!table || ucnv_getMaxCharSize(cnv) > 4) {
    ucnv_close(cnv);
    return nullptr;
  }
  return std::make_unique<TableDecoder>(cnv, icu_name, multibyte);
}

}  // namespace mojifix::detail
