// zh_convert.cpp — convert(): OpenCC's maximum-match segmentation and conversion chain.
//
// OpenCC 1.1.6 splits text into segments (the longest key of the segmentation dictionary at
// each position, else a run of unmatched characters) and passes every segment through each
// step of the chain; a step replaces, at each position, the longest key of the first
// dictionary of its group that has one. This file does the same step by step: the
// segmentation records where segments end, and each step takes the longest key that does not
// cross such an end (a run of unmatched characters is one segment). Shortcuts that do not
// change the result: ASCII runs are skipped by dictionaries without ASCII keys; when the
// first step starts with the segmentation dictionary, segmentation and first step are one
// pass; and the text goes through the chain a chunk at a time, cut where no key can cross.
#include "zh_convert.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "plan.hpp"
#include "stage.hpp"
#include "tables/zh_naive.inc"
#include "utf8.hpp"

namespace mojifix::detail::zh {

namespace {

inline unsigned char_len(unsigned char lead) noexcept { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// Collects the many short pieces of a conversion (a character, a value) in a buffer with
// slack, so that a short piece is one fixed 16-byte copy and the output string is appended
// to in large blocks.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() { flush(); }
  /// Bytes in the output so far, flushed or not.
  [[nodiscard]] std::size_t size() const noexcept { return out_.size() + n_; }
  /// Appends [s, e); `readable` bytes can be read from `s` (at least e - s).
  [[gnu::always_inline]] void put(const unsigned char* s, const unsigned char* e, std::size_t readable) {
    const auto len = std::size_t(e - s);
    if (n_ + len > kBuf) {
      flush();
      if (len > kBuf) {
        out_.append(reinterpret_cast<const char*>(s), len);
        return;
      }
    }
    if (len <= kSlack && readable >= kSlack) std::memcpy(buf_ + n_, s, kSlack);
    else std::memcpy(buf_ + n_, s, len);
    n_ += len;
  }
  /// Appends a dictionary value (its arena is padded: see Dict::value).
  [[gnu::always_inline]] void put(std::string_view v) {
    const auto* s = reinterpret_cast<const unsigned char*>(v.data());
    put(s, s + v.size(), kSlack);
  }
  void flush() {
    out_.append(buf_, n_);
    n_ = 0;
  }

 private:
  static constexpr std::size_t kBuf = 8192, kSlack = 16;
  std::string& out_;
  std::size_t n_ = 0;
  char buf_[kBuf + kSlack];
};

// Sets the derived fields of a group whose dictionaries are filled in.
void finish(Group& g) {
  g.ascii = false;
  g.starts.assign(0x10000 / 64, 0);
  for (unsigned i = 0; i < g.size; ++i) {
    g.ascii |= g.dicts[i]->ascii_in_keys();
    for (char32_t cp = 0; cp < 0x10000; ++cp)
      if (g.dicts[i]->may_start(cp)) g.starts[cp >> 6] |= std::uint64_t(1) << (cp & 63);
  }
}

Group make_group(const std::int8_t* ids) {
  Group g;
  for (int i = 0; i < 3 && ids[i] >= 0; ++i) g.dicts[g.size++] = &dict(static_cast<DictId>(ids[i]));
  finish(g);
  return g;
}

// A segment through steps `from`.. of `c`.
std::string through_steps(const Chain& c, unsigned from, std::string_view v) {
  std::string in(v), out;
  for (unsigned k = from; k < c.size; ++k) {
    out.clear();
    const auto* b = reinterpret_cast<const unsigned char*>(in.data());
    convert_step(c.steps[k], b, b + in.size(), out);
    in.swap(out);
  }
  return in;
}

// Sets the fields of a fused chain with later steps that let runs skip them (see composed).
void compose_later(Chain& c) {
  c.later_starts.assign(0x10000 / 64, 0);
  for (unsigned k = 1; k < c.size; ++k)
    for (std::size_t i = 0; i < c.later_starts.size(); ++i) c.later_starts[i] |= c.steps[k].starts[i];
  const Dict& first = *c.first;
  const std::size_t seg_entries = c.segmentation->size();
  c.composed_at.resize(seg_entries);
  for (std::uint32_t e = 0; e < seg_entries; ++e) {
    const std::string v = through_steps(c, 1, first.value(e));
    c.composed_at[e] = {std::uint32_t(c.composed.size()), std::uint32_t(v.size())};
    c.composed += v;
  }
  c.composed.append(16, '\0');  // Writer::put reads 16 bytes
  for (unsigned k = 1; k < c.size; ++k) {
    const Group& g = c.steps[k];
    if (k + 1 < c.size && g.size == 1 && c.steps[k + 1].size == 1 && c.steps[k + 1].dicts[0]->max_key_chars() == 1) {
      // Step k's values through step k + 1, and step k + 1's characters where step k has none.
      const Dict& d = *g.dicts[0];
      std::string table;
      for (std::uint32_t e = 0; e < d.size(); ++e) {
        table += d.key(e);
        table += '\t';
        const std::string_view v = d.value(e);
        const auto* b = reinterpret_cast<const unsigned char*>(v.data());
        convert_step(c.steps[k + 1], b, b + v.size(), table);
        table += '\n';
      }
      const std::string_view parts[] = {table};
      const Dict mapped(parts, nullptr);
      auto& owned = c.later_owned[c.later_size];
      owned = std::make_unique<Dict>(mapped, *c.steps[k + 1].dicts[0]);
      Group& merged = c.later[c.later_size++];
      merged.dicts[0] = owned.get();
      merged.size = 1;
      finish(merged);
      ++k;
    } else {
      c.later[c.later_size++] = g;
    }
  }
  c.later_hit.assign(first.size(), 0);
  for (std::uint32_t e = 0; e < first.size(); ++e) {
    const std::string_view v = first.value(e);
    const auto* p = reinterpret_cast<const unsigned char*>(v.data());
    for (const auto* q = p + v.size(); p < q;) {
      unsigned len;
      const char32_t cp = next_cp(p, len);
      p += len;
      if (cp >= 0x10000 || ((c.later_starts[cp >> 6] >> (cp & 63)) & 1)) c.later_hit[e] = 1;
    }
  }
}

// Sets `whole` and `run_phrases` of a composed chain when they apply: no key of `first` and no
// one-character key of the later steps is ASCII, the later steps are one dictionary L, and `first` turns each character of a run (no segmentation
// key starts in it) into one character. A run then reads, after `first`, as the same number of
// characters, so L's longest match in it is the longest key of `run_phrases` (L's keys read
// back through `first`) that ends before the next segmentation key; everything else in a run
// converts character by character through `first` and L.
void compose_runs(Chain& c) {
  if (c.first->ascii_in_keys() || c.later_size != 1 || c.later[0].size != 1) return;
  const Dict& first = *c.first;
  const Dict& later = *c.later[0].dicts[0];
  const std::size_t seg_entries = c.segmentation->size();
  std::unordered_map<char32_t, std::vector<char32_t>> from;  // t -> characters `first` turns into t
  for (auto e = std::uint32_t(seg_entries); e < first.size(); ++e) {
    const std::string_view k = first.key(e), v = first.value(e);
    unsigned kl, vl;
    const char32_t s = next_cp(reinterpret_cast<const unsigned char*>(k.data()), kl);
    const char32_t t = v.empty() ? 0 : next_cp(reinterpret_cast<const unsigned char*>(v.data()), vl);
    if (v.empty() || vl != v.size() || kl != k.size()) return;  // runs would not line up
    from[t].push_back(s);
  }
  std::vector<std::pair<std::string, std::string_view>> lines;
  std::vector<std::vector<char32_t>> options;
  for (std::uint32_t e = 0; e < later.size(); ++e) {
    const std::string_view k = later.key(e);
    options.clear();
    for (const auto* p = reinterpret_cast<const unsigned char*>(k.data()), *q = p + k.size(); p < q;) {
      unsigned len;
      const char32_t t = next_cp(p, len);
      p += len;
      auto& o = options.emplace_back();
      if (first.find(t) < 0) o.push_back(t);  // `first` leaves t alone
      if (const auto it = from.find(t); it != from.end()) o.insert(o.end(), it->second.begin(), it->second.end());
    }
    if (options.size() < 2) continue;  // one-character keys go to `whole`
    std::size_t n = 1;
    for (const auto& o : options) n *= o.size();
    if (lines.size() + n > 500000) return;
    for (std::size_t i = 0; i < n; ++i) {
      std::string key;
      for (std::size_t j = 0, r = i; j < options.size(); r /= options[j].size(), ++j)
        append_utf8(key, options[j][r % options[j].size()]);
      lines.emplace_back(std::move(key), later.value(e));
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string table;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i].first == lines[i - 1].first) return;  // cannot happen: `first` is a function
    (((table += lines[i].first) += '\t') += lines[i].second) += '\n';
  }
  const std::string_view parts[] = {table};
  for (char32_t a = 0; a < 0x80; ++a)
    if (later.find(a) >= 0) return;  // ASCII is skipped unless it starts a key of `run_phrases`
  c.whole = std::make_unique<Dict>(first, later);
  c.run_phrases = std::make_unique<Dict>(parts, nullptr);
  c.run_pairs.assign((std::size_t(1) << Chain::kRunPairBits) / 64, 0);
  for (const auto& line : lines) {
    const auto* k = reinterpret_cast<const unsigned char*>(line.first.data());
    unsigned l1, l2;
    const char32_t a = next_cp(k, l1);
    const std::uint64_t h = Chain::run_pair_hash(a, next_cp(k + l1, l2));
    c.run_pairs[h >> 6] |= std::uint64_t(1) << (h & 63);
  }
  c.composed.resize(c.composed.size() - 16);  // the padding, appended again below
  c.composed_at.resize(c.whole->size());
  for (auto e = std::uint32_t(seg_entries); e < c.whole->size(); ++e) {
    const std::string_view v = c.whole->value(e);
    const auto* b = reinterpret_cast<const unsigned char*>(v.data());
    const auto at = std::uint32_t(c.composed.size());
    if (e < first.size()) convert_step(c.later[0], b, b + v.size(), c.composed);  // a character of a run
    else c.composed += v;  // a key of L that `first` leaves alone: its value already went through L
    c.composed_at[e] = {at, std::uint32_t(c.composed.size() - at)};
  }
  c.composed.append(16, '\0');
}

// Sets the derived fields of a chain whose dictionaries and steps are filled in.
void finish(Chain& c) {
  for (unsigned k = 0; k < c.size; ++k) finish(c.steps[k]);
  c.ascii = c.segmentation->ascii_in_keys();
  for (unsigned k = 0; k < c.size; ++k) c.ascii |= c.steps[k].ascii;
  bool fused = c.steps[0].dicts[0] == c.segmentation;
  for (unsigned d = 1; d < c.steps[0].size; ++d) fused &= c.steps[0].dicts[d]->max_key_chars() == 1;
  if (fused) {
    c.first = std::make_unique<Dict>(*c.segmentation);
    for (unsigned d = 1; d < c.steps[0].size; ++d) c.first = std::make_unique<Dict>(*c.first, *c.steps[0].dicts[d]);
  }
  for (unsigned k = c.size; k-- > 0;) {
    bool phrases = false;
    for (unsigned d = 0; d < c.steps[k].size; ++d) phrases |= c.steps[k].dicts[d]->max_key_chars() > 1;
    c.phrases_from[k] = phrases || (k + 1 < c.size && c.phrases_from[k + 1]);
  }
  if (c.first && c.size > 1) {
    compose_later(c);
    compose_runs(c);
  } else if (!c.first && c.size == 2 && c.steps[1].dicts[0] == c.segmentation) {
    bool chars = true;  // step 1's other dictionaries have one-character keys only
    for (unsigned d = 1; d < c.steps[1].size; ++d) chars &= c.steps[1].dicts[d]->max_key_chars() == 1;
    if (!chars) return;
    auto lead = std::make_unique<Dict>(*c.segmentation);
    for (unsigned d = 1; d < c.steps[1].size; ++d) lead = std::make_unique<Dict>(*lead, *c.steps[1].dicts[d]);
    if (lead->ascii_in_keys()) return;
    for (std::uint32_t e = 0; e < c.segmentation->size(); ++e) {
      const std::string v = through_steps(c, 0, lead->key(e));
      c.composed_at.emplace_back(std::uint32_t(c.composed.size()), std::uint32_t(v.size()));
      c.composed += v;
    }
    c.composed.append(16, '\0');  // Writer::put reads 16 bytes
    c.lead = std::move(lead);
    // Step 0: a trailing dictionary of one-character keys joins the one before it (that one's
    // longest match, else the character's key: the group's match).
    Group& g0 = c.lead_step0;
    g0 = c.steps[0];
    while (g0.size > 1 && g0.dicts[g0.size - 1]->max_key_chars() == 1) {
      c.lead_folded = std::make_unique<Dict>(*g0.dicts[g0.size - 2], *g0.dicts[g0.size - 1]);
      g0.dicts[--g0.size] = nullptr;
      g0.dicts[g0.size - 1] = c.lead_folded.get();
    }
    finish(g0);
    for (std::uint32_t e = 0; e < c.segmentation->size(); ++e) {
      std::u32string k;
      const std::string_view key = c.segmentation->key(e);
      for (const auto* p = reinterpret_cast<const unsigned char*>(key.data()), *q = p + key.size(); p < q;) {
        unsigned len;
        k += next_cp(p, len);
        p += len;
      }
      if (k.size() < 2) continue;
      for (std::size_t i = 0; i < k.size(); ++i) {
        auto& [back, fwd] = c.lead_reach[k[i]];
        back = std::uint8_t(std::max<std::size_t>(back, std::min<std::size_t>(i, 255)));
        fwd = std::uint8_t(std::max<std::size_t>(fwd, std::min<std::size_t>(k.size() - 1 - i, 255)));
      }
    }
  }
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
    for (const auto& step : data.chain) {
      if (step[0] < 0) break;
      c.steps[c.size++] = make_group(step);
    }
    finish(c);
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
    finish(ch);
    return ch;
  }();
  return c;
}

