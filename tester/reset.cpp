// `pcs test --reset`: rewrite expectations from the actual results after a
// deliberate change of the rules.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "tester/run_cases.hpp"

namespace pcs::tester {

namespace {

/// Exact when it has at most 6 decimals, otherwise as printed (2 decimals, rounded down).
std::string number_text(const Decimal& d) {
  return d.to_string_floor(6);  // exact, or cut at 6 decimals (which `pcs test` accepts)
}

std::optional<std::string> actual(const Expectation& e, const eval::PartnerResult& r) {
  using K = Expectation::Kind;
  if (e.kind == K::badge) {
    for (const auto& b : r.badges)
      if (b.id == e.subject) return b.attained ? "yes" : "no";
    return std::nullopt;
  }
  if (e.kind == K::specialization) {
    for (const auto& s : r.specializations)
      if (s.id == e.subject) return !s.published ? "unpublished" : s.passed ? "yes" : "no";
    return std::nullopt;
  }
  for (const auto& d : r.designations) {
    if (d.id != e.subject) continue;
    if (e.kind == K::attained) return d.attained ? "yes" : "no";
    if (e.kind == K::total) return number_text(d.total);
    if (e.kind == K::path) return d.path;
    for (const auto& m : d.metrics)
      if (m.id == e.metric) {
        if (e.kind == K::metric_points) return number_text(m.points);
        return m.value ? number_text(*m.value) : "null";
      }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> reset_expectations(const RunSummary& summary) {
  std::vector<std::string> changed;
  for (const auto& outcome : summary.cases) {
    if (!outcome.result) continue;
    SourceFiles sources;
    Diagnostics diags;
    auto c = read_case(outcome.file, sources, diags);
    if (!c) continue;
    std::ifstream in(outcome.file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<std::string> lines;
    std::string line;
    std::istringstream text(buffer.str());
    while (std::getline(text, line)) lines.push_back(line);
    bool dirty = false;
    for (const auto& e : c->expectations) {
      auto value = actual(e, *outcome.result);
      auto& l = lines[e.line - 1];
      const auto end = l.find_last_not_of(" \t\r");
      const auto start = l.find_last_of(" \t", end) + 1;
      if (!value || l.substr(start, end + 1 - start) == *value) continue;
      l = l.substr(0, start) + *value + l.substr(end + 1);
      dirty = true;
    }
    if (!dirty) continue;
    std::ofstream out(outcome.file, std::ios::binary | std::ios::trunc);
    for (const auto& l : lines) out << l << "\n";
    changed.push_back(outcome.file);
  }
  return changed;
}

}  // namespace pcs::tester
