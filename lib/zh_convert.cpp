// zh_convert.cpp — convert(): OpenCC's maximum-match segmentation and conversion chain.
//
// OpenCC 1.1.6 splits text into segments (the longest key of the segmentation dictionary at
// each position, else a run of unmatched characters) and passes every segment through each
// step of the chain; a step replaces, at each position, the longest key of the first
// dictionary of its group that has one. This file does exactly that, with two shortcuts that
// do not change the result: ASCII never occurs in most dictionaries' keys, so ASCII runs are
// copied and end segments; and when a step's first dictionary is the segmentation dictionary,
// a matched segment converts to that key's value and an unmatched run can skip it.
#include "zh_convert.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

#include "plan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail::zh {

namespace {

inline unsigned char_len(unsigned char lead) noexcept { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

inline void append(std::string& out, const unsigned char* b, const unsigned char* e) {
  out.append(reinterpret_cast<const char*>(b), std::size_t(e - b));
}

// Collects the many short pieces of a conversion (a character, a value) in a small buffer, so
// that the output string is appended to in blocks.
class Sink {
 public:
  explicit Sink(std::string& out) : out_(out) {}
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink() { flush(); }
  void put(const char* s, std::size_t len) {
    if (len > 32) {
      flush();
      out_.append(s, len);
      return;
    }
    if (n_ + len > sizeof buf_) flush();
    for (std::size_t i = 0; i < len; ++i) buf_[n_ + i] = s[i];
    n_ += len;
  }
  void put(const unsigned char* b, const unsigned char* e) { put(reinterpret_cast<const char*>(b), std::size_t(e - b)); }
  void put(std::string_view v) { put(v.data(), v.size()); }
  void flush() {
    out_.append(buf_, n_);
    n_ = 0;
  }

 private:
  std::string& out_;
  std::size_t n_ = 0;
  char buf_[1024];
};

Group make_group(const std::int8_t* ids) {
  Group g;
  for (int i = 0; i < 3 && ids[i] >= 0; ++i) {
    g.dicts[g.size++] = &dict(static_cast<DictId>(ids[i]));
    g.ascii |= g.dicts[g.size - 1]->ascii_in_keys();
  }
  return g;
}

}  // namespace

const Chain& chain(ConvertConfig config) {
  constexpr std::size_t n = std::size(tables::opencc_configs);
  static std::array<std::once_flag, n> once;
  static std::array<Chain, n> chains;
  const auto i = static_cast<std::size_t>(config);
  std::call_once(once[i], [i] {
    const auto& data = tables::opencc_configs[i];
    Chain& c = chains[i];
    c.segmentation = &dict(static_cast<DictId>(data.segmentation));
    c.ascii = c.segmentation->ascii_in_keys();
    for (const auto& step : data.chain) {
      if (step[0] < 0) break;
      c.steps[c.size] = make_group(step);
      c.ascii |= c.steps[c.size].ascii;
      ++c.size;
    }
    c.flat = c.steps[0].dicts[0] == c.segmentation;
    for (unsigned k = 0; k < c.size; ++k)
      for (unsigned d = k == 0 ? 1 : 0; d < c.steps[k].size; ++d) c.flat &= c.steps[k].dicts[d]->max_key_chars() == 1;
    if (c.flat) {
      c.first = std::make_unique<Dict>(*c.segmentation);
      for (unsigned d = 1; d < c.steps[0].size; ++d) c.first = std::make_unique<Dict>(*c.first, *c.steps[0].dicts[d]);
    }
  });
  return chains[i];
}

const Chain& simplified_chain() {
  static constexpr std::string_view kZhe[] = {"\xE8\x91\x97\t\xE7\x9D\x80\n"};  // 著 -> 着
  static const Dict zhe(kZhe, nullptr);
  static const Chain c = [] {
    Chain ch;
    ch.segmentation = &dict(DictId::TSPhrases);
    ch.steps[0].dicts = {&dict(DictId::TWVariantsRevPhrases), &zhe, nullptr};
    ch.steps[0].size = 2;
    ch.steps[1] = chain(ConvertConfig::t2s).steps[0];
    ch.size = 2;
    return ch;
  }();
  return c;
}

void convert_step(const Group& g, const unsigned char* b, const unsigned char* e, std::string& out, unsigned skip_first) {
  const unsigned char* p = b;
  const unsigned char* copied = b;  // input before this is already in `out`
  Sink sink(out);
  while (p < e) {
    if (*p < 0x80 && !g.ascii) {
      p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(e - p)));
      continue;
    }
    Match m;
    bool hit = false;
    for (unsigned i = skip_first; i < g.size; ++i) {
      if (g.dicts[i]->longest(p, e, m)) {
        sink.put(copied, p);
        sink.put(g.dicts[i]->value(m.entry));
        p += m.len;
        copied = p;
        hit = true;
        break;
      }
    }
    if (!hit) p += char_len(*p);
  }
  sink.put(copied, e);
}

