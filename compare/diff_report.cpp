// Rendering a version comparison (see diff_report.hpp).
#include "compare/diff_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/json_text.hpp"

namespace pcs::compare {

namespace {

const std::vector<std::string> buckets = {"-30 or less", "-29 to -10", "-9 to -1", "0", "+1 to +9", "+10 to +29", "+30 or more"};

std::string total_text(const std::optional<Decimal>& d) { return d ? d->to_string_floor(2) : "-"; }

std::string list(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "none" : s;
}

}  // namespace

std::vector<const PartnerChange*> most_affected(const DesignationDiff& d, std::size_t top) {
  std::vector<const PartnerChange*> changed;
  for (const auto& c : d.changes)
    if (!c.delta().is_zero() || c.old_attained != c.new_attained) changed.push_back(&c);
  std::stable_sort(changed.begin(), changed.end(), [](const auto* a, const auto* b) {
    auto magnitude = [](const Decimal& x) { return x.is_negative() ? -x : x; };
    return magnitude(a->delta()) > magnitude(b->delta());
  });
  if (changed.size() > top) changed.resize(top);
  return changed;
}

std::string render_diff_table(const VersionDiff& v, std::size_t top) {
  std::string o = fmt::format("pcs diff: program {} -> {} on {} partner{}\n", v.old_program, v.new_program, v.partners,
                              v.partners == 1 ? "" : "s");
  for (const auto& d : v.designations) {
    o += fmt::format("\n{}\n", d.name);
    if (!d.in_old) o += fmt::format("  only in {}\n", v.new_program);
    if (!d.in_new) o += fmt::format("  only in {}\n", v.old_program);
    o += fmt::format("  attained by {} -> {} partners; gain it: {}; lose it: {}\n", d.attained_before, d.attained_after,
                     list(d.gained), list(d.lost));
    o += fmt::format("  partners whose score or verdict changed: {} of {}\n", d.changed, d.partners);
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

std::string render_diff_json(const VersionDiff& v, std::size_t top) {
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

}  // namespace pcs::compare
