// The population view of `pcs plan --partners DIR`: per designation, how many
// partners are attained already, how many a plan within a cost would attain,
// and the cheapest, each with its first action. The partners come from
// compare::load_population today; this is the one place to switch to the
// streaming batch engine (it takes any list of partners).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planner/search.hpp"

namespace pcs::planner {

struct PopulationEntry {
  std::string partner;
  Decimal cost;
  std::string first_action;
};

struct DesignationSummary {
  std::string id, name;
  std::size_t partners = 0, attained = 0, within = 0, planned = 0, unreachable = 0, unverified = 0;
  std::vector<PopulationEntry> cheapest;  // planned partners, cheapest first
};

struct PopulationPlan {
  std::size_t partners = 0;
  std::vector<std::string> skipped;  // partners no ruleset is in force for (with why)
  std::vector<DesignationSummary> designations;
};

/// The ruleset for a partner, and its as-of month; nullptr when none applies.
using RulesetFor = std::function<const Ruleset*(const data::Partner&, MonthIndex& as_of, std::string& why)>;

PopulationPlan plan_population(const std::vector<data::Partner>& partners, const RulesetFor& rules,
                               const std::vector<std::string>& designations, const Costs& costs, const Decimal& within,
                               std::size_t top);

std::string render_population_table(const PopulationPlan& p, const Costs& costs, const Decimal& within);
std::string render_population_json(const PopulationPlan& p, const Costs& costs, const Decimal& within);

}  // namespace pcs::planner
