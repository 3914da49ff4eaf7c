// cli.hpp — the mojifix command line as a testable function.
#pragma once

#include <iosfwd>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "mojifix/options.hpp"

namespace mojifix::cli {

/// Exit codes of the tool.
enum Exit : int { ok = 0, needs_repair = 1, usage = 2, io_error = 3 };

/// Everything the command line asked for.
struct Config {
  Options lib;                       ///< options passed to the library
  std::vector<std::string> inputs;   ///< files; empty or "-" = stdin
  std::string output;                ///< -o FILE ("" = stdout)
  bool explain = false;              ///< --explain: each fix to stderr
  bool json = false;                 ///< --json: a JSON report instead of text
  bool jsonl = false;                ///< --jsonl: JSON-lines records
  std::string field = "text";        ///< --field NAME for --jsonl
  bool check = false;                ///< --check: report what would change, write nothing
  bool quiet = false;                ///< -q / --quiet
  bool summary = false;              ///< --summary: one line per input on stderr
  std::size_t max_bytes = 0;         ///< detect --max-bytes N (0 = default window)
  bool lines = false;                ///< classify --lines: one verdict per input line
  std::string convert_config;        ///< convert CONFIG (s2t, t2s, ...)
};

/// The script target named by `--to` or a JSON-lines `target` field: hans, hant, tw, hk, or the
/// BCP-47 tags zh-Hans, zh-Hant, zh-TW, zh-HK (any letter case); nullopt when unknown.
[[nodiscard]] std::optional<ScriptTarget> parse_target(std::string_view name);

/// Runs `mojifix args...` (args exclude the program name) reading `in`, writing `out` and
/// `err`; returns the exit code. Never throws.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// Subcommands and modes (each in its own file).
int run_repair(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_jsonl(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_detect(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_classify(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_convert(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace mojifix::cli
