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

namespace {

const std::vector<std::string> buckets = {"-30 or less", "-29 to -10", "-9 to -1", "0", "+1 to +9", "+10 to +29", "+30 or more"};

std::string total_text(const std::optional<Decimal>& d) { return d ? d->to_string_floor(2) : "-"; }

std::vector<const compare::PartnerChange*> most_affected(const compare::DesignationDiff& d, std::size_t top) {
  std::vector<const compare::PartnerChange*> changed;
  for (const auto& c : d.changes)
    if (!c.delta().is_zero() || c.old_attained != c.new_attained) changed.push_back(&c);
  std::stable_sort(changed.begin(), changed.end(), [](const auto* a, const auto* b) {
    auto magnitude = [](const Decimal& x) { return x.is_negative() ? -x : x; };
    return magnitude(a->delta()) > magnitude(b->delta());
  });
  if (changed.size() > top) changed.resize(top);
  return changed;
}

std::string list(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "none" : s;
}

std::string render_table(const compare::VersionDiff& v, std::size_t top) {
  std::string o = fmt::format("pcs diff: program {} -> {} on {} partner{}\n", v.old_program, v.new_program, v.partners,
                              v.partners == 1 ? "" : "s");
  for (const auto& d : v.designations) {
    o += fmt::format("\n{}\n", d.name);
    if (!d.in_old) o += fmt::format("  only in {}\n", v.new_program);
    if (!d.in_new) o += fmt::format("  only in {}\n", v.old_program);
    const auto attained_before = std::count_if(d.changes.begin(), d.changes.end(), [](const auto& c) { return c.old_attained; });
    const auto attained_after = std::count_if(d.changes.begin(), d.changes.end(), [](const auto& c) { return c.new_attained; });
    o += fmt::format("  attained by {} -> {} partners; gain it: {}; lose it: {}\n", attained_before, attained_after,
                     list(d.gained), list(d.lost));
    o += fmt::format("  partners whose score or verdict changed: {} of {}\n", d.changed, d.changes.size());
    o += "  change of total points:";
    for (const auto& b : buckets)
      if (auto it = d.distribution.find(b); it != d.distribution.end()) o += fmt::format("  [{}] {}", b, it->second);
    o += "\n";
    o += fmt::format("  {:<28} {:>8} {:>24}\n", "metric", "changed", "points, all partners");
    for (const auto& m : d.metrics)
      o += fmt::format("  {:<28} {:>8} {:>24}\n", m.metric, m.changed,
                       fmt::format("{} -> {}", m.old_sum.to_string_floor(2), m.new_sum.to_string_floor(2)));
    const auto affected = most_affected(d, top);
    if (!affected.empty()) o += "  most affected:\n";
    for (const auto* c : affected) {
      std::string why;
      for (const auto& r : c->reasons) why += (why.empty() ? "" : "; ") + r;
      o += fmt::format("    {:<24} {} -> {} ({}{}), attained {} -> {}: {}\n", c->partner, total_text(c->old_total),
                       total_text(c->new_total), c->delta().is_negative() ? "" : "+", c->delta().to_string_floor(2),
                       c->old_attained ? "yes" : "no", c->new_attained ? "yes" : "no", why);
    }
  }
  o += v.anything_changed() ? "\nthe versions score these partners differently\n" : "\nno partner's results changed\n";
  return o;
}

std::string render_json(const compare::VersionDiff& v, std::size_t top) {
  auto strings = [](const std::vector<std::string>& xs) {
    std::string s = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + json_string(xs[i]);
    return s + "]";
  };
  auto number = [](const std::optional<Decimal>& d) { return d ? d->to_string_floor(2) : std::string("null"); };
  std::string o = fmt::format("{{\n  \"old_program\": {},\n  \"new_program\": {},\n  \"partners\": {},\n  \"changed\": {},\n  \"designations\": [",
                              json_string(v.old_program), json_string(v.new_program), v.partners,
                              v.anything_changed() ? "true" : "false");
  for (std::size_t i = 0; i < v.designations.size(); ++i) {
    const auto& d = v.designations[i];
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"in_old\": {}, \"in_new\": {}, \"changed\": {},\n      \"gained\": {}, \"lost\": {},\n      \"distribution\": {{",
                     i ? "," : "", json_string(d.id), json_string(d.name), d.in_old, d.in_new, d.changed, strings(d.gained), strings(d.lost));
    bool first = true;
    for (const auto& b : buckets)
      if (auto it = d.distribution.find(b); it != d.distribution.end()) {
        o += fmt::format("{}{}: {}", first ? " " : ", ", json_string(b), it->second);
        first = false;
      }
    o += " },\n      \"metrics\": [";
    for (std::size_t m = 0; m < d.metrics.size(); ++m)
      o += fmt::format("{}{{ \"id\": {}, \"changed\": {}, \"old_points\": {}, \"new_points\": {} }}", m ? ", " : "",
                       json_string(d.metrics[m].metric), d.metrics[m].changed, d.metrics[m].old_sum.to_string_floor(2),
                       d.metrics[m].new_sum.to_string_floor(2));
    o += "],\n      \"most_affected\": [";
    const auto affected = most_affected(d, top);
    for (std::size_t a = 0; a < affected.size(); ++a) {
      const auto* c = affected[a];
      o += fmt::format("{}\n        {{ \"partner\": {}, \"old_total\": {}, \"new_total\": {}, \"old_attained\": {}, \"new_attained\": {}, \"reasons\": {} }}",
                       a ? "," : "", json_string(c->partner), number(c->old_total), number(c->new_total), c->old_attained,
                       c->new_attained, strings(c->reasons));
    }
    o += affected.empty() ? "] }" : "\n      ] }";
  }
  return o + "\n  ]\n}\n";
}

}  // namespace

