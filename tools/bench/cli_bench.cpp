// cli_bench.cpp — the mojifix tool on real jobs: a tree of mixed files with -j 1 and -j 2,
// in place and to /dev/null, and peak memory on one huge file and on one huge line.
// Not a test: run it on a quiet machine.
//
//   mojifix_bench_cli CORPUS_DIR [--tool PATH] [--tmp DIR] [--mixed-mb N] [--big-gb N] [--line-mb N]
//                     [--rounds N]
//
// Inputs are generated under --tmp (default $TMPDIR or /tmp) and deleted at the end.
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "measure.hpp"
#include "mojifix/version.hpp"

namespace fs = std::filesystem;

namespace {

struct Args {
  std::string corpus, tool, tmp;
  std::size_t mixed_mb = 1024, big_gb = 5, line_mb = 1024;
  int rounds = 3;
};

void row(const std::string& what, const std::string& input, const std::string& figure, const std::string& note = "") {
  std::printf("| %-44s | %-30s | %12s | %s\n", what.c_str(), input.c_str(), figure.c_str(), note.c_str());
  std::fflush(stdout);
}

std::string fmt(const char* f, double v) {
  char b[48];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

// The prefix of `text` of about `bytes`, cut after a line.
std::string cut(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  const std::size_t nl = text.find('\n', bytes);
  return text.substr(0, nl == std::string::npos ? bytes : nl + 1);
}

void write_file(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// Writes `block` repeatedly until `bytes` are written (streamed: no big buffer).
void write_repeated(const fs::path& p, const std::string& block, std::uint64_t bytes) {
  std::ofstream out(p, std::ios::binary);
  for (std::uint64_t n = 0; n < bytes; n += block.size()) out.write(block.data(), std::streamsize(block.size()));
}

std::string mbps(std::uint64_t bytes, double s) { return fmt("%.0f MB/s", double(bytes) / 1e6 / s); }
std::string rss(const bench::ChildRun& r) { return fmt("peak RSS %.1f MiB", double(r.max_rss_kb) / 1024.0); }

}  // namespace

int main(int argc, char** argv) {
  bench::start_launcher();  // before any data is loaded: see measure.hpp
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    if (s == "--tool" && i + 1 < argc) a.tool = argv[++i];
    else if (s == "--tmp" && i + 1 < argc) a.tmp = argv[++i];
    else if (s == "--mixed-mb" && i + 1 < argc) a.mixed_mb = std::stoul(argv[++i]);
    else if (s == "--big-gb" && i + 1 < argc) a.big_gb = std::stoul(argv[++i]);
    else if (s == "--line-mb" && i + 1 < argc) a.line_mb = std::stoul(argv[++i]);
    else if (s == "--rounds" && i + 1 < argc) a.rounds = std::max(1, std::stoi(argv[++i]));
    else a.corpus = s;
  }
  if (a.corpus.empty()) {
    std::fprintf(stderr, "usage: mojifix_bench_cli CORPUS_DIR [--tool PATH] [--tmp DIR] [--mixed-mb N] [--big-gb N] [--line-mb N] "
                 "[--rounds N]\n");
    return 2;
  }
  if (a.tool.empty()) a.tool = bench::default_tool(argv[0]);
  if (a.tmp.empty()) a.tmp = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  if (!bench::have_program(a.tool)) {
    std::fprintf(stderr, "%s not found; pass --tool PATH\n", a.tool.c_str());
    return 1;
  }
  // Space: the tree twice (pristine + in-place copy), the big file plus its rewrite (UTF-8 is
  // up to 1.5x GB18030), the long line.
  const std::uint64_t need = (a.mixed_mb * 2 + a.big_gb * 1024 * 5 / 2 + a.line_mb) << 20;
  struct statvfs vfs {};
  if (statvfs(a.tmp.c_str(), &vfs) == 0 && std::uint64_t(vfs.f_bavail) * vfs.f_frsize < need + (1ull << 30)) {
    std::fprintf(stderr, "not enough space in %s: need %.1f GB\n", a.tmp.c_str(), double(need) / 1e9);
    return 1;
  }
  const fs::path work = fs::path(a.tmp) / ("mojifix-bench-cli-" + std::to_string(getpid()));
  const fs::path tree = work / "mixed", copy = work / "inplace";
  fs::create_directories(tree);

  // The mixed tree: eight kinds of file (clean UTF-8, legacy encodings, mojibake-heavy), sizes
  // 1 to 16 MiB, until mixed_mb is reached.
  constexpr std::size_t kMax = 16u << 20;
  const std::string zh_hans = bench::repeat_corpus(a.corpus, {"zh-Hans"}, kMax);
  struct Kind {
    const char* name;
    std::string bytes;
  };
  std::vector<Kind> kinds;
  kinds.push_back({"en-utf8", bench::repeat_corpus(a.corpus, {"en"}, kMax)});
  kinds.push_back({"zh-utf8", zh_hans});
  kinds.push_back({"zh-gb18030", bench::encode(zh_hans, "GB18030")});
  kinds.push_back({"zh-big5", bench::encode(bench::repeat_corpus(a.corpus, {"zh-Hant"}, kMax), "Big5")});
  kinds.push_back({"ja-sjis", bench::encode(bench::repeat_corpus(a.corpus, {"ja"}, kMax), "Shift_JIS")});
  kinds.push_back({"ru-cp1251", bench::encode(bench::repeat_corpus(a.corpus, {"ru"}, kMax), "windows-1251")});
  kinds.push_back({"fr-cp1252", bench::encode(bench::repeat_corpus(a.corpus, {"fr", "de", "es"}, kMax), "windows-1252")});
  kinds.push_back({"mojibake", bench::mojibake_text(a.corpus, kMax)});
  for (const auto& k : kinds) {
    if (k.bytes.empty()) {
      std::fprintf(stderr, "corpus files not found under %s\n", a.corpus.c_str());
      return 1;
    }
  }
  const std::size_t sizes[] = {1u << 20, 4u << 20, 16u << 20, 2u << 20, 8u << 20};
  std::uint64_t total = 0;
  for (std::size_t i = 0; total < (std::uint64_t(a.mixed_mb) << 20); ++i) {
    const Kind& k = kinds[i % kinds.size()];
    const std::string bytes = cut(k.bytes, sizes[i % 5]);
    char name[64];
    std::snprintf(name, sizeof name, "d%02zu/%04zu-%s.txt", i % 16, i, k.name);
    fs::create_directories((tree / name).parent_path());
    write_file(tree / name, bytes);
    total += bytes.size();
  }
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(tree)) files += e.is_regular_file();

