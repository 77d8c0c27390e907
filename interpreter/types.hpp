// Static types and units of the rules language. Units are part of a number's
// type: the checker rejects `1000 USD + 2 people` before anything runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pcs {

enum class Unit : std::uint8_t {
  none, usd, percent, points, people, customers, services, months, seats, users, units,
  workloads, products
};

/// Accepts plural and singular spellings: "USD", "%", "points"/"point", "people"/"person", ...
std::optional<Unit> unit_from_name(std::string_view name);
/// Display name: "USD", "%", "points", "people", "customers", ...
std::string_view unit_name(Unit u);
/// Singular form for "per customer": "USD", "%", "point", "person", "customer", ...
std::string_view unit_singular(Unit u);

/// Columns of the tables a query can range over.
enum class Field : std::uint8_t {
  tenant, month, measure, value, service, service_group, workload, product, offer,
  association, area, segment, person, since, service_level_4, service_influencer, count_
};
std::optional<Field> field_from_name(std::string_view name);
std::string_view field_name(Field f);
/// The unit of counting distinct values of a field: tenant -> customers, service -> services.
Unit count_unit(Field f);

enum class TableKind : std::uint8_t { usage, grouped, customers, people, associations };

enum class TypeKind : std::uint8_t {
  error, number, boolean, string, month, month_range, date, set, rows, certification, path, none
};

struct Type {
  TypeKind kind = TypeKind::error;
  Unit unit = Unit::none;            // number: its unit; set: unit of count(); rows: unit of `value`
  TypeKind element = TypeKind::error;// set: string | certification
  TableKind table = TableKind::usage;// rows
  std::uint16_t keys = 0;            // grouped rows: bit per Field kept as a key

  static Type error() { return {}; }
  static Type number(Unit u = Unit::none) { Type t; t.kind = TypeKind::number; t.unit = u; return t; }
  static Type of(TypeKind k) { Type t; t.kind = k; return t; }
  static Type set_of(TypeKind element, Unit count_unit) {
    Type t; t.kind = TypeKind::set; t.element = element; t.unit = count_unit; return t;
  }
  static Type rows(TableKind table, Unit value_unit, std::uint16_t keys = 0) {
    Type t; t.kind = TypeKind::rows; t.table = table; t.unit = value_unit; t.keys = keys; return t;
  }

  bool is(TypeKind k) const { return kind == k; }
  bool has_field(Field f) const;
  friend bool operator==(const Type&, const Type&) = default;
};

/// Plain words for messages: "a number in USD", "a plain number", "usage rows", "a set of text".
std::string describe(const Type& t);

}  // namespace pcs
