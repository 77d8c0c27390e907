// `pcs what-if RULESET PARTNER EDITS.json`: the scores before and after the
// edits (docs/data-contract.md, "What-if edits"), side by side. Thin: loading,
// applying (data/edits.hpp) and printing (planner/what_if.hpp).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/rules_choice.hpp"
#include "data/edits.hpp"
#include "data/json_loader.hpp"
#include "interpreter/evaluator.hpp"
#include "planner/what_if.hpp"

namespace pcs::cli {

void add_what_if_command(CLI::App& app, WhatIfArgs& args) {
  auto* cmd = app.add_subcommand("what-if", "Scores before and after changes to a partner's data (an EDITS file)");
  cmd->add_option("ruleset", args.ruleset, "Ruleset folder, or a folder of versions (the one in force is used)")->required();
  cmd->add_option("partner", args.partner, "Partner data file (JSON)")->required();
  cmd->add_option("edits", args.edits, "The changes (JSON: add_people, add_certifications, add_customers, add_usage, "
                                       "remove_people)")->required();
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: the latest month in the data, before the edits)");
  cmd->add_option("--program", args.program, "With a folder of versions: use this program version");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable)");
  cmd->add_option("--format", args.format, "Output: table (default) or json")->check(CLI::IsMember({"table", "json"}));
}

int run_what_if(const WhatIfArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  std::optional<MonthIndex> as_of;
  if (!args.as_of.empty() && !(as_of = parse_month(args.as_of))) {
    std::cerr << fmt::format("pcs what-if: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
    return exit_usage;
  }
  RulesChoice rules;
  rules.request.as_of = as_of;
  if (!args.program.empty()) rules.request.program = args.program;
  if (auto code = rules.load("what-if", args.ruleset, sources, diags)) return *code;
  auto partner = data::load_partner_file(args.partner, sources, diags);
  auto edits = data::load_edits_file(args.edits, sources, diags);
  data::Partner changed;
  if (partner && edits) {
    changed = *partner;
    data::apply_edits(*edits, changed, diags);
  }
  if (!partner || !edits || diags.error_count() != 0) {
    diags.sort();
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs what-if: {} is invalid; nothing was scored\n",
                             !partner ? "the partner file '" + args.partner + "'" : "the edits file '" + args.edits + "'");
    return exit_data_invalid;
  }
  // The as-of month is the partner's, before the edits: an edit never moves it.
  const auto month_of_partner = rules.as_of(*partner);
  if (!month_of_partner) {
    std::cerr << fmt::format("pcs what-if: '{}' has no usage, so there is no default as-of month; give --as-of YYYY-MM\n",
                             args.partner);
    return exit_usage;
  }
  const MonthIndex month = *month_of_partner;
  std::string why;
  const Ruleset* ruleset = rules.at(month, why);
  if (!ruleset) {
    std::cerr << "pcs what-if: " << why << "\n";
    return exit_usage;
  }
  for (const auto& id : args.designations)
    if (!ruleset->find_designation(id)) {
      std::cerr << fmt::format("pcs what-if: the ruleset has no designation '{}'\n", id);
      return exit_usage;
    }
  eval::Options options;
  options.as_of = month;
  options.designations = args.designations;
  const auto before = eval::evaluate(*ruleset, *partner, options);
  const auto after = eval::evaluate(*ruleset, changed, options);
  std::cout << (args.format == "json" ? planner::render_what_if_json(before, after)
                                      : planner::render_what_if_table(before, after));
  return exit_ok;
}

}  // namespace pcs::cli