const Chain& naive_simplified_chain() {
  static const std::string_view parts[] = {mojifix::tables::zh_naive_inverse};
  static const Dict naive(parts, nullptr);
  static const Chain c = [] {
    const Chain& base = simplified_chain();
    Chain ch;
    ch.segmentation = base.segmentation;
    ch.steps[0].dicts = {&naive, base.steps[0].dicts[0], base.steps[0].dicts[1]};
    ch.steps[0].size = 3;
    ch.steps[1] = base.steps[1];
    ch.size = 2;
    finish(ch);
    return ch;
  }();
  return c;
}

namespace {

// Input converted through the whole chain at a time, so that the buffers between steps stay
// in cache. A chunk ends only where a segment ends (see below), so chunking changes nothing.
constexpr std::size_t kChunk = std::size_t(1) << 15;

// Where a chunk may end: `q` (> p) is a segment end after `budget` bytes. No key contains a
// newline, and none contains ASCII when `ascii` is false, so no step can match across one.
inline bool chunk_ends(const unsigned char* start, const unsigned char* q, std::size_t budget, bool ascii) noexcept {
  return std::size_t(q - start) >= budget && (q[-1] == '\n' || (!ascii && q[-1] < 0x80));
}

// Step 0 of a chain whose first dictionary is the segmentation one, in one pass with the
// merged dictionary `c.first`: a key of the segmentation dictionary is a whole segment and
// converts to its value; the characters between two such keys convert one by one. Appends
// to `out`; records in `cuts` (when not null) the output offsets (from the output's size on
// entry) of every segment edge; stops at the first segment end after `budget` bytes.
const unsigned char* fused_first(const Chain& c, const unsigned char* p, const unsigned char* end, std::string& out,
                                 Cuts* cuts, std::size_t budget) {
  const Dict& first = *c.first;
  const std::size_t seg_entries = c.segmentation->size();  // entries after these are single characters
  const unsigned char* const start = p;
  const unsigned char* copied = p;
  const std::size_t base = out.size();
  Writer w(out);
  while (p < end) {
    if (*p < 0x80) {
      if (!c.ascii) {
        p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(end - p)));
      } else {
        ++p;  // no key starts with this byte: the segmentation and every dictionary miss it
      }
      if (chunk_ends(start, p, budget, c.ascii)) break;
      continue;
    }
    Match m;
    unsigned len;
    const char32_t cp = next_cp(p, len);
    if (first.longest(cp, len, p, end, m)) {
      w.put(copied, p, std::size_t(end - copied));
      const bool edge = cuts && m.entry < seg_entries;
      if (edge && (cuts->empty() || cuts->back() != w.size() - base)) cuts->push_back(w.size() - base);
      w.put(first.value(m.entry));
      if (edge) cuts->push_back(w.size() - base);
      p += m.len;
      copied = p;
      if (m.entry < seg_entries && std::size_t(p - start) >= budget) break;
    } else {
      p += len;
    }
  }
  w.put(copied, p, std::size_t(end - copied));
  return p;
}

