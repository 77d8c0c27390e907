// The score simulator: what-if edits, costs, and a designation no action can
// reach. The hand-computed cheapest plans are in tests/planner/plans_*.cpp,
// one file per program version.
#include "tests/planner/plan_fixtures.hpp"

#include <algorithm>

using namespace pcs;
using namespace pcs::plan_tests;

TEST_CASE("edits: each part is loaded with the partner loader's located messages") {
  SourceFiles sources;
  Diagnostics d;
  CHECK_FALSE(data::load_edits_file(path("tests/planner/bad-edits.json"), sources, d));
  const auto text = render_all(d, sources);
  CHECK(text.find("bad-edits.json:3:48: error[partner-data]: add_customers[0].usage[0].month: expected YYYY-MM, got \"2024-13\"") !=
        std::string::npos);
  Diagnostics d2;
  CHECK_FALSE(data::load_edits_json("{\"add_person\": []}", "x.json", d2));
  CHECK(render_all(d2, sources).find("add_person: expected one of") != std::string::npos);
}

TEST_CASE("edits: an edit naming a person the partner does not have is an error at its position") {
  SourceFiles sources;
  Diagnostics d;
  auto e = data::load_edits_json(R"({"add_certifications": [{"person": "nobody", "code": "AZ-104", "earned": "2024-06-01"}]})",
                                 "e.json", d);
  REQUIRE(e);
  auto p = partner("examples/partners/zero-metric.json");
  CHECK_FALSE(data::apply_edits(*e, p, d));
  CHECK(d.items().at(0).message == "add_certifications[0].person: the partner has no person \"nobody\"");
  CHECK(d.items().at(0).pos.line == 1);
}

TEST_CASE("what-if: one more eligible service, exact before and after") {
  // zero-metric at 2024-06 under 2023-06: Infrastructure 82 points, not
  // attained because Deployments is 0 (every one of its services is Virtual
  // Machines or has an ineligible offer). 500 USD of "Azure Functions"
  // through PAL at t-blueyonder-001 in 2024-06 is one eligible service:
  // 2 points, total 84, attained.
  SourceFiles sources;
  Diagnostics d;
  auto e = data::load_edits_file(path("tests/planner/one-more-service.json"), sources, d);
  REQUIRE(e);
  auto p = partner("examples/partners/zero-metric.json");
  auto changed = p;
  REQUIRE(data::apply_edits(*e, changed, d));
  eval::Options o;
  o.as_of = p.latest_month();
  o.designations = {"infrastructure"};
  const auto before = eval::evaluate(rules("2023-06"), p, o).designations.at(0);
  const auto after = eval::evaluate(rules("2023-06"), changed, o).designations.at(0);
  CHECK(before.total == Decimal::from_int(82));
  CHECK_FALSE(before.attained);
  CHECK(after.total == Decimal::from_int(84));
  CHECK(after.attained);
  auto deployments = [](const eval::DesignationResult& r) {
    return std::find_if(r.metrics.begin(), r.metrics.end(), [](auto& m) { return m.id == "deployments"; })->points;
  };
  CHECK(deployments(before) == Decimal());
  CHECK(deployments(after) == Decimal::from_int(2));
}

TEST_CASE("a designation no action can reach is said so, not a wrong plan") {
  // Business Applications' usage growth requires 50,000 units a year ago:
  // the past cannot be planned.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2023-06", p, "business-applications");
  CHECK_FALSE(pl.found);
  CHECK(pl.steps.empty());
  REQUIRE_FALSE(pl.unreachable.empty());
  // The rule's file is named as the loader found it (an absolute path here).
  const std::string& why = pl.unreachable[0];
  CHECK(why.starts_with("usage_growth: its prerequisite `require baseline >= 50_000 units` ("));
  CHECK(why.ends_with("rulesets/2022-10/business-applications.pcs:138) is not met, and it reads only 2023-06, "
                      "before the as-of month 2024-06: no action taken now can change a past month"));
}

TEST_CASE("costs: the documented default file is the built-in default, a bad file is located") {
  SourceFiles sources;
  Diagnostics d;
  auto file = planner::load_costs_file(path("planner/default-costs.json"), sources, d);
  REQUIRE(file);
  const auto def = planner::default_costs();
  CHECK(file->certification == def.certification);
  CHECK(file->new_customer == def.new_customer);
  CHECK(file->new_service == def.new_service);
  CHECK(file->usage.size() == def.usage.size());
  for (const auto& [m, u] : def.usage) {
    CHECK(file->usage.at(m).per == u.per);
    CHECK(file->usage.at(m).cost == u.cost);
  }
  Diagnostics d2;
  CHECK_FALSE(planner::load_costs_json("{\n  \"usage\": { \"acr\": { \"per\": 0 } } }", "c.json", d2));
  CHECK(render_all(d2, sources).find("c.json:2:30: error[costs]: usage.acr.per: expected a number above 0") != std::string::npos);
}

