// Writing what-if edits as the EDITS JSON document (docs/data-contract.md,
// "What-if edits"), numbers exact, so a plan can be applied by `pcs what-if`.
#pragma once

#include "common/json_text.hpp"

#include <string>

#include "data/edits.hpp"

namespace pcs::planner {

/// The edits as a JSON object; each line after the first is indented by `indent` spaces.
std::string edits_json(const data::Edits& edits, int indent = 0);


}  // namespace pcs::planner
