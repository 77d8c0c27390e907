// The engine differences (dialect.hpp). Checked on DuckDB 1.5 and
// PostgreSQL 15; Spark from its SQL reference (docs/sql.md says which).
#include "sql/dialect.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace pcs::sql {

Dialect Dialect::from_name(std::string_view name) {
  if (name == "duckdb") return {Engine::duckdb};
  if (name == "postgres") return {Engine::postgres};
  if (name == "spark") return {Engine::spark};
  throw std::invalid_argument("unknown SQL dialect");
}

std::string_view Dialect::name() const {
  switch (engine) {
    case Engine::duckdb: return "duckdb";
    case Engine::postgres: return "postgres";
    case Engine::spark: return "spark";
  }
  return "duckdb";
}

std::string Dialect::int_type() const {
  switch (engine) {
    case Engine::duckdb: return "HUGEINT";
    case Engine::postgres: return "NUMERIC";
    case Engine::spark: return "DECIMAL(38,0)";
  }
  return "HUGEINT";
}

std::string Dialect::exact_div(const std::string& a, const std::string& b) const {
  switch (engine) {
    case Engine::duckdb: return fmt::format("(({}) // ({}))", a, b);
    case Engine::postgres: return fmt::format("div({}, {})", a, b);
    case Engine::spark: return fmt::format("(({}) div ({}))", a, b);
  }
  return {};
}

std::string Dialect::full_match(const std::string& text, const std::string& pattern) const {
  switch (engine) {
    case Engine::duckdb: return fmt::format("regexp_full_match({}, '{}')", text, pattern);
    case Engine::postgres: return fmt::format("({} ~ '^{}$')", text, pattern);
    case Engine::spark: return fmt::format("({} RLIKE '^{}$')", text, pattern);
  }
  return {};
}

std::string Dialect::same(const std::string& a, const std::string& b) const {
  if (engine == Engine::spark) return fmt::format("({} <=> {})", a, b);
  return fmt::format("({} IS NOT DISTINCT FROM {})", a, b);
}

std::string Dialect::create_table(const std::string& name, const std::string& query) const {
  switch (engine) {
    case Engine::duckdb: return fmt::format("CREATE OR REPLACE TEMP TABLE {} AS\n{};\n", name, query);
    case Engine::postgres: return fmt::format("DROP TABLE IF EXISTS {0};\nCREATE TEMP TABLE {0} AS\n{1};\n", name, query);
    case Engine::spark: return fmt::format("CREATE OR REPLACE TEMPORARY VIEW {} AS\n{};\n", name, query);
  }
  return {};
}

std::string Dialect::text_type() const { return engine == Engine::spark ? "STRING" : "VARCHAR"; }

std::string Dialect::decimal_type(int places) const { return fmt::format("DECIMAL(38,{})", places); }

std::string Dialect::lateral(const std::string& query, const std::string& alias) const {
  return fmt::format("CROSS JOIN LATERAL ({}) {}", query, alias);
}

std::string Dialect::sign(const std::string& x) const {
  if (engine == Engine::spark) return fmt::format("(CASE WHEN {} < 0 THEN -1 ELSE 1 END)", x);
  return fmt::format("sign({})", x);
}

std::string Dialect::cte_hint() const { return ""; }

std::string quote(const Dialect& d, std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\\' && d.engine == Engine::spark) out += "\\\\";
    else out += c;
  }
  return out + "'";
}

}  // namespace pcs::sql
