// Hand-computed cheapest plans under program version 2023-06 (the
// documentation article of 2023-06-13): its own three Azure designations,
// and 2022-10's Modern Work, Business Applications and Security, which it
// imports unchanged (rulesets/2023-06/program.pcs). Default costs
// (planner/default-costs.json): 40 h per exam, 16 h per new service plus its
// 0.01 USD of ACR (0.00008 h at 8 h per 1,000 USD), 160 h per new customer.
#include "tests/planner/plan_fixtures.hpp"

using namespace pcs;
using namespace pcs::plan_tests;

// zero-metric (examples/partners/zero-metric.json) at 2024-06 under
// rulesets/2023-06/azure-common.pcs: net customer adds 30 (max), usage
// growth 20 (max), deployments 0 (every service it uses is Virtual Machines,
// Virtual Machines Licenses, or Azure Backup through the Internal offer, which
// is not eligible). Prerequisites: AZ-104 p01, p02, p03; AZ-305 p01, p02.

namespace pcs::plan_tests {

void check_zero_metric_infrastructure(const std::string& version) {
  // Skilling: intermediate AZ-700 p04, p07; AZ-600 p06; AZ-800 + AZ-801 p03,
  // p05, p10 = 6 people, 20 (max); advanced AZ-140 p02, p08; AZ-120 p09 = 12.
  // 30 + 20 + 0 + 20 + 12 = 82, and Deployments is at 0. Only a new eligible
  // service lifts it: 2 points for 16 h and 0.01 USD of ACR ("contributing
  // more than zero ACR"); a certification cannot. 84, every metric > 0.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan(version, p, "infrastructure");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  REQUIRE(pl.steps.size() == 1);
  CHECK(pl.steps[0].action.metric == "deployments");
  CHECK(pl.steps[0].action.kind == planner::Action::Kind::add_usage);
  CHECK(pl.steps[0].times == 1);
  CHECK(pl.total_cost == new_service_hours());
  CHECK(pl.after.total == Decimal::from_int(84));
  CHECK(attains(version, p, "infrastructure", pl.edits));
}

void check_zero_metric_data_ai(const std::string& version) {
  // One skilling metric, 4 points per person with DP-300, AI-102, DP-100,
  // DP-203, PL-300, MB-260 or DP-420 (both prerequisites met): nobody, 0.
  // 30 + 0 + 20 + 0 = 50; 20 points short, Intermediate and Deployments at 0.
  // s new services (2 points, 16.00008 h each, at most 5) and c people (4
  // points, 40 h each), s >= 1, c >= 1, 2s + 4c >= 20: c = 3, s = 4 costs
  // 184.00032 h; c = 4, s = 2: 192.00016 h; c = 5, s = 1: 216.00008 h; c <= 2
  // would need 6 services. 4 services and 3 people with DP-300 (or any of the
  // list): 8 + 12 = 20, total 70.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan(version, p, "data-ai");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  REQUIRE(pl.steps.size() == 2);
  CHECK(pl.steps[0].action.metric == "deployments");
  CHECK(pl.steps[0].times == 4);
  CHECK(pl.steps[1].action.metric == "intermediate_certs");
  CHECK(pl.steps[1].action.kind == planner::Action::Kind::new_people);
  CHECK(pl.steps[1].action.count == 3);
  CHECK(pl.total_cost == Decimal::from_int(4) * new_service_hours() + Decimal::from_int(120));
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(attains(version, p, "data-ai", pl.edits));
}

}  // namespace pcs::plan_tests

TEST_CASE("plan 2023-06 Infrastructure: one new eligible service, 16.00008 h") {
  check_zero_metric_infrastructure("2023-06");
}

TEST_CASE("plan 2023-06 Data & AI: four services and three certified people, 184.00032 h") {
  check_zero_metric_data_ai("2023-06");
}

TEST_CASE("plan 2023-06 Digital & App Innovation: four services and two certified people, 144.00032 h") {
  // zero-metric: intermediate AZ-204 p11 = 4; advanced (AZ-220, AZ-400,
  // PL-600) nobody = 0. 30 + 4 + 0 + 20 + 0 = 54; 16 short, Advanced and
  // Deployments at 0. s services (2 points, 16.00008 h, at most 5), c people
  // (4 points, 40 h; at least one advanced), 2s + 4c >= 16: c = 2, s = 4 is
  // 144.00032 h; c = 3, s = 2: 152.00016 h; c = 4, s = 1: 176.00008 h; c = 1
  // would need 6 services. One person with AZ-220 (advanced, needed) and a
  // second person with either list: 54 + 8 + 8 = 70.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2023-06", p, "digital-app-innovation");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  int services = 0, people = 0, advanced = 0;
  for (const auto& s : pl.steps) {
    if (s.action.metric == "deployments") services += s.times;
    if (s.action.kind == planner::Action::Kind::new_people) people += s.action.count;
    if (s.action.metric == "advanced_certs") advanced += s.action.count;
  }
  CHECK(services == 4);
  CHECK(people == 2);
  CHECK(advanced >= 1);
  CHECK(pl.total_cost == Decimal::from_int(4) * new_service_hours() + Decimal::from_int(80));
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(points_of(pl.after, "advanced_certs") > Decimal());
  CHECK(attains("2023-06", p, "digital-app-innovation", pl.edits));
}

TEST_CASE("plan 2023-06 Modern Work (2022-10's): one exam completes an Enterprise Administrator, 40 h") {
  check_mw_enterprise("2023-06");
}

TEST_CASE("plan 2023-06 Business Applications (2022-10's): 2,000 units at t-b9 and 0.01 USD at t-b4, 16.00008 h") {
  check_ba_larger("2023-06");
}

TEST_CASE("plan 2023-06 Security (2022-10's): x7's SC exam makes a sixth engineer, 40 h") {
  check_security_short("2023-06");
}
