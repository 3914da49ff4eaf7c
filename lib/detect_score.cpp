// detect_score.cpp — decoders for every candidate codec, scored with the model's costs.
#include "detect_score.hpp"

#include <algorithm>
#include <cstring>

#include "tables/gb18030_ranges.inc"
#include "utf8.hpp"

namespace mojifix::detail::det {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
// A character cut by the end of the bytes: as much as an unlikely character, so that a reading
// cannot win by leaving the last bytes unread.
constexpr Cost kTruncated = 12 * 4;

std::uint64_t load8(const unsigned char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/// One decoded character: `len` bytes (0: cut by the end of the bytes available).
struct Step {
  Cell cell;
  std::uint8_t len;
};

// Classes of letters with language statistics or of other alphabets (see Languages).
constexpr std::uint64_t letter_classes() {
  std::uint64_t m = 0;
  for (auto c : {model::Class::ascii_upper, model::Class::ascii_lower, model::Class::latin_upper,
                 model::Class::latin_lower, model::Class::cyr_upper, model::Class::cyr_lower,
                 model::Class::greek_upper, model::Class::greek_lower, model::Class::hebrew, model::Class::arabic,
                 model::Class::thai, model::Class::indic, model::Class::other_letter})
    m |= std::uint64_t{1} << unsigned(c);
  return m;
}
constexpr std::uint64_t kLetterClasses = letter_classes();

std::size_t is_letter(std::uint8_t cls) { return (kLetterClasses >> cls) & 1; }

// What decoding found besides characters; a decoder keeps its own (so that it stays in
// registers) and the loop hands it to the Reading at the end.
struct Found {
  std::size_t invalid = 0;
  std::uint8_t variants = 0xFF;
  bool four_byte = false;
  void into(Reading& r) const {
    r.invalid += invalid;
    r.variants &= variants;
    r.four_byte |= four_byte;
  }
};

Step bad(const Tables& t, Found& r, std::uint8_t len) {
  ++r.invalid;
  return {t.invalid, len};
}

// GB18030 four-byte code of the BMP or a supplementary plane; 0 when unassigned.
char32_t gb18030_four(unsigned b0, unsigned b1, unsigned b2, unsigned b3) noexcept {
  const std::uint32_t digits = (((b1 - 0x30) * 126 + (b2 - 0x81)) * 10 + (b3 - 0x30));
  if (b0 >= 0x90) {
    const std::uint32_t lin = (b0 - 0x90) * 12600 + digits;
    return lin < 0x100000 ? char32_t(0x10000 + lin) : 0;
  }
  const std::uint32_t lin = (b0 - 0x81) * 12600 + digits;
  const auto* first = std::begin(tables::gb18030_runs);
  const auto* last = std::end(tables::gb18030_runs);
  const auto* it = std::upper_bound(first, last, lin, [](std::uint32_t v, const tables::Gb18030Run& r) {
    return v < r.linear;
  });
  if (it == first) return 0;
  --it;
  return lin < it->linear + it->count ? char32_t(it->first + (lin - it->linear)) : 0;
}

struct Sbcs1 {
  const Tables& t;
  const Sbcs& c;
  mutable Found r;
  [[gnu::always_inline]] Step operator()(const unsigned char* p, const unsigned char*) const {
    const unsigned b = p[0];
    if (c.undefined[b]) ++r.invalid;
    return {Cell{c.cp[b], c.cls[b], c.cost[b], 0}, 1};
  }
};

struct Utf8Dec {
  const Tables& t;
  mutable Found r;
  [[gnu::always_inline]] Step operator()(const unsigned char* p, const unsigned char* end) const {
    const Decoded d = decode_utf8(p, end);
    if (d.ok) return {t.cell(d.cp), d.len};
    const unsigned c = p[0];
    const std::ptrdiff_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c >= 0xC2 && c <= 0xF4 && p + d.len == end && end - p < need) return {t.invalid, 0};
    return bad(t, r, d.len);
  }
};

// A lead byte and a trail byte of a double-byte family's grid.
[[gnu::always_inline]] inline Step dbcs_pair(const Tables& t, const Dbcs& d, Found& r, unsigned b0, unsigned b1) {
  const int k = d.index(b0, b1);
  if (k < 0) return bad(t, r, 1);
  const unsigned v = d.packed[std::size_t(k)];
  if (!(v >> 13)) return bad(t, r, b1 < 0x80 ? 1 : 2);
  r.variants &= std::uint8_t(v >> 13);
  return {Cell{d.cps[std::size_t(k)], std::uint8_t((v >> 7) & 63), std::uint8_t(v & 127), std::uint8_t(v >> 13)}, 2};
}

// Big5, Shift_JIS, EUC-KR / cp949: a lead byte and a trail byte from the family's grid.
struct PairDec {
  const Tables& t;
  const Dbcs& d;
  mutable Found r;
  bool kana;  // Shift_JIS: A1..DF are half-width katakana
  [[gnu::always_inline]] Step operator()(const unsigned char* p, const unsigned char* end) const {
    const unsigned b0 = p[0];
    if (kana && b0 >= 0xA1 && b0 <= 0xDF) return {t.cell(0xFF61 + (b0 - 0xA1)), 1};
    if (b0 < d.lead_lo || b0 > d.lead_hi) return bad(t, r, 1);
    if (end - p < 2) return {t.invalid, 0};
    return pair(p[0], p[1]);
  }
  [[gnu::always_inline]] Step pair(unsigned b0, unsigned b1) const { return dbcs_pair(t, d, r, b0, b1); }
};

struct GbDec {
  const Tables& t;
  const Dbcs& d;
  mutable Found r;
  [[gnu::always_inline]] Step operator()(const unsigned char* p, const unsigned char* end) const {
    const unsigned b0 = p[0];
    if (b0 < 0x81 || b0 > 0xFE) return bad(t, r, 1);
    if (end - p < 2) return {t.invalid, 0};
    const unsigned b1 = p[1];
    if (b1 >= 0x30 && b1 <= 0x39) {
      if (end - p < 4) return {t.invalid, 0};
      const unsigned b2 = p[2], b3 = p[3];
      if (b2 < 0x81 || b2 > 0xFE || b3 < 0x30 || b3 > 0x39) return bad(t, r, 1);
      const char32_t cp = gb18030_four(b0, b1, b2, b3);
      if (!cp) return bad(t, r, 4);
      r.four_byte = true;
      return {t.cell(cp), 4};
    }
    return dbcs_pair(t, d, r, b0, b1);
  }
};

struct EucJpDec {
  const Tables& t;
  const Dbcs& d;
  mutable Found r;
  [[gnu::always_inline]] Step operator()(const unsigned char* p, const unsigned char* end) const {
    const unsigned b0 = p[0];
    if (b0 == 0x8E || b0 == 0x8F || (b0 >= 0xA1 && b0 <= 0xFE)) {
      if (end - p < 2) return {t.invalid, 0};
      const unsigned b1 = p[1];
      if (b1 < 0xA1 || b1 > 0xFE) return bad(t, r, 1);
      if (b0 == 0x8E) return b1 <= 0xDF ? Step{t.cell(0xFF61 + (b1 - 0xA1)), 2} : bad(t, r, 2);
      if (b0 == 0x8F) {
        if (end - p < 3) return {t.invalid, 0};
        const unsigned b2 = p[2];
        if (b2 < 0xA1 || b2 > 0xFE) return bad(t, r, 2);
        const Cell& c = t.jis0212[(b1 - 0xA1) * 94 + (b2 - 0xA1)];
        return c.variants ? Step{c, 3} : bad(t, r, 3);
      }
      const int k = d.index(b0, b1);
      return k >= 0 && d.packed[std::size_t(k)] >> 13 ? Step{d.cell(k), 2} : bad(t, r, 2);
    }
    return bad(t, r, 1);
  }
};

// Records the running cost at each checkpoint up to byte `i`; false when the reading is too far
// behind the best one there.
class Pacer {
 public:
  explicit Pacer(Pace& p) : pace_(p), own_(*p.own), blocks_(p.own->size()) {}
  bool at(std::size_t i, Cost total) {
    if (pace_.best && total > pace_.best->back() + pace_.margin) return false;  // behind the best's total
    while (next_ < blocks_ && (next_ << Pace::kShift) <= i)
      if (!checkpoint(total)) return false;
    return true;
  }
  [[nodiscard]] bool due(std::size_t i) const { return (next_ << Pace::kShift) <= i; }
  // A run of ASCII bytes [i, e): `base` is the cost up to and including byte i; checkpoints
  // inside the run get the cost of the bytes before them.
  bool run(const Window& w, std::size_t i, std::size_t e, Cost base) {
    while (next_ < blocks_ && (next_ << Pace::kShift) <= e) {
      const std::size_t x = next_ << Pace::kShift;
      if (!checkpoint(x <= i + 1 ? base : base + w.inner(i, x - 1))) return false;
    }
    return true;
  }
  void finish(Cost total) {
    for (; next_ < blocks_; ++next_) own_[next_] = total;
  }

