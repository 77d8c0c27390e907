// `pcs test --coverage`: what the test cases never exercised.
#include <fmt/format.h>

#include <map>
#include <set>

#include "tester/run_cases.hpp"

namespace pcs::tester {

namespace {

struct Seen {
  std::set<std::string> designations, paths, scored;
  std::map<std::string, std::pair<bool, bool>> requires_;  // met seen, unmet seen
  std::map<std::string, std::pair<bool, bool>> specializations;
};

}  // namespace

std::string coverage_report(const RunSummary& summary) {
  std::map<std::string, Seen> seen;
  for (const auto& c : summary.cases) {
    if (!c.result) continue;
    auto& s = seen[c.ruleset_dir];
    for (const auto& d : c.result->designations) {
      s.designations.insert(d.id);
      if (!d.path.empty()) s.paths.insert(d.id + "/" + d.path);
      for (const auto& m : d.metrics) {
        if (m.points > Decimal()) s.scored.insert(d.id + "/" + m.id);
        for (std::size_t i = 0; i < m.prerequisites_met.size(); ++i) {
          auto& r = s.requires_[fmt::format("{}/{}/{}", d.id, m.id, i)];
          (m.prerequisites_met[i] ? r.first : r.second) = true;
        }
      }
    }
    for (const auto& sp : c.result->specializations) (sp.passed ? s.specializations[sp.id].first : s.specializations[sp.id].second) = true;
  }
  std::string out;
  for (const auto& [dir, ruleset] : summary.rulesets) {
    if (!ruleset) continue;
    const auto& s = seen[dir];
    std::size_t metrics = 0, scored = 0, paths = 0, taken = 0, prerequisites = 0, both = 0;
    std::string gaps;
    for (const auto* d : ruleset->designations) {
      if (!s.designations.count(d->id)) gaps += fmt::format("  {}: no test case evaluates it\n", d->id);
      for (const auto& p : d->paths) {
        ++paths;
        if (s.paths.count(d->id + "/" + p.id)) ++taken;
        else gaps += fmt::format("  {}: path {} is never taken\n", d->id, p.id);
      }
      for (const auto& use : d->categories) {
        if (!use.category) continue;
        for (const auto& m : use.category->metrics) {
          ++metrics;
          if (s.scored.count(d->id + "/" + m->id)) ++scored;
          else gaps += fmt::format("  {}.{}: never scores above 0 points\n", d->id, m->id);
          for (std::size_t i = 0; i < m->requires_.size(); ++i) {
            ++prerequisites;
            const auto it = s.requires_.find(fmt::format("{}/{}/{}", d->id, m->id, i));
            const bool met = it != s.requires_.end() && it->second.first;
            const bool unmet = it != s.requires_.end() && it->second.second;
            if (met && unmet) ++both;
            else
              gaps += fmt::format("  {}.{}: prerequisite \"{}\" is never {}\n", d->id, m->id, m->requires_[i].text,
                                  !met && !unmet ? "evaluated" : met ? "unmet" : "met");
          }
        }
      }
    }
    for (const auto* sp : ruleset->specializations) {
      if (sp->unpublished) continue;  // nothing to pass or fail
      const auto it = s.specializations.find(sp->id);
      const bool passed = it != s.specializations.end() && it->second.first;
      const bool failed = it != s.specializations.end() && it->second.second;
      if (!passed || !failed)
        gaps += fmt::format("  specialization {}: never {}\n", sp->id, !passed && !failed ? "evaluated" : passed ? "fails" : "passes");
    }
    out += fmt::format("coverage of {}: {}/{} metrics scored, {}/{} paths taken, {}/{} prerequisites seen both met and unmet\n{}",
                       dir, scored, metrics, taken, paths, both, prerequisites, gaps);
  }
  return out;
}

}  // namespace pcs::tester
