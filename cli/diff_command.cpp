// `pcs diff OLD NEW --partners PATH`: two program versions on the same
// population, in one streaming pass of the engine (each partner read once,
// scored by both). Exit 0 when nothing changed, 1 when something did.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report.hpp"
#include "compare/diff_report.hpp"
#include "compare/version_diff.hpp"
#include "engine/run_units.hpp"
#include "engine/score_recipe.hpp"
#include "interpreter/compile.hpp"

namespace pcs::cli {

void add_diff_command(CLI::App& app, DiffArgs& args) {
  auto* cmd = app.add_subcommand("diff", "Compare two program versions on the same partners: who gains, who loses, why");
  cmd->add_option("old", args.old_rules, "The earlier ruleset folder, e.g. rulesets/2023-06")->required();
  cmd->add_option("new", args.new_rules, "The later ruleset folder, e.g. rulesets/2025-01")->required();
  cmd->add_option("--partners", args.partners, "A folder of partner JSON files, or of the contract's CSV tables")->required();
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: each partner's latest month)");
  cmd->add_option("--designation", args.designations, "Only this designation id (repeatable)");
  cmd->add_option("--format", args.format, "Output: table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--top", args.top, "How many of the most affected partners to list (default 5)");
  cmd->add_option("--threads", args.threads, "Threads to score with (default: every core)");
}

int run_diff(const DiffArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  engine::Request request;
  if (!args.as_of.empty() && !(request.as_of = parse_month(args.as_of))) {
    std::cerr << fmt::format("pcs diff: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
    return exit_usage;
  }
  request.designations = args.designations;
  request.explain = false;          // the comparison reads no explanation line,
  request.specializations = false;  // and compares designations only
  auto old_rules = compile_ruleset(args.old_rules, sources, diags);
  auto new_rules = compile_ruleset(args.new_rules, sources, diags);
  if (!old_rules || !new_rules) {
    diags.sort();
    std::cerr << render_all(diags, sources) << "pcs diff: a ruleset has errors; nothing was compared\n";
    return exit_rules_invalid;
  }
  const auto before = engine::one_program(std::move(old_rules), args.old_rules);
  const auto after = engine::one_program(std::move(new_rules), args.new_rules);

  // One pass over the population: each partner is read once and scored by both versions.
  engine::Population population;
  std::vector<Diagnostic> stray;
  const SourceFiles none;
  const bool opened = population.open(args.partners, {}, stray);
  bool data_errors = std::any_of(stray.begin(), stray.end(), [](const auto& d) { return d.severity == Severity::error; });
  std::string messages;
  for (const auto& d : stray) messages += render(d, none);
  stray.clear();
  // Each pair is folded into the comparison as it is emitted, in population
  // order, and dropped: no population is held (issue 8, bounded memory).
  compare::DiffBuilder builder(*before.single, *after.single, args.designations, args.top);
  using Product = std::pair<std::optional<std::pair<eval::PartnerResult, eval::PartnerResult>>, std::string>;
  std::size_t failed = 0, compared = 0;
  if (opened) {
    auto work = [&](const engine::LoadedPartner& p) {
      Product product;
      if (!p.partner) return product;
      const eval::PartnerView view(*p.partner);  // built once, shared by both versions
      auto a = engine::score(before, request, view);
      auto b = engine::score(after, request, view);
      if (!a.result || !b.result) {
        const auto& why = a.result ? b : a;
        product.second = why.problem == engine::Scored::Problem::no_as_of
                             ? fmt::format("pcs diff: partner '{}' {}\n", p.id, why.error)
                             : fmt::format("pcs diff: partner '{}': {}\n", p.id, why.error);
        return product;
      }
      product.first.emplace(std::move(*a.result), std::move(*b.result));
      return product;
    };
    auto emit = [&](const engine::LoadedPartner& p, Product&& r) {
      messages += p.rendered + r.second;
      if (r.first) {
        builder.add(p.order, r.first->first, r.first->second);
        ++compared;
      } else {
        ++failed;
        data_errors = true;
      }
    };
    const unsigned threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
    engine::run_units<Product>(population, threads, work, emit, [] {}, stray);
    for (const auto& d : stray) messages += render(d, none);
    data_errors = data_errors || std::any_of(stray.begin(), stray.end(), [](const auto& d) { return d.severity == Severity::error; });
  }
  if (data_errors) {
    std::cerr << messages;
    std::cerr << fmt::format("pcs diff: {} partner{} could not be loaded and {} left out of the comparison\n", failed,
                             failed == 1 ? "" : "s", failed == 1 ? "is" : "are");
  }
  if (compared == 0) return exit_data_invalid;
  const auto diff = std::move(builder).finish();
  std::cout << (args.format == "json" ? compare::render_diff_json(diff, args.top) : compare::render_diff_table(diff, args.top));
  return diff.anything_changed() ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
