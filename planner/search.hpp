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
  /// A step whose points are 0 or less (it only enables a later step, or
  /// lowers a ratio that a later step raises) counts together with the
  /// steps after it up to the next one that brings points: they form one
  /// group, from step `group_first` to step `group_last` (indexes into the
  /// plan's steps); a step that brings points alone is a group of one.
  /// `group_last` is the last step when no later step brings points (steps
  /// that only meet the attainment rule).
  std::size_t group_first = 0, group_last = 0;
};

struct DesignationPlan {
  std::string id, name;
  eval::DesignationResult before;
  bool already_attained = false;
  bool found = false;  // a plan was found and verified
  std::vector<PlanStep> steps;
  /// The points of the group of steps that `steps[i]` belongs to.
  Decimal group_points(std::size_t i) const;
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
