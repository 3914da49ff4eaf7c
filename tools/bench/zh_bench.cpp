// zh_bench.cpp — convert() against libopencc on the same input in the same run, classify(),
// and what the annotations and script stages cost repair() on clean Chinese.
#include "zh_bench.hpp"

#include <cstdio>
#include <string_view>

#include "measure.hpp"
#include "mojifix/mojifix.hpp"
#include "table.hpp"

#ifdef MOJIFIX_BENCH_OPENCC
#include <opencc.h>
#endif

namespace bench {

namespace {

#ifdef MOJIFIX_BENCH_OPENCC
// Best of `runs` conversions of `text` by libopencc with `config` (e.g. "s2t.json"); 0 when
// the config cannot be opened.
double opencc_seconds(const std::string& text, const char* config, int runs) {
  opencc_t od = opencc_open(config);
  if (od == reinterpret_cast<opencc_t>(-1)) return 0;
  const double s = best_seconds(runs, [&] {
    char* out = opencc_convert_utf8(od, text.data(), text.size());
    opencc_convert_utf8_free(out);
  });
  opencc_close(od);
  return s;
}
#endif

}  // namespace

void zh_rows(const std::string& zh) {
  // Every config; libopencc (slow: 2-7 MB/s) best of 2 for the three main ones, 1 for the rest.
  for (int i = 0; i <= int(mojifix::ConvertConfig::jp2t); ++i) {
    const auto cfg = static_cast<mojifix::ConvertConfig>(i);
    const std::string name = std::string(mojifix::to_string(cfg));
    (void)mojifix::convert("x", cfg);  // build the dictionaries outside the timing
    const double s = best_seconds(5, [&] { (void)mojifix::convert(zh, cfg); });
    std::string note = "in-process, best of 5";
#ifdef MOJIFIX_BENCH_OPENCC
    const bool main = cfg == mojifix::ConvertConfig::s2t || cfg == mojifix::ConvertConfig::t2s ||
                      cfg == mojifix::ConvertConfig::s2twp;
    const double o = opencc_seconds(zh, (name + ".json").c_str(), main ? 2 : 1);
    if (o > 0) {
      char b[64];
      std::snprintf(b, sizeof b, "; %.1fx libopencc", o / s);
      note += b;
      row(("  baseline: libopencc " + name).c_str(), "clean Chinese", mbps(zh.size(), o),
          main ? "OpenCC 1.1.6, best of 2" : "OpenCC 1.1.6, best of 1");
    }
#endif
    row(("convert() " + name).c_str(), "clean Chinese", mbps(zh.size(), s), note);
  }
  const double c = best_seconds(5, [&] { (void)mojifix::classify(zh); });
  row("classify()", "clean Chinese", mbps(zh.size(), c));
  mojifix::Options plain;
  plain.annotations = plain.script = false;
  const double r = best_seconds(5, [&] { (void)mojifix::repair(zh, plain); });
  row("repair() without annotations, script", "clean Chinese", mbps(zh.size(), r), "what the Chinese stages cost");
  mojifix::Options hans;
  hans.to = mojifix::ScriptTarget::hans;
  const double h = best_seconds(3, [&] { (void)mojifix::repair(zh, hans); });
  row("repair() --to hans", "clean Chinese", mbps(zh.size(), h), "half the text converts");
  // The punctuation stage's restoring on its own: the same text with `，：；！（）` flattened to
  // ASCII (every mark decided by the context table), and the clean text (one scan, no `，`
  // allowed: nothing to do).
  std::string flat;
  flat.reserve(zh.size());
  for (std::size_t i = 0; i < zh.size();) {
    static constexpr std::string_view kFull[] = {"，", "：", "；", "！", "（", "）"};
    static constexpr char kAscii[] = ",:;!()";
    std::size_t k = 0;
    while (k < 6 && zh.compare(i, kFull[k].size(), kFull[k]) != 0) ++k;
    if (k < 6) {
      flat += kAscii[k];
      i += kFull[k].size();
    } else {
      flat += zh[i++];
    }
  }
  const double p = best_seconds(3, [&] { (void)mojifix::restore_punctuation(flat); });
  row("restore_punctuation()", "Chinese, punctuation flattened", mbps(flat.size(), p), "restores the marks");
  const double q = best_seconds(5, [&] { (void)mojifix::restore_punctuation(zh); });
  row("restore_punctuation()", "clean Chinese", mbps(zh.size(), q), "has `，`: nothing to do");
}

}  // namespace bench
