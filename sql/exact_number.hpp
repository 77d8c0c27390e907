// Exact rationals as SQL integer expressions. The interpreter's Decimal is a
// rational num/den; in SQL every number is the same pair of integer
// expressions, the denominator always above 0, and kept as a compile-time
// constant whenever it is one (so sums and comparisons stay simple). No
// DOUBLE and no decimal division ever appear: a quotient is a new pair, and
// the only division done in SQL is floor(num / den), written with integer
// operations whose results are exact in every engine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/decimal.hpp"
#include "sql/dialect.hpp"

namespace pcs::sql {

struct ExactNumber {
  std::string num;                             // SQL integer expression
  std::string den;                             // SQL integer expression, > 0
  std::optional<Decimal::int128> const_den;    // den when it is a constant
  std::optional<Decimal> constant;             // the whole number when it is a constant
  bool reads_data = false;                     // contains a subquery
};

/// Arithmetic and comparisons over ExactNumber, printing SQL for a dialect.
class Arithmetic {
 public:
  explicit Arithmetic(Dialect d) : d_(d) {}

  ExactNumber literal(const Decimal& v) const;
  /// An integer SQL expression (a count, a month difference) over 1.
  ExactNumber integer(std::string sql, bool reads_data) const;
  /// An integer number of millionths (a data value or a sum of them).
  ExactNumber millionths(std::string sql, bool reads_data) const;

  ExactNumber add(const ExactNumber& a, const ExactNumber& b, bool subtract = false) const;
  ExactNumber negate(const ExactNumber& a) const;
  ExactNumber multiply(const ExactNumber& a, const ExactNumber& b) const;
  /// a / b. The caller guarantees b != 0 where the result is used (the
  /// interpreter reports an error there; see docs/sql.md).
  ExactNumber divide(const ExactNumber& a, const ExactNumber& b) const;
  /// floor(a) as a number over 1.
  ExactNumber floor(const ExactNumber& a) const;
  /// SQL condition `a OP b` for OP in == != < <= > >=.
  std::string compare(const ExactNumber& a, const std::string& op, const ExactNumber& b) const;
  /// CASE WHEN conds[i] THEN values[i] ... ELSE otherwise END.
  ExactNumber choose(const std::vector<std::string>& conds, const std::vector<ExactNumber>& values,
                     const ExactNumber& otherwise) const;
  ExactNumber min(const ExactNumber& a, const ExactNumber& b) const;
  ExactNumber max(const ExactNumber& a, const ExactNumber& b) const;

  /// SQL for floor(num / den) (den > 0), exact for negative numerators too.
  std::string floor_div(const std::string& num, const std::string& den) const;
  /// The figure as the interpreter prints it, as DECIMAL(38, places):
  /// rounded toward minus infinity to `places` digits (Decimal::to_string_floor).
  std::string to_decimal(const ExactNumber& a, int places) const;

  const Dialect& dialect() const { return d_; }

 private:
  std::string cast_int(const std::string& sql) const;
  Dialect d_;
};

/// The decimal digits of a 128-bit integer.
std::string int128_text(Decimal::int128 v);

}  // namespace pcs::sql
