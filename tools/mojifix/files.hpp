// files.hpp — which files a run works on: command-line paths, directory walks (-r),
// --include/--exclude globs, symbolic links.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "glob.hpp"

namespace mojifix::cli {

struct Config;

/// One input of a run.
struct InputFile {
  std::string path;             ///< as given or as found in a walk; "-" = standard input
  std::uint64_t size = 0;       ///< bytes (0 when unknown)
  dev_t dev = 0;                ///< identity, to refuse writing over an input
  ino_t ino = 0;
  bool known = false;           ///< dev/ino/size were read
  bool symlink = false;         ///< the path itself is a symbolic link (named on the command line)
};

/// The inputs named by `cfg.inputs`, in order; with -r each directory is replaced by the files
/// below it (sorted by name, filtered by the globs). `note(message)` receives skipped entries
/// (a symbolic link not followed, a special file); `error(message)` failures to read a
/// directory. Messages are one line, without a trailing newline.
[[nodiscard]] std::vector<InputFile> collect_inputs(const Config& cfg,
                                                    const std::function<void(const std::string&)>& note,
                                                    const std::function<void(const std::string&)>& error);

/// The name shown for an input ("-" is shown as "<stdin>").
[[nodiscard]] std::string display_name(const std::string& name);

/// True for a temporary file left by an interrupted --in-place run (".NAME.mojifix-XXXXXX").
[[nodiscard]] bool is_leftover_temp(std::string_view base_name);

}  // namespace mojifix::cli
