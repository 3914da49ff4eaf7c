// zh_dict.hpp — OpenCC dictionaries as character tries (internal; the script stage and
// byte-shift repair look phrases and characters up through these).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tables/opencc_ids.inc"

namespace mojifix::detail::zh {

using DictId = tables::OpenccDict;

/// Calls fn(line) for each line of the generated tables `parts` (lines end with '\n').
template <class Fn>
void each_line(std::span<const std::string_view> parts, Fn&& fn) {
  for (const std::string_view table : parts) {
    for (std::size_t pos = 0; pos < table.size();) {
      std::size_t nl = table.find('\n', pos);
      if (nl == std::string_view::npos) nl = table.size();
      fn(table.substr(pos, nl - pos));
      pos = nl + 1;
    }
  }
}

/// Decodes one code point of valid UTF-8 at `p`; sets `len` to its byte length.
[[nodiscard, gnu::always_inline]] inline char32_t next_cp(const unsigned char* p, unsigned& len) noexcept {
  const unsigned c = p[0];
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if (c < 0xE0) {
    len = 2;
    return char32_t(((c & 0x1F) << 6) | (p[1] & 0x3F));
  }
  if (c < 0xF0) {
    len = 3;
    return char32_t(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
  }
  len = 4;
  return char32_t(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F));
}

/// A key found in text: `len` bytes of text, entry `entry` of the dictionary.
struct Match {
  std::uint32_t len = 0;
  std::uint32_t entry = 0;
};

/// One OpenCC dictionary: keys in a character trie, values in an arena. Immutable once built.
class Dict {
 public:
  /// Parses the generated table text (in parts, each ending after a line); `chars` rebuilds
  /// values the generator elided.
  Dict(std::span<const std::string_view> parts, const Dict* chars);
  /// `base` with the one-character keys of `fallback` added where `base` has no one-character
  /// key: its longest match equals that of the group {base, fallback} when every key of
  /// `fallback` is one character long.
  Dict(const Dict& base, const Dict& fallback);

  /// The longest key that is a prefix of the valid UTF-8 text [p, end); false when none.
  bool longest(const unsigned char* p, const unsigned char* end, Match& m) const noexcept {
    unsigned len;
    const char32_t cp = next_cp(p, len);
    return longest(cp, len, p, end, m);
  }
  /// The same, with the first code point `cp` (`len` bytes at `p`) already decoded. Always
  /// inlined: the conversion loops call it at every character.
  [[gnu::always_inline]] bool longest(char32_t cp, unsigned len, const unsigned char* p, const unsigned char* end, Match& m) const noexcept {
    const RootSlot r = root(cp);
    bool found = false;
    if (r.entry) {
      m = {len, r.entry - 1};
      found = true;
    }
    const unsigned char* q = p + len;
    if (!r.children || q >= end) return found;
    // The second level through a hash of the first two code points, after two small bitsets
    // have rejected most pairs (one in the root slot, one for the whole dictionary): most
    // positions start no longer key, and the first character of a common word can have
    // hundreds of children.
    unsigned l2;
    const char32_t c2 = next_cp(q, l2);
    const std::uint64_t k = pair_key(cp, c2);
    const std::uint64_t h = (k * 0x9E3779B97F4A7C15ULL) >> bloom_shift_;
    if (!((r.children >> second_bit(c2)) & (bloom_[h >> 6] >> (h & 63)) & 1)) return found;
    std::uint32_t n = pair_node(k);
    if (n == 0) return found;
    q += l2;
    if (nodes_[n].entry) {
      m = {std::uint32_t(q - p), nodes_[n].entry - 1};
      found = true;
    }
    while (q < end && nodes_[n].nedges) {
      unsigned l3;
      const char32_t c3 = next_cp(q, l3);
      n = child(n, c3);
      if (n == 0) break;
      q += l3;
      if (nodes_[n].entry) {
        m = {std::uint32_t(q - p), nodes_[n].entry - 1};
        found = true;
      }
    }
    return found;
  }

  /// The entry whose key is exactly `key`, or -1.
  [[nodiscard]] std::int64_t find(std::string_view key) const noexcept;
  /// The entry whose key is the single code point `cp`, or -1.
  [[nodiscard]] std::int64_t find(char32_t cp) const noexcept { return std::int64_t(root(cp).entry) - 1; }

