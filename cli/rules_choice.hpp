// Loading the rules for a command that scores one partner: a version folder,
// or a folder of versions from which the one in force at the as-of month (or
// --program) is chosen, as `pcs eval` does. Used by `pcs plan` and `pcs what-if`.
#pragma once

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/exit_codes.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/program_library.hpp"

namespace pcs::cli {

struct RulesChoice {
  std::unique_ptr<Ruleset> single;
  std::optional<ProgramLibrary> library;
  std::string program;

  /// Compiles `dir`; on failure prints the diagnostics and returns an exit code.
  std::optional<int> load(const std::string& command, const std::string& dir, SourceFiles& sources, Diagnostics& diags) {
    if (is_program_library(dir)) library = load_program_library(dir, sources, diags);
    else single = compile_ruleset(dir, sources, diags);
    if (!single && !library) {
      diags.sort();
      std::cerr << render_all(diags, sources);
      std::cerr << fmt::format("pcs {}: the ruleset '{}' has {} error{}\n", command, dir, diags.error_count(),
                               diags.error_count() == 1 ? "" : "s");
      return exit_rules_invalid;
    }
    if (single && !program.empty() && single->program->id != program) {
      std::cerr << fmt::format("pcs {}: '{}' is program {}, not {}\n", command, dir, single->program->id, program);
      return exit_usage;
    }
    return std::nullopt;
  }

  /// The ruleset for a partner at `as_of`; nullptr (with `why`) when none is in force.
  const Ruleset* at(MonthIndex as_of, std::string& why) const {
    if (single) return single.get();
    return select_program(*library, program.empty() ? std::nullopt : std::optional(program), as_of, why);
  }
};

}  // namespace pcs::cli
