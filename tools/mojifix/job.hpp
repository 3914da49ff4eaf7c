// job.hpp — what the per-file modes (repair, --jsonl) get and return.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "cli.hpp"
#include "console.hpp"
#include "io.hpp"
#include "jobs.hpp"
#include "sink.hpp"

namespace mojifix::cli {

/// One file for a mode to process.
struct FileJob {
  const Config& cfg;
  std::string name;   ///< display name
  Source& src;
  ByteSink& text;     ///< repaired text goes here (standard output, a rewrite, or nowhere)
  JobOutput& io;      ///< reports (--json, --check lines) and messages, in order
};

/// What became of one file.
struct FileStatus {
  bool failed = false;   ///< an error was reported (exit 3)
  bool changed = false;  ///< the file needs repair
  bool binary = false;   ///< skipped as binary (a note was given)
  bool json_open = false;  ///< a --json object was started and awaits its closing fields
  std::string error;       ///< the one-line error when `failed` (without "mojifix: ")
};

/// The default mode: repair the text (streamed).
FileStatus repair_file(FileJob& job);
/// --jsonl: repair one field of each JSON record.
FileStatus jsonl_file(FileJob& job);

/// "mojifix: " + message: the form of every message line.
[[nodiscard]] std::string tool_line(const std::string& message);

}  // namespace mojifix::cli
