// plan_test.cpp — apply_plan(), EditBuilder and compose() (internal) on random edit lists.
#include <catch2/catch.hpp>

#include "mojifix/fix.hpp"
#include "plan.hpp"
#include "support.hpp"

using namespace mojifix;

namespace {

// Random non-overlapping edits over `in` (insertions, deletions, replacements), applied.
Result random_edits(std::string_view in, test::Rng& rng) {
  Result out;
  detail::EditBuilder b(in, out, 1000);
  std::size_t pos = 0;
  while (pos <= in.size()) {
    pos += rng.below(4);
    if (pos > in.size()) break;
    const std::size_t len = std::min(rng.below(3), in.size() - pos);
    std::string text(rng.below(3), char('A' + rng.below(26)));
    b.replace({pos, pos + len}, text, FixKind::normalization, 0.5f, rng.below(2) ? "one" : "two");
    pos += len + (len == 0 ? 1 : 0);
  }
  if (!b.finish()) out.text = std::string(in);
  return out;
}

}  // namespace

TEST_CASE("apply_plan replays and ignores bad fixes", "[plan]") {
  Fix f;
  f.in = {1, 2};
  f.text = "XY";
  CHECK(apply_plan("abc", {f}) == "aXYc");
  Fix outside;
  outside.in = {5, 9};
  outside.text = "!";
  CHECK(apply_plan("abc", {f, outside}) == "aXYc");
  Fix backwards;
  backwards.in = {0, 1};
  backwards.text = "?";
  CHECK(apply_plan("abc", {f, backwards}) == "aXYc");
}

TEST_CASE("EditBuilder merges touching fixes of one kind and reason", "[plan]") {
  Result out;
  detail::EditBuilder b("abcdef", out, 100);
  b.replace({1, 2}, "X", FixKind::control, 1.0f, "r");
  b.replace({2, 3}, "Y", FixKind::control, 1.0f, "r");
  b.replace({4, 5}, "Z", FixKind::control, 1.0f, "r");
  REQUIRE(b.finish());
  CHECK(out.text == "aXYdZf");
  REQUIRE(out.fixes.size() == 2);
  CHECK(out.fixes[0].in == Span{1, 3});
  CHECK(out.fixes[0].text == "XY");
}

TEST_CASE("EditBuilder reports nothing for no edits", "[plan]") {
  Result out;
  detail::EditBuilder b("abc", out, 10);
  CHECK_FALSE(b.finish());
  CHECK(out.text.empty());
}

TEST_CASE("compose(first, second) takes A straight to C", "[plan][property]") {
  test::Rng rng{12345};
  for (int iter = 0; iter < 5000; ++iter) {
    std::string a(rng.below(20), 'a');
    for (auto& c : a) c = char('a' + rng.below(5));
    const Result ab = random_edits(a, rng);
    const Result bc = random_edits(ab.text, rng);
    const auto plan = detail::compose(ab.fixes, bc.fixes, bc.text);
    Result ac;
    ac.text = bc.text;
    ac.fixes = plan;
    INFO("iteration " << iter << " a=" << a << " b=" << ab.text << " c=" << bc.text);
    REQUIRE(test::plan_problem(a, ac).empty());
  }
}

TEST_CASE("bound_fixes merges neighbours and keeps the plan replayable", "[plan]") {
  test::Rng rng{99};
  for (int iter = 0; iter < 500; ++iter) {
    std::string a(rng.below(60), 'x');
    const Result r = random_edits(a, rng);
    Result bounded = r;
    detail::bound_fixes(bounded.fixes, bounded.text, 1 + rng.below(4));
    CHECK(bounded.fixes.size() <= 4);
    REQUIRE(test::plan_problem(a, bounded).empty());
  }
}
