// cli_text_fuzz.cpp — fuzzes the text handling of the command line: JSON-lines records
// (--jsonl) and --include/--exclude globs.
// Invariants:
//   1. parse_object() either fails or returns members whose value spans lie inside the record,
//      in order and without overlap; putting a string member's decoded value back with
//      append_json_string() gives a record that parses to the same keys (the --jsonl rewrite);
//   2. append_json_string() of valid UTF-8 has no raw line break or control character, and
//      decode_string() gives the text back;
//   3. glob_match() terminates on any pattern; a pattern of plain characters matches itself,
//      and "*" matches any name without '/';
//   4. no crash, undefined behaviour or leak (sanitizers).
// The first byte selects the part exercised.
#include <cstddef>
#include <cstdint>
#include <string>

#include "glob.hpp"
#include "invariants.hpp"
#include "json.hpp"

namespace {

using namespace mojifix::cli;

void records(std::string_view line) {
  std::string error;
  const auto members = parse_object(line, error);
  if (!members) return;
  std::size_t prev = 0;
  for (const Member& m : *members) {
    fuzz::require(m.begin >= prev && m.begin < m.end && m.end <= line.size(), "member spans in order, inside");
    prev = m.end;
  }
  for (const Member& m : *members) {
    const auto value = decode_string(line.substr(m.begin, m.end - m.begin));
    if (!value) continue;
    std::string rewritten(line.substr(0, m.begin));
    append_json_string(rewritten, *value);
    rewritten.append(line.substr(m.end));
    const auto again = parse_object(rewritten, error);
    fuzz::require(again && again->size() == members->size(), "the rewritten record parses");
    for (std::size_t k = 0; k < members->size(); ++k)
      fuzz::require((*again)[k].key == (*members)[k].key, "the rewritten record keeps its keys");
  }
}

void strings(std::string_view text) {
  if (!fuzz::valid_utf8(text)) return;
  std::string lit;
  append_json_string(lit, text);
  for (char c : lit) fuzz::require(static_cast<unsigned char>(c) >= 0x20, "no raw control character");
  fuzz::require(lit.find("\xE2\x80\xA8") == std::string::npos && lit.find("\xE2\x80\xA9") == std::string::npos,
                "no raw line separator");
  const auto back = decode_string(lit);
  fuzz::require(back && *back == text, "decode_string(append_json_string(s)) == s");
}

void globs(std::string_view data) {
  const std::size_t cut = data.find('\n');
  const std::string_view pattern = data.substr(0, cut);
  const std::string_view name = cut == std::string_view::npos ? std::string_view() : data.substr(cut + 1);
  (void)glob_match(pattern, name);
  if (pattern.find_first_of("*?[\\") == std::string_view::npos && pattern.find('/') != std::string_view::npos)
    fuzz::require(glob_match(pattern, pattern), "a plain pattern matches itself");
  if (name.find('/') == std::string_view::npos) fuzz::require(glob_match("*", name), "* matches a plain name");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0: records(in); break;
    case 1: strings(in); break;
    default: globs(in); break;
  }
  return 0;
}
