// plan.cpp — fix lists: building, replaying, composing across stages, bounding.
#include "plan.hpp"

#include <algorithm>
#include <utility>

namespace mojifix {

std::string_view to_string(FixKind kind) noexcept {
  switch (kind) {
    case FixKind::invalid_bytes: return "invalid_bytes";
    case FixKind::binary: return "binary";
    case FixKind::bom: return "bom";
    case FixKind::normalization: return "normalization";
    case FixKind::newline: return "newline";
    case FixKind::control: return "control";
    case FixKind::mojibake: return "mojibake";
    case FixKind::unrecoverable: return "unrecoverable";
    case FixKind::byte_shift: return "byte_shift";
    case FixKind::punctuation: return "punctuation";
    case FixKind::annotation: return "annotation";
    case FixKind::script: return "script";
  }
  return "unknown";
}

bool Result::changed() const noexcept {
  return std::any_of(fixes.begin(), fixes.end(), [](const Fix& f) { return !f.report; });
}

std::string apply_plan(std::string_view input, const std::vector<Fix>& fixes) {
  std::string out;
  out.reserve(input.size());
  std::size_t pos = 0;
  for (const Fix& f : fixes) {
    if (f.in.begin < pos || f.in.end < f.in.begin || f.in.end > input.size()) continue;
    out.append(input.substr(pos, f.in.begin - pos));
    out.append(f.text);
    pos = f.in.end;
  }
  out.append(input.substr(pos));
  return out;
}

}  // namespace mojifix

