// Names of units and fields, and plain-words descriptions of types.
#include "interpreter/types.hpp"

#include <array>

namespace pcs {

namespace {

struct UnitNames {
  Unit unit;
  std::string_view plural;
  std::string_view singular;
};

constexpr std::array<UnitNames, 13> unit_table{{
    {Unit::none, "", ""},
    {Unit::usd, "USD", "USD"},
    {Unit::percent, "%", "%"},
    {Unit::points, "points", "point"},
    {Unit::people, "people", "person"},
    {Unit::customers, "customers", "customer"},
    {Unit::services, "services", "service"},
    {Unit::months, "months", "month"},
    {Unit::seats, "seats", "seat"},
    {Unit::users, "users", "user"},
    {Unit::units, "units", "unit"},
    {Unit::workloads, "workloads", "workload"},
    {Unit::products, "products", "product"},
}};

struct FieldInfo {
  Field field;
  std::string_view name;
  Unit count_unit;
};

constexpr std::array<FieldInfo, 16> field_table{{
    {Field::tenant, "tenant", Unit::customers},
    {Field::month, "month", Unit::months},
    {Field::measure, "measure", Unit::none},
    {Field::value, "value", Unit::none},
    {Field::service, "service", Unit::services},
    {Field::service_group, "service_group", Unit::none},
    {Field::workload, "workload", Unit::workloads},
    {Field::product, "product", Unit::products},
    {Field::offer, "offer", Unit::none},
    {Field::association, "association", Unit::none},
    {Field::area, "area", Unit::none},
    {Field::segment, "segment", Unit::none},
    {Field::person, "person", Unit::people},
    {Field::since, "since", Unit::months},
    {Field::service_level_4, "service_level_4", Unit::services},
    {Field::service_influencer, "service_influencer", Unit::none},
}};

}  // namespace

std::optional<Unit> unit_from_name(std::string_view name) {
  for (const auto& u : unit_table)
    if (u.unit != Unit::none && (name == u.plural || name == u.singular)) return u.unit;
  return std::nullopt;
}

std::string_view unit_name(Unit u) { return unit_table[static_cast<std::size_t>(u)].plural; }
std::string_view unit_singular(Unit u) { return unit_table[static_cast<std::size_t>(u)].singular; }

std::optional<Field> field_from_name(std::string_view name) {
  for (const auto& f : field_table)
    if (f.name == name) return f.field;
  return std::nullopt;
}

std::string_view field_name(Field f) { return field_table[static_cast<std::size_t>(f)].name; }
Unit count_unit(Field f) { return field_table[static_cast<std::size_t>(f)].count_unit; }

bool Type::has_field(Field f) const {
  if (kind != TypeKind::rows) return false;
  switch (table) {
    case TableKind::usage:
      return f != Field::segment && f != Field::person && f != Field::since;
    case TableKind::grouped:
      return f == Field::value || (keys & (1u << static_cast<unsigned>(f))) != 0;
    case TableKind::customers:
      return f == Field::tenant || f == Field::segment;
    case TableKind::people:
      return f == Field::person;
    case TableKind::associations:
      return f == Field::tenant || f == Field::association || f == Field::since;
  }
  return false;
}

std::string describe(const Type& t) {
  switch (t.kind) {
    case TypeKind::error: return "an invalid value";
    case TypeKind::number:
      return t.unit == Unit::none ? "a plain number" : "a number in " + std::string(unit_name(t.unit));
    case TypeKind::boolean: return "a condition (true or false)";
    case TypeKind::string: return "text";
    case TypeKind::month: return "a month";
    case TypeKind::month_range: return "a range of months";
    case TypeKind::date: return "a date";
    case TypeKind::set:
      return t.element == TypeKind::certification ? "a set of certifications" : "a set of text values";
    case TypeKind::rows:
      switch (t.table) {
        case TableKind::usage: return "usage rows";
        case TableKind::grouped: return "grouped usage rows";
        case TableKind::customers: return "customers";
        case TableKind::people: return "people";
        case TableKind::associations: return "associations";
      }
      return "rows";
    case TypeKind::certification: return "a certification";
    case TypeKind::path: return "a path";
    case TypeKind::none: return "none";
  }
  return "a value";
}

}  // namespace pcs
