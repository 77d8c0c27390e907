// Printing plans: a terminal report, or JSON whose plans carry their actions
// as one EDITS document each (docs/data-contract.md, "What-if edits").
#pragma once

#include <string>

#include "planner/plan.hpp"

namespace pcs::planner {

std::string render_plan_table(const PartnerPlan& plan, const Costs& costs, bool specializations);
std::string render_plan_json(const PartnerPlan& plan, const Costs& costs);

}  // namespace pcs::planner
