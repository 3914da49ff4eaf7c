// bench.cpp — mojifix benchmark harness: throughput, latency and peak memory, with baselines
// measured in the same run. Not a test: run it on a quiet machine.
//
//   mojifix_bench CORPUS_DIR [--tool PATH/mojifix] [--mb N] [--big-mb N]
//
// CORPUS_DIR holds <lang>.txt files (the README figures use ../shared/devset/corpus/A).
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "datasets.hpp"
#include "table.hpp"
#include "zh_bench.hpp"
#include "measure.hpp"
#include "mojifix/mojifix.hpp"

namespace fs = std::filesystem;

namespace {

struct Args {
  std::string corpus;
  std::string tool;
  std::size_t mb = 20;
  std::size_t big_mb = 0;
};

std::string us(double s) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f µs", s * 1e6);
  return b;
}

std::string ms(double s) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f ms", s * 1e3);
  return b;
}

std::string mib(long kb) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f MiB", double(kb) / 1024.0);
  return b;
}

void write_file(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

double iconv_seconds(const std::string& gb) {
  return bench::best_seconds(3, [&] {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    std::string out(gb.size() * 2, '\0');
    char* in = const_cast<char*>(gb.data());
    std::size_t inleft = gb.size(), outleft = out.size();
    char* o = out.data();
    iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
  });
}

// Median seconds per detect() call over the samples (each sample called `reps` times).
template <class F>
double per_call(const std::vector<std::string>& samples, int reps, F&& fn) {
  std::vector<double> t;
  for (const auto& s : samples) {
    t.push_back(bench::best_seconds(3, [&] {
      for (int i = 0; i < reps; ++i) fn(s);
    }) / reps);
  }
  std::nth_element(t.begin(), t.begin() + std::ptrdiff_t(t.size() / 2), t.end());
  return t.empty() ? 0 : t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  bench::start_launcher();  // before any data is loaded: see measure.hpp
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string s = argv[i];
    if (s == "--tool" && i + 1 < argc) a.tool = argv[++i];
    else if (s == "--mb" && i + 1 < argc) a.mb = std::stoul(argv[++i]);
    else if (s == "--big-mb" && i + 1 < argc) a.big_mb = std::stoul(argv[++i]);
    else a.corpus = s;
  }
  if (a.corpus.empty()) {
    std::fprintf(stderr, "usage: mojifix_bench CORPUS_DIR [--tool PATH] [--mb N] [--big-mb N]\n");
    return 2;
  }
  if (a.tool.empty()) a.tool = bench::default_tool(argv[0]);
  const std::size_t size = a.mb << 20;
  const std::string en = bench::repeat_corpus(a.corpus, {"en"}, size);
  const std::string zh = bench::repeat_corpus(a.corpus, {"zh-Hans", "zh-Hant"}, size);
  const std::string moj = bench::mojibake_text(a.corpus, size);
  if (en.empty() || zh.empty() || moj.empty()) {
    std::fprintf(stderr, "corpus files not found under %s\n", a.corpus.c_str());
    return 1;
  }
  const std::string gb = bench::encode(bench::repeat_corpus(a.corpus, {"zh-Hans"}, size), "GB18030");
  const fs::path tmp = fs::temp_directory_path() / ("mojifix-bench-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  write_file(tmp / "en.txt", en);
  write_file(tmp / "zh.txt", zh);
  write_file(tmp / "moj.txt", moj);
  write_file(tmp / "gb.txt", gb);
  write_file(tmp / "1k.txt", zh.substr(0, zh.find('\n', 1000) + 1));

  std::printf("mojifix %s, corpus %s, %zu MB inputs, one core\n\n", std::string(mojifix::version()).c_str(),
              a.corpus.c_str(), a.mb);
  std::printf("| %-34s | %-28s | %14s | %s\n", "measure", "input", "figure", "note");
  std::printf("|%s|%s|%s|---\n", std::string(36, '-').c_str(), std::string(30, '-').c_str(), std::string(16, '-').c_str());

  // In-process throughput (best of 5).
  for (const auto& set : {std::pair{"clean English", &en}, {"clean Chinese", &zh}, {"mojibake-heavy", &moj}}) {
    const std::string* text = set.second;
    const double s = bench::best_seconds(5, [text] { (void)mojifix::repair(*text); });
    bench::row("repair()", set.first, bench::mbps(text->size(), s));
  }
  bench::zh_rows(zh);
  const double rb = bench::best_seconds(5, [&] { (void)mojifix::repair_bytes(gb); });
  bench::row("repair_bytes()", "GB18030 Chinese", bench::mbps(gb.size(), rb), "detect + decode + repair");
  mojifix::Options off;  // every stage off: what repair_bytes() does besides the stages
  off.mojibake = off.byte_shift = off.punctuation = off.annotations = off.script = off.normalize = false;
  const double rd = bench::best_seconds(5, [&] { (void)mojifix::repair_bytes(gb, off); });
  bench::row("repair_bytes() stages off", "GB18030 Chinese", bench::mbps(gb.size(), rd), "detect + decode");
  bench::row("  baseline: iconv(3)", "GB18030 Chinese", bench::mbps(gb.size(), iconv_seconds(gb)), "decode only, glibc");

  // Detection latency (median over samples of the GB18030, windows-1251 and UTF-8 text).
  std::vector<std::string> s4k, s50;
  const std::string ru = bench::encode(bench::repeat_corpus(a.corpus, {"ru"}, 1 << 20), "windows-1251");
  const std::string sj = bench::encode(bench::repeat_corpus(a.corpus, {"ja"}, 1 << 20), "Shift_JIS");
  for (const std::string* src : {&gb, &ru, &sj, &zh}) {
    for (auto& s : bench::samples(*src, 4096, 10)) s4k.push_back(s);
    for (auto& s : bench::samples(*src, 50, 10)) s50.push_back(s);
  }
  bench::row("detect()", "4 KB samples (40)", us(per_call(s4k, 20, [](const std::string& s) { (void)mojifix::detect(s); })),
      "median per call");
  bench::row("detect()", "50 B samples (40)", us(per_call(s50, 200, [](const std::string& s) { (void)mojifix::detect(s); })),
      "median per call");
  auto uchardet_call = [](const std::string& s) {
    uchardet_t u = uchardet_new();
    uchardet_handle_data(u, s.data(), s.size());
    uchardet_data_end(u);
    (void)uchardet_get_charset(u);
    uchardet_delete(u);
  };
  bench::row("  baseline: uchardet", "4 KB samples (40)", us(per_call(s4k, 20, uchardet_call)), "median per call");
  bench::row("  baseline: uchardet", "50 B samples (40)", us(per_call(s50, 200, uchardet_call)), "median per call");

  // The CLI end to end, with peak memory of the process.
  if (bench::have_program(a.tool)) {
    for (auto [name, file, bytes] : {std::tuple{"clean English", "en.txt", en.size()},
                                     {"clean Chinese", "zh.txt", zh.size()},
                                     {"mojibake-heavy", "moj.txt", moj.size()},
                                     {"GB18030 Chinese", "gb.txt", gb.size()}}) {
      bench::ChildRun best;
      best.seconds = 1e300;
      for (int i = 0; i < 3; ++i) {
        const auto r = bench::run_child({a.tool, (tmp / file).string()});
        if (r.seconds < best.seconds) best = r;
      }
      bench::row("mojifix FILE > /dev/null", name, bench::mbps(bytes, best.seconds), "peak RSS " + mib(best.max_rss_kb));
    }
    const auto det = bench::run_child({a.tool, "detect", (tmp / "gb.txt").string()});
    bench::row("mojifix detect FILE", "GB18030 Chinese", ms(det.seconds), "peak RSS " + mib(det.max_rss_kb));
    std::vector<double> starts;
    for (int i = 0; i < 30; ++i) starts.push_back(bench::run_child({a.tool, (tmp / "1k.txt").string()}).seconds);
    std::nth_element(starts.begin(), starts.begin() + 15, starts.end());
    bench::row("CLI start-up + 1 KB input", "1 KB Chinese", ms(starts[15]), "median of 30 runs");
    if (bench::have_program("cat")) {
      const auto c = bench::run_child({"cat", (tmp / "gb.txt").string()});
      bench::row("  ceiling: cat FILE > /dev/null", "GB18030 Chinese", bench::mbps(gb.size(), c.seconds), "I/O ceiling");
    }
    if (bench::have_program("uconv")) {
      const auto u = bench::run_child({"uconv", "-f", "gb18030", "-t", "utf-8", (tmp / "gb.txt").string()});
      bench::row("  baseline: uconv", "GB18030 Chinese", bench::mbps(gb.size(), u.seconds), "decode only, ICU CLI");
    }
    if (bench::have_program("iconv")) {
      const auto u = bench::run_child({"iconv", "-f", "GB18030", "-t", "UTF-8", (tmp / "gb.txt").string()});
      bench::row("  baseline: iconv", "GB18030 Chinese", bench::mbps(gb.size(), u.seconds), "decode only, glibc CLI");
    }
    if (bench::have_program("uchardet")) {
      const auto u = bench::run_child({"uchardet", (tmp / "gb.txt").string()});
      bench::row("  baseline: uchardet FILE", "GB18030 Chinese", ms(u.seconds), "peak RSS " + mib(u.max_rss_kb));
    }
    if (a.big_mb) {
      const fs::path big = tmp / "big.txt";
      {
        std::ofstream out(big, std::ios::binary);
        for (std::size_t written = 0; written < (a.big_mb << 20); written += zh.size()) out << zh;
      }
      const auto r = bench::run_child({a.tool, big.string()});
      bench::row("mojifix FILE > /dev/null", (std::to_string(a.big_mb) + " MB Chinese file").c_str(),
          bench::mbps(fs::file_size(big), r.seconds), "peak RSS " + mib(r.max_rss_kb));
    }
  } else {
    std::printf("(CLI rows skipped: %s not found; pass --tool PATH)\n", a.tool.c_str());
  }
  fs::remove_all(tmp);
  return 0;
}
