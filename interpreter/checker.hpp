// Phase 2, check: resolves every name, and checks types and units, of a
// loaded ruleset. Only a ruleset that passes (ruleset.checked == true) may be
// evaluated.
#pragma once

#include "common/diagnostics.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::checker {

/// Checks the whole ruleset, adding every problem found to `out`. Returns
/// true (and sets `ruleset.checked`) when there are no errors.
///
/// **Example**: `auto rs = load_ruleset("rulesets/2023-06", src, d); check(*rs, d);`
bool check(Ruleset& ruleset, Diagnostics& out);

}  // namespace pcs::checker
