// inplace.hpp — --in-place: rewrite a file safely, or leave it exactly as it was.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sink.hpp"

namespace mojifix::cli {

/// Receives the new content of a file. While the bytes equal the original, nothing is written.
/// At the first difference a temporary file is created next to the original (".NAME.mojifix-
/// XXXXXX") and the equal prefix copied into it; close() then fsyncs it, gives it the mode and
/// owner of the original, makes the backup (when asked: a hard link, or a copy) and renames it
/// over the original. Any failure — or destruction before close() — removes the temporary file
/// and leaves the original untouched; so does a change to the original (size, mtime, or another
/// file renamed over it) made by someone else while it was read. An unchanged file is never opened for writing, so its
/// mtime stays.
class InPlaceWriter final : public ByteSink {
 public:
  /// `fd`: the original, open for reading (not owned); `st`: its fstat().
  InPlaceWriter(std::string path, int fd, const struct stat& st, std::string backup_suffix);
  ~InPlaceWriter() override;
  InPlaceWriter(const InPlaceWriter&) = delete;
  InPlaceWriter& operator=(const InPlaceWriter&) = delete;

  bool write(std::string_view bytes) override;
  bool close() override;
  /// Drops the new content: the original stays as it is.
  void abort() noexcept;
  /// True once close() replaced the original.
  [[nodiscard]] bool rewritten() const noexcept { return committed_; }

 private:
  bool fail(std::string_view cause);
  bool diverge();
  bool flush_buffer();
  bool make_backup();

  std::string path_, dir_, tmp_, backup_suffix_;
  int in_fd_;
  struct stat st_;
  int tmp_fd_ = -1;
  int slot_ = -1;                 // signal-cleanup registration of tmp_
  std::uint64_t pos_ = 0;         // bytes of new content so far
  bool diverged_ = false, committed_ = false, failed_ = false;
  std::string buf_;
  std::vector<char> cmp_;
};

/// Unlinks every temporary file still registered (async-signal-safe; for signal handlers).
void remove_temporary_files() noexcept;

}  // namespace mojifix::cli
