// Warnings for program managers before a version ships (`pcs check`): what
// the interpreter accepts but is probably not what the document meant.
// Runs on a checked ruleset, after the checker found no errors.
#pragma once

#include "common/diagnostics.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::lint {

/// Adds warnings (severity warning, a code, a location, a hint where one
/// exists) for:
///   category-max       a category's declared maximum differs from the sum of its metrics' maxima
///   total-max          a designation's maxima add up to other than 100 points
///   minimum-above-max  the attainment rule asks for more points than the designation can give
///   unreachable-max    a scoring rule can never reach the metric's maximum
///   unscorable-metric  a scoring rule gives 0 points on every path
///   unused             a definition of this ruleset's own files that nothing uses
///   shadowing          a designation or metric `let` hides a top-level definition
///   path-overlap       two paths with the same condition, or an always-true condition before the last path
void warn(const Ruleset& ruleset, Diagnostics& out);

}  // namespace pcs::lint
