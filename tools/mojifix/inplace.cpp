// inplace.cpp — temporary file, fsync, mode/owner, backup, rename; cleanup on signals.
#include "inplace.hpp"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>

#include "messages.hpp"

namespace mojifix::cli {

namespace {

constexpr std::size_t kBuffer = 1u << 20;

// Temporary files to remove when a signal ends the process: fixed slots, no allocation, so the
// handler can read them safely. State: 0 free, 1 being filled, 2 registered.
constexpr int kSlots = 128;
char g_temp_path[kSlots][PATH_MAX];
std::atomic<int> g_temp_state[kSlots];

int register_temp(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int free = 0;
    if (!g_temp_state[i].compare_exchange_strong(free, 1)) continue;
    std::memcpy(g_temp_path[i], path.c_str(), path.size() + 1);
    g_temp_state[i].store(2);
    return i;
  }
  return -1;
}

void unregister_temp(int slot) {
  if (slot >= 0) g_temp_state[slot].store(0);
}

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      if (w == 0) errno = EIO;
      return false;
    }
    p += w;
    n -= std::size_t(w);
  }
  return true;
}

// pread() until `n` bytes or end of file; returns the count, or -1.
ssize_t read_at(int fd, char* p, std::size_t n, std::uint64_t at) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = pread(fd, p + got, n - got, off_t(at + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    got += std::size_t(r);
  }
  return ssize_t(got);
}

// Copies bytes [0, len) of `in` to the current position of `out`.
bool copy_prefix(int in, int out, std::uint64_t len) {
  std::vector<char> b(std::size_t(std::min<std::uint64_t>(len, kBuffer)));
  for (std::uint64_t at = 0; at < len;) {
    const ssize_t r = read_at(in, b.data(), std::size_t(std::min<std::uint64_t>(b.size(), len - at)), at);
    if (r <= 0) {
      if (r == 0) errno = EIO;  // the original shrank under us
      return false;
    }
    if (!write_all(out, b.data(), std::size_t(r))) return false;
    at += std::uint64_t(r);
  }
  return true;
}

// Threads between creating a temporary file and registering it, and whether a signal is ending
// the process: the handler waits for the first to reach zero, so no file is created unregistered
// (and left behind) while it removes the registered ones.
std::atomic<int> g_creating{0};
std::atomic<bool> g_dying{false};

// A new temporary file ".NAME.mojifix-XXXXXX" in `dir`, registered in `slot`; -1 on failure.
int make_temp(const std::string& dir, const std::string& base, std::string& tmp, int& slot) {
  g_creating.fetch_add(1);
  if (g_dying.load()) {
    g_creating.fetch_sub(1);
    errno = EINTR;
    return -1;
  }
  tmp = dir + "/." + base.substr(0, 200) + ".mojifix-XXXXXX";
  const int fd = mkostemp(tmp.data(), O_CLOEXEC);
  slot = fd < 0 ? -1 : register_temp(tmp);
  g_creating.fetch_sub(1);
  return fd;
}

void sync_directory(const std::string& dir) {
  const int d = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    (void)fsync(d);
    ::close(d);
  }
}

}  // namespace

void remove_temporary_files() noexcept {
  g_dying.store(true);
  // Up to a second for other threads to register the file they are creating.
  for (int i = 0; i < 1000 && g_creating.load() > 0; ++i) {
    struct timespec ms {0, 1000000};
    nanosleep(&ms, nullptr);
  }
  for (int i = 0; i < kSlots; ++i)
    if (g_temp_state[i].load() == 2) unlink(g_temp_path[i]);
}

InPlaceWriter::InPlaceWriter(std::string path, int fd, const struct stat& st, std::string backup_suffix)
    : path_(std::move(path)), backup_suffix_(std::move(backup_suffix)), in_fd_(fd), st_(st) {
  const std::size_t slash = path_.rfind('/');
  dir_ = slash == std::string::npos ? "." : slash == 0 ? "/" : path_.substr(0, slash);
}

InPlaceWriter::~InPlaceWriter() { abort(); }

void InPlaceWriter::abort() noexcept {
  if (tmp_fd_ >= 0) ::close(tmp_fd_);
  tmp_fd_ = -1;
  if (!tmp_.empty() && !committed_) unlink(tmp_.c_str());
  unregister_temp(slot_);
  slot_ = -1;
  tmp_.clear();
  buf_.clear();
}

bool InPlaceWriter::fail(std::string_view cause) {
  error_ = msg("cannot write {1}: {2}", {path_, cause});
  failed_ = true;
  abort();
  return false;
}

bool InPlaceWriter::diverge() {
  diverged_ = true;
  if (faccessat(AT_FDCWD, path_.c_str(), W_OK, AT_EACCESS) != 0) return fail(std::strerror(errno));
  const std::size_t slash = path_.rfind('/');
  const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  tmp_fd_ = make_temp(dir_, base, tmp_, slot_);
  if (tmp_fd_ < 0) {
    const int e = errno;
    tmp_.clear();
    return fail(std::strerror(e));
  }
  if (!copy_prefix(in_fd_, tmp_fd_, pos_)) return fail(std::strerror(errno));
  return true;
}

