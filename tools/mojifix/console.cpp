// console.cpp — ordered writes to stdout/stderr and the progress bar.
#include "console.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "messages.hpp"

namespace mojifix::cli {

namespace {

constexpr auto kTick = std::chrono::milliseconds(100);
constexpr std::string_view kClear = "\r\033[K";  // to column 0, erase to the end of the line
std::atomic<bool> g_bar_visible{false};          // read by the signal handler

std::string bytes_text(double b) {
  char s[32];
  const char* unit[] = {"B", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) {
    b /= 1000;
    ++u;
  }
  std::snprintf(s, sizeof s, u == 0 ? "%.0f %s" : "%.1f %s", b, unit[u]);
  return s;
}

std::string duration_text(double sec) {
  const long t = long(sec + 0.5);
  char s[32];
  if (t >= 3600) std::snprintf(s, sizeof s, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else std::snprintf(s, sizeof s, "%ld:%02ld", t / 60, t % 60);
  return s;
}

int terminal_width() {
  winsize ws{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 80;
}

}  // namespace

int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1F) : c < 0xF0 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    // Wide: Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs,
    // full-width forms, CJK extension planes.
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
    i += len;
  }
  return w;
}

std::string render_progress(const ProgressState& s, int width) {
  const double rate = s.seconds > 0 ? double(s.bytes_done) / s.seconds : 0;
  std::string tail = bytes_text(double(s.bytes_done));
  if (s.bytes_total) tail += " / " + bytes_text(double(s.bytes_total));
  tail += "  " + bytes_text(rate) + "/s";
  if (s.bytes_total && rate > 0 && s.bytes_done <= s.bytes_total)
    tail += "  " + msg("ETA {1}", {duration_text(double(s.bytes_total - s.bytes_done) / rate)});
  if (s.files_total > 1)
    tail += "  " + msg("{1}/{2} files", {std::to_string(s.files_done), std::to_string(s.files_total)});
  std::string line;
  if (s.bytes_total) {
    const double frac = std::min(1.0, double(s.bytes_done) / double(s.bytes_total));
    char pct[8];
    std::snprintf(pct, sizeof pct, "%3d%% ", int(frac * 100));
    line = pct;
    const int bar = std::min(30, width - 1 - display_width(line) - 3 - display_width(tail));
    if (bar >= 10) {
      const int full = int(frac * bar);
      line += '[' + std::string(std::size_t(full), '#') + std::string(std::size_t(bar - full), '.') + "] ";
    }
  }
  line += tail;
  // Never wrap: a wrapped line could not be erased with a carriage return.
  while (display_width(line) > width - 1 && !line.empty()) {
    while ((static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();
    line.pop_back();
  }
  return line;
}

bool progress_bar_visible() noexcept { return g_bar_visible.load(); }

bool on_terminal(const std::ostream& s) {
  if (&s == &std::cout) return isatty(STDOUT_FILENO) == 1;
  if (&s == &std::cerr) return isatty(STDERR_FILENO) == 1;
  return false;
}

Console::Console(std::ostream& out, std::ostream& err, bool bar, std::chrono::milliseconds delay, bool out_on_terminal)
    : out_(out), err_(err), bar_(bar), out_on_terminal_(out_on_terminal), delay_(delay),
      start_(std::chrono::steady_clock::now()) {
  if (bar_) ticker_ = std::thread([this] { tick_loop(); });
}

Console::~Console() { finish(); }

void Console::set_total(std::uint64_t bytes, std::size_t files) {
  std::lock_guard lock(m_);
  total_ = bytes;
  files_total_ = files;
}

void Console::write(Stream s, std::string_view bytes) {
  std::lock_guard lock(m_);
  const bool redraw = drawn_ && (s == Stream::err || out_on_terminal_);
  if (redraw) clear_locked();
  std::ostream& o = s == Stream::out ? out_ : err_;
  o.write(bytes.data(), std::streamsize(bytes.size()));
  if (s == Stream::err) o.flush();
  // Keep the bar under the lines that scroll past it.
  if (redraw && bytes.ends_with('\n') && !stop_) draw_locked();
}

void Console::finish() {
  {
    std::lock_guard lock(m_);
    if (stop_) return;
    stop_ = true;
    clear_locked();
  }
  cv_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  out_.flush();
  err_.flush();
}

void Console::tick_loop() {
  std::unique_lock lock(m_);
  // With no delay (--progress) the bar is drawn at once, then every tick.
  while (!stop_) {
    if (std::chrono::steady_clock::now() - start_ >= delay_) draw_locked();
    cv_.wait_for(lock, kTick);
  }
}

void Console::clear_locked() {
  if (!drawn_) return;
  err_ << kClear;
  err_.flush();
  drawn_ = false;
  g_bar_visible = false;
}

void Console::draw_locked() {
  ProgressState s;
  s.bytes_done = done_.load(std::memory_order_relaxed);
  s.bytes_total = total_;
  s.files_done = files_done_.load(std::memory_order_relaxed);
  s.files_total = files_total_;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (out_on_terminal_) out_.flush();
  err_ << '\r' << render_progress(s, terminal_width()) << "\033[K";
  err_.flush();
  drawn_ = true;
  g_bar_visible = true;
}

}  // namespace mojifix::cli
