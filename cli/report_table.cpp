// The terminal table of evaluation results.
#include <fmt/format.h>

#include "cli/report.hpp"
#include "interpreter/value.hpp"

namespace pcs::cli {

namespace {

std::string pts(const Decimal& d) { return d.to_string_floor(2); }

std::string value_text(const eval::MetricResult& m) {
  return m.value ? eval::display_number(*m.value, m.value_unit, 2) : "not scorable";
}

}  // namespace

std::string render_table(const eval::PartnerResult& r, bool explain) {
  std::string o = fmt::format("Partner {}  ·  as of {}  ·  program {}\n", r.partner, r.as_of, r.program);
  for (const auto& d : r.designations) {
    o += "\n";
    const auto verdict = !d.error.empty() ? "ERROR" : d.attained ? "ATTAINED" : "not attained";
    o += fmt::format("{}\n", d.name);
    o += fmt::format("  {} · total {} / {}{}\n", verdict, pts(d.total), pts(d.max),
                     d.path.empty() ? "" : fmt::format(" · path {}", d.path));
    if (!d.error.empty()) o += fmt::format("  error: {}\n", d.error);
    if (!d.attained || explain)
      for (const auto& line : d.explain) o += fmt::format("  {}\n", line);
    o += fmt::format("  {:<44} {:>16} {:>15}\n", "", "value", "points");
    for (const auto& c : d.categories) {
      o += fmt::format("  {:<44} {:>16} {:>15}\n", c.name, "", pts(c.points) + " / " + pts(c.max));
      for (const auto& m : d.metrics) {
        if (m.category != c.id) continue;
        o += fmt::format("    {:<42} {:>16} {:>15}\n", m.name, value_text(m), pts(m.points) + " / " + pts(m.max));
        if (!m.error.empty()) o += fmt::format("        error: {}\n", m.error);
        if (explain)
          for (const auto& line : m.explain) o += fmt::format("        {}\n", line);
      }
    }
  }
  if (!r.badges.empty()) o += "\nBadges\n";
  for (const auto& b : r.badges)
    o += fmt::format("  {:<60} {}\n", b.name, !b.error.empty() ? "ERROR: " + b.error : b.attained ? "EARNED" : "not earned");
  if (!r.specializations.empty()) o += "\nSpecializations\n";
  for (const auto& s : r.specializations) {
    o += fmt::format("  {:<60} {}\n", s.name,
                     !s.error.empty() ? "ERROR: " + s.error
                     : !s.published   ? "requirements not published"
                     : s.passed       ? "PASSED"
                                      : "not passed");
    if (s.published && (!s.passed || explain))
      for (const auto& line : s.explain)
        if (explain || line.find("NOT met") != std::string::npos || line.ends_with(": no"))
          o += fmt::format("      {}\n", line);
  }
  return o;
}

}  // namespace pcs::cli
