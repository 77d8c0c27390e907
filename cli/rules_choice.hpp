// Loading the rules for a command that scores one partner (`pcs plan`,
// `pcs what-if`): the scoring recipe's programs (engine/score_recipe.hpp),
// with its messages printed and turned into exit codes.
#pragma once

#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <string>

#include "cli/exit_codes.hpp"
#include "engine/score_recipe.hpp"

namespace pcs::cli {

struct RulesChoice {
  std::optional<engine::Programs> programs;
  engine::Request request;  // as_of and program; the rest is the command's

  /// Compiles `dir`; on failure prints the diagnostics and returns an exit code.
  std::optional<int> load(const std::string& command, const std::string& dir, SourceFiles& sources, Diagnostics& diags) {
    programs = engine::load_programs(dir, sources, diags);
    if (!programs) {
      diags.sort();
      std::cerr << render_all(diags, sources);
      std::cerr << fmt::format("pcs {}: the ruleset '{}' has {} error{}\n", command, dir, diags.error_count(),
                               diags.error_count() == 1 ? "" : "s");
      return exit_rules_invalid;
    }
    if (auto why = engine::check_request(*programs, engine::Request{{}, request.program, {}}); !why.empty()) {
      std::cerr << fmt::format("pcs {}: {}\n", command, why);
      return exit_usage;
    }
    return std::nullopt;
  }

  /// The single version, when the rules are one version folder.
  const Ruleset* single() const { return programs->single.get(); }

  /// The as-of month for `partner`: the one rule of the recipe.
  std::optional<MonthIndex> as_of(const data::Partner& partner) const { return engine::as_of_month(request, partner); }

  /// The ruleset for a partner at `as_of`; nullptr (with `why`) when none is in force.
  const Ruleset* at(MonthIndex as_of, std::string& why) const { return engine::version_at(*programs, request, as_of, why); }
};

}  // namespace pcs::cli
