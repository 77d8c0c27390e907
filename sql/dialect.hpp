// Everything that differs between the SQL engines pcs compiles to, in one
// place: integer types, exact integer division, pattern matching, null-safe
// equality and how temporary tables are made. The compilers ask the dialect
// and never spell an engine-specific construct themselves.
#pragma once

#include <string>
#include <string_view>

namespace pcs::sql {

enum class Engine { duckdb, postgres, spark };

struct Dialect {
  Engine engine = Engine::duckdb;

  static Dialect from_name(std::string_view name);  // "duckdb" | "postgres" | "spark"
  std::string_view name() const;

  /// The exact integer type of numerators and denominators: DuckDB HUGEINT
  /// (128 bits), PostgreSQL NUMERIC (unbounded), Spark DECIMAL(38,0).
  std::string int_type() const;
  /// `a / b` where b divides a exactly (a truncating integer division in
  /// every engine; plain `/` would give DOUBLE in DuckDB).
  std::string exact_div(const std::string& a, const std::string& b) const;
  /// True when `text` matches the whole regular expression `pattern`.
  std::string full_match(const std::string& text, const std::string& pattern) const;
  /// `a == b` where either may be NULL (none == none is true).
  std::string same(const std::string& a, const std::string& b) const;
  /// `CREATE ... name AS query;` for a derived table the script builds.
  std::string create_table(const std::string& name, const std::string& query) const;
  /// A text column type for casts of NULL.
  std::string text_type() const;
  /// A decimal with `places` fraction digits, for the reported figures.
  std::string decimal_type(int places) const;
  /// `FROM a CROSS JOIN LATERAL (q) x`: a correlated table expression.
  std::string lateral(const std::string& query, const std::string& alias) const;
  /// -1 when x < 0, else 1, as an integer (Spark's sign() is a DOUBLE).
  std::string sign(const std::string& x) const;
  /// Keyword after WITH name AS (none needed yet: PostgreSQL gets tables, script.cpp).
  std::string cte_hint() const;
};

/// 'text' with quotes doubled (and backslashes doubled for Spark).
std::string quote(const Dialect& d, std::string_view text);

}  // namespace pcs::sql
