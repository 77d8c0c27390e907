// What the rules say would count, read from the checked AST of one metric
// (or specialization body): the certifications its `people holding` and
// `coverage` name, the usage queries it reads (measure, the constant filters
// of their `where`s, the month windows, the fields they group by) and the
// numbers it compares with (thresholds, targets). Nothing here knows a metric
// id or a designation name: a new program version changes the facts by
// changing the rule files. planner/actions.cpp turns facts into actions.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/decimal.hpp"
#include "common/symbols.hpp"
#include "interpreter/ast.hpp"
#include "interpreter/types.hpp"

namespace pcs::planner {

/// The constant filters a query puts on one field of its rows.
struct FieldFilter {
  std::optional<std::vector<Symbol>> allowed;  // `field in {...}` / `field == "x"` (intersected)
  std::set<Symbol> excluded;                    // `field not in {...}` / `field != "x"`
  bool keyed = false;                           // grouped by or counted distinct: each new value counts
  bool operator==(const FieldFilter&) const = default;
};

/// One query over the usage rows of a measure: the filters along its chain
/// of `where`s, and the months they read (offsets from the as-of month).
struct UsageQuery {
  Symbol measure = no_symbol;
  std::map<Field, FieldFilter> filters;
  std::set<int> month_offsets;  // months named by `month == m` / `month in a .. b` (ends of ranges)
  std::string text;             // the query as it reads, for explanations: "acr where association in {...}"
  bool operator<(const UsageQuery& o) const;
};

/// A person who would count: every code of every requirement in `all`.
struct PersonTemplate {
  std::vector<const ast::CertRequirement*> all;
  std::string label() const;  // "AZ-104", "MS-500 + AZ-500 + SC-200"
  std::vector<Symbol> codes() const;
};

/// What one metric (or specialization body) reads.
struct Facts {
  std::vector<PersonTemplate> people;
  std::vector<UsageQuery> queries;
  std::set<Decimal> numbers;           // every positive number constant the metric compares or targets
  std::set<std::string> attributes;    // partner attributes it reads (attested facts: no action of the data)
  bool reads_market = false;           // partner.market: not something an action changes
};

/// Reads the facts of a metric: its lets, requires, value, `when` and score
/// form, following lets and function bodies (with their arguments bound).
Facts metric_facts(const ast::MetricDecl& metric);

/// The facts of one expression (a `require` condition), read as metric_facts reads a metric.
Facts expression_facts(const ast::Expr& e);

/// The designation ids that `attained("...")` reads in an expression (badges).
std::vector<std::string> attained_reads(const ast::Expr& e);

}  // namespace pcs::planner
