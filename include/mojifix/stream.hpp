// mojifix/stream.hpp — streaming repair with bounded memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "mojifix/detect.hpp"
#include "mojifix/fix.hpp"
#include "mojifix/options.hpp"
#include "mojifix/repair.hpp"

namespace mojifix {

/// Repairs a byte stream of any size piece by piece: feed() raw bytes, take() what is ready,
/// finish() at the end. The encoding is detected on the first 64 KiB (or forced by
/// `Options::encoding`); text is repaired a paragraph at a time (lines are cut after 1 MiB),
/// so memory stays bounded. Fix spans are absolute offsets in the whole input and output.
class Repairer {
 public:
  explicit Repairer(const Options& options = {});
  ~Repairer();
  Repairer(Repairer&&) noexcept;
  Repairer& operator=(Repairer&&) noexcept;
  Repairer(const Repairer&) = delete;
  Repairer& operator=(const Repairer&) = delete;

  /// Adds input bytes; may make repaired output available to take().
  void feed(std::span<const std::byte> bytes);
  /// Convenience overload for bytes held in a string.
  void feed(std::string_view bytes);
  /// Marks the end of input; everything left is repaired.
  void finish();
  /// Moves out the repaired text and fixes produced since the last call.
  [[nodiscard]] Result take();
  /// The detection used (valid once any output was produced or finish() was called).
  [[nodiscard]] const Detection& detection() const noexcept;
  /// Bytes fed so far.
  [[nodiscard]] std::uint64_t bytes_in() const noexcept;

 private:
  friend Result repair_bytes(std::span<const std::byte>, const Options&);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mojifix
