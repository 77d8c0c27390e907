// Candidate actions that top up existing usage rows: a rule that compares a
// tenant's usage with a number (a 10,000-unit deployment, a customer above
// 1,500 USD) is often cheapest met by the rows a partner already has.
#pragma once

#include <set>
#include <vector>

#include "planner/actions.hpp"

namespace pcs::planner {

/// Existing rows that pass every filter of `q` in the as-of month and are
/// just below a number the metric compares with: the same rows topped up
/// ("2,000 more units of Supply Chain at t-b9 make a 10,000-unit
/// deployment"). Rows of the query's measure are grouped by tenant and
/// dimensions; the three closest below a threshold are kept, each with the
/// amount that reaches it (and one cent more, for `>`) besides the metric's
/// own amounts. Without these, usage was only added at the two largest
/// tenants in the first allowed dimensions, and a plan could miss the
/// cheapest step (tests/planner/plans_2022_10.cpp, Business Applications).
std::vector<Action> top_ups(const UsageQuery& q, const std::set<Decimal>& numbers, const std::vector<Decimal>& own,
                            const data::Partner& partner, MonthIndex as_of);

}  // namespace pcs::planner
