// Values as program managers read them in explanations.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/value.hpp"

namespace pcs::eval {

std::string display_number(const Decimal& d, Unit u, int places) {
  const auto text = d.is_negative() ? "-" + (-d).to_string(places) : d.to_string(places);
  if (u == Unit::none) return text;
  if (u == Unit::percent) return text + "%";
  return fmt::format("{} {}", text, d == Decimal::from_int(1) ? unit_singular(u) : unit_name(u));
}

std::string to_display(const Value& v) {
  switch (v.kind) {
    case Value::Kind::none: return "none";
    case Value::Kind::number: return display_number(v.number, v.unit, 6);
    case Value::Kind::boolean: return v.boolean ? "yes" : "no";
    case Value::Kind::string: return fmt::format("\"{}\"", symbols().name(v.symbol));
    case Value::Kind::path: return std::string(symbols().name(v.symbol));
    case Value::Kind::month: return format_month(v.month);
    case Value::Kind::range: return format_month(v.month) + ".." + format_month(v.month_end);
    case Value::Kind::date: return format_date(v.date);
    case Value::Kind::certification: return v.certification ? v.certification->label : "certification";
    case Value::Kind::set: {
      std::string items;
      const auto n = v.set->symbols.size() + v.set->certifications.size();
      std::size_t shown = 0;
      std::vector<std::string_view> names;
      for (auto s : v.set->symbols) names.push_back(symbols().name(s));
      std::sort(names.begin(), names.end());
      for (auto name : names) {
        if (shown++ == 8) { items += ", ..."; break; }
        items += fmt::format("{}{}", shown > 1 ? ", " : "", name);
      }
      for (const auto* c : v.set->certifications) {
        if (shown++ == 8) { items += ", ..."; break; }
        items += fmt::format("{}{}", shown > 1 ? ", " : "", c->label);
      }
      const auto count = v.unit == Unit::none ? fmt::format("{} value{}", n, n == 1 ? "" : "s")
                                              : fmt::format("{} {}", n, n == 1 ? unit_singular(v.unit) : unit_name(v.unit));
      return n == 0 ? count : count + ": " + items;
    }
    case Value::Kind::rows: {
      const auto n = v.rows->size();
      switch (v.rows->table) {
        case TableKind::usage: return fmt::format("{} usage row{}", n, n == 1 ? "" : "s");
        case TableKind::grouped: return fmt::format("{} group{}", n, n == 1 ? "" : "s");
        case TableKind::customers: return fmt::format("{} customer{}", n, n == 1 ? "" : "s");
        case TableKind::people: return fmt::format("{} {}", n, n == 1 ? "person" : "people");
        case TableKind::associations: return fmt::format("{} association{}", n, n == 1 ? "" : "s");
      }
    }
  }
  return "?";
}

}  // namespace pcs::eval