int run_diff(const DiffArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  engine::Request request;
  if (!args.as_of.empty() && !(request.as_of = parse_month(args.as_of))) {
    std::cerr << fmt::format("pcs diff: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
    return exit_usage;
  }
  request.designations = args.designations;
  request.explain = false;  // the comparison reads no explanation line
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
  std::vector<compare::ScoredPair> scored;
  std::size_t failed = 0;
  if (opened) {
    auto work = [&](const engine::LoadedPartner& p) {
      std::optional<compare::ScoredPair> pair;
      if (!p.partner) return std::make_pair(pair, std::string());
      const eval::PartnerView view(*p.partner);  // built once, shared by both versions
      auto a = engine::score(before, request, view);
      auto b = engine::score(after, request, view);
      if (!a.result || !b.result) {
        const auto& why = a.result ? b : a;
        return std::make_pair(pair, why.problem == engine::Scored::Problem::no_as_of
                                        ? fmt::format("pcs diff: partner '{}' {}\n", p.id, why.error)
                                        : fmt::format("pcs diff: partner '{}': {}\n", p.id, why.error));
      }
      // Kept until the comparison: only what it reads (ids, totals, verdicts, paths, points).
      for (auto* r : {&*a.result, &*b.result}) {
        for (auto& d : r->designations) {
          d.explain = {};
          d.categories = {};
          d.name = {};
          d.error = {};
          for (auto& m : d.metrics) {
            m.explain = {};
            m.prerequisites_met = {};
            m.name = {};
            m.category = {};
            m.error = {};
          }
        }
        r->badges = {};
        r->specializations = {};
        r->as_of = r->program = {};
      }
      a.result->partner = {};
      pair = compare::ScoredPair{p.order, std::move(*a.result), std::move(*b.result)};
      return std::make_pair(pair, std::string());
    };
    auto emit = [&](const engine::LoadedPartner& p, std::pair<std::optional<compare::ScoredPair>, std::string>&& r) {
      messages += p.rendered + r.second;
      if (r.first) {
        scored.push_back(std::move(*r.first));
      } else {
        ++failed;
        data_errors = true;
      }
    };
    const unsigned threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
    engine::run_units<std::pair<std::optional<compare::ScoredPair>, std::string>>(population, threads, work, emit,
                                                                                  [] {}, stray);
    for (const auto& d : stray) messages += render(d, none);
    data_errors = data_errors || std::any_of(stray.begin(), stray.end(), [](const auto& d) { return d.severity == Severity::error; });
  }
  if (data_errors) {
    std::cerr << messages;
    std::cerr << fmt::format("pcs diff: {} partner{} could not be loaded and {} left out of the comparison\n", failed,
                             failed == 1 ? "" : "s", failed == 1 ? "is" : "are");
  }
  if (scored.empty()) return exit_data_invalid;
  const auto diff = compare::diff_versions(*before.single, *after.single, std::move(scored), args.designations);
  std::cout << (args.format == "json" ? render_json(diff, args.top) : render_table(diff, args.top));
  return diff.anything_changed() ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
