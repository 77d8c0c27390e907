// `pcs eval RULESET_DIR PARTNER.json`: the engine's recipe (compile, as-of
// month, version, evaluate) for one partner, then print. With --partners DIR,
// eval_population.cpp scores a whole population.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report.hpp"
#include "data/json_loader.hpp"
#include "engine/score_recipe.hpp"

namespace pcs::cli {

void add_eval_command(CLI::App& app, EvalArgs& args) {
  auto* cmd = app.add_subcommand("eval", "Score one partner against a ruleset");
  cmd->add_option("ruleset", args.ruleset,
                  "Ruleset folder (rulesets/2023-06), or a folder of versions (rulesets): then the version in force at "
                  "the as-of month is used")->required();
  cmd->add_option("partner", args.partner, "Partner data file (JSON, see the data contract)");
  cmd->add_option("--partners", args.partners,
                  "Score every partner of a folder (the contract's CSV tables, or partner JSON files): JSON Lines "
                  "sorted by partner id, or --format csv");
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: the latest month in the data)");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable), e.g. data-ai");
  cmd->add_option("--format", args.format, "Output: table (default) or json; with --partners: json (JSON Lines) or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_flag("--explain", args.explain, "Show the figures behind every metric");
  cmd->add_option("--program", args.program, "With a folder of versions: use this program version, e.g. 2022-10");
  cmd->add_option("--out", args.out, "With --partners: write the results to this file instead of stdout");
  cmd->add_option("--threads", args.threads, "With --partners: threads to score with (default: every core)");
  cmd->add_option("--limit-ms", args.limit_ms,
                  "Time budget of one partner's evaluation in milliseconds (default 10000; 0: none); past it the "
                  "metric being evaluated reports an error");
}

int run_eval(const EvalArgs& args) {
  if (!args.partners.empty()) {
    if (!args.partner.empty()) {
      std::cerr << "pcs eval: give a partner file or --partners DIR, not both\n";
      return exit_usage;
    }
    return run_eval_population(args);
  }
  if (args.partner.empty()) {
    std::cerr << "pcs eval: give a partner file, or --partners DIR for a population\n";
    return exit_usage;
  }
  if (args.format == "csv" || !args.out.empty()) {
    std::cerr << "pcs eval: --format csv and --out need --partners DIR\n";
    return exit_usage;
  }
  SourceFiles sources;
  Diagnostics diags;
  engine::Request request;
  if (!args.as_of.empty()) {
    request.as_of = parse_month(args.as_of);
    if (!request.as_of) {
      std::cerr << fmt::format("pcs eval: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
      return exit_usage;
    }
  }
  if (!args.program.empty()) request.program = args.program;
  request.limit_ms = args.limit_ms;
  // One version, or a folder of versions to choose from once the as-of month is known.
  auto programs = engine::load_programs(args.ruleset, sources, diags);
  if (!programs) {
    diags.sort();
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs eval: the ruleset '{}' has {} error{}; nothing was scored\n", args.ruleset,
                             diags.error_count(), diags.error_count() == 1 ? "" : "s");
    return exit_rules_invalid;
  }
  if (programs->single && request.program) {
    if (auto why = engine::check_request(*programs, request); !why.empty()) {
      std::cerr << "pcs eval: " << why << "\n";
      return exit_usage;
    }
  }
  auto partner = data::load_partner_file(args.partner, sources, diags);
  if (!partner) {
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs eval: the partner file '{}' is invalid; nothing was scored\n", args.partner);
    return exit_data_invalid;
  }
  const eval::PartnerView view(*partner);
  // The designations are checked against the version the partner gets, as the message lists its designations.
  const auto scored = engine::score(*programs, engine::Request{request.as_of, request.program, {}, request.limit_ms}, view);
  if (!scored.result) {
    if (scored.problem == engine::Scored::Problem::no_as_of)
      std::cerr << fmt::format("pcs eval: '{}' {}\n", args.partner, scored.error);
    else
      std::cerr << "pcs eval: " << scored.error << "\n";
    return exit_usage;
  }
  const Ruleset* ruleset = nullptr;
  for (const Ruleset* r : programs->versions())
    if (r->program->id == scored.result->program) ruleset = r;
  for (const auto& id : args.designations)
    if (!ruleset->find_designation(id)) {
      std::string known;
      for (const auto* d : ruleset->designations) known += (known.empty() ? "" : ", ") + d->id;
      std::cerr << fmt::format("pcs eval: the ruleset has no designation '{}'; it has: {}\n", id, known);
      return exit_usage;
    }
  request.designations = args.designations;
  auto again = args.designations.empty() ? scored : engine::score(*programs, request, view);
  const auto& result = *again.result;
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