// Segments [p, end) with `seg` alone: records in `cuts` the offsets (from p) of the edges of
// its keys; stops like fused_first.
const unsigned char* segment(const Dict& seg, bool ascii, const unsigned char* p, const unsigned char* end, Cuts& cuts,
                             std::size_t budget) {
  const unsigned char* const start = p;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      if (chunk_ends(start, p, budget, ascii)) break;
      continue;
    }
    Match m;
    if (seg.longest(p, end, m)) {
      const std::size_t at = std::size_t(p - start);
      if (cuts.empty() || cuts.back() != at) cuts.push_back(at);
      p += m.len;
      cuts.push_back(std::size_t(p - start));
      if (std::size_t(p - start) >= budget) break;
    } else {
      p += char_len(*p);
    }
  }
  return p;
}

}  // namespace

void convert_step(const Group& g, const unsigned char* b, const unsigned char* e, std::string& out, const Cuts* in,
                  Cuts* cuts) {
  const unsigned char* p = b;
  const unsigned char* copied = b;  // input before this is already in `out`
  const std::size_t base = out.size();
  Writer w(out);
  std::size_t next = 0;  // the first offset of `in` not yet reached
  const unsigned char* limit = in && next < in->size() ? b + (*in)[0] : e;
  while (true) {
    while (p == limit) {  // a segment edge: record where it lands in the output
      if (p == e && (!in || next >= in->size())) break;
      if (cuts) cuts->push_back(w.size() - base + std::size_t(p - copied));
      ++next;
      limit = next < in->size() ? b + (*in)[next] : e;
    }
    if (p >= e) break;
    if (*p < 0x80 && !g.ascii) {
      p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(limit - p)));
      continue;
    }
    unsigned len;
    const char32_t cp = next_cp(p, len);
    if (cp < 0x10000 && !((g.starts[cp >> 6] >> (cp & 63)) & 1)) {  // most characters start no key
      p += len;
      continue;
    }
    Match m;
    bool hit = false;
    for (unsigned i = 0; i < g.size; ++i) {
      if (g.dicts[i]->longest(cp, len, p, limit, m)) {
        w.put(copied, p, std::size_t(e - copied));
        w.put(g.dicts[i]->value(m.entry));
        p += m.len;
        copied = p;
        hit = true;
        break;
      }
    }
    if (!hit) p += len;
  }
  w.put(copied, e, std::size_t(e - copied));
}

