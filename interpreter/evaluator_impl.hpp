// The evaluator's internal state, shared by eval_expr.cpp (expressions),
// eval_query.cpp (rows: by, distinct, holding), eval_where.cpp (where) and eval_score.cpp
// (metrics, designations).
#pragma once

#include <chrono>
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

/// A memoised let or call: its value and the named figures it was computed
/// from, so an explanation can show them even when the value is reused.
struct ColumnTest;
struct Predicate;

struct Cached {
  Value value;
  std::vector<std::string> inputs;
};

/// The row a field reads: row `i` of a selection.
struct Frame {
  const RowSet* rows;
  std::size_t i;
};

class Evaluator {
 public:
  Evaluator(const Ruleset& ruleset, const PartnerView& view, MonthIndex as_of);

  DesignationResult run_designation(const ast::DesignationDecl& d);
  BadgeResult run_badge(const ast::BadgeDecl& b);
  SpecializationResult run_specialization(const ast::SpecializationDecl& s);
  std::map<std::string, bool, std::less<>> attained_;  // designation id -> attained, for badges and specializations
  Value eval(const ast::Expr& e);
  /// Starts the time budget of Options::limit_ms (0: none).
  void set_time_budget(std::uint32_t limit_ms);
  /// Options::explain: false skips the explanation's figures (note()).
  void set_explain(bool explain) { explain_ = explain; }
  bool eval_bool(const ast::Expr& e) { return eval(e).boolean; }
  /// A top-level let's value and inputs, outside any metric (eval_let.cpp).
  Cached eval_global_let(const ast::LetDecl& let);

  // Queries (eval_query.cpp).
  Value eval_where(const ast::Expr& e);
  Value eval_group_by(const ast::Expr& e);
  Value eval_distinct(const ast::Expr& e);
  Value eval_holding(const ast::Expr& e);
  Value eval_usage(const ast::Expr& e);
  Value eval_sum(const ast::Expr& e);
  Value eval_count(const ast::Expr& e);
  Value eval_sum_of(const ast::Expr& e);
  Value eval_coverage(const ast::Expr& e);
  Value all_rows(TableKind table) const;
  Value field_value(const Frame& f, Field field) const;
  bool holds(const data::Person& p, const ast::CertRequirement& r) const;
  // A `where` condition as column tests (eval_where.cpp).
  bool compile_test(const ast::Expr& c, int level, ColumnTest& t);
  Predicate compile_nested(const ast::Expr& c, int level);
  bool holds_for_row(const Predicate& p, const RowSet& in, std::size_t i);
  void keep_passing(const RowSet& in, const ColumnTest& t, std::vector<std::uint32_t>& kept) const;

 private:
  Value eval_name(const ast::Expr& e);
  Value eval_call(const ast::Expr& e);
  Value eval_let(const ast::LetDecl& let, const ast::Expr& at);
  Value eval_function(const ast::LetDecl& fn, const ast::Expr& call);
  Value eval_binary(const ast::Expr& e);
  Value eval_set(const ast::Expr& e);
  /// Evaluates a let or function body in its own scope (no row frames),
  /// collecting the named figures it uses into `inputs`.
  Value eval_body(const ast::Expr& body, const std::vector<Value>* args, std::vector<std::string>& inputs);
  /// Records that `label` was used: as an input of the body being evaluated,
  /// or, directly in a metric, as an explanation line followed by its inputs.
  void note(const std::string& label, const Cached& c);

  // Scoring (eval_score.cpp).
  MetricResult run_metric(const ast::MetricDecl& m);
  Decimal score(const ast::ScoreForm& f, const Decimal& value, Unit unit, const Decimal& max, std::vector<std::string>& explain);
  Symbol choose_path(const ast::DesignationDecl& d);

 public:
  const Ruleset& ruleset_;
  const data::Partner& partner_;
  MonthIndex as_of_;
  // The partner's derived columns (PartnerView), shared across versions.
  const std::vector<Symbol>& usage_tenant_;  // tenant symbol of each usage row
  // customers[].associations[] flattened into columns: the `associations` table.
  const std::vector<Symbol>&association_tenant_, &association_type_;
  const std::vector<MonthIndex>& association_since_;

  // Context of the designation and metric being evaluated.
  const ast::DesignationDecl* designation_ = nullptr;
  Symbol path_ = no_symbol;
  bool choosing_path_ = false;
  const ast::MetricDecl* metric_ = nullptr;
  std::optional<Value> metric_value_;
  Decimal total_;
  const std::vector<MetricResult>* metric_results_ = nullptr;

  // The time budget: the clock is read every 4,096 evaluation steps only.
  std::chrono::steady_clock::time_point deadline_{};
  std::uint32_t limit_ms_ = 0;
  bool explain_ = true;
  std::uint32_t steps_ = 0;
  void tick(const ast::Expr& at);

  std::vector<Frame> frames_;
  std::vector<const std::vector<Value>*> args_;

  // Caches: partner-level lets and calls, designation-level and metric-level lets.
  std::unordered_map<const ast::LetDecl*, Cached> global_cache_, designation_cache_, metric_cache_;
  // Calls by their key (eval_function): the function and its arguments' bytes.
  std::unordered_map<std::string, Cached> call_cache_;
  std::string call_key_;  // the key being built, reused
  std::unordered_map<const ast::Expr*, std::shared_ptr<const SetValue>> constant_sets_;  // eval_set

  // Explanations: the metric's lines, and the inputs of the bodies being evaluated.
  std::vector<std::string>* trace_ = nullptr;
  std::vector<std::vector<std::string>*> collectors_;
};

/// The integer a column holds for row `i` of a selection.
inline std::int64_t column(const Evaluator& ev, const RowSet& rows, std::size_t i, Field f) {
  if (rows.table == TableKind::grouped)
    return f == Field::value ? rows.sums[i] : rows.key_columns[static_cast<std::size_t>(f)][i];
  const auto r = rows.index[i];
  const auto& u = ev.partner_.usage;
  switch (rows.table) {
    case TableKind::customers:
      return f == Field::tenant ? ev.partner_.customers[r].tenant : ev.partner_.customers[r].segment;
    case TableKind::people: return ev.partner_.people[r].id;
    case TableKind::associations:
      return f == Field::tenant ? ev.association_tenant_[r] : f == Field::since ? ev.association_since_[r] : ev.association_type_[r];
    default: break;
  }
  switch (f) {
    case Field::tenant: return ev.usage_tenant_[r];
    case Field::month: return u.month[r];
    case Field::measure: return u.measure[r];
    case Field::value: return u.value[r];
    case Field::service: return u.service[r];
    case Field::service_group: return u.service_group[r];
    case Field::workload: return u.workload[r];
    case Field::product: return u.product[r];
    case Field::offer: return u.offer[r];
    case Field::association: return u.association[r];
    case Field::area: return u.area[r];
    case Field::service_level_4: return u.service_level_4[r];
    case Field::service_influencer: return u.service_influencer[r];
    default: return 0;
  }
}

/// "eligible_customers(2024-06)" for a call, "eligible_acr" for a name.
std::string call_label(const ast::Expr& call, const std::vector<Value>& args);

}  // namespace pcs::eval::detail