 private:
  // Records the cost at the next checkpoint; false when it falls behind the best reading there.
  bool checkpoint(Cost c) {
    own_[next_] = c;
    if (pace_.best) {
      const Cost ref = (*pace_.best)[next_];
      if (c > ref + pace_.margin + ref / 32) return false;
    }
    ++next_;
    return true;
  }
  Pace& pace_;
  std::vector<Cost>& own_;
  std::size_t blocks_, next_ = 0;
};

// The loop every ASCII-compatible reading shares.
template <bool Marks, class Dec>
Reading run_ascii_compatible(const Window& w, Dec dec, Pace& pace, Reading& r) {
  const Tables& t = tables();
  Pacer pacer(pace);
  std::size_t chars = 0, letters = 0;
  Cost total = 0;
  std::uint8_t prev = kNewline;
  [[maybe_unused]] std::uint8_t before_prev = kNewline, prev_cost = 0;
  [[maybe_unused]] unsigned prev_byte = '\n';
  std::size_t i = 0;
  const unsigned char* end = w.p + w.n;
  while (i < w.n) {
    const unsigned b = w.p[i];
    if (b < 0x80) {
      total += t.trans[prev][t.cls[b]] + t.cost[b];
      const std::size_t e = w.run_end(i);
      if (pacer.due(e) && !pacer.run(w, i, e, total)) {
        dec.r.into(r);
        r.chars = chars, r.letters = letters;
      r.cost = kAborted;
        r.end = i;
        return r;
      }
      total += w.inner(i, e - 1);
      if constexpr (Marks) {
        before_prev = e - i >= 2 ? t.cls[w.p[e - 2]] : prev;
        prev_byte = w.p[e - 1];
        prev_cost = t.cost[prev_byte];
      }
      chars += e - i;
      prev = t.cls[w.p[e - 1]];
      i = e;
    } else {
      const Step s = dec(w.p + i, end);
      if (s.len == 0) {
        total += kTruncated;
        break;
      }
      if constexpr (Marks) {
        const auto* m = std::find(t.mark_bytes.begin(), t.mark_bytes.end(), static_cast<unsigned char>(b));
        const Cell* c = m != t.mark_bytes.end() ? &t.compose[prev_byte][std::size_t(m - t.mark_bytes.begin())] : nullptr;
        if (c && c->variants) {
          // The mark and the letter before it read as one composed letter.
          total += Cost(t.trans[before_prev][c->cls]) + c->cost - t.trans[before_prev][prev] - prev_cost;
          prev = c->cls;
          prev_cost = c->cost;
          prev_byte = 0;
          ++i;
          continue;
        }
        before_prev = prev;
        prev_byte = b;
        prev_cost = s.cell.cost;
      }
      total += t.trans[prev][s.cell.cls] + s.cell.cost;
      prev = s.cell.cls;
      ++chars;
      letters += is_letter(s.cell.cls);
      i += s.len;
    }
    if (pacer.due(i) && !pacer.at(i, total)) {
      dec.r.into(r);
      r.chars = chars, r.letters = letters;
      r.cost = kAborted;
      r.end = i;
      return r;
    }
  }
  dec.r.into(r);
  r.chars = chars, r.letters = letters;
  pacer.finish(total);
  r.cost = total;
  r.end = i;
  return r;
}

template <bool Big, unsigned Unit>
Reading run_utf16_32(const Window& w, Pace& pace, Reading& r) {
  const Tables& t = tables();
  Pacer pacer(pace);
  std::size_t chars = 0, letters = 0;
  Found found;
  Cost total = 0;
  std::uint8_t prev = kNewline;
  const std::size_t n = w.n - w.n % Unit;
  std::size_t i = 0;
  auto unit = [&](std::size_t k) -> char32_t {
    if constexpr (Unit == 2) {
      return Big ? char32_t(w.p[k] << 8 | w.p[k + 1]) : char32_t(w.p[k + 1] << 8 | w.p[k]);
    } else {
      return Big ? char32_t(w.p[k]) << 24 | char32_t(w.p[k + 1]) << 16 | char32_t(w.p[k + 2]) << 8 | w.p[k + 3]
                 : char32_t(w.p[k + 3]) << 24 | char32_t(w.p[k + 2]) << 16 | char32_t(w.p[k + 1]) << 8 | w.p[k];
    }
  };
  while (i < n) {
    char32_t cp = unit(i);
    std::size_t len = Unit;
    Cell c;
    if (Unit == 2 && cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 4 > n) {  // a pair cut by the end
        total += kTruncated;
        break;
      }
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        len = 4;
        c = t.cell(cp);
      } else {
        c = bad(t, found, 2).cell;
      }
    } else if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      c = bad(t, found, std::uint8_t(Unit)).cell;
    } else {
      c = t.cell(cp);
    }
    total += t.trans[prev][c.cls] + c.cost;
    prev = c.cls;
    ++chars;
    letters += is_letter(c.cls);
    i += len;
    if (pacer.due(i) && !pacer.at(i, total)) {
      found.into(r);
      r.chars = chars, r.letters = letters;
      r.cost = kAborted;
      r.end = i;
      return r;
    }
  }
  if (w.n % Unit) total += kTruncated;
  found.into(r);
  r.chars = chars, r.letters = letters;
  pacer.finish(total);
  r.cost = total;
  r.end = i;
  return r;
}

}  // namespace

