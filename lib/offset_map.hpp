// offset_map.hpp — raw offset of every decoded text byte, kept as runs of characters of equal
// text length and equal raw stride (a line of GBK Hanzi is one run), not one entry per byte.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace mojifix::detail {

class OffsetMap {
 public:
  /// Appends a character of `text_len` UTF-8 bytes decoded from raw offset `raw`.
  void add(std::uint32_t raw, std::uint32_t text_len) {
    if (!runs_.empty()) {
      Run& r = runs_.back();
      if (text_len == r.tw) {
        if (r.count == 1 && raw >= r.raw && raw - r.raw < 256) r.rw = raw - r.raw;
        if (raw == r.raw + r.count * r.rw) {
          ++r.count;
          size_ += text_len;
          return;
        }
      }
    }
    runs_.push_back({size_, raw, 1, text_len, 0});
    size_ += text_len;
  }

  /// Appends `count` characters of `text_len` UTF-8 bytes each, from raw offsets `raw`,
  /// `raw + stride`, ...
  void add_run(std::uint32_t raw, std::uint32_t count, std::uint32_t text_len, std::uint32_t stride) {
    if (count == 0) return;
    if (!runs_.empty()) {
      Run& r = runs_.back();
      const bool next = r.count == 1 ? raw >= r.raw && raw - r.raw == stride : r.rw == stride && raw == r.raw + r.count * r.rw;
      if (r.tw == text_len && next) {
        r.rw = stride;
        r.count += count;
        size_ += count * text_len;
        return;
      }
    }
    runs_.push_back({size_, raw, count, text_len, count == 1 ? 0 : stride});
    size_ += count * text_len;
  }

  /// Appends `n` one-byte characters from consecutive raw offsets starting at `raw`.
  void add_bytes(std::uint32_t raw, std::uint32_t n) {
    if (n == 0) return;
    add(raw, 1);
    Run& r = runs_.back();
    if (n > 1 && r.count == 1) r.rw = 1;
    if (n > 1 && r.rw == 1) {
      r.count += n - 1;
      size_ += n - 1;
      return;
    }
    for (std::uint32_t k = 1; k < n; ++k) add(raw + k, 1);
  }

  /// Number of text bytes mapped.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Raw offset of the character text byte `pos` (< size()) belongs to.
  [[nodiscard]] std::uint32_t at(std::size_t pos) const noexcept {
    const auto it = std::upper_bound(runs_.begin(), runs_.end(), pos,
                                     [](std::size_t p, const Run& r) { return p < r.text; });
    const Run& r = *(it - 1);
    return r.raw + std::uint32_t((pos - r.text) / r.tw) * r.rw;
  }

  /// Appends the raw offset of each of the first `n` text bytes to `out`.
  void expand(std::size_t n, std::vector<std::uint32_t>& out) const {
    n = std::min<std::size_t>(n, size_);
    const std::size_t base = out.size();
    out.resize(base + n);
    std::uint32_t* o = out.data() + base;
    for (const Run& r : runs_) {
      if (r.text >= n) break;
      std::uint32_t* p = o + r.text;
      const std::size_t end = std::min<std::size_t>(n, r.text + std::size_t(r.count) * r.tw);
      for (std::uint32_t raw = r.raw; p < o + end; raw += r.rw)
        for (std::uint32_t b = 0; b < r.tw && p < o + end; ++b) *p++ = raw;
    }
  }

  /// Drops the first `n` text bytes and subtracts `raw_shift` from the raw offsets left.
  void drop(std::size_t n, std::uint32_t raw_shift) {
    auto it = std::upper_bound(runs_.begin(), runs_.end(), n, [](std::size_t p, const Run& r) { return p < r.text; });
    std::vector<Run> rest;
    if (it != runs_.begin() && n < size_) {
      const Run& r = *(it - 1);
      const std::uint32_t skip = std::uint32_t(n - r.text);
      const std::uint32_t whole = skip / r.tw, part = skip % r.tw;
      if (part) rest.push_back({std::uint32_t(n), r.raw + whole * r.rw, 1, r.tw - part, 0});
      const std::uint32_t from = whole + (part ? 1 : 0);
      if (from < r.count) rest.push_back({r.text + from * r.tw, r.raw + from * r.rw, r.count - from, r.tw, r.rw});
    }
    rest.insert(rest.end(), it, runs_.end());
    for (Run& r : rest) {
      r.text -= std::uint32_t(n);
      r.raw -= raw_shift;
    }
    runs_ = std::move(rest);
    size_ = n < size_ ? size_ - n : 0;
  }

  void clear() noexcept {
    runs_.clear();
    size_ = 0;
  }

 private:
  struct Run {
    std::uint32_t text;   // first text byte
    std::uint32_t raw;    // raw offset of the first character
    std::uint32_t count;  // characters
    std::uint32_t tw;     // text bytes per character
    std::uint32_t rw;     // raw bytes from one character to the next
  };
  std::vector<Run> runs_;
  std::uint32_t size_ = 0;
};

}  // namespace mojifix::detail
