// `pcs eval RULESET_DIR PARTNER.json`: parse -> check -> load -> evaluate -> print.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report.hpp"
#include "data/json_loader.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"
#include "interpreter/program_library.hpp"

namespace pcs::cli {

void add_eval_command(CLI::App& app, EvalArgs& args) {
  auto* cmd = app.add_subcommand("eval", "Score one partner against a ruleset");
  cmd->add_option("ruleset", args.ruleset,
                  "Ruleset folder (rulesets/2023-06), or a folder of versions (rulesets): then the version in force at "
                  "the as-of month is used")->required();
  cmd->add_option("partner", args.partner, "Partner data file (JSON, see the data contract)")->required();
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: the latest month in the data)");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable), e.g. data-ai");
  cmd->add_option("--format", args.format, "Output: table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_flag("--explain", args.explain, "Show the figures behind every metric");
  cmd->add_option("--program", args.program, "With a folder of versions: use this program version, e.g. 2022-10");
}

int run_eval(const EvalArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  eval::Options options;
  if (!args.as_of.empty()) {
    options.as_of = parse_month(args.as_of);
    if (!options.as_of) {
      std::cerr << fmt::format("pcs eval: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
      return exit_usage;
    }
  }
  // One version, or a folder of versions to choose from once the as-of month is known.
  std::unique_ptr<Ruleset> single;
  std::optional<ProgramLibrary> library;
  if (is_program_library(args.ruleset)) library = load_program_library(args.ruleset, sources, diags);
  else single = compile_ruleset(args.ruleset, sources, diags);
  if (!single && !library) {
    diags.sort();
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs eval: the ruleset '{}' has {} error{}; nothing was scored\n", args.ruleset,
                             diags.error_count(), diags.error_count() == 1 ? "" : "s");
    return exit_rules_invalid;
  }
  if (single && !args.program.empty() && single->program->id != args.program) {
    std::cerr << fmt::format("pcs eval: '{}' is program {}, not {}\n", args.ruleset, single->program->id, args.program);
    return exit_usage;
  }
  auto partner = data::load_partner_file(args.partner, sources, diags);
  if (!partner) {
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs eval: the partner file '{}' is invalid; nothing was scored\n", args.partner);
    return exit_data_invalid;
  }
  if (!options.as_of && !partner->latest_month()) {
    std::cerr << fmt::format("pcs eval: '{}' has no usage, so there is no default as-of month; give --as-of YYYY-MM\n", args.partner);
    return exit_usage;
  }
  const MonthIndex as_of = options.as_of ? *options.as_of : *partner->latest_month();
  const Ruleset* ruleset = single.get();
  if (library) {
    std::string why;
    ruleset = select_program(*library, args.program.empty() ? std::nullopt : std::optional(args.program), as_of, why);
    if (!ruleset) {
      std::cerr << "pcs eval: " << why << "\n";
      return exit_usage;
    }
  }
  for (const auto& id : args.designations)
    if (!ruleset->find_designation(id)) {
      std::string known;
      for (const auto* d : ruleset->designations) known += (known.empty() ? "" : ", ") + d->id;
      std::cerr << fmt::format("pcs eval: the ruleset has no designation '{}'; it has: {}\n", id, known);
      return exit_usage;
    }
  options.designations = args.designations;
  options.as_of = as_of;
  const auto result = eval::evaluate(*ruleset, *partner, options);
  std::cout << (args.format == "json" ? render_json(result) : render_table(result, args.explain));
  bool failed = false;
  for (const auto& d : result.designations)
    if (!d.error.empty()) {
      std::cerr << fmt::format("pcs eval: {} could not be evaluated: {}\n", d.id, d.error);
      failed = true;
    }
  for (const auto& b : result.badges)
    if (!b.error.empty()) {
      std::cerr << fmt::format("pcs eval: the badge {} could not be evaluated: {}\n", b.id, b.error);
      failed = true;
    }
  for (const auto& s : result.specializations)
    if (!s.error.empty()) {
      std::cerr << fmt::format("pcs eval: the specialization {} could not be evaluated: {}\n", s.id, s.error);
      failed = true;
    }
  return failed ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
