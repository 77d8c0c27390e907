// The front half of the pipeline as one call: load (parse) -> check.
//
//     rule files --parse--> AST --check--> checked Ruleset --evaluate--> results
#pragma once

#include <memory>
#include <string>

#include "common/diagnostics.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs {

/// Parses and checks the ruleset in `dir`. Returns nullptr (with the
/// diagnostics in `out`) unless every file parses and the checker passes.
std::unique_ptr<Ruleset> compile_ruleset(const std::string& dir, SourceFiles& sources, Diagnostics& out);

}  // namespace pcs