namespace mojifix::detail {

EditBuilder::EditBuilder(std::string_view input, Result& out, std::size_t max_fixes)
    : in_(input), out_(out), max_fixes_(max_fixes == 0 ? 1 : max_fixes) {
  out_.text.clear();
  out_.fixes.clear();
}

void EditBuilder::copy_to(std::size_t pos) {
  if (pos <= copied_) return;
  if (out_.text.empty() && out_.fixes.empty()) out_.text.reserve(in_.size() + in_.size() / 8 + 16);
  out_.text.append(in_.substr(copied_, pos - copied_));
  copied_ = pos;
}

std::string& EditBuilder::text_through(std::size_t pos) {
  copy_to(pos);
  return out_.text;
}

void EditBuilder::add(Fix fix) {
  auto& fx = out_.fixes;
  if (!fx.empty()) {
    Fix& last = fx.back();
    const bool touching = last.in.end == fix.in.begin && last.out.end == fix.out.begin;
    const bool same = last.kind == fix.kind && last.reason == fix.reason && last.report == fix.report &&
                      last.lossy == fix.lossy && last.guess == fix.guess;
    if ((touching && same) || fx.size() >= max_fixes_) {
      // Merge: the bytes between the two fixes are unchanged, so they join the replacement.
      last.text.append(out_.text, last.out.end, fix.out.begin - last.out.end);
      last.text += fix.text;
      last.in.end = fix.in.end;
      last.out.end = fix.out.end;
      last.confidence = std::min(last.confidence, fix.confidence);
      last.lossy |= fix.lossy;
      last.guess |= fix.guess;
      last.report &= fix.report;
      if (!same && last.reason.find(fix.reason) == std::string::npos) last.reason += "; " + fix.reason;
      return;
    }
  }
  fx.push_back(std::move(fix));
}

void EditBuilder::replace(Span in, std::string_view text, FixKind kind, float confidence,
                          std::string_view reason, bool lossy, bool guess) {
  copy_to(in.begin);
  Fix f;
  f.kind = kind;
  f.in = in;
  f.out = {out_.text.size(), out_.text.size() + text.size()};
  f.confidence = confidence;
  f.reason = std::string(reason);
  f.text = std::string(text);
  f.lossy = lossy;
  f.guess = guess;
  out_.text.append(text);
  copied_ = in.end;
  add(std::move(f));
}

void EditBuilder::report(Span in, FixKind kind, float confidence, std::string_view reason) {
  copy_to(in.begin);
  Fix f;
  f.kind = kind;
  f.in = in;
  f.out = {out_.text.size(), out_.text.size() + in.size()};
  f.confidence = confidence;
  f.reason = std::string(reason);
  f.text = std::string(in_.substr(in.begin, in.size()));
  f.report = true;
  out_.text.append(f.text);
  copied_ = in.end;
  add(std::move(f));
}

bool EditBuilder::finish() {
  if (out_.fixes.empty()) {
    out_.text.clear();
    return false;
  }
  copy_to(in_.size());
  return true;
}

namespace {

// Two spans conflict when they overlap, or when an empty one lies strictly inside the other,
// or both are empty at the same point: such fixes must become one.
bool conflict(Span a, Span b) noexcept {
  if (a.begin < b.end && b.begin < a.end) return true;
  if (a.empty() && b.empty()) return a.begin == b.begin;
  if (a.empty()) return b.begin < a.begin && a.begin < b.end;
  if (b.empty()) return a.begin < b.begin && b.begin < a.end;
  return false;
}

std::int64_t growth(const Fix& f) noexcept {
  return std::int64_t(f.out.size()) - std::int64_t(f.in.size());
}

void merge_meta(Fix& into, const Fix& f) {
  into.confidence = std::min(into.confidence, f.confidence);
  into.lossy |= f.lossy;
  into.guess |= f.guess;
  if (into.report && !f.report) into.kind = f.kind;  // a finding that was repaired: the repair names it
  into.report &= f.report;
  if (!f.reason.empty() && into.reason.find(f.reason) == std::string::npos)
    into.reason += into.reason.empty() ? f.reason : "; " + f.reason;
}

}  // namespace

std::vector<Fix> compose(const std::vector<Fix>& first, const std::vector<Fix>& second, std::string_view c_text,
                         std::span<const std::uint32_t> b_to_a) {
  if (second.empty() && b_to_a.empty()) return first;
  std::vector<Fix> out;
  out.reserve(first.size() + second.size());
  std::size_t i = 0, j = 0;
  std::int64_t d1 = 0, d2 = 0;  // growth of first's / second's fixes already passed
  auto to_a = [&](std::size_t b, std::int64_t d) -> std::size_t {
    if (!b_to_a.empty()) return std::size_t(b_to_a[std::min(b, b_to_a.size() - 1)]);
    return std::size_t(std::int64_t(b) - d);
  };
  while (i < first.size() || j < second.size()) {
    // Pick the element that starts first; on a tie the empty one goes first.
    bool take_first;
    if (i == first.size()) {
      take_first = false;
    } else if (j == second.size()) {
      take_first = true;
    } else {
      const Span f = first[i].out, s = second[j].in;
      take_first = f.begin < s.begin || (f.begin == s.begin && (f.empty() || !s.empty()));
    }
    Span range = take_first ? first[i].out : second[j].in;
    const std::size_t i0 = i, j0 = j;
    (take_first ? i : j)++;
    for (bool grew = true; grew;) {
      grew = false;
      while (i < first.size() && conflict(range, first[i].out)) {
        range = {std::min(range.begin, first[i].out.begin), std::max(range.end, first[i].out.end)};
        ++i;
        grew = true;
      }
      while (j < second.size() && conflict(range, second[j].in)) {
        range = {std::min(range.begin, second[j].in.begin), std::max(range.end, second[j].in.end)};
        ++j;
        grew = true;
      }
    }
    std::int64_t g1 = 0, g2 = 0;
    for (std::size_t k = i0; k < i; ++k) g1 += growth(first[k]);
    for (std::size_t k = j0; k < j; ++k) g2 += growth(second[k]);
    // Map the cluster's B range to A and to C.
    std::size_t a_lo = to_a(range.begin, d1), a_hi = to_a(range.end, d1 + g1);
    std::size_t c_lo = std::size_t(std::int64_t(range.begin) + d2), c_hi = std::size_t(std::int64_t(range.end) + d2 + g2);
    for (std::size_t k = i0; k < i; ++k) {
      if (first[k].out.begin == range.begin) { a_lo = first[k].in.begin; break; }
    }
    for (std::size_t k = i; k-- > i0;) {
      if (first[k].out.end == range.end) { a_hi = first[k].in.end; break; }
    }
    for (std::size_t k = j0; k < j; ++k) {
      if (second[k].in.begin == range.begin) { c_lo = second[k].out.begin; break; }
    }
    for (std::size_t k = j; k-- > j0;) {
      if (second[k].in.end == range.end) { c_hi = second[k].out.end; break; }
    }
    Fix f = (i > i0) ? first[i0] : second[j0];
    if ((i - i0) + (j - j0) > 1) {
      for (std::size_t k = i0 + 1; k < i; ++k) merge_meta(f, first[k]);
      for (std::size_t k = (i > i0 ? j0 : j0 + 1); k < j; ++k) merge_meta(f, second[k]);
      f.text = std::string(c_text.substr(c_lo, c_hi - c_lo));
    }
    // A lone fix keeps its text: nothing else touched its bytes.
    f.in = {a_lo, a_hi};
    f.out = {c_lo, c_hi};
    out.push_back(std::move(f));
    d1 += g1;
    d2 += g2;
  }
  return out;
}

void bound_fixes(std::vector<Fix>& fixes, std::string_view out_text, std::size_t max_fixes) {
  if (max_fixes == 0) max_fixes = 1;
  if (fixes.size() <= max_fixes) return;
  // Merge runs of `per` neighbours into one fix each.
  const std::size_t per = (fixes.size() + max_fixes - 1) / max_fixes;
  std::vector<Fix> out;
  out.reserve(max_fixes);
  for (std::size_t k = 0; k < fixes.size(); k += per) {
    Fix f = std::move(fixes[k]);
    const std::size_t end = std::min(fixes.size(), k + per);
    for (std::size_t m = k + 1; m < end; ++m) merge_meta(f, fixes[m]);
    const Fix& lastf = fixes[end - 1];
    if (end - k > 1) {
      f.in.end = lastf.in.end;
      f.out.end = lastf.out.end;
      f.text = std::string(out_text.substr(f.out.begin, f.out.size()));
    }
    out.push_back(std::move(f));
  }
  fixes = std::move(out);
}

void shift_fixes(std::vector<Fix>& fixes, std::uint64_t in_delta, std::uint64_t out_delta) {
  for (Fix& f : fixes) {
    f.in.begin += in_delta;
    f.in.end += in_delta;
    f.out.begin += out_delta;
    f.out.end += out_delta;
  }
}

}  // namespace mojifix::detail
