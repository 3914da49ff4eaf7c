// zh_dict.cpp — building the OpenCC dictionary tries from the generated tables.
#include "zh_dict.hpp"

#include "tables/opencc_dicts.inc"

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace mojifix::detail::zh {

namespace {

// Appends the first value of `cp` in `chars` (or `cp` itself) to `out`.
void append_converted(const Dict& chars, std::string_view key, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(key.data());
  const auto* end = p + key.size();
  while (p < end) {
    unsigned len;
    const char32_t cp = next_cp(p, len);
    const std::int64_t e = chars.find(cp);
    if (e >= 0) out += chars.value(std::uint32_t(e));
    else out.append(reinterpret_cast<const char*>(p), len);
    p += len;
  }
}

}  // namespace

Dict::Dict(std::span<const std::string_view> parts, const Dict* chars) : page_of_(0x1100, 0) {
  nodes_.emplace_back();  // node 0: "none"
  struct TempEdge {
    std::uint32_t parent;
    char32_t cp;
    std::uint32_t node;
  };
  std::vector<TempEdge> tmp;
  std::vector<std::uint32_t> pages;          // 256 root node ids per page (0: none)
  std::vector<char32_t> last_cp(1, 0);       // per node: code point of its newest child
  std::vector<std::uint32_t> last_child(1, 0);
  each_line(parts, [&](std::string_view line) {
    const std::size_t tab = line.find('\t');
    const std::string_view key = line.substr(0, tab);
    if (key.empty()) return;
    Entry e{};
    e.key = std::uint32_t(keys_.size());
    e.key_len = std::uint16_t(key.size());
    keys_ += key;
    e.val = std::uint32_t(values_.size());
    if (tab != std::string_view::npos) {
      const std::string_view vals = line.substr(tab + 1);
      values_ += vals;
      e.val_len = std::uint16_t(vals.size());
      e.first_len = std::uint16_t(std::min(vals.find(' '), vals.size()));
    } else if (chars) {
      append_converted(*chars, key, values_);
      e.val_len = e.first_len = std::uint16_t(values_.size() - e.val);
    }
    const std::uint32_t entry = std::uint32_t(entries_.size());
    entries_.push_back(e);
    // Insert the key; keys arrive sorted, so an existing child is always the newest one.
    const auto* p = reinterpret_cast<const unsigned char*>(key.data());
    const auto* end = p + key.size();
    std::uint32_t n = 0;
    unsigned chars_in_key = 0;
    while (p < end) {
      unsigned len;
      const char32_t cp = next_cp(p, len);
      p += len;
      ++chars_in_key;
      if (cp < 0x80) ascii_ = true;
      std::uint32_t next = 0;
      if (n == 0) {
        std::uint16_t& page = page_of_[cp >> 8];
        if (!page) {
          pages.resize(pages.size() + 256, 0);
          page = std::uint16_t(pages.size() / 256);
        }
        std::uint32_t& slot = pages[(std::size_t(page - 1) << 8) | (cp & 0xFF)];
        if (!slot) {
          slot = std::uint32_t(nodes_.size());
          nodes_.emplace_back();
          last_cp.push_back(0);
          last_child.push_back(0);
        }
        next = slot;
      } else if (last_child[n] && last_cp[n] == cp) {
        next = last_child[n];
      } else {
        next = std::uint32_t(nodes_.size());
        nodes_.emplace_back();
        last_cp.push_back(0);
        last_child.push_back(0);
        tmp.push_back({n, cp, next});
        last_cp[n] = cp;
        last_child[n] = next;
      }
      n = next;
    }
    nodes_[n].entry = entry + 1;
    max_chars_ = std::max(max_chars_, chars_in_key);
  });
  // Depth-2 nodes by their first two code points (a power-of-two table at most half full).
  std::vector<char32_t> first_of(nodes_.size(), 0);
  roots_.assign(256 + pages.size(), RootSlot{});  // page 0 stays empty
  for (std::size_t page = 0; page < page_of_.size(); ++page) {
    if (!page_of_[page]) continue;
    for (std::size_t lo = 0; lo < 256; ++lo) {
      const std::size_t slot = (std::size_t(page_of_[page] - 1) << 8) | lo;
      if (const std::uint32_t n = pages[slot]) first_of[n] = char32_t((page << 8) | lo);
    }
  }
  std::size_t depth2 = 0;
  for (const TempEdge& t : tmp) depth2 += first_of[t.parent] != 0;
  std::size_t size = 16;
  unsigned bits = 4;
  while (size < 2 * depth2) size <<= 1, ++bits;
  pairs_.assign(size, PairSlot{0, 0});
  // About 16 bits per pair (1-2 % false hits), at least a cache line, at most 128 KiB.
  unsigned bloom_bits = 9;
  while (bloom_bits < 20 && (std::size_t(1) << bloom_bits) < 16 * depth2) ++bloom_bits;
  bloom_.assign((std::size_t(1) << bloom_bits) / 64, 0);
  bloom_shift_ = 64 - bloom_bits;
  pair_mask_ = size - 1;
  pair_shift_ = 64 - bits;
  for (const TempEdge& t : tmp) {
    if (!first_of[t.parent]) continue;
    const std::uint64_t k = pair_key(first_of[t.parent], t.cp);
    const std::uint64_t h = (k * 0x9E3779B97F4A7C15ULL) >> bloom_shift_;
    bloom_[h >> 6] |= std::uint64_t(1) << (h & 63);
    std::size_t i = (k * 0x9E3779B97F4A7C15ULL) >> pair_shift_;
    while (pairs_[i].key != 0) i = (i + 1) & pair_mask_;
    pairs_[i] = {k, t.node};
  }
  for (std::size_t slot = 0; slot < pages.size(); ++slot) {
    if (const std::uint32_t n = pages[slot]) roots_[256 + slot] = {nodes_[n].entry, 0};
  }
  for (const TempEdge& t : tmp) {
    if (!first_of[t.parent]) continue;
    const char32_t cp = first_of[t.parent];
    roots_[(std::size_t(page_of_[cp >> 8]) << 8) | (cp & 0xFF)].children |= std::uint32_t(1) << second_bit(t.cp);
  }
  mark_starts();
  values_.append(kPadding, '\0');
  // Edges grouped by parent, in code-point order within a parent.
  std::stable_sort(tmp.begin(), tmp.end(), [](const TempEdge& a, const TempEdge& b) { return a.parent < b.parent; });
  edges_.reserve(tmp.size());
  for (const TempEdge& t : tmp) {
    Node& parent = nodes_[t.parent];
    if (parent.nedges == 0) parent.edges = std::uint32_t(edges_.size());
    ++parent.nedges;
    edges_.push_back({t.cp, t.node});
  }
}

Dict::Dict(const Dict& base, const Dict& fallback) : Dict(base) {
  for (std::size_t page = 0; page < fallback.page_of_.size(); ++page) {
    if (!fallback.page_of_[page]) continue;
    for (std::size_t lo = 0; lo < 256; ++lo) {
      const RootSlot f = fallback.roots_[(std::size_t(fallback.page_of_[page]) << 8) | lo];
      if (!f.entry) continue;
      std::uint16_t& mine = page_of_[page];
      if (!mine) {
        roots_.resize(roots_.size() + 256);
        mine = std::uint16_t(roots_.size() / 256 - 1);
      }
      RootSlot& r = roots_[(std::size_t(mine) << 8) | lo];
      if (r.entry) continue;
      const Entry& fe = fallback.entries_[f.entry - 1];
      Entry e = fe;
      e.key = std::uint32_t(keys_.size());
      keys_.append(fallback.keys_, fe.key, fe.key_len);
      e.val = std::uint32_t(values_.size());
      values_.append(fallback.values_, fe.val, fe.val_len);
      entries_.push_back(e);
      r.entry = std::uint32_t(entries_.size());
    }
  }
  ascii_ |= fallback.ascii_;
  max_chars_ = std::max(max_chars_, fallback.max_chars_);
  mark_starts();
  values_.append(kPadding, '\0');
}

void Dict::mark_starts() {
  starts_.assign(0x10000 / 64, 0);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const std::uint16_t page = page_of_[cp >> 8];
    if (!page) continue;
    const RootSlot r = roots_[(std::size_t(page) << 8) | (cp & 0xFF)];
    if (r.entry || r.children) starts_[cp >> 6] |= std::uint64_t(1) << (cp & 63);
  }
}

std::int64_t Dict::find(std::string_view key) const noexcept {
  if (key.empty()) return -1;
  const auto* p = reinterpret_cast<const unsigned char*>(key.data());
  const auto* end = p + key.size();
  Match m;
  if (!longest(p, end, m) || m.len != key.size()) return -1;
  return m.entry;
}

const Dict& dict(DictId id) {
  constexpr std::size_t n = tables::opencc_dict_count;
  static_assert(std::size(tables::opencc_dicts) == n);
  static std::array<std::once_flag, n> once;
  static std::array<std::unique_ptr<Dict>, n> dicts;
  const auto i = static_cast<std::size_t>(id);
  std::call_once(once[i], [i] {
    const auto& data = tables::opencc_dicts[i];
    const Dict* chars = data.chars >= 0 ? &dict(static_cast<DictId>(data.chars)) : nullptr;
    dicts[i] = std::make_unique<Dict>(std::span<const std::string_view>(data.parts, data.count), chars);
  });
  return *dicts[i];
}

}  // namespace mojifix::detail::zh
