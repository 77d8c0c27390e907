// What the hand-computed plan tests share (tests/planner/plans_*.cpp): the
// compiled program versions, partner files, the planner with the default
// costs (planner/default-costs.json) and an independent check of a plan's
// edits by the ordinary evaluator.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

#include "data/edits.hpp"
#include "data/json_loader.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"
#include "planner/costs.hpp"
#include "planner/plan.hpp"
#include "planner/search.hpp"

namespace pcs::plan_tests {

inline std::string path(const std::string& rel) { return std::string(PCS_SOURCE_DIR) + "/" + rel; }

/// A program version by folder (absolute, or relative to the source tree), compiled once.
inline const Ruleset& rules(const std::string& version) {
  static std::map<std::string, std::unique_ptr<Ruleset>> cache;
  static SourceFiles sources;
  auto& slot = cache[version];
  if (!slot) {
    Diagnostics d;
    slot = compile_ruleset(version.starts_with("/") ? version : path("rulesets/" + version), sources, d);
    REQUIRE(slot);
  }
  return *slot;
}

inline data::Partner partner(const std::string& rel) {
  static SourceFiles sources;
  Diagnostics d;
  auto p = data::load_partner_file(path(rel), sources, d);
  REQUIRE(p);
  return *p;
}

/// The plan for one designation at the partner's latest month, default costs.
inline planner::DesignationPlan plan(const std::string& version, const data::Partner& p, const std::string& id) {
  const auto* d = rules(version).find_designation(id);
  REQUIRE(d);
  return planner::plan_designation(rules(version), *d, p, *p.latest_month(), planner::default_costs());
}

/// The plan's edits applied by data::apply_edits and scored by the evaluator,
/// independently of the planner's own verification.
inline bool attains(const std::string& version, const data::Partner& p, const std::string& id, const data::Edits& e) {
  data::Partner copy = p;
  Diagnostics d;
  if (!data::apply_edits(e, copy, d)) return false;
  eval::Options o;
  o.as_of = p.latest_month();
  o.designations = {id};
  return eval::evaluate(rules(version), copy, o).designations.at(0).attained;
}

/// A metric's points in a designation result.
inline Decimal points_of(const eval::DesignationResult& r, const std::string& metric) {
  for (const auto& m : r.metrics)
    if (m.id == metric) return m.points;
  FAIL("no metric " << metric);
  return {};
}

/// The plan's step of one kind (the first), or null. Steps are ordered by
/// the metric whose rules an action was derived from; an ACR action derived
/// from one Azure metric's query reads the same rows as the others', so tests
/// find steps by kind rather than by position.
inline const planner::PlanStep* step_of(const planner::DesignationPlan& pl, planner::Action::Kind kind) {
  for (const auto& s : pl.steps)
    if (s.action.kind == kind) return &s;
  return nullptr;
}

/// The azure-misses partner's cheapest last point: 50 USD more eligible ACR
/// in the as-of month at an existing tenant (usage growth 19.5 % -> 20 %),
/// 0.4 h at 8 h per 1,000 USD.
inline void check_fifty_usd_of_growth(const planner::DesignationPlan& pl) {
  const auto* acr = step_of(pl, planner::Action::Kind::add_usage);
  REQUIRE(acr);
  CHECK(acr->action.amount == Decimal::from_int(50));
  CHECK(acr->cost == Decimal::ratio(4, 10));
}

/// "0.01 USD of ACR" at 8 h per 1,000 USD: what a new service's row costs
/// besides the 16 h of the service (planner/default-costs.json).
inline Decimal new_service_hours() { return Decimal::from_int(16) + Decimal::ratio(8, 100000); }

/// Cases whose designations later versions import unchanged (2023-06 and
/// 2025-01 keep 2022-10's Modern Work, Business Applications and Security):
/// the same partner, the same hand computation, checked under each version
/// (tests/planner/plans_2022_10.cpp).
void check_mw_enterprise(const std::string& version);
void check_ba_larger(const std::string& version);
void check_security_short(const std::string& version);
/// 2025-01 keeps 2023-06's Infrastructure and Data & AI (tests/planner/plans_2023_06.cpp).
void check_zero_metric_infrastructure(const std::string& version);
void check_zero_metric_data_ai(const std::string& version);

}  // namespace pcs::plan_tests