namespace {

// A chain with `first` and later steps in one pass: a segmentation key is a whole segment and
// takes its composed value; the characters of a run between two keys convert one by one with
// `first`, and the run goes through the later steps from its first character that can start a
// key there (they leave what comes before as it is). Without ASCII in keys, ASCII ends a run.
void composed_walk(const Chain& c, const unsigned char* p, const unsigned char* end, std::string& out) {
  const Dict& first = *c.first;
  const std::size_t seg_entries = c.segmentation->size();
  const unsigned char* copied = p;
  Writer w(out);
  bool dirty = false;    // the run may change in a later step ...
  std::size_t from = 0;  // ... from this output offset on (a character that can start a key)
  std::string bufs[2];
  auto end_run = [&] {
    w.put(copied, p, std::size_t(end - copied));
    copied = p;
    w.flush();
    bufs[0].assign(out, from, std::string::npos);
    out.resize(from);
    for (unsigned k = 0, si = 0; k < c.later_size; ++k, si ^= 1) {
      const bool last = k + 1 == c.later_size;
      const auto* b = reinterpret_cast<const unsigned char*>(bufs[si].data());
      bufs[si ^ 1].clear();
      convert_step(c.later[k], b, b + bufs[si].size(), last ? out : bufs[si ^ 1]);
    }
    dirty = false;
  };
  while (p < end) {
    if (*p < 0x80) {
      if (!c.ascii) {
        if (dirty) end_run();
        p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(end - p)));
      } else {  // no key of `first` starts with this byte (see fused_first): part of the run
        if (!dirty && ((c.later_starts[*p >> 6] >> (*p & 63)) & 1)) {
          dirty = true;
          from = w.size() + std::size_t(p - copied);
        }
        ++p;
      }
      continue;
    }
    Match m;
    unsigned len;
    const char32_t cp = next_cp(p, len);
    if (first.longest(cp, len, p, end, m)) {
      if (m.entry < seg_entries) {
        if (dirty) end_run();
        w.put(copied, p, std::size_t(end - copied));
        const auto [at, n] = c.composed_at[m.entry];
        w.put(std::string_view(c.composed).substr(at, n));
        p += m.len;
        copied = p;
        continue;
      }
      w.put(copied, p, std::size_t(end - copied));
      if (!dirty && c.later_hit[m.entry]) {
        dirty = true;
        from = w.size();
      }
      w.put(first.value(m.entry));
      p += m.len;
      copied = p;
    } else {
      if (!dirty && (cp >= 0x10000 || ((c.later_starts[cp >> 6] >> (cp & 63)) & 1))) {
        dirty = true;
        from = w.size() + std::size_t(p - copied);
      }
      p += len;
    }
  }
  if (dirty) end_run();
  w.put(copied, p, std::size_t(end - copied));
}

