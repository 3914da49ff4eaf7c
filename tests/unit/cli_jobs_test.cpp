// cli_jobs_test.cpp — the pieces behind real jobs: globs and walks, spools, ordered parallel
// output, the progress line, in-place rewriting, output encodings.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "cli.hpp"
#include "console.hpp"
#include "encoder.hpp"
#include "files.hpp"
#include "inplace.hpp"
#include "jobs.hpp"
#include "spool.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using namespace mojifix::cli;

namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The original of an in-place rewrite: open for reading, with its fstat().
struct Original {
  int fd;
  struct stat st {};
  explicit Original(const std::string& path) : fd(open(path.c_str(), O_RDONLY)) { fstat(fd, &st); }
  ~Original() { close(fd); }
  Original(const Original&) = delete;
  Original& operator=(const Original&) = delete;
};

// Feeds `content` through an InPlaceWriter for `path` in pieces of `piece` bytes.
bool rewrite(const std::string& path, const std::string& content, std::size_t piece, const std::string& backup = "") {
  const Original o(path);
  InPlaceWriter w(path, o.fd, o.st, backup);
  bool ok = true;
  for (std::size_t i = 0; i < content.size() && ok; i += piece) ok = w.write(std::string_view(content).substr(i, piece));
  return ok && w.close();
}

struct Collect : ByteSink {
  std::string got;
  bool write(std::string_view b) override {
    got += b;
    return true;
  }
};

}  // namespace

TEST_CASE("glob: * and ? stay in one path segment, ** crosses, classes work", "[cli][files]") {
  CHECK(glob_match("*.txt", "a.txt"));
  CHECK(glob_match("*.txt", "dir/sub/a.txt"));  // no '/' in the glob: base name only
  CHECK_FALSE(glob_match("*.txt", "a.txt.bak"));
  CHECK(glob_match("a?c", "abc"));
  CHECK_FALSE(glob_match("a?c", "a/c"));
  CHECK(glob_match("docs/*.md", "docs/x.md"));
  CHECK_FALSE(glob_match("docs/*.md", "docs/sub/x.md"));
  CHECK(glob_match("docs/**.md", "docs/sub/x.md"));
  CHECK(glob_match("**/x.md", "x.md"));
  CHECK(glob_match("**/x.md", "a/b/x.md"));
  CHECK(glob_match("[ab]*", "banana"));
  CHECK_FALSE(glob_match("[!ab]*", "banana"));
  CHECK(glob_match("[a-c]x", "bx"));
  CHECK(glob_match("\\*", "*"));
  CHECK_FALSE(glob_match("\\*", "a"));
  CHECK(glob_match("*", ""));
  CHECK_FALSE(glob_match("?", ""));
}

TEST_CASE("walk: sorted, globs filter files and prune directories, links skipped unless followed", "[cli][files]") {
  test::TempDir d;
  d.write("t/b.txt", "b");
  d.write("t/a.txt", "a");
  d.write("t/c.md", "c");
  d.write("t/skip/d.txt", "d");
  d.write("t/sub/e.txt", "e");
  d.write("t/.x.txt.mojifix-AbC123", "leftover");
  fs::create_symlink("a.txt", d.path / "t/link.txt");
  fs::create_directory_symlink("sub", d.path / "t/dirlink");
  const std::string root = (d.path / "t").string();
  Config c;
  c.recursive = true;
  c.inputs = {root};
  std::vector<std::string> notes, errors;
  auto note = [&](const std::string& m) { notes.push_back(m); };
  auto error = [&](const std::string& m) { errors.push_back(m); };
  auto names = [&](const std::vector<InputFile>& v) {
    std::vector<std::string> out;
    for (const auto& f : v) out.push_back(f.path.substr(root.size() + 1));
    return out;
  };
  CHECK(names(collect_inputs(c, note, error)) ==
        std::vector<std::string>{"a.txt", "b.txt", "c.md", "skip/d.txt", "sub/e.txt"});
  CHECK(notes.size() == 2);  // link.txt and dirlink, each with a note
  CHECK(errors.empty());
  c.includes = {"*.txt"};
  c.excludes = {"skip"};
  notes.clear();
  CHECK(names(collect_inputs(c, note, error)) == std::vector<std::string>{"a.txt", "b.txt", "sub/e.txt"});
  c.follow_symlinks = true;
  CHECK(names(collect_inputs(c, note, error)) ==
        std::vector<std::string>{"a.txt", "b.txt", "dirlink/e.txt", "link.txt", "sub/e.txt"});
  // A loop through a link is walked once.
  fs::create_directory_symlink("..", d.path / "t/sub/up");
  c.includes.clear();
  const auto looped = collect_inputs(c, note, error);
  CHECK(looped.size() < 20);
}

