// Writing what-if edits as the EDITS JSON document (docs/data-contract.md,
// "What-if edits"), numbers exact, so a plan can be applied by `pcs what-if`.
#pragma once

#include <string>

#include "data/edits.hpp"

namespace pcs::planner {

/// The edits as a JSON object; each line after the first is indented by `indent` spaces.
std::string edits_json(const data::Edits& edits, int indent = 0);

/// A JSON string literal.
std::string quote_json(std::string_view s);

}  // namespace pcs::planner
