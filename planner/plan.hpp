// The plan for one partner: per designation not attained the cheapest
// verified plan (planner/search.hpp), the Microsoft Cloud badge (which
// designations it misses) and, per specialization not passed, the
// requirements that are not met and what the rules say would count.
#pragma once

#include <string>
#include <vector>

#include "planner/search.hpp"

namespace pcs::planner {

struct BadgePlan {
  std::string id, name;
  bool attained = false;
  std::vector<std::string> missing;  // designations its rule reads that are not attained
};

/// One requirement of a specialization that is not met, and what its own
/// rule reads: the data that would meet it (people holding which
/// certifications, usage of which measure with which filters, with the
/// numbers the rule compares with), or that no action of the data can.
struct UnmetRequirement {
  std::string requirement;              // as written in the rules
  std::string location;                 // file:line of the `require`
  std::vector<std::string> would_meet;
};

struct SpecializationPlan {
  std::string id, name, designation;
  bool passed = false, published = true;
  bool designation_attained = false;
  std::vector<std::string> unmet;       // "requirement NOT met: ..." as the evaluator explains it
  std::vector<std::string> would_count; // what its rules read: certifications, usage, attested facts
  std::vector<UnmetRequirement> requirements;  // each unmet requirement with what would meet it
};

struct PartnerPlan {
  std::string partner, program, as_of;
  std::vector<DesignationPlan> designations;
  std::vector<BadgePlan> badges;
  std::vector<SpecializationPlan> specializations;
};

/// Plans every designation of `ruleset` (or only `designations`) for `partner` at `as_of`.
PartnerPlan plan_partner(const Ruleset& ruleset, const data::Partner& partner, MonthIndex as_of,
                         const std::vector<std::string>& designations, const Costs& costs);

/// "acr (association in {PAL, DPOR}; offer not in {Support}; a new service)" for a query.
std::string describe_query(const UsageQuery& q);

}  // namespace pcs::planner
