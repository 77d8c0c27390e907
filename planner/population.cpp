// The population view (planner/population.hpp).
#include "planner/population.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner/edits_json.hpp"

namespace pcs::planner {

PopulationPlan plan_population(const std::vector<data::Partner>& partners, const RulesetFor& rules,
                               const std::vector<std::string>& designations, const Costs& costs, const Decimal& within,
                               std::size_t top) {
  PopulationPlan out;
  out.partners = partners.size();
  auto summary = [&](const ast::DesignationDecl& d) -> DesignationSummary& {
    for (auto& s : out.designations)
      if (s.id == d.id) return s;
    out.designations.push_back({d.id, d.title, 0, 0, 0, 0, 0, 0, {}});
    return out.designations.back();
  };
  for (const auto& partner : partners) {
    MonthIndex as_of = 0;
    std::string why;
    const Ruleset* ruleset = rules(partner, as_of, why);
    if (!ruleset) {
      out.skipped.push_back(partner.id + ": " + why);
      continue;
    }
    for (const auto* d : ruleset->designations) {
      if (!designations.empty() && std::find(designations.begin(), designations.end(), d->id) == designations.end())
        continue;
      auto& s = summary(*d);
      ++s.partners;
      const auto plan = plan_designation(*ruleset, *d, partner, as_of, costs);
      if (plan.already_attained) ++s.attained;
      else if (!plan.found) ++s.unreachable;
      else {
        ++s.planned;
        if (!plan.verified) ++s.unverified;
        if (!(plan.total_cost > within)) ++s.within;
        s.cheapest.push_back({partner.id, plan.total_cost,
                              plan.steps.empty() ? "" : plan.steps.front().description + ", " + costs.format(plan.steps.front().cost)});
      }
    }
  }
  for (auto& s : out.designations) {
    std::stable_sort(s.cheapest.begin(), s.cheapest.end(), [](const auto& a, const auto& b) { return a.cost < b.cost; });
    if (s.cheapest.size() > top) s.cheapest.resize(top);
  }
  return out;
}

std::string render_population_table(const PopulationPlan& p, const Costs& costs, const Decimal& within) {
  std::string o = fmt::format("{} partners; within {}\n", p.partners, costs.format(within));
  for (const auto& s : p.skipped) o += "  skipped " + s + "\n";
  for (const auto& d : p.designations) {
    o += fmt::format("\n{} ({})\n  {} partners: {} attained, {} within {}, {} with a dearer plan, {} no plan attains\n",
                     d.name, d.id, d.partners, d.attained, d.within, costs.format(within), d.planned - d.within,
                     d.unreachable);
    if (d.unverified) o += fmt::format("  {} plans did not verify (a bug: please report it)\n", d.unverified);
    for (const auto& e : d.cheapest)
      o += fmt::format("  {}: {} in all; first: {}\n", e.partner, costs.format(e.cost), e.first_action);
  }
  return o;
}

std::string render_population_json(const PopulationPlan& p, const Costs& costs, const Decimal& within) {
  std::string o = fmt::format("{{\n  \"partners\": {},\n  \"cost_unit\": {},\n  \"within\": {},\n  \"skipped\": [", p.partners,
                              json_string(costs.unit), within.to_string(6));
  for (std::size_t i = 0; i < p.skipped.size(); ++i) o += (i ? ", " : "") + json_string(p.skipped[i]);
  o += "],\n  \"designations\": [";
  for (std::size_t i = 0; i < p.designations.size(); ++i) {
    const auto& d = p.designations[i];
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"partners\": {}, \"attained\": {}, \"within\": {}, \"planned\": {}, "
                     "\"unreachable\": {}, \"unverified\": {},\n      \"cheapest\": [",
                     i ? "," : "", json_string(d.id), json_string(d.name), d.partners, d.attained, d.within, d.planned,
                     d.unreachable, d.unverified);
    for (std::size_t e = 0; e < d.cheapest.size(); ++e)
      o += fmt::format("{}\n        {{ \"partner\": {}, \"cost\": {}, \"first_action\": {} }}", e ? "," : "",
                       json_string(d.cheapest[e].partner), d.cheapest[e].cost.to_string(6),
                       json_string(d.cheapest[e].first_action));
    o += " ] }";
  }
  return o + "\n  ]\n}\n";
}

}  // namespace pcs::planner