  [[nodiscard]] std::string_view key(std::uint32_t e) const noexcept {
    return std::string_view(keys_).substr(entries_[e].key, entries_[e].key_len);
  }
  /// The first (default) value, the one conversion uses. At least 16 bytes can be read from
  /// its start (the arena ends with padding).
  [[nodiscard]] std::string_view value(std::uint32_t e) const noexcept {
    return std::string_view(values_).substr(entries_[e].val, entries_[e].first_len);
  }
  /// All values, separated by one space.
  [[nodiscard]] std::string_view values(std::uint32_t e) const noexcept {
    return std::string_view(values_).substr(entries_[e].val, entries_[e].val_len);
  }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  /// False when no key starts with `cp`.
  [[nodiscard]] bool may_start(char32_t cp) const noexcept {
    return cp >= 0x10000 || ((starts_[cp >> 6] >> (cp & 63)) & 1);
  }
  /// Some key contains an ASCII character (then ASCII cannot be skipped blindly).
  [[nodiscard]] bool ascii_in_keys() const noexcept { return ascii_; }
  /// The longest key, in code points.
  [[nodiscard]] unsigned max_key_chars() const noexcept { return max_chars_; }

 private:
  struct Node {
    std::uint32_t edges = 0;   // first edge in edges_
    std::uint32_t entry = 0;   // entry + 1, or 0
    std::uint32_t nedges = 0;
  };
  struct Edge {
    char32_t cp;
    std::uint32_t node;
  };
  struct Entry {
    std::uint32_t key, val;
    std::uint16_t key_len, val_len, first_len;
  };

  struct RootSlot {
    std::uint32_t entry = 0;     // entry + 1 of the one-character key, or 0
    std::uint32_t children = 0;  // bit second_bit(c) set for each second character c of a longer key
  };
  void mark_starts();  // fills starts_ from the root slots
  [[nodiscard]] static unsigned second_bit(char32_t c) noexcept { return (std::uint32_t(c) * 0x9E3779B1u) >> 27; }
  [[nodiscard, gnu::always_inline]] RootSlot root(char32_t cp) const noexcept {
    // Most characters start no key of a small dictionary: one bit per BMP code point says so
    // before the page table is read.
    if (cp < 0x10000 && !((starts_[cp >> 6] >> (cp & 63)) & 1)) return {};
    return roots_[(std::size_t(page_of_[cp >> 8]) << 8) | (cp & 0xFF)];
  }
  [[nodiscard]] std::uint32_t child(std::uint32_t n, char32_t cp) const noexcept {
    // Branch-free binary search; edges are sorted by code point.
    const Edge* b = edges_.data() + nodes_[n].edges;
    std::uint32_t len = nodes_[n].nedges;
    while (len > 1) {
      const std::uint32_t half = len / 2;
      b = b[half].cp <= cp ? b + half : b;
      len -= half;
    }
    return b->cp == cp ? b->node : 0;
  }
  struct PairSlot {
    std::uint64_t key;   // first code point << 21 | second; 0 = empty
    std::uint32_t node;
  };
  [[nodiscard]] static std::uint64_t pair_key(char32_t a, char32_t b) noexcept {
    return (std::uint64_t(a) << 21) | b;
  }
  [[nodiscard]] std::uint32_t pair_node(std::uint64_t k) const noexcept {
    for (std::size_t i = (k * 0x9E3779B97F4A7C15ULL) >> pair_shift_;; i = (i + 1) & pair_mask_) {
      const PairSlot& s = pairs_[i];
      if (s.key == k) return s.node;
      if (s.key == 0) return 0;
    }
  }

  std::vector<std::uint16_t> page_of_;   // code point >> 8 -> page (0: the empty page, no key starts there)
  std::vector<RootSlot> roots_;          // 256 per page: keys starting with that code point; page 0 empty
  std::vector<Node> nodes_;              // node 0 is unused
  std::vector<Edge> edges_;
  std::vector<Entry> entries_;
  std::vector<std::uint64_t> starts_;    // BMP code points that start a key (a root slot)
  std::vector<std::uint64_t> bloom_;     // bitset over the hashes of pairs_' keys
  unsigned bloom_shift_ = 63;            // 64 - log2(bits in bloom_)
  std::vector<PairSlot> pairs_;          // open addressing: (first, second code point) -> depth-2 node
  unsigned pair_shift_ = 63;
  std::size_t pair_mask_ = 0;
  std::string keys_, values_;            // values_ ends with kPadding bytes
  static constexpr std::size_t kPadding = 16;
  bool ascii_ = false;
  unsigned max_chars_ = 0;
};

/// The dictionary `id`, built from the compiled-in table on first use (thread-safe).
[[nodiscard]] const Dict& dict(DictId id);

}  // namespace mojifix::detail::zh
