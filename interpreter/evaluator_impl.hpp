// The evaluator's internal state, shared by eval_expr.cpp (expressions),
// eval_query.cpp (rows: where, by, distinct, holding) and eval_score.cpp
// (metrics, designations).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/evaluator.hpp"
#include "interpreter/value.hpp"

namespace pcs::eval::detail {

/// A problem found while evaluating, at the rule that caused it.
struct EvalError {
  SourcePos pos;
  std::string message;
};

/// The row a field reads: row `i` of a selection.
struct Frame {
  const RowSet* rows;
  std::size_t i;
};

class Evaluator {
 public:
  Evaluator(const Ruleset& ruleset, const data::Partner& partner, MonthIndex as_of);

  DesignationResult run_designation(const ast::DesignationDecl& d);
  Value eval(const ast::Expr& e);
  bool eval_bool(const ast::Expr& e) { return eval(e).boolean; }

  // Queries (eval_query.cpp).
  Value eval_where(const ast::Expr& e);
  Value eval_group_by(const ast::Expr& e);
  Value eval_distinct(const ast::Expr& e);
  Value eval_holding(const ast::Expr& e);
  Value eval_usage(const ast::Expr& e);
  Value eval_sum(const ast::Expr& e);
  Value eval_count(const ast::Expr& e);
  Value all_rows(TableKind table) const;
  Value field_value(const Frame& f, Field field) const;
  bool holds(const data::Person& p, const ast::CertRequirement& r) const;

 private:
  Value eval_name(const ast::Expr& e);
  Value eval_call(const ast::Expr& e);
  Value eval_let(const ast::LetDecl& let, const ast::Expr& at);
  Value eval_function(const ast::LetDecl& fn, const ast::Expr& call);
  Value eval_binary(const ast::Expr& e);
  Value eval_set(const ast::Expr& e);
  void trace(const std::string& label, const Value& v);

  // Scoring (eval_score.cpp).
  MetricResult run_metric(const ast::MetricDecl& m);
  Decimal score(const ast::ScoreForm& f, const Decimal& value, Unit unit, const Decimal& max, std::vector<std::string>& explain);
  Symbol choose_path(const ast::DesignationDecl& d);

 public:
  const Ruleset& ruleset_;
  const data::Partner& partner_;
  MonthIndex as_of_;
  std::vector<Symbol> usage_tenant_;  // tenant symbol of each usage row

  // Context of the designation and metric being evaluated.
  const ast::DesignationDecl* designation_ = nullptr;
  Symbol path_ = no_symbol;
  bool choosing_path_ = false;
  const ast::MetricDecl* metric_ = nullptr;
  std::optional<Value> metric_value_;
  Decimal total_;
  const std::vector<MetricResult>* metric_results_ = nullptr;

  std::vector<Frame> frames_;
  std::vector<const std::vector<Value>*> args_;

  // Caches: partner-level lets and calls, designation-level and metric-level lets.
  std::unordered_map<const ast::LetDecl*, Value> global_cache_, designation_cache_, metric_cache_;
  std::map<std::pair<const ast::LetDecl*, std::string>, Value> call_cache_;

  // Explanations of the metric being evaluated.
  std::vector<std::string>* trace_ = nullptr;
  int trace_depth_ = 0;
};

/// "eligible_customers(2024-06)" for a call, "eligible_acr" for a name.
std::string call_label(const ast::Expr& call, const std::vector<Value>& args);

}  // namespace pcs::eval::detail
