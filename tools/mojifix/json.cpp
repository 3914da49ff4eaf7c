// json.cpp — a strict, small JSON reader (RFC 8259) and string escaping.
#include "json.hpp"

#include <cctype>
#include <cstdio>

namespace mojifix::cli {

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_json_escaped(out, s);
  out.push_back('"');
}

void append_json_escaped(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (c < 0x20) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      out += "\\u0085";
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(char(c));
    }
  }
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  std::optional<std::vector<Member>> object_text(std::string& error) {
    std::vector<Member> members;
    ws();
    if (!eat('{')) return fail(error, "expected a JSON object");
    ws();
    if (!eat('}')) {
      for (;;) {
        ws();
        const std::size_t kb = i_;
        if (!string_value()) return fail(error, "expected a member name");
        auto key = decode_string(t_.substr(kb, i_ - kb));
        ws();
        if (!eat(':')) return fail(error, "expected ':'");
        ws();
        const std::size_t vb = i_;
        if (!value(0)) return fail(error, "bad value");
        members.push_back({key.value_or(""), vb, i_});
        ws();
        if (eat(',')) continue;
        if (eat('}')) break;
        return fail(error, "expected ',' or '}'");
      }
    }
    ws();
    if (i_ != t_.size()) return fail(error, "text after the object");
    return members;
  }

 private:
  std::optional<std::vector<Member>> fail(std::string& error, const char* what) {
    error = std::string(what) + " at byte " + std::to_string(i_);
    return std::nullopt;
  }
  bool eat(char c) {
    if (i_ < t_.size() && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool literal(std::string_view w) {
    if (t_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool digits() {
    const std::size_t b = i_;
    while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
    return i_ > b;
  }
  bool number() {
    eat('-');
    if (eat('0')) {
    } else if (!digits()) {
      return false;
    }
    if (eat('.') && !digits()) return false;
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      ++i_;
      if (!eat('+')) eat('-');
      if (!digits()) return false;
    }
    return true;
  }
  bool string_value() {
    if (!eat('"')) return false;
    while (i_ < t_.size()) {
      const auto c = static_cast<unsigned char>(t_[i_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (i_ >= t_.size()) return false;
        const char e = t_[i_++];
        if (e == 'u') {
          for (int k = 0; k < 4; ++k, ++i_)
            if (i_ >= t_.size() || !std::isxdigit(static_cast<unsigned char>(t_[i_]))) return false;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      }
    }
    return false;
  }
  bool value(int depth) {
    if (depth > 512 || i_ >= t_.size()) return false;
    const char c = t_[i_];
    if (c == '"') return string_value();
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      ws();
      if (eat(close)) return true;
      for (;;) {
        ws();
        if (c == '{') {
          if (!string_value()) return false;
          ws();
          if (!eat(':')) return false;
          ws();
        }
        if (!value(depth + 1)) return false;
        ws();
        if (eat(',')) continue;
        return eat(close);
      }
    }
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    return number();
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void put_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::optional<std::vector<Member>> parse_object(std::string_view text, std::string& error) {
  return Parser(text).object_text(error);
}

std::optional<std::string> decode_string(std::string_view raw) {
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return std::nullopt;
  std::string out;
  out.reserve(raw.size());
  auto u4 = [&](std::size_t at) -> int {
    if (at + 4 > raw.size() - 1) return -1;
    int v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int h = hexval(raw[at + k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  };
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        int v = u4(i + 1);
        if (v < 0) return std::nullopt;
        i += 4;
        char32_t cp = char32_t(v);
        if (v >= 0xD800 && v <= 0xDBFF) {
          const int lo = (i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u') ? u4(i + 3) : -1;
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((char32_t(v) - 0xD800) << 10) + (char32_t(lo) - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;
          }
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
          cp = 0xFFFD;
        }
        put_utf8(out, cp);
        break;
      }
      default: out.push_back(e); break;  // " \ /
    }
  }
  return out;
}

}  // namespace mojifix::cli
