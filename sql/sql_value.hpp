// What an expression of the rules becomes in SQL: a value of the same type,
// written as SQL over the partner being scored (the alias `s`, a row of the
// scope table with partner_id, as_of and the partner's attributes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/ast.hpp"
#include "sql/exact_number.hpp"

namespace pcs::sql {

struct SqlValue {
  enum class Kind { number, boolean, text, month, range, date, set, cert_set, rows, none };
  Kind kind = Kind::none;
  ExactNumber number;       // number
  std::string sql;          // boolean, text (NULL: none), month, date, range (first month),
                            // set (a query of one column `elem`), rows (a query of the table's columns)
  std::string last;         // range: last month
  bool literal = false;     // set: known when compiling, in `items`
  std::vector<std::string> items;  // literal set: the texts, sorted, each once
  std::vector<const ast::CertRequirement*> certs;  // cert_set (a single certification too)
  TableKind table = TableKind::usage;  // rows
  std::uint16_t keys = 0;              // grouped rows: Field bits
  bool reads_data = false;             // contains a subquery over the partner's rows

  bool is_constant() const { return kind == Kind::number ? number.constant.has_value() : literal || kind == Kind::cert_set; }
};

/// A construct the SQL compiler has no form for, at the rule that uses it.
struct Refusal {
  Refusal(SourcePos p, std::string c, std::string w = {}) : pos(std::move(p)), construct(std::move(c)), why(std::move(w)) {}
  SourcePos pos;
  std::string construct;  // "coverage()"
  std::string why;        // optional detail
};

/// The columns a row query of `table` has, in order (grouped: its keys, then value).
std::vector<std::string> row_columns(TableKind table, std::uint16_t keys);

}  // namespace pcs::sql
