// report.hpp — how fixes are shown: --explain lines, JSON fix objects, --check kinds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mojifix/fix.hpp"

namespace mojifix::cli {

/// The last few MiB of an input, so a fix can show the bytes it replaced.
class RawWindow {
 public:
  void append(std::string_view bytes);
  /// The bytes at [begin, end) if still held (at most `limit` of them), else "".
  [[nodiscard]] std::string_view slice(std::uint64_t begin, std::uint64_t end, std::size_t limit) const;

 private:
  std::string buf_;
  std::uint64_t base_ = 0;
};

/// The text a fix replaced, as UTF-8 for display (decoded from `encoding`).
[[nodiscard]] std::string before_text(const RawWindow& raw, const Fix& f, std::string_view encoding);

/// One --explain line: `NAME:BEGIN-END kind: "before" → "after" (reason, confidence C)`.
[[nodiscard]] std::string explain_line(std::string_view name, const Fix& f, std::string_view before);

/// One fix as a JSON object.
void append_fix_json(std::string& out, const Fix& f, std::string_view before);

}  // namespace mojifix::cli
