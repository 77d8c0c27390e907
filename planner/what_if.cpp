// Before and after, side by side (planner/what_if.hpp). Both results come
// from the ordinary evaluator, on the partner and on a copy with the edits
// applied; designations and metrics are matched by id, in the rules' order.
#include "planner/what_if.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/value.hpp"
#include "planner/edits_json.hpp"

namespace pcs::planner {
namespace {

std::string pts(const Decimal& d) { return d.to_string_floor(2); }
std::string value_of(const eval::MetricResult& m) {
  return m.value ? eval::display_number(*m.value, m.value_unit, 2) : "not scorable";
}
std::string delta(const Decimal& d) {
  if (d.is_zero()) return "";
  return (d.is_negative() ? "" : "+") + pts(d);
}
bool moved(const eval::MetricResult& a, const eval::MetricResult& b) {
  return !(a.points == b.points) || a.value != b.value;
}
template <class T>
const T* find(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}
std::string yes_no(bool b) { return b ? "attained" : "not attained"; }

}  // namespace

std::string render_what_if_table(const eval::PartnerResult& before, const eval::PartnerResult& after) {
  std::string o = fmt::format("What if: {}, program {}, as of {}\n", before.partner, before.program, before.as_of);
  for (const auto& d : before.designations) {
    const auto* a = find(after.designations, d.id);
    if (!a) continue;
    o += fmt::format("\n{} ({})\n", d.name, d.id);
    o += fmt::format("  {:<30} {:>16} {:>9}   {:>16} {:>9}  {:>7}\n", "", "before", "points", "after", "points", "");
    for (const auto& m : d.metrics) {
      const auto* n = find(a->metrics, m.id);
      if (!n) continue;
      o += fmt::format("  {:<30} {:>16} {:>9}   {:>16} {:>9}  {:>7}\n", m.name, value_of(m),
                       pts(m.points) + "/" + pts(m.max), value_of(*n), pts(n->points) + "/" + pts(n->max),
                       delta(n->points - m.points));
    }
    o += fmt::format("  {:<30} {:>16} {:>9}   {:>16} {:>9}  {:>7}\n", "Total", "", pts(d.total) + "/" + pts(d.max), "",
                     pts(a->total) + "/" + pts(a->max), delta(a->total - d.total));
    o += fmt::format("  {:<30} {:>26}   {:>26}\n", "", yes_no(d.attained), yes_no(a->attained));
    if (d.path != a->path) o += fmt::format("  path: {} -> {}\n", d.path, a->path);
    for (const auto& m : d.metrics) {
      const auto* n = find(a->metrics, m.id);
      if (!n || !moved(m, *n)) continue;
      o += fmt::format("  {} moved:\n    before:\n", m.name);
      for (const auto& line : m.explain) o += "      " + line + "\n";
      o += "    after:\n";
      for (const auto& line : n->explain) o += "      " + line + "\n";
    }
  }
  for (const auto& b : before.badges)
    if (const auto* a = find(after.badges, b.id); a && a->attained != b.attained)
      o += fmt::format("\n{} badge: {} -> {}\n", b.name, yes_no(b.attained), yes_no(a->attained));
  for (const auto& s : before.specializations)
    if (const auto* a = find(after.specializations, s.id); a && a->passed != s.passed)
      o += fmt::format("\nspecialization {}: {} -> {}\n", s.name, s.passed ? "passed" : "not passed",
                       a->passed ? "passed" : "not passed");
  // No trailing blanks from the padded columns.
  std::string trimmed;
  std::size_t start = 0;
  while (start < o.size()) {
    auto end = o.find('\n', start);
    if (end == std::string::npos) end = o.size();
    auto line = o.substr(start, end - start);
    line.erase(line.find_last_not_of(' ') + 1);
    trimmed += line + (end < o.size() ? "\n" : "");
    start = end + 1;
  }
  return trimmed;
}

std::string render_what_if_json(const eval::PartnerResult& before, const eval::PartnerResult& after) {
  std::string o = fmt::format("{{\n  \"partner\": {},\n  \"as_of\": {},\n  \"program\": {},\n  \"designations\": [",
                              json_string(before.partner), json_string(before.as_of), json_string(before.program));
  auto side = [](const eval::DesignationResult& r) {
    return fmt::format("{{ \"total\": {}, \"max\": {}, \"path\": {}, \"attained\": {} }}", pts(r.total), pts(r.max),
                       r.path.empty() ? "null" : json_string(r.path), r.attained ? "true" : "false");
  };
  auto lines = [](const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + json_string(v[i]);
    return s + "]";
  };
  bool first = true;
  for (const auto& d : before.designations) {
    const auto* a = find(after.designations, d.id);
    if (!a) continue;
    o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {},\n      \"before\": {},\n      \"after\": {},\n      \"metrics\": [",
                     first ? "" : ",", json_string(d.id), json_string(d.name), side(d), side(*a));
    first = false;
    bool first_metric = true;
    for (const auto& m : d.metrics) {
      const auto* n = find(a->metrics, m.id);
      if (!n) continue;
      const bool mv = moved(m, *n);
      o += fmt::format("{}\n        {{ \"id\": {}, \"moved\": {}, \"before\": {{ \"value\": {}, \"points\": {} }}, "
                       "\"after\": {{ \"value\": {}, \"points\": {} }}",
                       first_metric ? "" : ",", json_string(m.id), mv ? "true" : "false",
                       m.value ? m.value->to_string(6) : "null", pts(m.points), n->value ? n->value->to_string(6) : "null",
                       pts(n->points));
      first_metric = false;
      if (mv) o += fmt::format(",\n          \"explain_before\": {},\n          \"explain_after\": {}", lines(m.explain), lines(n->explain));
      o += " }";
    }
    o += " ] }";
  }
  o += "\n  ],\n  \"badges\": [";
  for (std::size_t i = 0; i < before.badges.size(); ++i) {
    const auto* a = find(after.badges, before.badges[i].id);
    o += fmt::format("{}\n    {{ \"id\": {}, \"before\": {}, \"after\": {} }}", i ? "," : "", json_string(before.badges[i].id),
                     before.badges[i].attained ? "true" : "false", a && a->attained ? "true" : "false");
  }
  o += "\n  ],\n  \"specializations\": [";
  bool first_s = true;
  for (const auto& s : before.specializations) {
    const auto* a = find(after.specializations, s.id);
    if (!a || !s.published) continue;
    o += fmt::format("{}\n    {{ \"id\": {}, \"before\": {}, \"after\": {} }}", first_s ? "" : ",", json_string(s.id),
                     s.passed ? "true" : "false", a->passed ? "true" : "false");
    first_s = false;
  }
  return o + "\n  ]\n}\n";
}

}  // namespace pcs::planner
