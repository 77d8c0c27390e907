// The figures of pcs report: histogram bins, the minimum total read from the
// rules, near-miss selection. Exact values worked out by hand.
#include <doctest/doctest.h>

#include "interpreter/compile.hpp"
#include "report/report_data.hpp"

using pcs::Decimal;
using namespace pcs::report;

namespace {
Decimal d(const char* s) { return *Decimal::parse(s); }
}  // namespace

TEST_CASE("histogram: 10-point bins from 0, the maximum in the last bin") {
  const auto bins = histogram({d("0"), d("9.99"), d("10"), d("69.5"), d("70"), d("100"), d("95")}, d("100"), 10);
  CHECK(bins == std::vector<std::size_t>{2, 1, 0, 0, 0, 0, 1, 1, 0, 2});
}

TEST_CASE("histogram: a maximum that is not a multiple of the width gets a partial last bin") {
  const auto bins = histogram({d("0"), d("44"), d("45")}, d("45"), 10);
  CHECK(bins == std::vector<std::size_t>{1, 0, 0, 0, 2});
}

TEST_CASE("minimum total: read from `total >= minimum_total` in the rules of 2023-06") {
  pcs::SourceFiles sources;
  pcs::Diagnostics diags;
  auto rs = pcs::compile_ruleset(std::string(PCS_SOURCE_DIR) + "/rulesets/2023-06", sources, diags);
  REQUIRE(rs);
  const auto* infra = rs->find_designation("infrastructure");
  REQUIRE(infra);
  REQUIRE(minimum_total(*infra));
  CHECK(*minimum_total(*infra) == d("70"));
}

TEST_CASE("near misses: within 10 points below the minimum or exactly one metric at 0, closest first") {
  const std::vector<Candidate> all = {
      {"a", d("65"), false, 0},   // 5 missing: in
      {"b", d("59.5"), false, 0}, // 10.5 missing, no zero: out
      {"c", d("60"), false, 2},   // 10 missing: in (two zeros do not matter)
      {"d", d("80"), false, 1},   // above the minimum, one metric at 0: in, 0 missing
      {"e", d("30"), false, 1},   // far, but one metric at 0: in, 40 missing
      {"f", d("69"), true, 0},    // attained: out
      {"g", d("20"), false, 2},   // far, two zeros: out
  };
  const auto picked = near_misses(all, d("70"), d("10"));
  CHECK(picked == std::vector<std::size_t>{3, 0, 2, 4});
}

TEST_CASE("near misses without a minimum: only the partners with one metric at 0") {
  const std::vector<Candidate> all = {{"x", d("10"), false, 1}, {"y", d("99"), false, 0}};
  CHECK(near_misses(all, std::nullopt, d("10")) == std::vector<std::size_t>{0});
}
