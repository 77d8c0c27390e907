// Running .expect test cases against their rulesets.
#include "tester/run_cases.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "data/json_loader.hpp"
#include "engine/score_recipe.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"

namespace pcs::tester {

namespace {


std::string number_text(const Decimal& d) { return d.to_string(6); }

/// Exact equality, or equality as printed (rounded down to 2 decimals) when
/// the expectation is written with at most 2 decimals: 79.14 matches 77 + 15/7.
bool same_number(const std::string& expected, const Decimal& actual) {
  int places = 0;
  const auto want = Decimal::parse(expected, &places);
  if (!want) return false;
  // Exact, or the actual value cut (toward minus infinity) to the decimals written:
  // 233.333333 matches 700/3, 79.14 matches 77 + 15/7.
  return *want == actual || Decimal::parse(actual.to_string_floor(std::max(places, 2))) == *want;
}

/// Compares one expectation; returns the failure text, empty when it holds.
std::string compare(const Expectation& e, const eval::PartnerResult& r) {
  using K = Expectation::Kind;
  const auto where = fmt::format("line {}: ", e.line);
  if (e.kind == K::badge) {
    for (const auto& b : r.badges)
      if (b.id == e.subject) {
        const auto got = b.attained ? "yes" : "no";
        return got == e.expected ? "" : fmt::format("{}badge {}: expected {}, got {}", where, e.subject, e.expected, got);
      }
    return fmt::format("{}the ruleset has no badge '{}'", where, e.subject);
  }
  if (e.kind == K::specialization) {
    for (const auto& s : r.specializations)
      if (s.id == e.subject) {
        const auto got = !s.published ? "unpublished" : s.passed ? "yes" : "no";
        if (got == e.expected) return "";
        std::string text = fmt::format("{}specialization {}: expected {}, got {}", where, e.subject, e.expected, got);
        for (const auto& line : s.explain) text += "\n      " + line;
        return text;
      }
    return fmt::format("{}the ruleset has no specialization '{}'", where, e.subject);
  }
  const eval::DesignationResult* d = nullptr;
  for (const auto& x : r.designations)
    if (x.id == e.subject) d = &x;
  if (!d) return fmt::format("{}the ruleset has no designation '{}'", where, e.subject);
  auto with_metrics = [&](std::string text) {
    for (const auto& line : d->explain) text += "\n      " + line;
    for (const auto& m : d->metrics) text += fmt::format("\n      {}: {} / {}", m.id, number_text(m.points), number_text(m.max));
    return text;
  };
  switch (e.kind) {
    case K::attained: {
      const auto got = d->attained ? "yes" : "no";
      return got == e.expected ? "" : with_metrics(fmt::format("{}{} attained: expected {}, got {}", where, e.subject, e.expected, got));
    }
    case K::total: {
      if (same_number(e.expected, d->total)) return "";
      return with_metrics(fmt::format("{}{} total: expected {}, got {}", where, e.subject, e.expected, number_text(d->total)));
    }
    case K::path:
      return d->path == e.expected ? "" : fmt::format("{}{} path: expected {}, got {}", where, e.subject, e.expected, d->path.empty() ? "(none)" : d->path);
    default: break;
  }
  for (const auto& m : d->metrics) {
    if (m.id != e.metric) continue;
    std::string got;
    bool same;
    if (e.kind == K::metric_points) {
      same = same_number(e.expected, m.points);
      got = number_text(m.points);
    } else {
      same = e.expected == "null" ? !m.value : (m.value && same_number(e.expected, *m.value));
      got = m.value ? m.value->to_string(6) : "null";
    }
    if (same) return "";
    std::string text = fmt::format("{}{} {} {}: expected {}, got {}", where, e.subject, e.metric,
                                   e.kind == K::metric_points ? "points" : "value", e.expected, got);
    for (const auto& line : m.explain) text += "\n      " + line;
    return text;
  }
  return fmt::format("{}designation '{}' has no metric '{}'", where, e.subject, e.metric);
}

}  // namespace

RunSummary run_cases(const std::vector<std::string>& case_files) {
  RunSummary summary;
  std::map<std::string, std::string> compile_errors;
  for (const auto& file : case_files) {
    CaseOutcome outcome;
    outcome.file = file;
    SourceFiles sources;
    Diagnostics diags;
    auto c = read_case(file, sources, diags);
    if (c) {
      outcome.ruleset_dir = c->ruleset_dir;
      auto& ruleset = summary.rulesets[c->ruleset_dir];
      if (!ruleset && !compile_errors.count(c->ruleset_dir)) {
        SourceFiles rule_sources;
        Diagnostics rule_diags;
        ruleset = compile_ruleset(c->ruleset_dir, rule_sources, rule_diags);
        if (!ruleset) compile_errors[c->ruleset_dir] = render_all(rule_diags, rule_sources);
      }
      if (!ruleset) {
        outcome.failures.push_back("the ruleset " + c->ruleset_dir + " does not compile:\n" + compile_errors[c->ruleset_dir]);
      } else if (!c->program.empty() && ruleset->program->id != c->program) {
        outcome.failures.push_back(fmt::format("the case is written for program {}, but {} is program {}", c->program,
                                               c->ruleset_dir, ruleset->program->id));
      } else if (auto partner = data::load_partner_file(c->partner_file, sources, diags)) {
        engine::Request request;
        request.as_of = c->as_of;
        auto scored = engine::score(*ruleset, request, eval::PartnerView(*partner));
        if (!scored.result) {
          outcome.failures.push_back(fmt::format("the partner {} {}", c->partner_file, scored.error));
          outcome.passed = false;
          ++summary.failed;
          summary.cases.push_back(std::move(outcome));
          continue;
        }
        outcome.result = std::move(scored.result);
        const auto& result = *outcome.result;
        for (const auto& d : result.designations)
          if (!d.error.empty()) outcome.failures.push_back(fmt::format("{} could not be evaluated: {}", d.id, d.error));
        for (const auto& e : c->expectations)
          if (auto failure = compare(e, result); !failure.empty()) outcome.failures.push_back(std::move(failure));
      }
    }
    if (diags.has_errors()) outcome.failures.push_back(render_all(diags, sources));
    outcome.passed = outcome.failures.empty();
    ++(outcome.passed ? summary.passed : summary.failed);
    summary.cases.push_back(std::move(outcome));
  }
  return summary;
}

}  // namespace pcs::tester
