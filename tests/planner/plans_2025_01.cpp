// Hand-computed cheapest plans under program version 2025-01 (the deck of
// 2025-01-31): its own Digital & App Innovation with Enterprise and SMB
// paths, and 2023-06's other designations, imported unchanged
// (rulesets/2025-01/program.pcs): the same partners and hand computations as
// tests/planner/plans_2023_06.cpp and plans_2022_10.cpp, checked under this
// version. Default costs (planner/default-costs.json).
#include "tests/planner/plan_fixtures.hpp"

using namespace pcs;
using namespace pcs::plan_tests;

TEST_CASE("plan 2025-01 Digital & App Innovation (Enterprise path): 3 services and 2 people, 128.00024 h") {
  // zero-metric at 2024-06, Enterprise path (1 of 1 TTM customer is
  // enterprise): net customer adds 30, usage growth 20 (max each), deployments
  // 1 service = 2 (2025-01's eligible usage, azure-common-changes.pcs),
  // intermediate AZ-204 p11 = 4, advanced 0: 56; 14 short, Advanced at 0.
  // s more services (2 points, 16.00008 h, at most 4 more: 5 for 10 points),
  // c people (4 points, 40 h; one advanced), 2s + 4c >= 14: c = 2, s = 3 is
  // 128.00024 h; c = 3, s = 1: 136.00008 h; c = 1 would need 5 more services.
  // AZ-220 (advanced) and AZ-204 (or another of either list): 56 + 6 + 8 = 70.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2025-01", p, "digital-app-innovation");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  int services = 0, people = 0, advanced = 0;
  for (const auto& s : pl.steps) {
    if (s.action.metric == "deployments") services += s.times;
    if (s.action.kind == planner::Action::Kind::new_people) people += s.action.count;
    if (s.action.metric == "advanced_certs") advanced += s.action.count;
  }
  CHECK(services == 3);
  CHECK(people == 2);
  CHECK(advanced >= 1);
  CHECK(pl.after.path == "enterprise");
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(pl.total_cost == Decimal::from_int(3) * new_service_hours() + Decimal::from_int(80));
  CHECK(attains("2025-01", p, "digital-app-innovation", pl.edits));
}

TEST_CASE("plan 2025-01 Infrastructure (2023-06's): one new eligible service, 16.00008 h") {
  check_zero_metric_infrastructure("2025-01");
}

TEST_CASE("plan 2025-01 Data & AI (2023-06's): four services and three certified people, 184.00032 h") {
  check_zero_metric_data_ai("2025-01");
}

TEST_CASE("plan 2025-01 Modern Work (2022-10's): one exam completes an Enterprise Administrator, 40 h") {
  check_mw_enterprise("2025-01");
}

TEST_CASE("plan 2025-01 Business Applications (2022-10's): 2,000 units at t-b9 and 0.01 USD at t-b4, 16.00008 h") {
  check_ba_larger("2025-01");
}

TEST_CASE("plan 2025-01 Security (2022-10's): x7's SC exam makes a sixth engineer, 40 h") {
  check_security_short("2025-01");
}