// A chain with `whole` in one pass (see compose_runs): a segmentation key takes its composed
// value; in a run, the longest key of `run_phrases` that ends before the next segmentation key
// takes its value, else a character takes its composed value or stays.
// kRuns: `run_phrases` has keys (not for s2tw, s2hk: their later step has one-character keys
// only).
template <bool kRuns>
void phrase_walk(const Chain& c, const unsigned char* p, const unsigned char* end, std::string& out) {
  const Dict& whole = *c.whole;
  const Dict& runs = *c.run_phrases;
  const bool runs_ascii = runs.ascii_in_keys();
  const std::uint64_t* const run_pairs = c.run_pairs.data();
  const std::size_t seg_entries = c.segmentation->size();
  const unsigned char* copied = p;
  Writer w(out);
  auto segment_starts = [&](const unsigned char* q) {
    Match s;
    return whole.longest(q, end, s) && s.entry < seg_entries;
  };
  while (p < end) {
    if (*p < 0x80) {  // ASCII starts no key of `whole`, and may start one of `run_phrases`
      if (!runs_ascii) {
        p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(end - p)));
        continue;
      }
      while (p < end && *p < 0x80 && !runs.may_start(*p)) ++p;
      if (p == end || *p >= 0x80) continue;
    }
    Match m;
    unsigned len;
    const char32_t cp = next_cp(p, len);
    const bool hit = whole.longest(cp, len, p, end, m);
    const unsigned char* q2 = p + len;
    unsigned l2;
    const bool pair = kRuns && q2 < end;
    const std::uint64_t ph = pair ? Chain::run_pair_hash(cp, next_cp(q2, l2)) : 0;
    if ((pair && ((run_pairs[ph >> 6] >> (ph & 63)) & 1)) && (!hit || m.entry >= seg_entries)) {  // p is in a run
      const unsigned char* limit = end;
      Match r;
      bool phrase = false;
      while (!phrase && runs.longest(cp, len, p, limit, r)) {
        const unsigned char* q = p + len;
        while (q < p + r.len && !segment_starts(q)) q += char_len(*q);
        if (q == p + r.len) phrase = true;
        else limit = q;  // the run ends at q: a shorter key, if any
      }
      if (phrase) {
        w.put(copied, p, std::size_t(end - copied));
        w.put(runs.value(r.entry));
        p += r.len;
        copied = p;
        continue;
      }
    }
    if (hit) {
      w.put(copied, p, std::size_t(end - copied));
      const auto [at, n] = c.composed_at[m.entry];
      w.put(std::string_view(c.composed).substr(at, n));
      p += m.len;
      copied = p;
    } else {
      p += len;
    }
  }
  w.put(copied, p, std::size_t(end - copied));
}

