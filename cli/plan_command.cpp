// `pcs plan RULESET PARTNER` and `pcs plan RULESET --partners DIR`: the
// cheapest verified plan per unattained designation (planner/), or the
// population view. Thin: loading and printing; the planning is planner/.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/rules_choice.hpp"
#include "engine/population.hpp"
#include "data/json_loader.hpp"
#include "planner/population.hpp"
#include "planner/render_plan.hpp"

namespace pcs::cli {

void add_plan_command(CLI::App& app, PlanArgs& args) {
  auto* cmd = app.add_subcommand("plan", "The cheapest actions that attain each designation not attained (verified)");
  cmd->add_option("ruleset", args.ruleset, "Ruleset folder, or a folder of versions (the one in force is used)")->required();
  cmd->add_option("partner", args.partner, "Partner data file (JSON); or give --partners DIR");
  cmd->add_option("--partners", args.partners, "A population: a folder of partner JSON files or of CSV tables");
  cmd->add_option("--within", args.within, "With --partners: count the plans within this cost, e.g. 80h (default 80)");
  cmd->add_option("--top", args.top, "With --partners: how many of the cheapest partners to list (default 5)");
  cmd->add_option("--costs", args.costs, "Costs of the actions (JSON; default planner/default-costs.json)");
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: the latest month in the data)");
  cmd->add_option("--program", args.program, "With a folder of versions: use this program version");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable)");
  cmd->add_option("--format", args.format, "Output: table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_flag("--specializations", args.specializations, "Table: also list the specializations not passed");
}

int run_plan(const PlanArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  std::optional<MonthIndex> as_of;
  if (!args.as_of.empty() && !(as_of = parse_month(args.as_of))) {
    std::cerr << fmt::format("pcs plan: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
    return exit_usage;
  }
  if (args.partner.empty() == args.partners.empty()) {
    std::cerr << "pcs plan: give a partner file or --partners DIR (one of them)\n";
    return exit_usage;
  }
  planner::Costs costs = planner::default_costs();
  if (!args.costs.empty()) {
    auto loaded = planner::load_costs_file(args.costs, sources, diags);
    if (!loaded) {
      std::cerr << render_all(diags, sources);
      std::cerr << fmt::format("pcs plan: the costs file '{}' is invalid\n", args.costs);
      return exit_data_invalid;
    }
    costs = *loaded;
  }
  RulesChoice rules;
  rules.request.as_of = as_of;
  if (!args.program.empty()) rules.request.program = args.program;
  if (auto code = rules.load("plan", args.ruleset, sources, diags)) return *code;
  auto check_designations = [&](const Ruleset& rs) {
    for (const auto& id : args.designations)
      if (!rs.find_designation(id)) {
        std::string known;
        for (const auto* d : rs.designations) known += (known.empty() ? "" : ", ") + d->id;
        std::cerr << fmt::format("pcs plan: the ruleset has no designation '{}'; it has: {}\n", id, known);
        return false;
      }
    return true;
  };

  if (!args.partners.empty()) {
    // "80h", "80 h" or "80": a number in the costs' unit.
    std::string text = args.within;
    std::string unit;
    while (!text.empty() && (std::isalpha(static_cast<unsigned char>(text.back())) || text.back() == ' ')) {
      if (text.back() != ' ') unit.insert(unit.begin(), text.back());
      text.pop_back();
    }
    auto within = Decimal::parse(text);
    if (!within || (!unit.empty() && unit != costs.unit)) {
      std::cerr << fmt::format("pcs plan: --within expects a cost in {}, e.g. 80{}, got \"{}\"\n", costs.unit, costs.unit,
                               args.within);
      return exit_usage;
    }
    // The batch engine reads the population; the planner needs every partner
    // at once for its ranking, so the loaded ones are kept.
    engine::Population source;
    std::vector<Diagnostic> stray;
    if (!source.open(args.partners, {}, stray)) {
      for (const auto& d : stray) std::cerr << render(d, sources);
      std::cerr << fmt::format("pcs plan: cannot read the partners in '{}'\n", args.partners);
      return exit_data_invalid;
    }
    struct {
      std::vector<data::Partner> partners;
    } population;
    for (std::size_t k = 0; k < source.units(); ++k)
      for (auto& p : source.load(k, stray)) {
        if (p.partner) population.partners.push_back(std::move(*p.partner));
        else if (!p.rendered.empty()) std::cerr << p.rendered;
        else for (const auto& d : p.errors) std::cerr << render(d, sources);
      }
    for (const auto& d : stray) std::cerr << render(d, sources);
    planner::RulesetFor pick = [&](const data::Partner& p, MonthIndex& m, std::string& why) -> const Ruleset* {
      const auto month = rules.as_of(p);
      if (!month) {
        why = "no usage, so no as-of month; give --as-of";
        return nullptr;
      }
      m = *month;
      return rules.at(m, why);
    };
    if (rules.single() && !check_designations(*rules.single())) return exit_usage;
    const auto plan = planner::plan_population(population.partners, pick, args.designations, costs, *within, args.top);
    std::cout << (args.format == "json" ? planner::render_population_json(plan, costs, *within)
                                        : planner::render_population_table(plan, costs, *within));
    return exit_ok;
  }

  auto partner = data::load_partner_file(args.partner, sources, diags);
  if (!partner) {
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs plan: the partner file '{}' is invalid; nothing was planned\n", args.partner);
    return exit_data_invalid;
  }
  const auto month_of_partner = rules.as_of(*partner);
  if (!month_of_partner) {
    std::cerr << fmt::format("pcs plan: '{}' has no usage, so there is no default as-of month; give --as-of YYYY-MM\n",
                             args.partner);
    return exit_usage;
  }
  const MonthIndex month = *month_of_partner;
  std::string why;
  const Ruleset* ruleset = rules.at(month, why);
  if (!ruleset) {
    std::cerr << "pcs plan: " << why << "\n";
    return exit_usage;
  }
  if (!check_designations(*ruleset)) return exit_usage;
  const auto plan = planner::plan_partner(*ruleset, *partner, month, args.designations, costs);
  std::cout << (args.format == "json" ? planner::render_plan_json(plan, costs)
                                      : planner::render_plan_table(plan, costs, args.specializations));
  for (const auto& d : plan.designations)
    if (d.found && !d.verified) return exit_internal;  // a plan that does not verify is a bug
  return exit_ok;
}

}  // namespace pcs::cli
