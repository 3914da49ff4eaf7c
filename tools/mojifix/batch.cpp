// batch.cpp — a run over many files: collect them, check the output is not an input, run
// one job per file (in parallel, output in order), rewrite in place, add up the exit status.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <ostream>

#include "encoder.hpp"
#include "files.hpp"
#include "inplace.hpp"
#include "job.hpp"
#include "json.hpp"
#include "messages.hpp"

namespace mojifix::cli {

namespace {

constexpr auto kBarDelay = std::chrono::milliseconds(1000);  // a job this long gets a bar

// Repaired text to standard output (or -o), in order with the other jobs.
class OrderedSink final : public ByteSink {
 public:
  explicit OrderedSink(JobOutput& io) : io_(io) {}
  bool write(std::string_view bytes) override {
    io_.out(bytes);
    return true;
  }

 private:
  JobOutput& io_;
};

struct FileId {
  dev_t dev;
  ino_t ino;
};

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

FileStatus process_file(const Config& cfg, const InputFile& f, std::istream& in, JobOutput& io, Console& console,
                        const std::optional<FileId>& stdout_id) {
  const std::string name = display_name(f.path);
  FileStatus st;
  auto failure = [&](std::string m) {
    st.failed = true;
    st.error = std::move(m);
  };
  auto note = [&](const std::string& m) {
    if (!cfg.quiet) io.err_line(tool_line(m));
  };
  int fd = -1;
  struct stat sb {};
  std::string write_path = f.path;
  bool skipped = false;
  if (f.path != "-") {
    if (cfg.in_place && f.symlink && !cfg.follow_symlinks) {
      note(msg("{1}: symbolic link, not followed (use --follow-symlinks)", {name}));
      skipped = true;
    } else if ((fd = open(f.path.c_str(), O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &sb) != 0) {
      failure(msg("cannot open {1}: {2}", {name, std::strerror(errno)}));
    } else if (S_ISDIR(sb.st_mode)) {
      failure(msg("{1}: is a directory (use -r)", {name}));
    } else if (cfg.in_place && !S_ISREG(sb.st_mode)) {
      failure(msg("{1}: not a regular file, cannot rewrite it in place", {name}));
    } else if (stdout_id && stdout_id->dev == sb.st_dev && stdout_id->ino == sb.st_ino) {
      failure(msg("{1}: input file is the output", {name}));
    } else if (f.symlink && cfg.in_place) {
      write_path = real_path(f.path);  // rewrite the target, keep the link
    }
  }
  bool rewritten = false;
  std::uint64_t read = 0;
  if (!st.failed && !skipped) {
    Source src = fd >= 0 ? Source(fd, console) : Source(in, console);
    NullSink null;
    OrderedSink ordered(io);
    std::optional<InPlaceWriter> writer;
    ByteSink* base = &ordered;
    if (cfg.check) {
      base = &null;
    } else if (cfg.in_place) {
      writer.emplace(write_path, fd, sb, cfg.backup);
      base = &*writer;
    }
    std::optional<EncodingSink> enc;
    if (!cfg.output_encoding.empty() && !cfg.json) enc.emplace(*base, cfg.output_encoding, cfg.lossy, name);
    ByteSink& text = enc ? static_cast<ByteSink&>(*enc) : *base;
    FileJob job{cfg, name, src, text, io};
    st = cfg.jsonl ? jsonl_file(job) : repair_file(job);
    if (!st.failed && !st.binary && !text.close()) failure(text.error());
    if (writer) {
      if (st.failed || st.binary) writer->abort();
      rewritten = writer->rewritten();
    }
    if (st.binary) note(msg("{1}: binary data, skipped", {name}));
    if (enc && enc->replaced() && !st.failed)
      note(msg("{1}: {2} characters not in {3} replaced by '?'", {name, std::to_string(enc->replaced()), cfg.output_encoding}));
    if (rewritten && sb.st_nlink > 1)
      note(msg("{1}: has {2} hard links; the other names keep the old text", {name, std::to_string(sb.st_nlink)}));
    read = src.bytes_read();
  }
  if (f.size > read) console.add_bytes(f.size - read);  // skipped or failed: count it as done
  if (fd >= 0) close(fd);
  if (cfg.json) {
    std::string j;
    if (!st.json_open) {
      j = "{\"file\":";
      append_json_string(j, name);
      if (skipped) j += ",\"skipped\":\"symlink\"";
    }
    if (cfg.in_place && !st.failed && !skipped) j += std::string(",\"rewritten\":") + (rewritten ? "true" : "false");
    if (st.failed) {
      j += ",\"error\":";
      append_json_string(j, st.error);
    }
    io.out(j + "}\n");
  }
  if (st.failed) io.err_line(tool_line(st.error));
  console.file_done();
  return st;
}

}  // namespace

std::string tool_line(const std::string& message) { return "mojifix: " + message; }

int run_files(const Config& cfg, std::istream& in, std::ostream& out, std::ostream& err) {
  bool failed = false;
  auto early_note = [&](const std::string& m) {
    if (!cfg.quiet) err << tool_line(m) << '\n';
  };
  auto early_error = [&](const std::string& m) {
    err << tool_line(m) << '\n';
    failed = true;
  };
  std::vector<InputFile> files = collect_inputs(cfg, early_note, early_error);
  if (cfg.in_place) {
    // The same file named twice (or reached through a link) is rewritten once.
    std::set<std::string> seen;
    std::erase_if(files, [&](const InputFile& f) { return !seen.insert(real_path(f.path)).second; });
  }

  std::ofstream file_out;
  std::ostream* sink = &out;
  if (!cfg.output.empty()) {
    struct stat os {};
    if (stat(cfg.output.c_str(), &os) == 0) {
      for (const auto& f : files) {
        if (f.known && f.dev == os.st_dev && f.ino == os.st_ino) {
          err << tool_line(msg("refusing to write over input {1} (use --in-place)", {f.path})) << '\n';
          return usage;
        }
      }
    }
    file_out.open(cfg.output, std::ios::binary | std::ios::trunc);
    if (!file_out) {
      err << tool_line(msg("cannot write {1}: {2}", {cfg.output, std::strerror(errno)})) << '\n';
      return io_error;
    }
    sink = &file_out;
  }
  // Standard output redirected into one of the inputs would feed on itself.
  std::optional<FileId> stdout_id;
  struct stat so {};
  if (sink == &std::cout && fstat(STDOUT_FILENO, &so) == 0 && S_ISREG(so.st_mode)) stdout_id = FileId{so.st_dev, so.st_ino};

  // The bar shares stderr; when the repaired text itself goes to the same terminal, no bar.
  const bool text_to_terminal = !cfg.in_place && !cfg.check && on_terminal(*sink);
  const bool bar = !cfg.quiet && on_terminal(err) && !text_to_terminal;
  Console console(*sink, err, bar, cfg.progress ? std::chrono::milliseconds(0) : kBarDelay, on_terminal(*sink));
  std::uint64_t total = 0;
  for (const auto& f : files) total += f.size;
  console.set_total(total, files.size());

  std::vector<FileStatus> results(files.size());
  const unsigned threads = cfg.jobs ? cfg.jobs : available_cpus();
  run_ordered(files.size(), threads, console, [&](std::size_t i, JobOutput& io) {
    try {
      results[i] = process_file(cfg, files[i], in, io, console, stdout_id);
    } catch (const std::exception& e) {
      results[i].failed = true;
      io.err_line(tool_line(msg("cannot open {1}: {2}", {display_name(files[i].path), e.what()})));
      console.file_done();
    }
  });
  console.finish();
  sink->flush();
  if (!*sink) {
    err << tool_line(msg("cannot write {1}: {2}", {cfg.output.empty() ? "<stdout>" : cfg.output, std::strerror(errno)}))
        << '\n';
    return io_error;
  }
  bool changed = false;
  for (const auto& r : results) {
    failed |= r.failed;
    changed |= r.changed;
  }
  if (failed) return io_error;
  return cfg.check && changed ? needs_repair : ok;
}

}  // namespace mojifix::cli
