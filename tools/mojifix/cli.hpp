// cli.hpp — the mojifix command line as a testable function.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string_view>
#include <span>
#include <string>
#include <vector>

#include "mojifix/options.hpp"

namespace mojifix::cli {

/// Exit codes of the tool.
enum Exit : int { ok = 0, needs_repair = 1, usage = 2, io_error = 3 };

/// Everything the command line asked for.
struct Config {
  Options lib;                       ///< options passed to the library
  std::vector<std::string> inputs;   ///< files and directories; empty or "-" = stdin
  std::string output;                ///< -o FILE ("" = stdout)
  bool explain = false;              ///< --explain: each fix to stderr
  bool json = false;                 ///< --json: a JSON report instead of text
  bool jsonl = false;                ///< --jsonl: JSON-lines records
  std::string field = "text";        ///< --field NAME for --jsonl
  bool check = false;                ///< --check: report what would change, write nothing
  bool quiet = false;                ///< -q / --quiet: no notes, no progress bar
  bool summary = false;              ///< --summary: one line per input on stderr
  std::size_t max_bytes = 0;         ///< detect --max-bytes N (0 = default window)
  bool lines = false;                ///< classify --lines: one verdict per input line
  std::string convert_config;        ///< convert CONFIG (s2t, t2s, ...)

  // Files and trees.
  bool recursive = false;                 ///< -r: walk directories
  std::vector<std::string> includes;      ///< --include GLOB (files taken in a walk)
  std::vector<std::string> excludes;      ///< --exclude GLOB (files and directories left out)
  bool follow_symlinks = false;           ///< -L / --follow-symlinks
  bool in_place = false;                  ///< --in-place: rewrite each file
  std::string backup;                     ///< --backup SUFFIX: keep the original as FILE+SUFFIX
  unsigned jobs = 0;                      ///< -j N (0 = number of cores)
  bool progress = false;                  ///< --progress: show the bar at once (on a terminal)

  // Output encoding.
  std::string output_encoding;            ///< --output-encoding ENC ("" = utf-8)
  bool lossy = false;                     ///< --lossy: replace what ENC cannot hold with '?'
};

/// The script target named by `--to` or a JSON-lines `target` field: hans, hant, tw, hk, or the
/// BCP-47 tags zh-Hans, zh-Hant, zh-TW, zh-HK (any letter case); nullopt when unknown.
[[nodiscard]] std::optional<ScriptTarget> parse_target(std::string_view name);

/// Runs `mojifix args...` (args exclude the program name) reading `in`, writing `out` and
/// `err`; returns the exit code. Never throws.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

/// Installs the process-wide signal handling of the tool: SIGINT/SIGTERM/SIGHUP remove the
/// temporary files of --in-place and clear the progress bar; SIGXFSZ is ignored so that an
/// over-size write fails with an error instead of killing the process. Called by main().
void install_signal_handlers();

/// One row of the option table behind --help and the man page: a heading (no flags) or an
/// option (flags, description). Descriptions are English message ids (translated by --help).
struct HelpLine {
  const char* flags;
  const char* text;
};
[[nodiscard]] std::span<const HelpLine> help_table();

/// The man page: `page_template` with `@OPTIONS@` replaced by the option table in troff and
/// `@VERSION@` by the version.
[[nodiscard]] std::string man_page(const std::string& page_template);

// Subcommands and modes (each in its own file).
int run_files(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_detect(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_classify(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);
int run_convert(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace mojifix::cli
