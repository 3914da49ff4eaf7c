// reports.cpp — report-only findings of the mojibake stage.
#include "mojibake/reports.hpp"

#include "utf8.hpp"

namespace mojifix::detail {

namespace {

// Length of the run of characters from `i` satisfying `pred`, allowing gaps of up to `gap`
// other characters between members; returns the end (exclusive) of the last member.
template <class Pred>
std::size_t run_end(const std::vector<Ch>& cs, std::size_t i, std::size_t to, std::size_t gap, Pred pred) {
  std::size_t end = i + 1;
  for (std::size_t k = i + 1; k < to && k <= end + gap; ++k)
    if (pred(cs[k].cp)) end = k + 1;
  return end;
}

}  // namespace

void report_lost(std::string_view in, const std::vector<Ch>& cs, std::size_t from, std::size_t to, EditBuilder& b) {
  (void)in;
  for (std::size_t i = from; i < to;) {
    const char32_t cp = cs[i].cp;
    std::size_t end = i;
    const char* reason = nullptr;
    if (cp == kReplacement) {
      end = run_end(cs, i, to, 0, [](char32_t c) { return c == kReplacement; });
      reason = "replacement characters: bytes lost before this text was decoded";
    } else if (cp == U'锟' || cp == U'斤' || cp == U'拷') {
      end = run_end(cs, i, to, 0, [](char32_t c) { return c == U'锟' || c == U'斤' || c == U'拷'; });
      bool seq = false;
      for (std::size_t k = i; k + 2 < end && !seq; ++k)
        seq = cs[k].cp == U'锟' && cs[k + 1].cp == U'斤' && cs[k + 2].cp == U'拷';
      if (seq) reason = "锟斤拷: U+FFFD written as utf-8 and read as gbk; the original text is lost";
    } else if (cp == U'烫' || cp == U'屯') {
      end = run_end(cs, i, to, 0, [cp](char32_t c) { return c == cp; });
      if (end - i >= 3) reason = "uninitialised memory (0xCC / 0xCD bytes) read as gbk: no text was there";
    } else if (cp == '?') {
      end = run_end(cs, i, to, 0, [](char32_t c) { return c == '?'; });
      const bool cjk_near = (i > 0 && cs[i - 1].cp >= 0x80) || (end < cs.size() && cs[end].cp >= 0x80);
      if (end - i >= 4 || (end - i >= 2 && cjk_near)) reason = "question marks: characters lost in a conversion";
    }
    if (!reason) {
      ++i;
      continue;
    }
    b.report({cs[i].begin, cs[end - 1].end}, FixKind::unrecoverable, 1.0f, reason);
    i = end;
  }
}

bool may_report(const std::vector<Ch>& cs) noexcept {
  for (const Ch& c : cs)
    if (c.cp == kReplacement || c.cp == U'锟' || c.cp == U'烫' || c.cp == U'屯' || c.cp == '?') return true;
  return false;
}

}  // namespace mojifix::detail
