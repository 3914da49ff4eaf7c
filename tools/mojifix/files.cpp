// files.cpp — command-line paths and directory walks.
#include "files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "cli.hpp"
#include "glob.hpp"
#include "messages.hpp"

namespace fs = std::filesystem;

namespace mojifix::cli {

namespace {

std::string errno_text(int e) { return std::strerror(e); }

struct Walker {
  const Config& cfg;
  const std::function<void(const std::string&)>& note;
  const std::function<void(const std::string&)>& error;
  std::vector<InputFile>& out;
  std::set<std::pair<dev_t, ino_t>> on_path;  // directories being walked (loops via -L)

  bool excluded(std::string_view rel) const {
    for (const auto& g : cfg.excludes)
      if (glob_match(g, rel)) return true;
    return false;
  }
  bool included(std::string_view rel) const {
    if (cfg.includes.empty()) return true;
    for (const auto& g : cfg.includes)
      if (glob_match(g, rel)) return true;
    return false;
  }

  void walk(const std::string& dir, const std::string& rel_dir, const struct stat& dst) {
    const auto key = std::make_pair(dst.st_dev, dst.st_ino);
    if (!on_path.insert(key).second) {
      note(msg("{1}: directory loop, skipped", {dir}));
      return;
    }
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    if (ec) {
      error(msg("cannot read directory {1}: {2}", {dir, ec.message()}));
      on_path.erase(key);
      return;
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      const std::string path = (dir.ends_with('/') ? dir : dir + '/') + name;
      const std::string rel = rel_dir.empty() ? name : rel_dir + '/' + name;
      struct stat st {};
      if (lstat(path.c_str(), &st) != 0) {
        error(msg("cannot open {1}: {2}", {path, errno_text(errno)}));
        continue;
      }
      if (S_ISLNK(st.st_mode)) {
        if (excluded(rel)) continue;
        const bool broken = stat(path.c_str(), &st) != 0;
        // Say so only for links the run would otherwise have taken.
        const bool wanted = broken ? included(rel) : S_ISDIR(st.st_mode) || included(rel);
        if (!cfg.follow_symlinks || broken) {
          if (wanted && !cfg.follow_symlinks) note(msg("{1}: symbolic link, not followed (use --follow-symlinks)", {path}));
          else if (wanted) note(msg("{1}: broken symbolic link, skipped", {path}));
          continue;
        }
      }
      if (S_ISDIR(st.st_mode)) {
        if (!excluded(rel)) walk(path, rel, st);
      } else if (S_ISREG(st.st_mode)) {
        if (is_leftover_temp(name) || excluded(rel) || !included(rel)) continue;
        InputFile f;
        f.path = path;
        f.size = std::uint64_t(st.st_size);
        f.dev = st.st_dev;
        f.ino = st.st_ino;
        f.known = true;
        out.push_back(std::move(f));
      } else if (!excluded(rel) && included(rel)) {
        note(msg("{1}: not a regular file, skipped", {path}));
      }
    }
    on_path.erase(key);
  }
};

}  // namespace

std::vector<InputFile> collect_inputs(const Config& cfg, const std::function<void(const std::string&)>& note,
                                      const std::function<void(const std::string&)>& error) {
  std::vector<InputFile> out;
  if (cfg.inputs.empty()) {
    InputFile f;
    f.path.assign(1, '-');
    out.push_back(std::move(f));
    return out;
  }
  Walker w{cfg, note, error, out, {}};
  for (const auto& path : cfg.inputs) {
    InputFile f;
    f.path = path;
    struct stat st {};
    if (path != "-" && lstat(path.c_str(), &st) == 0) {
      f.symlink = S_ISLNK(st.st_mode);
      if (f.symlink && stat(path.c_str(), &st) != 0) st = {};
      if (S_ISDIR(st.st_mode) && cfg.recursive) {
        w.walk(path, "", st);
        continue;
      }
      if (st.st_mode != 0) {
        f.size = S_ISREG(st.st_mode) ? std::uint64_t(st.st_size) : 0;
        f.dev = st.st_dev;
        f.ino = st.st_ino;
        f.known = true;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string display_name(const std::string& name) { return name == "-" ? "<stdin>" : name; }

bool is_leftover_temp(std::string_view base) {
  const std::size_t at = base.rfind(".mojifix-");
  return base.starts_with('.') && at != std::string_view::npos && at > 0 && base.size() - at == 15;
}

}  // namespace mojifix::cli
