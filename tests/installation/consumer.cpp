// consumer.cpp — uses the installed library through its public headers only.
#include <mojifix/mojifix.hpp>

#include <cstdio>

int main() {
  const mojifix::Result r = mojifix::repair("cafe\xCC\x81 \x80");
  const mojifix::Detection d = mojifix::detect("plain text");
  std::printf("%s|%zu|%s|%s\n", r.text.c_str(), r.fixes.size(), d.encoding.c_str(), std::string(mojifix::version()).c_str());
  return r.text == "caf\xC3\xA9 \xEF\xBF\xBD" && r.fixes.size() == 2 && d.encoding == "ascii" ? 0 : 1;
}
