// The plan report (planner/render_plan.hpp).
#include "planner/render_plan.hpp"

#include <fmt/format.h>

#include "planner/edits_json.hpp"

namespace pcs::planner {
namespace {

std::string pts(const Decimal& d) { return d.to_string_floor(2); }
std::string signed_pts(const Decimal& d) { return (d.is_negative() ? "" : "+") + pts(d); }
std::string path_of(const eval::DesignationResult& r) { return r.path.empty() ? "" : ", path " + r.path; }

}  // namespace

std::string render_plan_table(const PartnerPlan& p, const Costs& costs, bool specializations) {
  std::string o = fmt::format("Plan for {}, program {}, as of {} (costs in {})\n", p.partner, p.program, p.as_of, costs.unit);
  for (const auto& d : p.designations) {
    o += fmt::format("\n{} ({})\n", d.name, d.id);
    o += fmt::format("  now: {} / {}{}, {}\n", pts(d.before.total), pts(d.before.max), path_of(d.before),
                     d.before.attained ? "attained" : "not attained");
    if (d.already_attained) continue;
    if (!d.found) {
      o += "  no plan attains it:\n";
      for (const auto& u : d.unreachable) o += "    " + u + "\n";
      continue;
    }
    std::size_t width = 0;
    for (const auto& s : d.steps) width = std::max(width, s.description.size());
    width = std::min<std::size_t>(width, 100);
    // A step that brings no points of its own is shown with the step its
    // points come with: the group's points are on the group's last step.
    for (std::size_t i = 0; i < d.steps.size(); ++i) {
      const auto& s = d.steps[i];
      const bool last = i == s.group_last, alone = last && s.group_first == i;
      const std::string points = last ? signed_pts(d.group_points(i)) + " points" : fmt::format("with step {}", s.group_last + 1);
      const std::string together = alone ? "" : last ? fmt::format(" (steps {}-{} together)", s.group_first + 1, i + 1) : "";
      o += fmt::format("  {:>2}. {:<{}}  {:>9}  {:>15}  [{}]{}\n", i + 1, s.description, width, costs.format(s.cost), points,
                       s.action.metric, together);
    }
    o += fmt::format("      {:<{}}  {:>9}  {:>15}\n", "total", width, costs.format(d.total_cost),
                     signed_pts(d.after.total - d.before.total) + " points");
    o += fmt::format("  verified: {} / {}{}, {}\n", pts(d.after.total), pts(d.after.max), path_of(d.after),
                     d.verified ? "attained" : "NOT attained (a bug: please report it)");
    if (d.after.path != d.before.path)
      o += fmt::format("  note: these actions move the partner from path {} to path {}\n", d.before.path, d.after.path);
  }
  for (const auto& b : p.badges) {
    o += fmt::format("\n{} badge: {}", b.name, b.attained ? "attained\n" : "not attained");
    if (b.attained) continue;
    std::string missing;
    for (const auto& m : b.missing) missing += (missing.empty() ? "" : ", ") + m;
    o += missing.empty() ? "\n" : "; it needs " + missing + " (plans above)\n";
  }
  if (specializations)
    for (const auto& s : p.specializations) {
      o += fmt::format("\nspecialization {} ({}): {}\n", s.name, s.designation,
                       s.published ? "not passed" : "requirements not published");
      for (const auto& u : s.unmet) {
        if (u.rfind("designation ", 0) == 0) {
          o += "  " + u + (s.designation_attained ? "" : " (see its plan)") + "\n";
          continue;
        }
        o += "  " + u + "\n";
        for (const auto& r : s.requirements)
          if (u == "requirement NOT met: " + r.requirement)
            for (const auto& w : r.would_meet) o += "    would meet it: " + w + "\n";
      }
    }
  return o;
}

std::string render_plan_json(const PartnerPlan& p, const Costs& costs) {
  std::string o = fmt::format("{{\n  \"partner\": {},\n  \"program\": {},\n  \"as_of\": {},\n  \"cost_unit\": {},\n  \"designations\": [",
                              json_string(p.partner), json_string(p.program), json_string(p.as_of), json_string(costs.unit));
  auto result = [](const eval::DesignationResult& r) {
    return fmt::format("{{ \"total\": {}, \"max\": {}, \"path\": {}, \"attained\": {} }}", pts(r.total), pts(r.max),
                       r.path.empty() ? "null" : json_string(r.path), r.attained ? "true" : "false");
  };
  for (std::size_t i = 0; i < p.designations.size(); ++i) {
    const auto& d = p.designations[i];
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {},\n      \"before\": {},\n", i ? "," : "", json_string(d.id),
                     json_string(d.name), result(d.before));
    if (d.already_attained) {
      o += "      \"plan\": null }";
      continue;
    }
    if (!d.found) {
      o += "      \"plan\": null,\n      \"unreachable\": [";
      for (std::size_t u = 0; u < d.unreachable.size(); ++u) o += (u ? ", " : "") + json_string(d.unreachable[u]);
      o += "] }";
      continue;
    }
    o += fmt::format("      \"plan\": {{ \"total_cost\": {}, \"points\": {}, \"verified\": {},\n        \"after\": {},\n        \"actions\": [",
                     d.total_cost.to_string(6), pts(d.after.total - d.before.total), d.verified ? "true" : "false",
                     result(d.after));
    for (std::size_t s = 0; s < d.steps.size(); ++s)
      o += fmt::format(
          "{}\n          {{ \"description\": {}, \"metric\": {}, \"cost\": {}, \"points\": {},"
          " \"together\": {{ \"first\": {}, \"last\": {}, \"points\": {} }} }}",
          s ? "," : "", json_string(d.steps[s].description), json_string(d.steps[s].action.metric),
          d.steps[s].cost.to_string(6), pts(d.steps[s].points), d.steps[s].group_first + 1, d.steps[s].group_last + 1,
          pts(d.group_points(s)));
    o += " ],\n        \"edits\": " + edits_json(d.edits, 8) + " } }";
  }
  o += "\n  ],\n  \"badges\": [";
  for (std::size_t i = 0; i < p.badges.size(); ++i) {
    const auto& b = p.badges[i];
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"attained\": {}, \"missing\": [", i ? "," : "", json_string(b.id),
                     json_string(b.name), b.attained ? "true" : "false");
    for (std::size_t m = 0; m < b.missing.size(); ++m) o += (m ? ", " : "") + json_string(b.missing[m]);
    o += "] }";
  }
  o += "\n  ],\n  \"specializations\": [";
  for (std::size_t i = 0; i < p.specializations.size(); ++i) {
    const auto& s = p.specializations[i];
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"designation\": {}, \"published\": {}, \"unmet\": [", i ? "," : "",
                     json_string(s.id), json_string(s.name), json_string(s.designation), s.published ? "true" : "false");
    for (std::size_t u = 0; u < s.unmet.size(); ++u) o += (u ? ", " : "") + json_string(s.unmet[u]);
    o += "], \"would_count\": [";
    for (std::size_t u = 0; u < s.would_count.size(); ++u) o += (u ? ", " : "") + json_string(s.would_count[u]);
    o += "],\n      \"requirements\": [";
    for (std::size_t r = 0; r < s.requirements.size(); ++r) {
      const auto& q = s.requirements[r];
      o += fmt::format("{}\n        {{ \"requirement\": {}, \"at\": {}, \"would_meet\": [", r ? "," : "", json_string(q.requirement),
                       json_string(q.location));
      for (std::size_t w = 0; w < q.would_meet.size(); ++w) o += (w ? ", " : "") + json_string(q.would_meet[w]);
      o += "] }";
    }
    o += " ] }";
  }
  return o + "\n  ]\n}\n";
}

}  // namespace pcs::planner
