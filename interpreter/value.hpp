// Runtime values of the evaluator. Rows are selections (index vectors) over
// the partner's column tables, or small grouped tables, never copies of rows.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "common/decimal.hpp"
#include "common/symbols.hpp"
#include "interpreter/ast.hpp"
#include "interpreter/types.hpp"

namespace pcs::eval {

/// A selection of rows of one table. For the usage, customers and people
/// tables `index` holds row numbers; a grouped table owns its columns.
struct RowSet {
  TableKind table = TableKind::usage;
  std::vector<std::uint32_t> index;
  // Grouped rows: one column per key field (symbols, or months), and the sums.
  std::uint16_t keys = 0;
  std::array<std::vector<std::int64_t>, static_cast<std::size_t>(Field::count_)> key_columns;
  std::vector<std::int64_t> sums;  // exact millionths

  std::size_t size() const { return table == TableKind::grouped ? sums.size() : index.size(); }
};

/// A set of text values (sorted symbols) or of certification requirements.
struct SetValue {
  std::vector<Symbol> symbols;
  std::vector<const ast::CertRequirement*> certifications;
};

struct Value {
  enum class Kind : std::uint8_t { none, number, boolean, string, month, range, date, set, rows, certification, path };
  Kind kind = Kind::none;
  Unit unit = Unit::none;
  bool boolean = false;
  Symbol symbol = no_symbol;      // string, path id
  MonthIndex month = 0, month_end = 0;
  DayNumber date = 0;
  Decimal number;
  std::shared_ptr<const SetValue> set;
  std::shared_ptr<const RowSet> rows;
  const ast::CertRequirement* certification = nullptr;

  static Value none() { return {}; }
  static Value of_number(Decimal d, Unit u) { Value v; v.kind = Kind::number; v.number = d; v.unit = u; return v; }
  static Value of_bool(bool b) { Value v; v.kind = Kind::boolean; v.boolean = b; return v; }
  static Value of_string(Symbol s) { Value v; v.kind = s == no_symbol ? Kind::none : Kind::string; v.symbol = s; return v; }
  static Value of_month(MonthIndex m) { Value v; v.kind = Kind::month; v.month = m; v.month_end = m; return v; }
  static Value of_range(MonthIndex a, MonthIndex b) { Value v; v.kind = Kind::range; v.month = a; v.month_end = b; return v; }
  static Value of_set(std::shared_ptr<const SetValue> s, Unit u) { Value v; v.kind = Kind::set; v.set = std::move(s); v.unit = u; return v; }
  static Value of_rows(std::shared_ptr<const RowSet> r, Unit u) { Value v; v.kind = Kind::rows; v.rows = std::move(r); v.unit = u; return v; }
};

/// "5 customers", "1250.1 USD", "19.5%", "2024-06", "3 services: A, B, C".
std::string to_display(const Value& v);

/// A number with its unit: exact when it has at most `places` decimals,
/// otherwise cut toward zero ("-32.061068%", "1 person", "1000.000001 USD").
std::string display_number(const Decimal& d, Unit u, int places);

}  // namespace pcs::eval
