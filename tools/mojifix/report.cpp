// report.cpp — rendering fixes for people (--explain) and programs (--json).
#include "report.hpp"

#include <cstdio>

#include "json.hpp"
#include "mojifix/repair.hpp"

namespace mojifix::cli {

namespace {
constexpr std::size_t kKeep = 8u << 20;     // bytes of input kept for display
constexpr std::size_t kShow = 120;          // bytes of before/after shown per fix

// Cuts `s` to at most `limit` bytes at a UTF-8 boundary, marking the cut with "…".
std::string clip(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return std::string(s);
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

// A quoted, escaped form of `s` for one line of text.
std::string quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
}  // namespace

void RawWindow::append(std::string_view bytes) {
  if (buf_.size() + bytes.size() > kKeep && buf_.size() > kKeep / 2) {
    const std::size_t drop = buf_.size() - kKeep / 2;
    buf_.erase(0, drop);
    base_ += drop;
  }
  buf_.append(bytes);
}

std::string_view RawWindow::slice(std::uint64_t begin, std::uint64_t end, std::size_t limit) const {
  if (begin < base_ || end > base_ + buf_.size() || end < begin) return {};
  return std::string_view(buf_).substr(std::size_t(begin - base_), std::size_t(std::min<std::uint64_t>(end - begin, limit)));
}

std::string before_text(const RawWindow& raw, const Fix& f, std::string_view encoding) {
  const std::string_view bytes = raw.slice(f.in.begin, f.in.end, kShow * 2);
  Options o;
  o.normalize = false;
  if (encoding == "utf-8" || encoding == "ascii" || encoding == "binary") {
    // Show undecodable bytes as \xNN rather than as U+FFFD.
    const Result r = repair(bytes, o);
    std::string shown;
    std::size_t pos = 0;
    for (const Fix& bad : r.fixes) {
      shown.append(bytes.substr(pos, bad.in.begin - pos));
      for (std::size_t k = bad.in.begin; k < bad.in.end; ++k) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", unsigned(static_cast<unsigned char>(bytes[k])));
        shown += hex;
      }
      pos = bad.in.end;
    }
    shown.append(bytes.substr(pos));
    return clip(shown, kShow);
  }
  o.encoding = std::string(encoding);
  return clip(repair_bytes(bytes, o).text, kShow);
}

std::string explain_line(std::string_view name, const Fix& f, std::string_view before) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", double(f.confidence));
  std::string line(name);
  line += ':' + std::to_string(f.in.begin) + '-' + std::to_string(f.in.end) + ' ' + std::string(to_string(f.kind));
  line += f.report ? " (reported, not changed): " : ": ";
  line += quoted(before);
  if (!f.report) line += " → " + quoted(clip(f.text, kShow));
  line += " (" + f.reason + ", confidence " + conf;
  if (f.lossy) line += ", lossy";
  if (f.guess) line += ", guess";
  line += ")";
  return line;
}

void append_fix_json(std::string& out, const Fix& f, std::string_view before) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.3f", double(f.confidence));
  out += "{\"kind\":";
  append_json_string(out, to_string(f.kind));
  out += ",\"in\":[" + std::to_string(f.in.begin) + "," + std::to_string(f.in.end) + "]";
  out += ",\"out\":[" + std::to_string(f.out.begin) + "," + std::to_string(f.out.end) + "]";
  out += ",\"before\":";
  append_json_string(out, before);
  out += ",\"after\":";
  append_json_string(out, f.text);
  out += ",\"confidence\":";
  out += conf;
  out += ",\"reason\":";
  append_json_string(out, f.reason);
  out += std::string(",\"lossy\":") + (f.lossy ? "true" : "false");
  out += std::string(",\"guess\":") + (f.guess ? "true" : "false");
  out += std::string(",\"report\":") + (f.report ? "true" : "false") + "}";
}

}  // namespace mojifix::cli