TEST_CASE("leftover temporary files are recognised by name", "[cli][files]") {
  CHECK(is_leftover_temp(".notes.txt.mojifix-a1B2c3"));
  CHECK_FALSE(is_leftover_temp("notes.txt.mojifix-a1B2c3"));
  CHECK_FALSE(is_leftover_temp(".notes.txt"));
  CHECK_FALSE(is_leftover_temp(".x.mojifix-short"));
}

TEST_CASE("spool: pieces come back in order, also after spilling to a file", "[cli][jobs]") {
  Spool s(100);
  std::string expect_out, expect_err;
  for (int i = 0; i < 200; ++i) {
    const std::string piece = "piece " + std::to_string(i) + ";";
    s.append(i % 3 ? Stream::out : Stream::err, piece);
    (i % 3 ? expect_out : expect_err) += piece;
  }
  std::string out, err, order;
  CHECK(s.drain([&](Stream st, std::string_view b) {
    (st == Stream::out ? out : err) += b;
    order += st == Stream::out ? 'o' : 'e';
  }));
  CHECK(out == expect_out);
  CHECK(err == expect_err);
  CHECK(order.find("eoe") != std::string::npos);  // interleaving kept
  CHECK(s.empty());
}

TEST_CASE("run_ordered: output in job order whatever the timing", "[cli][jobs]") {
  for (unsigned threads : {1u, 2u, 7u}) {
    std::ostringstream out, err;
    Console console(out, err, false, {}, false);
    std::mt19937 rng(threads);
    std::vector<int> delay(300);
    for (auto& x : delay) x = int(rng() % 300);
    run_ordered(delay.size(), threads, console, [&](std::size_t i, JobOutput& io) {
      std::this_thread::sleep_for(std::chrono::microseconds(delay[i]));
      io.out(std::to_string(i) + ":");
      io.err_line(std::string(1, 'e').append(std::to_string(i)));
      io.out(std::string(std::size_t(delay[i]) * 50, 'x') + "\n");  // some jobs spill
    });
    console.finish();
    std::string expect_out, expect_err;
    for (std::size_t i = 0; i < delay.size(); ++i) {
      expect_out += std::to_string(i) + ":" + std::string(std::size_t(delay[i]) * 50, 'x') + "\n";
      expect_err.append(1, 'e').append(std::to_string(i)).append(1, '\n');
    }
    CHECK(out.str() == expect_out);
    CHECK(err.str() == expect_err);
  }
}

TEST_CASE("progress line: percentage, bar, rate, ETA, files; never wider than the terminal", "[cli][progress]") {
  ProgressState s;
  s.bytes_done = 250'000'000;
  s.bytes_total = 1'000'000'000;
  s.files_done = 3;
  s.files_total = 12;
  s.seconds = 2.5;
  const std::string line = render_progress(s, 100);
  CHECK(line.find(" 25%") == 0);
  CHECK(line.find("[#######") != std::string::npos);
  CHECK(line.find("250.0 MB / 1.0 GB") != std::string::npos);
  CHECK(line.find("100.0 MB/s") != std::string::npos);
  CHECK(line.find("ETA 0:08") != std::string::npos);
  CHECK(line.find("3/12") != std::string::npos);
  for (int w : {20, 40, 60, 80, 200}) CHECK(display_width(render_progress(s, w)) <= w - 1);
  s.bytes_total = 0;  // standard input: no percentage, no ETA
  const std::string open = render_progress(s, 80);
  CHECK(open.find('%') == std::string::npos);
  CHECK(open.find("ETA") == std::string::npos);
  CHECK(display_width("中文ab") == 6);
}

TEST_CASE("in place: unchanged content is never written, the mtime stays", "[cli][inplace]") {
  test::TempDir d;
  const std::string f = d.write("a.txt", std::string(3 << 20, 'a') + "end\n");
  timespec old[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};
  utimensat(AT_FDCWD, f.c_str(), old, 0);
  CHECK(rewrite(f, slurp(f), 1 << 16));
  struct stat st {};
  stat(f.c_str(), &st);
  CHECK(st.st_mtim.tv_sec == 1'000'000'000);
  CHECK(fs::directory_iterator(d.path) != fs::directory_iterator());  // only a.txt:
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);
}

