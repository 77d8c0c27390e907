// `pcs sql RULESET --dialect duckdb|postgres|spark`: the ruleset compiled to
// one SQL script (sql/script.hpp) over the contract's CSV tables.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rules_choice.hpp"
#include "sql/script.hpp"

namespace pcs::cli {

void add_sql_command(CLI::App& app, SqlArgs& args) {
  auto* cmd = app.add_subcommand("sql", "Compile a ruleset to one SQL script that scores every partner of the CSV tables");
  cmd->add_option("ruleset", args.ruleset, "Ruleset folder (rulesets/2023-06), or a folder of versions with --as-of")->required();
  cmd->add_option("--dialect", args.dialect, "SQL dialect: duckdb (default), postgres or spark")
      ->check(CLI::IsMember({"duckdb", "postgres", "spark"}));
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM for every partner (default: each partner's latest usage month)");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable), e.g. data-ai");
  cmd->add_flag("--explain", args.explain, "Begin the script with which rule became which CTE");
  cmd->add_option("--part", args.part,
                  "What the script's results are: scores (default: a row per partner, designation and metric) or awards "
                  "(a row per partner, badge and specialization)")
      ->check(CLI::IsMember({"scores", "awards"}));
}

int run_sql(const SqlArgs& args) {
  RulesChoice rules;
  if (!args.as_of.empty()) {
    rules.request.as_of = parse_month(args.as_of);
    if (!rules.request.as_of) {
      std::cerr << fmt::format("pcs sql: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
      return exit_usage;
    }
  }
  SourceFiles sources;
  Diagnostics diags;
  if (auto code = rules.load("sql", args.ruleset, sources, diags)) return *code;
  if (auto why = engine::check_request(*rules.programs, engine::Request{{}, {}, args.designations}); !why.empty()) {
    std::cerr << fmt::format("pcs sql: {}\n", why);
    return exit_usage;
  }
  const Ruleset* ruleset = rules.single();
  if (!ruleset) {
    if (!rules.request.as_of) {
      std::cerr << "pcs sql: a folder of versions needs --as-of YYYY-MM to choose the version (or give one version folder)\n";
      return exit_usage;
    }
    std::string why;
    ruleset = rules.at(*rules.request.as_of, why);
    if (!ruleset) {
      std::cerr << fmt::format("pcs sql: {}\n", why);
      return exit_usage;
    }
  }
  sql::Options options{sql::Dialect::from_name(args.dialect), rules.request.as_of, args.designations,
                       args.part == "awards" ? sql::Part::awards : sql::Part::scores};
  Diagnostics compiled;
  auto script = sql::compile(*ruleset, options, compiled);
  if (script && !compiled.items().empty()) {
    // Awards left out (no SQL form): warnings, the script still runs.
    compiled.sort();
    std::cerr << render_all(compiled, sources);
  }
  diags.append(compiled);
  if (!script) {
    diags.sort();
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs sql: {} construct{} of '{}' {} no SQL form yet (docs/sql.md)\n", diags.error_count(),
                             diags.error_count() == 1 ? "" : "s", args.ruleset, diags.error_count() == 1 ? "has" : "have");
    return exit_rules_invalid;
  }
  std::string header = fmt::format("-- pcs sql {} --dialect {}{}{}: program {}\n", args.ruleset, args.dialect,
                                   args.as_of.empty() ? "" : " --as-of " + args.as_of,
                                   args.part == "awards" ? " --part awards" : "",
                                   ruleset->program ? ruleset->program->id : "");
  header += "-- Input tables (every column text): partners(partner_id, name, market";
  for (const auto& a : script->attributes) header += ", " + a;
  header += "), certifications, customers, associations, usage, as in docs/data-contract.md.\n";
  header += "-- partner attribute columns read:";
  for (const auto& a : script->attributes) header += " " + a;
  header += "\n";
  if (options.part == sql::Part::awards) {
    header += "-- awards left out (a rule without SQL form, see the warnings of pcs sql):";
    for (const auto& id : script->left_out) header += " " + id;
    header += "\n";
  }
  std::cout << header << (args.explain ? sql::explain(*script) : "") << "\n" << script->sql;
  return exit_ok;
}

}  // namespace pcs::cli