  std::printf("mojifix %s, corpus %s; inputs under %s\n\n", std::string(mojifix::version()).c_str(), a.corpus.c_str(),
              work.c_str());
  std::printf("| %-44s | %-30s | %12s | %s\n", "measure", "input", "figure", "note");
  std::printf("|%s|%s|%s|---\n", std::string(46, '-').c_str(), std::string(32, '-').c_str(), std::string(14, '-').c_str());
  const std::string mixed = fmt("%.0f MB mixed, ", double(total) / 1e6) + std::to_string(files) + " files";

  // -j 1 and -j 2 alternate (--rounds rounds, best of each), so a busy moment hits both alike;
  // the speed-up is the ratio of the best times.
  auto pair = [&](const std::string& label, std::vector<std::string> args, const std::function<void()>& before) {
    bench::ChildRun b[2];
    b[0].seconds = b[1].seconds = 1e300;
    for (int round = 0; round < a.rounds; ++round) {
      for (int k = 0; k < 2; ++k) {
        std::vector<std::string> argv = {a.tool, "-j", k ? "2" : "1"};
        argv.insert(argv.end(), args.begin(), args.end());
        if (before) before();
        const auto r = bench::run_child(argv);
        if (r.seconds < b[k].seconds) b[k] = r;
      }
    }
    for (int k = 0; k < 2; ++k)
      row(label + (k ? " -j 2" : " -j 1"), mixed, mbps(total, b[k].seconds),
          rss(b[k]) + fmt(", %.2f cores busy", b[k].cpu_seconds / b[k].seconds) +
              (k ? fmt(", speed-up %.2fx", b[0].seconds / b[1].seconds) : std::string()) +
              (b[k].status > 1 ? ", exit " + std::to_string(b[k].status) : ""));
  };
  pair("mojifix -r DIR -o /dev/null", {"-r", tree.string(), "-o", "/dev/null"}, {});
  pair("mojifix --check -r DIR", {"--check", "-r", tree.string()}, {});
  pair("mojifix --in-place -r DIR", {"--in-place", "-r", copy.string()}, [&] {
    fs::remove_all(copy);
    fs::copy(tree, copy, fs::copy_options::recursive);
    sync();
  });
  fs::remove_all(copy);
  fs::remove_all(tree);

  // One huge file (GB18030, so every byte is decoded and the file is rewritten in place).
  if (a.big_gb) {
    const fs::path big = work / "big-gb18030.txt";
    write_repeated(big, kinds[2].bytes, std::uint64_t(a.big_gb) << 30);
    const std::uint64_t big_size = fs::file_size(big);
    const std::string big_label = fmt("%.2f GB GB18030 file", double(big_size) / 1e9);
    auto r = bench::run_child({a.tool, big.string()});
    row("mojifix FILE > /dev/null", big_label, mbps(big_size, r.seconds), rss(r));
    r = bench::run_child({a.tool, "--check", big.string()});
    row("mojifix --check FILE", big_label, mbps(big_size, r.seconds), rss(r));
    r = bench::run_child({a.tool, "--in-place", big.string()});
    row("mojifix --in-place FILE", big_label, mbps(big_size, r.seconds), rss(r));
    fs::remove(big);
  }

  // One huge line: the Chinese text without its line breaks, UTF-8 and GB18030.
  std::string line_block = kinds[1].bytes;
  for (char& c : line_block)
    if (c == '\n') c = ' ';
  for (const auto& [label, block] : {std::pair{"UTF-8", line_block}, {"GB18030", bench::encode(line_block, "GB18030")}}) {
    if (!a.line_mb) break;
    const fs::path line = work / "line.txt";
    write_repeated(line, block, std::uint64_t(a.line_mb) << 20);
    const std::uint64_t n = fs::file_size(line);
    const auto r = bench::run_child({a.tool, line.string()});
    row("mojifix FILE > /dev/null", fmt("one %.2f GB line, ", double(n) / 1e9) + label, mbps(n, r.seconds), rss(r));
    fs::remove(line);
  }
  fs::remove_all(work);
  return 0;
}
