// Planning one partner (planner/plan.hpp): the designations one by one, then
// the badge and the specializations from one ordinary evaluation.
#include "planner/plan.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pcs::planner {
namespace {

void add_once(std::vector<std::string>& lines, std::string line) {
  if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
}

std::string set_text(const std::vector<Symbol>& s) {
  std::string out;
  for (auto x : s) out += (out.empty() ? "" : ", ") + std::string(symbols().name(x));
  return "{" + out + "}";
}

}  // namespace

std::string describe_query(const UsageQuery& q) {
  std::string parts;
  for (const auto& [field, f] : q.filters) {
    const std::string name(field_name(field));
    if (f.allowed) parts += (parts.empty() ? "" : "; ") + name + " in " + set_text(*f.allowed);
    if (!f.excluded.empty())
      parts += (parts.empty() ? "" : "; ") + name + " not in " +
               set_text(std::vector<Symbol>(f.excluded.begin(), f.excluded.end()));
    if (f.keyed && field == Field::service) parts += (parts.empty() ? "" : "; ") + std::string("each service counted");
  }
  return std::string(symbols().name(q.measure)) + (parts.empty() ? "" : " (" + parts + ")");
}

PartnerPlan plan_partner(const Ruleset& ruleset, const data::Partner& partner, MonthIndex as_of,
                         const std::vector<std::string>& designations, const Costs& costs) {
  PartnerPlan out;
  out.partner = partner.id;
  out.program = ruleset.program ? ruleset.program->id : "";
  out.as_of = format_month(as_of);
  for (const auto* d : ruleset.designations) {
    if (!designations.empty() && std::find(designations.begin(), designations.end(), d->id) == designations.end())
      continue;
    out.designations.push_back(plan_designation(ruleset, *d, partner, as_of, costs));
  }
  eval::Options options;
  options.as_of = as_of;
  options.designations = designations;
  const auto result = eval::evaluate(ruleset, partner, options);
  for (std::size_t i = 0; i < result.badges.size() && i < ruleset.badges.size(); ++i) {
    BadgePlan b{result.badges[i].id, result.badges[i].name, result.badges[i].attained, {}};
    if (ruleset.badges[i]->condition)
      for (const auto& id : attained_reads(*ruleset.badges[i]->condition)) {
        auto it = std::find_if(result.designations.begin(), result.designations.end(),
                               [&](const auto& r) { return r.id == id; });
        if (it != result.designations.end() && !it->attained &&
            std::find(b.missing.begin(), b.missing.end(), id) == b.missing.end())
          b.missing.push_back(id);
      }
    out.badges.push_back(std::move(b));
  }
  for (const auto& s : result.specializations) {
    if (s.passed) continue;
    SpecializationPlan p{s.id, s.name, s.designation, s.passed, s.published, false, {}, {}, {}};
    for (const auto& line : s.explain)
      if (line.find("NOT met") != std::string::npos || line.find("attained: no") != std::string::npos)
        p.unmet.push_back(line);
    auto decl = std::find_if(ruleset.specializations.begin(), ruleset.specializations.end(),
                             [&](const auto* x) { return x->id == s.id; });
    for (const auto& line : s.explain)
      if (line.rfind("designation ", 0) == 0 && line.size() > 5 && line.compare(line.size() - 5, 5, ": yes") == 0)
        p.designation_attained = true;
    if (decl != ruleset.specializations.end() && (*decl)->body) {
      const Facts f = metric_facts(*(*decl)->body);
      for (const auto& t : f.people) add_once(p.would_count, "people holding " + t.label());
      for (const auto& q : f.queries) add_once(p.would_count, "usage: " + describe_query(q));
      for (const auto& a : f.attributes)
        add_once(p.would_count, "partner.attributes." + a + ": attested by the partner, no action of the data can set it");
      // Each unmet requirement with what its own condition reads.
      for (const auto& req : (*decl)->body->requires_) {
        if (!req.condition ||
            std::find(s.explain.begin(), s.explain.end(), "requirement NOT met: " + req.text) == s.explain.end())
          continue;
        UnmetRequirement u{req.text, fmt::format("{}:{}", req.pos.file, req.pos.line), {}};
        const Facts rf = expression_facts(*req.condition);
        std::string numbers;
        for (const auto& n : rf.numbers) numbers += (numbers.empty() ? "" : ", ") + n.to_string(6);
        const std::string compared = numbers.empty() ? "" : " (numbers in its rule: " + numbers + ")";
        for (const auto& t : rf.people) add_once(u.would_meet, "more people holding " + t.label() + compared);
        for (const auto& q : rf.queries) {
          // The unfiltered rows a query starts from (`usage(mau)`) are read
          // through the filtered query of the same measure: that one is said.
          const bool narrowed = q.filters.empty() && std::any_of(rf.queries.begin(), rf.queries.end(), [&](const UsageQuery& o) {
            return o.measure == q.measure && !o.filters.empty();
          });
          if (!narrowed) add_once(u.would_meet, "more usage: " + describe_query(q) + compared);
        }
        for (const auto& a : rf.attributes)
          add_once(u.would_meet, "partner.attributes." + a + " is attested by the partner: no action of the data can set it");
        if (u.would_meet.empty()) u.would_meet.push_back("no action can meet it: its rule reads no certifications and no usage");
        p.requirements.push_back(std::move(u));
      }
    }
    out.specializations.push_back(std::move(p));
  }
  return out;
}

}  // namespace pcs::planner