namespace {

// The first step of a flat chain in one pass: the segmentation dictionary's longest key, else
// the other (single-character) dictionaries of the group, merged into `c.first`.
void convert_flat_first(const Chain& c, std::string_view text, std::string& out) {
  const Dict& first = *c.first;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const unsigned char* copied = p;
  Sink sink(out);
  while (p < end) {
    if (*p < 0x80 && !c.ascii) {
      p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(end - p)));
      continue;
    }
    Match m;
    unsigned len;
    const char32_t cp = next_cp(p, len);
    if (first.longest(cp, len, p, end, m)) {
      sink.put(copied, p);
      sink.put(first.value(m.entry));
      p += m.len;
      copied = p;
    } else {
      p += len;
    }
  }
  sink.put(copied, end);
}

}  // namespace

void convert_into(const Chain& c, std::string_view text, std::string& out) {
  if (c.flat) {
    if (c.size == 1) return convert_flat_first(c, text, out);
    std::string a, b;
    a.reserve(text.size() + text.size() / 8 + 16);
    convert_flat_first(c, text, a);
    for (unsigned k = 1; k < c.size; ++k) {
      std::string& dst = k + 1 == c.size ? out : b;
      if (&dst != &out) dst.clear();
      const auto* ab = reinterpret_cast<const unsigned char*>(a.data());
      convert_step(c.steps[k], ab, ab + a.size(), dst);
      if (&dst != &out) a.swap(b);
    }
    return;
  }
  const Dict& seg = *c.segmentation;
  const bool fused = c.steps[0].dicts[0] == &seg;
  std::string bufs[2];
  // One segment through the whole chain.
  auto emit = [&](const unsigned char* b, const unsigned char* e, const Match* m) {
    if (b == e) return;
    std::string* cur = c.size == 1 ? &out : &bufs[0];
    if (cur != &out) cur->clear();
    if (m && fused) *cur += seg.value(m->entry);
    else convert_step(c.steps[0], b, e, *cur, (fused && !m) ? 1 : 0);
    for (unsigned k = 1; k < c.size; ++k) {
      std::string* next = k + 1 == c.size ? &out : &bufs[k & 1];
      if (next != &out) next->clear();
      const auto* nb = reinterpret_cast<const unsigned char*>(cur->data());
      convert_step(c.steps[k], nb, nb + cur->size(), *next);
      cur = next;
    }
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  const unsigned char* run = p;  // start of the current run of unmatched characters
  while (p < end) {
    if (*p < 0x80 && !c.ascii) {
      emit(run, p, nullptr);
      const unsigned char* q = p + 1;
      while (q < end && *q < 0x80) ++q;
      append(out, p, q);
      p = run = q;
      continue;
    }
    Match m;
    if (seg.longest(p, end, m)) {
      emit(run, p, nullptr);
      emit(p, p + m.len, &m);
      p = run = p + m.len;
    } else {
      p += char_len(*p);
    }
  }
  emit(run, end, nullptr);
}

}  // namespace mojifix::detail::zh

namespace mojifix {

static_assert(std::size(tables::opencc_configs) == std::size_t(ConvertConfig::jp2t) + 1,
              "ConvertConfig must list the generated configs in order");

std::optional<ConvertConfig> parse_convert_config(std::string_view name) noexcept {
  auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  if (name.size() > 5 && same(name.substr(name.size() - 5), ".json")) name.remove_suffix(5);
  for (std::size_t i = 0; i < std::size(tables::opencc_configs); ++i)
    if (same(tables::opencc_configs[i].name, name)) return static_cast<ConvertConfig>(i);
  return std::nullopt;
}

std::string_view to_string(ConvertConfig config) noexcept {
  const auto i = static_cast<std::size_t>(config);
  return i < std::size(tables::opencc_configs) ? tables::opencc_configs[i].name : std::string_view("?");
}

std::string convert(std::string_view utf8, ConvertConfig config) {
  Result clean;
  const bool repaired = detail::sanitize_utf8(utf8, clean, 1);
  const std::string_view text = repaired ? std::string_view(clean.text) : utf8;
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 16);
  detail::zh::convert_into(detail::zh::chain(config), text, out);
  return out;
}

}  // namespace mojifix