Window::Window(const unsigned char* bytes, std::size_t input_size, std::size_t count)
    : p(bytes), size(input_size), n(count), end_(new std::uint32_t[count + 1]), cum_(new Cost[count + 1]) {
  const auto* step = tables().ascii_step.data();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] >= 0x80) {
      ++high[p[i] - 0x80];
      ++i;
      continue;
    }
    std::size_t e = i + 1;
    while (e < n && p[e] < 0x80) ++e;
    ++runs;
    ascii += e - i;
    ++low[p[i]];
    Cost c = 0;
    cum_[i] = 0;
    for (std::size_t k = i + 1; k < e; ++k) {
      c += step[p[k - 1] * 128u + p[k]];
      cum_[k] = c;
      ++low[p[k]];
    }
    for (std::size_t k = i; k < e; ++k) end_[k] = std::uint32_t(e);
    i = e;
  }
  nul = low[0];
  for (unsigned b = 0; b < 128; ++b)
    if (high[b]) present[distinct++] = static_cast<std::uint8_t>(b);
}

Reading score(const Window& w, Kind kind, std::uint8_t index, Pace& limit) {
  const Tables& t = tables();
  Reading r;
  switch (kind) {
    case Kind::utf8:
      return run_ascii_compatible<false>(w, Utf8Dec{t, {}}, limit, r);
    case Kind::sbcs: {
      const Sbcs& c = t.sbcs[index];
      return c.marks ? run_ascii_compatible<true>(w, Sbcs1{t, c, {}}, limit, r)
                     : run_ascii_compatible<false>(w, Sbcs1{t, c, {}}, limit, r);
    }
    case Kind::dbcs: {
      const Family f = Family(index);
      const Dbcs& d = t.family(f);
      if (f == Family::gbk) return run_ascii_compatible<false>(w, GbDec{t, d, {}}, limit, r);
      if (f == Family::eucjp) return run_ascii_compatible<false>(w, EucJpDec{t, d, {}}, limit, r);
      return run_ascii_compatible<false>(w, PairDec{t, d, {}, f == Family::sjis}, limit, r);
    }
    case Kind::utf16le:
      return run_utf16_32<false, 2>(w, limit, r);
    case Kind::utf16be:
      return run_utf16_32<true, 2>(w, limit, r);
    case Kind::utf32le:
      return run_utf16_32<false, 4>(w, limit, r);
    case Kind::utf32be:
      return run_utf16_32<true, 4>(w, limit, r);
  }
  return r;
}

