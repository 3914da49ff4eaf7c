// spool.cpp — pieces in memory, spilled to a temporary file ($TMPDIR or /tmp) past the limit.
#include "spool.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace mojifix::cli {

namespace {

std::FILE* anonymous_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/mojifix-spool-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return nullptr;
  unlink(path.c_str());
  std::FILE* f = fdopen(fd, "w+b");
  if (!f) close(fd);
  return f;
}

// Writes one record; on failure (disk full) cuts the file back so it holds whole records only.
bool put(std::FILE* f, Stream s, std::string_view b) {
  const long at = std::ftell(f);
  const auto tag = static_cast<unsigned char>(s);
  const std::uint64_t n = b.size();
  if (std::fwrite(&tag, 1, 1, f) == 1 && std::fwrite(&n, sizeof n, 1, f) == 1 &&
      std::fwrite(b.data(), 1, b.size(), f) == b.size())
    return true;
  std::clearerr(f);
  std::fflush(f);
  if (at >= 0 && ftruncate(fileno(f), at) == 0) std::fseek(f, at, SEEK_SET);
  return false;
}

}  // namespace

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

void Spool::append(Stream s, std::string_view bytes) {
  if (bytes.empty()) return;
  total_ += bytes.size();
  if (file_) {
    if (put(file_, s, bytes)) return;
    // The spill file failed (disk full): keep the rest in memory rather than lose it.
    spill_failed_ = true;
  }
  if (!pieces_.empty() && pieces_.back().first == s) pieces_.back().second.append(bytes);
  else pieces_.emplace_back(s, std::string(bytes));
  held_ += bytes.size();
  if (held_ > limit_ && !spill_failed_) spill();
}

void Spool::spill() {
  if (!file_ && !(file_ = anonymous_file())) {
    spill_failed_ = true;
    return;
  }
  std::size_t done = 0;
  for (; done < pieces_.size(); ++done) {
    if (!put(file_, pieces_[done].first, pieces_[done].second)) {
      spill_failed_ = true;  // what is not in the file stays in memory: drain() replays both
      break;
    }
    held_ -= pieces_[done].second.size();
  }
  pieces_.erase(pieces_.begin(), pieces_.begin() + std::ptrdiff_t(done));
}

bool Spool::drain(const std::function<void(Stream, std::string_view)>& fn) {
  bool ok = true;
  if (file_) {
    std::fflush(file_);
    std::rewind(file_);
    std::string buf;
    for (;;) {
      unsigned char tag = 0;
      std::uint64_t n = 0;
      if (std::fread(&tag, 1, 1, file_) != 1) break;
      if (std::fread(&n, sizeof n, 1, file_) != 1) {
        ok = false;
        break;
      }
      // Pieces are delivered in slices so a big one never needs its full size in memory.
      while (n > 0) {
        buf.resize(std::size_t(std::min<std::uint64_t>(n, 1u << 20)));
        if (std::fread(buf.data(), 1, buf.size(), file_) != buf.size()) {
          ok = false;
          n = 0;
          break;
        }
        fn(Stream(tag), buf);
        n -= buf.size();
      }
      if (!ok) break;
    }
    std::fclose(file_);
    file_ = nullptr;
  }
  for (const auto& [s, b] : pieces_) fn(s, b);
  pieces_.clear();
  held_ = 0;
  total_ = 0;
  return ok;
}

}  // namespace mojifix::cli
