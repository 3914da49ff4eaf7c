// man.cpp — the man page's OPTIONS section, rendered from the same table as --help.
#include <string>
#include <string_view>

#include "cli.hpp"
#include "mojifix/version.hpp"

namespace mojifix::cli {

namespace {

// troff-safe text: backslashes doubled, hyphens as \-, no control word at a line start.
std::string roff(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out.push_back(c);
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// "-o, --output FILE" -> bold flags, italic argument.
std::string flags_roff(std::string_view flags) {
  while (!flags.empty() && flags.front() == ' ') flags.remove_prefix(1);
  std::string out;
  std::size_t i = 0;
  while (i < flags.size()) {
    const std::size_t sp = flags.find(' ', i);
    std::string_view word = flags.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
    const bool comma = word.ends_with(',');
    if (comma) word.remove_suffix(1);
    out += word.starts_with('-') ? "\\fB" + roff(word) + "\\fR" : "\\fI" + roff(word) + "\\fR";
    if (comma) out += ",";
    if (sp == std::string_view::npos) break;
    out += ' ';
    i = sp + 1;
  }
  return out;
}

std::string options_roff() {
  std::string out;
  for (const HelpLine& h : help_table()) {
    const std::string_view text = h.text;
    if (!h.flags) {
      // Section headings end with ':'; usage, description and exit status have their own sections.
      if (text.ends_with(':')) out += ".SS " + roff(text.substr(0, text.size() - 1)) + "\n";
      continue;
    }
    out += ".TP\n" + flags_roff(h.flags) + "\n" + roff(text) + "\n";
  }
  return out;
}

void replace_all(std::string& s, std::string_view what, const std::string& with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

}  // namespace

std::string man_page(const std::string& page_template) {
  std::string page = page_template;
  replace_all(page, "@OPTIONS@\n", options_roff());
  replace_all(page, "@VERSION@", std::string(version()));
  return page;
}

}  // namespace mojifix::cli