// Step 0 of a `lead` chain at p (first code point cp, len bytes): the longest key of the first
// dictionary of the group that has one, not crossing the start of a segmentation key (the end
// of the run); false when none.
[[gnu::noinline]] bool lead_step_at(const Chain& c, char32_t cp, unsigned len, const unsigned char* p,
                                     const unsigned char* end, Match& m, std::string_view& value) {
  const Group& g = c.lead_step0;
  const Dict& lead = *c.lead;
  const std::size_t seg_entries = c.segmentation->size();
  for (const unsigned char* limit = end;;) {
    unsigned i = 0;
    while (i < g.size && !g.dicts[i]->longest(cp, len, p, limit, m)) ++i;
    if (i == g.size) return false;
    const unsigned char* x = p + len;
    for (Match s; x < p + m.len; x += char_len(*x))
      if (*x >= 0x80 && lead.longest(x, end, s) && s.entry < seg_entries) break;
    if (x == p + m.len) {
      value = g.dicts[i]->value(m.entry);
      return true;
    }
    limit = x;  // the run ends at x: a shorter key, if any
  }
}

[[gnu::always_inline]] inline bool lead_step(const Chain& c, const std::uint64_t* starts, char32_t cp, unsigned len,
                                             const unsigned char* p, const unsigned char* end, Match& m,
                                             std::string_view& value) {
  if (cp < 0x10000 && !((starts[cp >> 6] >> (cp & 63)) & 1)) return false;  // most characters start no key
  return lead_step_at(c, cp, len, p, end, m, value);
}

