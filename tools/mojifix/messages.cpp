// messages.cpp — Boost.Locale gettext catalogs, loaded on the first message only.
#include "messages.hpp"

#include <boost/locale.hpp>

#include <cstdlib>
#include <filesystem>
#include <locale>
#include <mutex>

#ifndef MOJIFIX_LOCALEDIR
#define MOJIFIX_LOCALEDIR "/usr/local/share/locale"
#endif

namespace mojifix::cli {

namespace {

const std::locale& user_locale() {
  static std::locale loc;
  static std::once_flag once;
  std::call_once(once, [] {
    try {
      boost::locale::generator gen;
      if (const char* dir = std::getenv("MOJIFIX_LOCALEDIR"); dir && *dir) gen.add_messages_path(dir);
      std::error_code ec;
      const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
      if (!ec) {
        gen.add_messages_path((exe.parent_path() / "locale").string());
        gen.add_messages_path((exe.parent_path() / ".." / "share" / "locale").string());
      }
      gen.add_messages_path(MOJIFIX_LOCALEDIR);
      gen.add_messages_domain("mojifix");
      gen.categories(boost::locale::message_facet);
      loc = gen("");
    } catch (...) {
      loc = std::locale::classic();
    }
  });
  return loc;
}

bool wants_translation() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    const std::string_view s(v);
    return !(s == "C" || s.starts_with("C.") || s == "POSIX");
  }
  return false;
}

}  // namespace

std::string msg(const char* id, std::initializer_list<std::string_view> args) {
  const std::string s = wants_translation() ? boost::locale::translate(id).str(user_locale()) : std::string(id);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    // "{N}" with a single digit N names args[N-1].
    if (s[i] == '{' && i + 2 < s.size() && s[i + 1] >= '1' && s[i + 1] <= '9' && s[i + 2] == '}') {
      const std::size_t k = std::size_t(s[i + 1] - '1');
      if (k < args.size()) {
        out.append(*(args.begin() + k));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace mojifix::cli
