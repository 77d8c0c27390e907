// Planned actions: changes to a partner's data that the rules say would
// count, built from the facts of each metric (planner/rule_facts.hpp). An
// action is written down as what-if edits (data/edits.hpp), so a plan is
// always checked by the ordinary evaluator and can be applied by anyone.
#pragma once

#include <array>
#include <set>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "data/edits.hpp"
#include "data/partner.hpp"
#include "interpreter/ruleset.hpp"
#include "planner/costs.hpp"
#include "planner/rule_facts.hpp"

namespace pcs::planner {

/// The dimensions of a usage row an action writes, in the order of
/// data::UsageRow: service, service_group, workload, product, offer,
/// association, area, service_level_4, service_influencer.
inline constexpr std::size_t dimension_count = 9;
using Dimensions = std::array<Symbol, dimension_count>;

/// The index in Dimensions of a field, or -1 for fields that are not row dimensions.
int dimension_of(Field f);

/// One row of a measure that a query of the rules would read.
struct RowSpec {
  Symbol measure = no_symbol;
  Dimensions dims{};
  bool fresh_service = false;  // the rules count distinct services: each action names a new one
  bool operator==(const RowSpec&) const = default;
};

struct Action {
  enum class Kind {
    new_people,       // `count` new people, each holding every code of `person`
    complete_person,  // an existing person passes the exams they miss for `person`
    new_customers,    // `count` new customer tenants with `rows` in `months`, `amount` each
    add_usage,        // `amount` more in `rows` of an existing tenant in `months`
  };
  Kind kind = Kind::new_people;
  std::string metric;  // the metric whose rules it was derived from
  PersonTemplate person;
  Symbol existing = no_symbol;  // complete_person: the person; add_usage: the tenant
  std::vector<Symbol> missing;  // complete_person: the codes to pass
  int count = 1;
  std::vector<RowSpec> rows;
  std::vector<int> months;  // offsets from the as-of month
  Decimal amount;
  std::vector<Decimal> amounts;  // amounts worth trying, from the rules' thresholds and targets
  bool operator==(const Action& o) const;
};

/// Every action the facts of the designation's metrics suggest for `partner`
/// at `as_of` (`facts[i]` belongs to `metric_ids[i]`).
std::vector<Action> candidate_actions(const std::vector<Facts>& facts, const std::vector<std::string>& metric_ids,
                                      const data::Partner& partner, MonthIndex as_of);

/// The cost of one action.
Decimal action_cost(const Action& a, const Costs& costs);

/// "certify 2 new people with AZ-104 (Azure Administrator Associate)".
std::string describe(const Action& a, const Ruleset& ruleset, const data::Partner& partner, MonthIndex as_of);

/// The ids a partner already uses: new ones are named around them. Read once
/// per partner, since the planner writes edits for thousands of trials.
struct UsedNames {
  explicit UsedNames(const data::Partner& partner);
  std::set<std::string> people, tenants, services;
};

/// The actions as one edits document, with new ids (plan-person-1,
/// plan-tenant-1, "Planned service 1") that the partner does not use.
data::Edits to_edits(const std::vector<Action>& actions, const data::Partner& partner, MonthIndex as_of);
/// As above, with the partner's ids read already.
data::Edits to_edits(const std::vector<Action>& actions, const data::Partner& partner, MonthIndex as_of,
                     const UsedNames& used);

}  // namespace pcs::planner