TEST_CASE("in place: a difference anywhere rewrites, keeping the mode; backup holds the original", "[cli][inplace]") {
  test::TempDir d;
  const std::string original = std::string(1 << 20, 'x') + "tail\n";
  for (const std::string& changed : {std::string("y") + original.substr(1), original.substr(0, 1 << 20) + "TAIL\n",
                                     original.substr(0, 100), original + "more\n"}) {
    const std::string f = d.write("a.txt", original);
    chmod(f.c_str(), 0640);
    CHECK(rewrite(f, changed, 4096, ".orig"));
    CHECK(slurp(f) == changed);
    CHECK(slurp(f + ".orig") == original);
    struct stat st {};
    stat(f.c_str(), &st);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 2);  // no temporary left
  }
}

TEST_CASE("in place: abort and failures leave the original", "[cli][inplace]") {
  test::TempDir d;
  const std::string f = d.write("a.txt", "old text\n");
  const Original o(f);
  {
    InPlaceWriter w(f, o.fd, o.st, "");
    CHECK(w.write("new text, longer\n"));
    // Destroyed without close(): as if the job failed.
  }
  CHECK(slurp(f) == "old text\n");
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);
  {
    // The directory disappears: the error names the file.
    InPlaceWriter w(d.path.string() + "/gone/a.txt", o.fd, o.st, "");
    CHECK_FALSE(w.write("different\n"));
    CHECK(w.error().find("gone/a.txt") != std::string::npos);
  }
}

TEST_CASE("output encoding: unmappable characters name line and column, or become '?'", "[cli][encoding]") {
  CHECK(can_encode("windows-1252"));
  CHECK(can_encode("gb18030"));
  CHECK(can_encode("shift_jis"));
  CHECK_FALSE(can_encode("binary"));
  {
    Collect c;
    EncodingSink e(c, "windows-1252", false, "f.txt");
    CHECK(e.write("caf\xC3\xA9\n"));
    CHECK(e.write("ok \xE2\x82\xAC\n"));
    CHECK_FALSE(e.write("ab \xE4\xB8\xAD x\n"));
    CHECK(e.error().find("f.txt:3:4:") != std::string::npos);
    CHECK(e.error().find("U+4E2D") != std::string::npos);
    CHECK(c.got.substr(0, 10) == "caf\xE9\nok \x80\n");
  }
  {
    Collect c;
    EncodingSink e(c, "iso-8859-1", true, "f.txt");
    CHECK(e.write("\xF0\x9F\x98\x80 \xC3\xA9 \xE4\xB8\xAD\n"));
    CHECK(e.close());
    CHECK(c.got == "? \xE9 ?\n");
    CHECK(e.replaced() == 2);
  }
  {
    Collect c;
    EncodingSink e(c, "gb18030", false, "f.txt");
    CHECK(e.write("\xE4\xB8\xAD\xE6\x96\x87\n"));
    CHECK(e.close());
    CHECK(c.got == "\xD6\xD0\xCE\xC4\n");
  }
}

TEST_CASE("run_ordered: a later job with a lot of output waits for its turn instead of spooling it all", "[cli][jobs]") {
  std::ostringstream out, err;
  Console console(out, err, false, {}, false);
  std::atomic<bool> first_done{false};
  std::atomic<bool> second_waited{false};
  const std::string block(1 << 20, 'x');
  run_ordered(2, 2, console, [&](std::size_t i, JobOutput& io) {
    if (i == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      io.out("first\n");
      first_done = true;
      return;
    }
    for (int k = 0; k < 40; ++k) io.out(block);  // 40 MiB: past the limit of held-back output
    second_waited = first_done.load();
  });
  console.finish();
  CHECK(second_waited);  // it could only finish writing once the first job was done
  CHECK(out.str().size() == 6 + (40u << 20));
  CHECK(out.str().rfind("first\n", 0) == 0);
}

TEST_CASE("in place: a file changed by someone else meanwhile is left to them", "[cli][inplace]") {
  test::TempDir d;
  const std::string f = d.write("a.txt", "old text\n");
  {
    const Original o(f);
    InPlaceWriter w(f, o.fd, o.st, "");
    CHECK(w.write("new text\n"));
    std::ofstream(f, std::ios::binary | std::ios::app) << "appended by someone else\n";
    CHECK_FALSE(w.close());
    CHECK(w.error().find("changed while") != std::string::npos);
  }
  CHECK(slurp(f) == "old text\nappended by someone else\n");
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);
}

TEST_CASE("glob: unclosed and odd classes are plain characters, and every pattern terminates", "[cli][files]") {
  CHECK(glob_match("*[!]*.md", "a[!]x.md"));      // found by fuzzing: "[!]" has no closing ']'
  CHECK(glob_match("[]]", "]"));                  // ']' first in a class is a member
  CHECK(glob_match("[!]]", "a"));
  CHECK_FALSE(glob_match("[!]]", "]"));
  CHECK(glob_match("a[", "a["));
  CHECK(glob_match("[", "["));
}