namespace {

// Walks a reading's characters from `from` to `size`, calling fn(cell) for each.
template <class Fn>
std::size_t walk(const unsigned char* p, std::size_t size, std::size_t from, Kind kind, std::uint8_t index,
                 Reading& r, Fn&& fn) {
  const Tables& t = tables();
  const unsigned char* end = p + size;
  std::size_t i = from;
  auto ascii_compatible = [&](auto dec) {
    while (i < size) {
      if (p[i] < 0x80) {
        if (!fn(t.cell(p[i]))) break;
        ++i;
        continue;
      }
      const Step s = dec(p + i, end);
      if (s.len == 0 || !fn(s.cell)) break;
      i += s.len;
    }
    dec.r.into(r);
  };
  switch (kind) {
    case Kind::utf8:
      ascii_compatible(Utf8Dec{t, {}});
      break;
    case Kind::sbcs:
      ascii_compatible(Sbcs1{t, t.sbcs[index], {}});
      break;
    case Kind::dbcs: {
      const Family f = Family(index);
      const Dbcs& d = t.family(f);
      if (f == Family::gbk) ascii_compatible(GbDec{t, d, {}});
      else if (f == Family::eucjp) ascii_compatible(EucJpDec{t, d, {}});
      else ascii_compatible(PairDec{t, d, {}, f == Family::sjis});
      break;
    }
    default: {
      const bool big = kind == Kind::utf16be || kind == Kind::utf32be;
      const unsigned unit = kind == Kind::utf16le || kind == Kind::utf16be ? 2 : 4;
      for (; i + unit <= size; i += unit) {
        char32_t cp = 0;
        for (unsigned k = 0; k < unit; ++k) cp = cp << 8 | p[i + (big ? k : unit - 1 - k)];
        if (unit == 2 && cp >= 0xD800 && cp <= 0xDBFF && i + 4 <= size) {
          const char32_t lo = big ? char32_t(p[i + 2] << 8 | p[i + 3]) : char32_t(p[i + 3] << 8 | p[i + 2]);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
          }
        }
        const bool ok = cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        if (!ok) ++r.invalid;
        if (!fn(ok ? t.cell(cp) : t.invalid)) return i;
      }
    }
  }
  return i;
}

}  // namespace

