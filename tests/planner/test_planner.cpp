// The score simulator: what-if edits, plans derived from the rules, verified.
// Each hand-computed plan says in a comment why it is the cheapest.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "data/edits.hpp"
#include "data/json_loader.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"
#include "planner/costs.hpp"
#include "planner/plan.hpp"
#include "planner/search.hpp"

using namespace pcs;

namespace {

std::string path(const std::string& rel) { return std::string(PCS_SOURCE_DIR) + "/" + rel; }

const Ruleset& rules(const std::string& version) {
  static std::map<std::string, std::unique_ptr<Ruleset>> cache;
  static SourceFiles sources;
  auto& slot = cache[version];
  if (!slot) {
    Diagnostics d;
    slot = compile_ruleset(path("rulesets/" + version), sources, d);
    REQUIRE(slot);
  }
  return *slot;
}

data::Partner partner(const std::string& rel) {
  static SourceFiles sources;
  Diagnostics d;
  auto p = data::load_partner_file(path(rel), sources, d);
  REQUIRE(p);
  return *p;
}

planner::DesignationPlan plan(const std::string& version, const data::Partner& p, const std::string& id) {
  const auto* d = rules(version).find_designation(id);
  REQUIRE(d);
  return planner::plan_designation(rules(version), *d, p, *p.latest_month(), planner::default_costs());
}

/// The plan's edits applied by data::apply_edits and scored by the evaluator,
/// independently of the planner's own verification.
bool attains(const std::string& version, const data::Partner& p, const std::string& id, const data::Edits& e) {
  data::Partner copy = p;
  Diagnostics d;
  if (!data::apply_edits(e, copy, d)) return false;
  eval::Options o;
  o.as_of = p.latest_month();
  o.designations = {id};
  return eval::evaluate(rules(version), copy, o).designations.at(0).attained;
}

}  // namespace

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

TEST_CASE("plan 2023-06 Infrastructure: one new eligible service, 16 h") {
  // 82 points, Deployments 0: the only metric at 0. The cheapest way to lift
  // it is one more eligible service (2 points, 16 h for a new service and
  // 0.01 USD of ACR: "contributing more than zero ACR"); a certification costs
  // 40 h and cannot lift Deployments. 84 >= 70 and every metric > 0.
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2023-06", p, "infrastructure");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  REQUIRE(pl.steps.size() == 1);
  CHECK(pl.steps[0].action.metric == "deployments");
  CHECK(pl.total_cost == Decimal::from_int(16) + Decimal::ratio(8, 100000));
  CHECK(pl.after.total == Decimal::from_int(84));
  CHECK(attains("2023-06", p, "infrastructure", pl.edits));
}

TEST_CASE("plan 2025-01 Digital & App Innovation (Enterprise path): 14 points for 128 h") {
  // 56 points. Four points per person with AZ-220 (advanced) and AZ-204
  // (intermediate) at 40 h each, and 2 points per new eligible service at
  // 16 h: 8 + 6 = 14 points is the least that reaches 70 (each service is
  // 0.125 points per hour, each certification 0.1); deployments stop at 5
  // services (10 points), so 3 services (48 h) and 2 certifications (80 h).
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2025-01", p, "digital-app-innovation");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  CHECK(pl.after.path == "enterprise");
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(pl.total_cost.floor() == Decimal::from_int(128));
  CHECK(attains("2025-01", p, "digital-app-innovation", pl.edits));
}

TEST_CASE("plan 2023-06 Data & AI: four services and three DP-300, 184 h") {
  const auto p = partner("examples/partners/zero-metric.json");
  const auto pl = plan("2023-06", p, "data-ai");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(pl.total_cost.floor() == Decimal::from_int(184));
}

TEST_CASE("plan 2022-10 Modern Work: one exam completes an Enterprise Administrator, 40 h") {
  // litware-enterprise: 85 points, Advanced certifications 0 of 15 (2 people
  // with MS-100 + MS-101 needed). p05 holds MS-100 already: passing MS-101
  // (40 h) makes one Enterprise Administrator, 7.5 points: 92.5, every metric > 0.
  const auto p = partner("rulesets/2022-10/tests/enterprise-misses.json");
  const auto pl = plan("2022-10", p, "modern-work");
  REQUIRE(pl.found);
  REQUIRE(pl.steps.size() == 1);
  CHECK(pl.steps[0].action.kind == planner::Action::Kind::complete_person);
  CHECK(pl.total_cost == Decimal::from_int(40));
  CHECK(pl.after.total == Decimal::ratio(185, 2));
  CHECK(attains("2022-10", p, "modern-work", pl.edits));
}

TEST_CASE("plan 2022-10 Business Applications: 160 h") {
  // ba-larger (as of 2022-09): 64.5 points on the Enterprise path. A workload
  // at or above 10,000 units of consumption is one deployment (4 points of 20
  // for 5); two of them at existing CPOR tenants (80 h each at 8 h per 1,000
  // units) give 72.5; one workload (80 h) and two people who complete a
  // certification with one exam (40 h each, 1 point each of 20 for 20
  // people) cost the same, 160 h, and reach 70.5. Nothing cheaper reaches
  // 70: every point costs at least 20 h here.
  const auto p = partner("rulesets/2022-05/tests/business-applications-larger-misses.json");
  const auto pl = plan("2022-10", p, "business-applications");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  CHECK(pl.total_cost == Decimal::from_int(160));
  CHECK_FALSE(pl.after.total < Decimal::from_int(70));
  CHECK(attains("2022-10", p, "business-applications", pl.edits));
}

TEST_CASE("plan 2022-10 Security: verified, and the certifications are the chain the rules name") {
  const auto p = partner("rulesets/2022-10/tests/smb-paths.json");
  const auto pl = plan("2022-10", p, "security");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  CHECK(attains("2022-10", p, "security", pl.edits));
  bool chain = false;
  for (const auto& s : pl.steps)
    if (s.action.kind == planner::Action::Kind::new_people) chain = s.action.person.label().rfind("MS-500 + AZ-500 + SC-", 0) == 0;
  CHECK(chain);
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

TEST_CASE("plan 2022-05 Infrastructure: one AZ-700 and one percent of ACR growth, 40.4 h") {
  // azure-misses at 2022-09: 65 points, every metric above 0, 5 points short.
  // The two AZ-104 of the prerequisite are there, so a person with AZ-700 is
  // 4 points for 40 h (Advanced certifications would need AZ-305 twice
  // first). The fifth point is cheapest as usage growth ("1 point per %"):
  // 50 USD more eligible ACR in 2022-09 at t-b1 is one more whole percent,
  // 0.4 h at 8 h per 1,000 USD. 40 h + 0.4 h.
  const auto p = partner("rulesets/2022-05/tests/azure-misses.json");
  const auto pl = plan("2022-05", p, "infrastructure");
  REQUIRE(pl.found);
  CHECK(pl.verified);
  CHECK(pl.total_cost == Decimal::ratio(404, 10));
  CHECK(pl.after.total == Decimal::from_int(70));
  CHECK(attains("2022-05", p, "infrastructure", pl.edits));
}