bool InPlaceWriter::flush_buffer() {
  if (buf_.empty()) return true;
  if (!write_all(tmp_fd_, buf_.data(), buf_.size())) return fail(std::strerror(errno));
  buf_.clear();
  return true;
}

bool InPlaceWriter::write(std::string_view bytes) {
  if (failed_) return false;
  if (!diverged_) {
    // Compare with the original at the same offset; the first difference starts the rewrite.
    cmp_.resize(std::max(cmp_.size(), bytes.size()));
    const ssize_t got = read_at(in_fd_, cmp_.data(), bytes.size(), pos_);
    if (got < 0) return fail(std::strerror(errno));
    std::size_t same = 0;
    const std::size_t n = std::size_t(got);
    while (same < n && cmp_[same] == bytes[same]) ++same;
    if (same == bytes.size()) {
      pos_ += same;
      return true;
    }
    pos_ += same;
    bytes.remove_prefix(same);
    if (!diverge()) return false;
  }
  pos_ += bytes.size();
  if (buf_.size() + bytes.size() > kBuffer && !flush_buffer()) return false;
  if (bytes.size() >= kBuffer) {
    if (!write_all(tmp_fd_, bytes.data(), bytes.size())) return fail(std::strerror(errno));
  } else {
    buf_.append(bytes);
  }
  return true;
}

bool InPlaceWriter::make_backup() {
  const std::string backup = path_ + backup_suffix_;
  if (unlink(backup.c_str()) != 0 && errno != ENOENT) return fail(std::strerror(errno));
  if (link(path_.c_str(), backup.c_str()) == 0) return true;
  // No hard links here: copy the original instead (to a temporary, then renamed).
  std::string tmp;
  const std::size_t slash = backup.rfind('/');
  int slot = -1;
  const int fd = make_temp(dir_, slash == std::string::npos ? backup : backup.substr(slash + 1), tmp, slot);
  if (fd < 0) return fail(std::strerror(errno));
  const bool ok = copy_prefix(in_fd_, fd, std::uint64_t(st_.st_size)) && fchmod(fd, st_.st_mode & 07777) == 0 &&
                  fsync(fd) == 0;
  const int e = errno;
  ::close(fd);
  if (!ok || rename(tmp.c_str(), backup.c_str()) != 0) {
    const int e2 = ok ? errno : e;
    unlink(tmp.c_str());
    unregister_temp(slot);
    return fail(std::strerror(e2));
  }
  unregister_temp(slot);
  return true;
}

bool InPlaceWriter::close() {
  if (failed_) return false;
  if (!diverged_) {
    // Same bytes so far: the file changed only if the new content is shorter.
    struct stat now {};
    if (fstat(in_fd_, &now) != 0) return fail(std::strerror(errno));
    if (std::uint64_t(now.st_size) == pos_) return true;
    if (!diverge()) return false;
  }
  if (!flush_buffer()) return false;
  // Someone else wrote to the file, or replaced it, while it was read: theirs wins.
  struct stat now {}, named {};
  if (fstat(in_fd_, &now) != 0 || stat(path_.c_str(), &named) != 0) return fail(std::strerror(errno));
  if (now.st_size != st_.st_size || now.st_mtim.tv_sec != st_.st_mtim.tv_sec ||
      now.st_mtim.tv_nsec != st_.st_mtim.tv_nsec || named.st_ino != st_.st_ino || named.st_dev != st_.st_dev)
    return fail(msg("the file changed while it was being repaired"));
  if (fsync(tmp_fd_) != 0) return fail(std::strerror(errno));
  // Owner first: changing it may clear set-user-ID bits, which fchmod then restores.
  struct stat tst {};
  if (fstat(tmp_fd_, &tst) != 0) return fail(std::strerror(errno));
  if ((tst.st_uid != st_.st_uid || tst.st_gid != st_.st_gid) && fchown(tmp_fd_, st_.st_uid, st_.st_gid) != 0)
    return fail(msg("cannot keep the owner ({1})", {std::strerror(errno)}));
  if (fchmod(tmp_fd_, st_.st_mode & 07777) != 0) return fail(std::strerror(errno));
  const int fd = tmp_fd_;
  tmp_fd_ = -1;
  if (::close(fd) != 0) return fail(std::strerror(errno));
  if (!backup_suffix_.empty() && !make_backup()) return false;
  if (rename(tmp_.c_str(), path_.c_str()) != 0) return fail(std::strerror(errno));
  committed_ = true;
  unregister_temp(slot_);
  slot_ = -1;
  tmp_.clear();
  sync_directory(dir_);
  return true;
}

}  // namespace mojifix::cli