namespace {

// Under a language other than Vietnamese, a tone mark composed with the letter before it: the
// marks of windows-1258 write Vietnamese, so they are evidence for it and against any other
// language (Italian "può" read as "pụ"). Quarter bits.
constexpr Cost kForeignMark = 10 * 4;

// A code page with combining marks (windows-1258): where the scorer read a letter and the mark
// after it as one composed letter, the letter statistics count the composed letter instead of
// the base, and every language but Vietnamese pays kForeignMark for it.
void compose_deltas(const Window& w, const Sbcs& c, LangCosts& sum) {
  const Tables& t = tables();
  auto add = [&](char32_t cp, int sign) {
    if (const auto* d = t.langs.of(cp))
      for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += sign * (*d)[k];
  };
  auto foreign = [&] {  // the best-language lane stays a lower bound: Vietnamese pays nothing
    for (int k = 0; k < t.langs.count; ++k)
      if (k != t.langs.vietnamese) sum[std::size_t(k)] += kForeignMark;
  };
  unsigned prev = 0;  // byte of the letter a mark may compose with (0: none)
  for (std::size_t i = 0; i < w.n; ++i) {
    const unsigned b = w.p[i];
    const auto* m = b < 0x80 ? t.mark_bytes.end() : std::find(t.mark_bytes.begin(), t.mark_bytes.end(), b);
    if (m != t.mark_bytes.end() && prev) {
      const Cell& composed = t.compose[prev][std::size_t(m - t.mark_bytes.begin())];
      if (composed.variants) {
        add(c.cp[prev], -1);
        add(composed.cp, 1);
        foreign();
        prev = 0;
        continue;
      }
    }
    prev = b;
  }
}

}  // namespace

