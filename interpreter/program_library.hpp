// A folder of program versions (rulesets/2022-05, rulesets/2023-06, ...) and
// the choice of the version in force: `--program ID`, or by default the
// version whose effective date is the latest on or before the as-of month.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/ruleset.hpp"

namespace pcs {

struct ProgramLibrary {
  std::vector<std::unique_ptr<Ruleset>> versions;  // compiled, ordered by effective date
};

/// True when `dir` holds program-version folders rather than rule files.
bool is_program_library(const std::string& dir);

/// Compiles every version folder of `dir`. Returns nullopt (with diagnostics)
/// when any version does not parse or check.
std::optional<ProgramLibrary> load_program_library(const std::string& dir, SourceFiles& sources, Diagnostics& out);

/// The version with id `program`, or else the one in force at `as_of`.
/// Returns nullptr with `why` saying what was available.
const Ruleset* select_program(const ProgramLibrary& library, const std::optional<std::string>& program, MonthIndex as_of,
                              std::string& why);

}  // namespace pcs
