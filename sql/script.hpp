// `pcs sql`: a checked ruleset compiled to one SQL script. The typed-table
// prelude (prelude.hpp), then one query: a CTE per let that reads data (named
// as in the rules, its file and line in a comment), per metric and per
// designation, and a final SELECT of one row per partner, designation and
// metric with the columns
//   partner, designation, path, total, designation_max, attained,
//   metric, category, value, points, metric_max.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "common/diagnostics.hpp"
#include "interpreter/ruleset.hpp"
#include "sql/dialect.hpp"

namespace pcs::sql {

/// Which results the script's final SELECT gives: the designations' metric
/// rows, or the badges and specializations (sql/awards.hpp).
enum class Part { scores, awards };

struct Options {
  Dialect dialect;
  std::optional<MonthIndex> as_of;
  std::vector<std::string> designations;  // empty: every designation
  Part part = Part::scores;
};

/// One CTE and the rule it came from, for --explain.
struct CteOrigin {
  std::string cte;
  std::string what;  // "let eligible_acr", "metric usage_growth of data-ai"
  SourcePos pos;
};

struct Script {
  std::string sql;
  std::vector<CteOrigin> origins;
  std::vector<std::string> attributes;  // partners.csv columns the rules read
  /// Awards part: the badges and specializations left out because a rule of
  /// theirs has no SQL form (each reported as a warning in `out`).
  std::vector<std::string> left_out;
};

/// Compiles the designations of `ruleset` (checked). A construct without a
/// SQL form in a designation is reported in `out` (code "no-sql-form", at its
/// position) and nothing is returned. With Part::awards, the badges and
/// specializations are compiled too (those the interpreter reports for the
/// same --designation filter); one with a construct without SQL form is left
/// out, with a warning at its position.
std::optional<Script> compile(const Ruleset& ruleset, const Options& options, Diagnostics& out);

/// The --explain text: which rule became which CTE.
std::string explain(const Script& script);

}  // namespace pcs::sql