LangCosts letter_deltas(const Window& w, Kind kind, std::uint8_t index, ScriptCounts& scripts) {
  const Tables& t = tables();
  LangCosts sum{};
  if (kind == Kind::sbcs) {
    const Sbcs& c = t.sbcs[index];
    for (unsigned j = 0; j < w.distinct; ++j) {
      const unsigned b = w.present[j];
      const Cost h = Cost(w.high[b]);
      scripts[t.script[c.cls[b + 0x80]]] += w.high[b];
      const auto& d = c.delta[b];
      for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += h * d[k];  // all lanes: vectorizes
    }
    if (c.marks) compose_deltas(w, c, sum);
    return sum;
  }
  const bool wide = kind != Kind::utf8 && kind != Kind::dbcs;
  Reading r;
  walk(w.p, w.n, 0, kind, index, r, [&](const Cell& c) {
    if (c.cp >= 0x80 || wide) {
      scripts[t.script[c.cls]] += 1;
      if (const auto* d = t.langs.of(c.cp))
        for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += (*d)[k];
    }
    return true;
  });
  return sum;
}

LangCosts ascii_letter_deltas(const Window& w) {
  const Tables& t = tables();
  LangCosts sum{};
  for (unsigned b = 'A'; b <= 'z'; ++b) {
    const auto* d = w.low[b] ? t.langs.of(b) : nullptr;
    for (std::size_t k = 0; d && k < sum.size(); ++k) sum[k] += Cost(w.low[b]) * (*d)[k];
  }
  return sum;
}

void validate_rest(const unsigned char* p, std::size_t size, std::size_t from, Kind kind, std::uint8_t index,
                   Reading& r) {
  if (kind == Kind::sbcs) {  // only undefined bytes matter
    const Sbcs& c = tables().sbcs[index];
    for (std::size_t i = from; i < size; ++i) r.invalid += c.undefined[p[i]];
    return;
  }
  const Tables& t = tables();
  const unsigned char* end = p + size;
  auto check = [&](auto dec) {  // decoders only: nothing is scored
    for (std::size_t i = from; i < size;) {
      if (p[i] < 0x80) {
        ++i;
        while (i + 8 <= size && !(load8(p + i) & kHighBits)) i += 8;
        continue;
      }
      const Step s = dec(p + i, end);
      if (s.len == 0) break;
      i += s.len;
    }
    dec.r.into(r);
  };
  switch (kind) {
    case Kind::utf8: return check(Utf8Dec{t, {}});
    case Kind::dbcs: {
      const Family f = Family(index);
      const Dbcs& d = t.family(f);
      if (f == Family::gbk) return check(GbDec{t, d, {}});
      if (f == Family::eucjp) return check(EucJpDec{t, d, {}});
      return check(PairDec{t, d, {}, f == Family::sjis});
    }
    default: walk(p, size, from, kind, index, r, [](const Cell&) { return true; });
  }
}

void decode_prefix(const unsigned char* p, std::size_t size, Kind kind, std::uint8_t index, std::size_t max_chars,
                   std::vector<char32_t>& out) {
  Reading r;
  walk(p, size, 0, kind, index, r, [&](const Cell& c) {
    out.push_back(c.cp);
    return out.size() < max_chars;
  });
}

}  // namespace mojifix::detail::det
