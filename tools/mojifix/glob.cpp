// glob.cpp — glob patterns compiled to tokens and matched by dynamic programming.
#include "glob.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace mojifix::cli {

namespace {

// A glob compiled into tokens; matched by dynamic programming (linear in pattern × name).
struct Token {
  enum Kind { literal, any_char, star, star_star, star_star_slash, klass } kind;
  explicit Token(Kind k, char ch = 0) : kind(k), c(ch) {}
  char c = 0;
  std::string set;     // klass: characters and ranges "a-z"
  bool negate = false;
};

// The ']' closing the class that opens at g[open], or npos when the '[' is a plain character.
std::size_t class_end(std::string_view g, std::size_t open) {
  std::size_t j = open + 1;
  if (j < g.size() && (g[j] == '!' || g[j] == '^')) ++j;
  return j + 1 < g.size() ? g.find(']', j + 1) : std::string_view::npos;
}

std::vector<Token> compile(std::string_view g) {
  std::vector<Token> t;
  for (std::size_t i = 0; i < g.size(); ++i) {
    const char c = g[i];
    if (c == '*') {
      if (i + 1 < g.size() && g[i + 1] == '*') {
        ++i;
        if (i + 1 < g.size() && g[i + 1] == '/') {
          ++i;
          t.emplace_back(Token::star_star_slash);
        } else {
          t.emplace_back(Token::star_star);
        }
      } else {
        t.emplace_back(Token::star);
      }
    } else if (c == '?') {
      t.emplace_back(Token::any_char);
    } else if (c == '[' && class_end(g, i) != std::string_view::npos) {
      // A class: "[abc]", "[!a-z]"; a ']' right after "[" or "[!" is a member.
      const std::size_t close = class_end(g, i);
      Token k(Token::klass);
      std::size_t j = i + 1;
      if (g[j] == '!' || g[j] == '^') {
        k.negate = true;
        ++j;
      }
      k.set = std::string(g.substr(j, close - j));
      t.push_back(std::move(k));
      i = close;
    } else if (c == '\\' && i + 1 < g.size()) {
      t.emplace_back(Token::literal, g[++i]);
    } else {
      t.emplace_back(Token::literal, c);
    }
  }
  return t;
}

bool in_class(const Token& k, char c) {
  bool hit = false;
  for (std::size_t i = 0; i < k.set.size(); ++i) {
    if (i + 2 < k.set.size() && k.set[i + 1] == '-') {
      hit |= c >= k.set[i] && c <= k.set[i + 2];
      i += 2;
    } else {
      hit |= c == k.set[i];
    }
  }
  return hit != k.negate;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view name) {
  if (glob.find('/') == std::string_view::npos) {
    const std::size_t slash = name.rfind('/');
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  }
  const std::vector<Token> t = compile(glob);
  const std::size_t n = name.size();
  // can[j]: tokens [i, end) match name [j, n); computed from the last token backwards.
  std::vector<char> can(n + 1, 0), next(n + 1, 0);
  can[n] = 1;
  for (std::size_t i = t.size(); i-- > 0;) {
    const Token& k = t[i];
    std::fill(next.begin(), next.end(), 0);
    bool slash_then_rest = false;  // "**/": some name[e] == '/' with e >= j and can[e + 1]
    for (std::size_t j = n + 1; j-- > 0;) {
      bool m = false;
      switch (k.kind) {
        case Token::literal: m = j < n && name[j] == k.c && can[j + 1]; break;
        case Token::any_char: m = j < n && name[j] != '/' && can[j + 1]; break;
        case Token::klass: m = j < n && name[j] != '/' && in_class(k, name[j]) && can[j + 1]; break;
        case Token::star: m = can[j] || (j < n && name[j] != '/' && next[j + 1]); break;
        case Token::star_star: m = can[j] || (j < n && next[j + 1]); break;
        case Token::star_star_slash:  // nothing, or anything ending with '/'
          slash_then_rest = slash_then_rest || (j < n && name[j] == '/' && can[j + 1]);
          m = can[j] || slash_then_rest;
          break;
      }
      next[j] = m;
    }
    std::swap(can, next);
  }
  return can[0];
}

}  // namespace mojifix::cli