// Step 1 of a `lead` chain (the longest key of `lead`) over the step-0 output `b`, from its
// start to the first position it reaches at or after `stop`; returns that position.
std::size_t lead_finish(const Dict& lead, const std::string& b, std::size_t stop, Writer& w) {
  const auto* s = reinterpret_cast<const unsigned char*>(b.data());
  const auto* e = s + b.size();
  const unsigned char* x = s;
  const unsigned char* copied = s;
  while (x < s + stop) {
    if (*x < 0x80) {  // no key of `lead` holds ASCII
      ++x;
      continue;
    }
    Match m;
    unsigned len;
    const char32_t cp = next_cp(x, len);
    if (lead.longest(cp, len, x, e, m)) {
      w.put(copied, x, std::size_t(e - copied));
      w.put(lead.value(m.entry));
      x += m.len;
      copied = x;
    } else {
      x += len;
    }
  }
  w.put(copied, x, std::size_t(e - copied));
  return std::size_t(x - s);
}

// How far a key of step 1 of a `lead` chain can reach before (fwd false) or after the
// character at `v` (lead_reach), in characters.
std::size_t lead_reach(const Chain& c, const unsigned char* v, bool fwd) {
  unsigned len;
  const auto it = c.lead_reach.find(next_cp(v, len));
  return it == c.lead_reach.end() ? 0 : fwd ? it->second.second : it->second.first;
}

// The window of lead_walk around a change of step 0 at p (key length m.len, value v): the
// characters since `sync` were written one at a time through `lead`. Returns where lead_walk
// goes on (a position step 1 reaches, after the change).
[[gnu::noinline]] const unsigned char* lead_window(const Chain& c, const unsigned char* p, const unsigned char* end,
                                                  const unsigned char* sync, Match m, std::string_view v, Writer& w,
                                                  std::string& out, std::string& buf) {
  const Dict& lead = *c.lead;
  const std::size_t seg_entries = c.segmentation->size();
  const std::uint64_t* const starts0 = c.lead_step0.starts.data();
  buf.clear();  // step 0's output from `from` on
  const unsigned char* from = p;
  const unsigned char* q = p;
  std::size_t need = 0, tail = 0, tail_bytes = 0;  // characters wanted and seen since the change
  while (true) {
    if (m.len) {  // a change at q: step 1 may match from up to lead_reach(first) characters before it
      std::size_t back = v.empty() ? 255 : lead_reach(c, reinterpret_cast<const unsigned char*>(v.data()), false);
      for (const auto* x = reinterpret_cast<const unsigned char*>(buf.data()), *e = x + buf.size(); x < e; ++x)
        back -= back && (*x & 0xC0) != 0x80;
      if (back) {  // take back what the characters before `from` wrote, one at a time
        const unsigned char* nf = from;
        for (; back && nf > sync; --back)
          while ((*--nf & 0xC0) == 0x80) {}
        std::size_t written = 0;
        for (const unsigned char* x = nf; x < from;) {
          unsigned len = 1;
          Match s;
          if (*x >= 0x80 && lead.longest(x, end, s)) len = s.len, written += lead.value(s.entry).size();
          else len = char_len(*x), written += len;
          x += len;
        }
        w.flush();
        out.resize(out.size() - written);
        buf.insert(0, reinterpret_cast<const char*>(nf), std::size_t(from - nf));
        from = nf;
      }
      buf += v;
      q += m.len;
      if (v.empty()) {
        need = 255;
      } else {
        const auto* last = reinterpret_cast<const unsigned char*>(v.data() + v.size());
        while ((*--last & 0xC0) == 0x80) {}
        need = lead_reach(c, last, true);
      }
      tail = tail_bytes = 0;
      m.len = 0;
    }
    if (tail >= need) {  // no key of step 1 that starts before the change ends beyond buf
      const std::size_t t = lead_finish(lead, buf, buf.size() - tail_bytes, w);
      return q - (buf.size() - t);
    }
    if (q == end) {
      lead_finish(lead, buf, buf.size(), w);
      return q;
    }
    unsigned len = 1;
    char32_t cp = *q;
    if (*q >= 0x80) {
      cp = next_cp(q, len);
      Match s;
      if (lead.longest(cp, len, q, end, s) && s.entry < seg_entries) {  // the run ends
        lead_finish(lead, buf, buf.size(), w);
        return q;
      }
    }
    if ((*q >= 0x80 || c.ascii) && lead_step(c, starts0, cp, len, q, end, m, v)) continue;
    m.len = 0;
    buf.append(reinterpret_cast<const char*>(q), len);
    q += len;
    ++tail;
    tail_bytes += len;
  }
}

