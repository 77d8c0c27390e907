// The report of `pcs what-if`: the scores before and after edits, side by
// side, metric by metric, with the explanation of every metric that moved.
#pragma once

#include <string>

#include "interpreter/evaluator.hpp"

namespace pcs::planner {

std::string render_what_if_table(const eval::PartnerResult& before, const eval::PartnerResult& after);
std::string render_what_if_json(const eval::PartnerResult& before, const eval::PartnerResult& after);

}  // namespace pcs::planner
