// The search for the cheapest plan that attains one designation, with the
// ordinary evaluator as the oracle: every candidate is applied to a copy of
// the partner as what-if edits and the designation scored by the rules.
#pragma once

#include <string>
#include <vector>

#include "interpreter/evaluator.hpp"
#include "planner/actions.hpp"

namespace pcs::planner {

struct PlanStep {
  Action action;
  std::string description;
  Decimal cost;
  Decimal points;  // what the designation's total gains when this action is added to the ones before it
  int times = 1;   // the same action taken this many times (cost and points are for all of them)
};

struct DesignationPlan {
  std::string id, name;
  eval::DesignationResult before;
  bool already_attained = false;
  bool found = false;  // a plan was found and verified
  std::vector<PlanStep> steps;
  Decimal total_cost;
  data::Edits edits;             // the steps as one edits document
  eval::DesignationResult after; // the verified result: the edits applied, the designation scored again
  bool verified = false;         // after.attained
  /// Metrics no action derived from the rules could raise, with why.
  std::vector<std::string> unreachable;
};

/// Scores one designation of `partner` at `as_of` with `edits` applied.
eval::DesignationResult score_with(const Ruleset& ruleset, const ast::DesignationDecl& d, const data::Partner& partner,
                                   MonthIndex as_of, const data::Edits& edits);

/// The cheapest plan found (least total cost, then fewest actions) that makes
/// `d` attained, verified by applying it and scoring again.
DesignationPlan plan_designation(const Ruleset& ruleset, const ast::DesignationDecl& d, const data::Partner& partner,
                                 MonthIndex as_of, const Costs& costs);

}  // namespace pcs::planner