// A chain with `lead` in one pass. A segmentation key takes its composed value. In a run, the
// characters where step 0 changes nothing take their value in `lead` (step 1 there: no
// segmentation key starts in a run), except near a change of step 0: a key of step 1 can match
// the changed text, so the text from the change's reach before it (lead_reach) to its reach
// after it goes through step 0 into a buffer, and step 1 runs over the buffer up to the end of
// the change (lead_window). The characters before that window were taken one at a time, so
// step 1 starts afresh there, and after the change step 1 resumes on unchanged text.
void lead_walk(const Chain& c, const unsigned char* p, const unsigned char* end, std::string& out) {
  const Dict& lead = *c.lead;
  const std::size_t seg_entries = c.segmentation->size();
  const unsigned char* copied = p;
  const unsigned char* sync = p;  // step 1 reaches this position (nothing before it can change)
  const std::uint64_t* const starts0 = c.lead_step0.starts.data();
  Writer w(out);
  std::string buf;
  while (p < end) {
    Match m;
    std::string_view v;
    if (*p < 0x80) {  // ASCII starts no key of `lead`
      if (!c.ascii) {  // nor of any step: no match crosses it
        p += ascii_prefix(std::string_view(reinterpret_cast<const char*>(p), std::size_t(end - p)));
        sync = p;
        continue;
      }
      if (!lead_step(c, starts0, *p, 1, p, end, m, v)) {
        ++p;
        continue;
      }
    } else {
      unsigned len;
      const char32_t cp = next_cp(p, len);
      Match s;
      const bool hit = lead.longest(cp, len, p, end, s);
      if (hit && s.entry < seg_entries) {
        w.put(copied, p, std::size_t(end - copied));
        const auto [at, n] = c.composed_at[s.entry];
        w.put(std::string_view(c.composed).substr(at, n));
        p += s.len;
        copied = sync = p;
        continue;
      }
      if (!lead_step(c, starts0, cp, len, p, end, m, v)) {
        if (hit) {
          w.put(copied, p, std::size_t(end - copied));
          w.put(lead.value(s.entry));
          copied = p + len;
        }
        p += len;
        continue;
      }
    }
    w.put(copied, p, std::size_t(end - copied));
    p = copied = sync = lead_window(c, p, end, sync, m, v, w, out, buf);
  }
  w.put(copied, p, std::size_t(end - copied));
}

}  // namespace

void convert_into(const Chain& c, std::string_view text, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  if (c.first && c.size == 1) {
    fused_first(c, p, end, out, nullptr, SIZE_MAX);
    return;
  }
  if (c.whole) {
    if (c.run_phrases->size() > 0) phrase_walk<true>(c, p, end, out);
    else phrase_walk<false>(c, p, end, out);
    return;
  }
  if (c.lead) {
    lead_walk(c, p, end, out);
    return;
  }
  if (c.first) {
    composed_walk(c, p, end, out);
    return;
  }
  std::string bufs[2];
  Cuts cuts[2];
  for (auto& b : bufs) b.reserve(kChunk + kChunk / 2);
  while (p < end) {
    // The chunk through step 0, then through each later step. [sb, se) is what the next step
    // reads and cuts[si] its segment edges; they are kept only while a later step has keys
    // longer than one character.
    const unsigned char* stop;
    const unsigned char* sb;
    const unsigned char* se;
    unsigned k = 0, si = 0;
    cuts[0].clear();
    cuts[1].clear();
    if (c.first) {
      bufs[0].clear();
      stop = fused_first(c, p, end, bufs[0], c.phrases_from[1] ? &cuts[0] : nullptr, kChunk);
      sb = reinterpret_cast<const unsigned char*>(bufs[0].data());
      se = sb + bufs[0].size();
      k = 1;
    } else {
      stop = segment(*c.segmentation, c.ascii, p, end, cuts[1], kChunk);
      sb = p;
      se = stop;
      si = 1;  // the input's edges are in cuts[1], so bufs[0] takes step 0's output
    }
    for (; k < c.size; ++k) {
      const bool last = k + 1 == c.size;
      const unsigned di = si ^ 1;
      cuts[di].clear();
      if (!last) bufs[di].clear();
      convert_step(c.steps[k], sb, se, last ? out : bufs[di], c.phrases_from[k] ? &cuts[si] : nullptr,
                   !last && c.phrases_from[k + 1] ? &cuts[di] : nullptr);
      if (!last) {
        sb = reinterpret_cast<const unsigned char*>(bufs[di].data());
        se = sb + bufs[di].size();
        si = di;
      }
    }
    p = stop;
  }
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
  const bool repaired = !detail::valid_utf8(utf8) && detail::sanitize_utf8(utf8, clean, 1);
  const std::string_view text = repaired ? std::string_view(clean.text) : utf8;
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 16);
  detail::zh::convert_into(detail::zh::chain(config), text, out);
  return out;
}

}  // namespace mojifix
