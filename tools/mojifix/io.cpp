// io.cpp — Source and LineReader.
#include "io.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "mojifix/stream.hpp"

namespace mojifix::cli {

long Source::read(char* p, std::size_t n) {
  long got;
  if (stream_) {
    stream_->read(p, std::streamsize(n));
    got = long(stream_->gcount());
    if (got == 0 && stream_->bad()) {
      error_ = std::strerror(EIO);
      return -1;
    }
  } else {
    do got = long(::read(fd_, p, n));
    while (got < 0 && errno == EINTR);
    if (got < 0) {
      error_ = std::strerror(errno);
      return -1;
    }
  }
  read_ += std::uint64_t(got);
  console_->add_bytes(std::uint64_t(got));
  return got;
}

long long read_decoded(const Options& lib, Source& src, const std::function<void(std::string_view)>& piece) {
  Options o = lib;
  o.annotations = o.script = o.normalize = false;
  Repairer rep(o);
  std::vector<char> buf(kReadChunk);
  std::string pending;
  long long invalid = 0;
  auto drain = [&](bool last) {
    Result r = rep.take();
    for (const Fix& f : r.fixes) invalid += f.kind == FixKind::invalid_bytes;
    pending += r.text;
    const std::size_t nl = pending.rfind('\n');
    const std::size_t cut = last ? pending.size() : nl == std::string::npos ? 0 : nl + 1;
    if (cut == 0) return;
    piece(std::string_view(pending).substr(0, cut));
    pending.erase(0, cut);
  };
  for (;;) {
    const long got = src.read(buf.data(), buf.size());
    if (got < 0) return -1;
    if (got == 0) break;
    rep.feed(std::string_view(buf.data(), std::size_t(got)));
    drain(false);
  }
  rep.finish();
  drain(true);
  return invalid;
}

bool LineReader::next(std::string& line, bool& newline) {
  for (;;) {
    const std::size_t nl = buf_.find('\n', std::max(pos_, scanned_));
    if (nl != std::string::npos || eof_) {
      if (nl == std::string::npos && pos_ >= buf_.size()) return false;
      const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
      line.assign(buf_, pos_, end - pos_);
      newline = nl != std::string::npos;
      pos_ = newline ? nl + 1 : end;
      return true;
    }
    buf_.erase(0, pos_);
    pos_ = 0;
    const std::size_t had = buf_.size();
    scanned_ = had;  // no '\n' before this
    buf_.resize(had + kReadChunk);
    const long got = src_.read(buf_.data() + had, kReadChunk);
    buf_.resize(had + std::size_t(got > 0 ? got : 0));
    if (got < 0) failed_ = true;
    if (got <= 0) eof_ = true;
  }
}

}  // namespace mojifix::cli
