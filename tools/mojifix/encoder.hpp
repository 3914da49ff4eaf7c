// encoder.hpp — --output-encoding: UTF-8 text written in a legacy encoding.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sink.hpp"

namespace mojifix::cli {

/// True when text can be written in the canonical encoding `enc` (ICU has an encoder).
[[nodiscard]] bool can_encode(const std::string& enc);

/// Encodes UTF-8 text into `enc` and passes the bytes on to `next`. A character `enc` cannot
/// represent fails the write with an error naming `file`, the line and column of the
/// character in the repaired text, and the character; with `lossy` it is replaced by '?' and
/// counted instead. Writes must hold whole UTF-8 characters.
class EncodingSink final : public ByteSink {
 public:
  EncodingSink(ByteSink& next, const std::string& enc, bool lossy, std::string file);
  ~EncodingSink() override;
  EncodingSink(const EncodingSink&) = delete;
  EncodingSink& operator=(const EncodingSink&) = delete;

  bool write(std::string_view utf8) override;
  bool close() override;
  /// Characters replaced by '?' (with `lossy`).
  [[nodiscard]] std::uint64_t replaced() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mojifix::cli
