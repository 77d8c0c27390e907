// Phase 3, evaluate: runs a checked ruleset against one partner at an as-of
// month and produces the results of the contract, with explanations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/decimal.hpp"
#include "data/partner.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::eval {

struct MetricResult {
  std::string id;
  std::string name;
  std::string category;
  std::optional<Decimal> value;  // null when the metric is not scorable
  Unit value_unit = Unit::none;
  Decimal points;
  Decimal max;
  std::vector<std::string> explain;
  std::vector<bool> prerequisites_met;  // one per `require`, in order
  std::string error;  // set when this metric could not be evaluated
};

struct CategoryResult {
  std::string id;
  std::string name;
  Decimal points;
  Decimal max;
};

struct DesignationResult {
  std::string id;
  std::string name;
  std::string path;  // empty when the designation has no paths
  Decimal total;
  Decimal max;
  bool attained = false;
  std::vector<CategoryResult> categories;
  std::vector<MetricResult> metrics;
  std::vector<std::string> explain;  // the attainment rule and why it holds or not
  std::string error;  // set when evaluation failed (then the figures are incomplete)
};

/// A badge (such as the Microsoft Cloud badge) and whether it is earned.
struct BadgeResult {
  std::string id;
  std::string name;
  bool attained = false;
  std::string error;
};

/// A specialization: passed when its designation is attained and every
/// requirement holds; `explain` says which held and why.
struct SpecializationResult {
  std::string id;
  std::string name;
  std::string designation;
  bool passed = false;
  /// False for a specialization the document names without its requirements
  /// (`requirements not published`): listed, never passed or failed.
  bool published = true;
  std::vector<std::string> explain;
  std::string error;
};

struct PartnerResult {
  std::string partner;
  std::string as_of;
  std::string program;
  std::vector<DesignationResult> designations;
  std::vector<BadgeResult> badges;
  std::vector<SpecializationResult> specializations;
};

struct Options {
  std::optional<MonthIndex> as_of;          // default: latest month in the data
  std::vector<std::string> designations;    // default: all, in ruleset order
  /// False: no specialization is evaluated (the planner scores one
  /// designation thousands of times and reads only its result).
  bool specializations = true;
  /// The time one partner's evaluation may take, in milliseconds (0: no
  /// limit). The language has no recursion and no loops, but queries nested
  /// over many rows can take very long; past the budget the metric being
  /// evaluated reports a located error, and so does each later one.
  std::uint32_t limit_ms = 10'000;
  /// Whether to build the explanation lines (the `explain` fields). Without
  /// them the figures are the same; callers that print no explanation (a
  /// population without --explain, `pcs diff`) skip formatting every figure.
  bool explain = true;
};

/// What the evaluator derives from a partner's data before scoring: the
/// tenant of each usage row and the `associations` table as columns. Built
/// once per partner and shared by every version and designation scored for
/// it (a `pcs diff` scores two versions over one view). `partner` must
/// outlive the view.
struct PartnerView {
  explicit PartnerView(const data::Partner& p);
  const data::Partner& partner;
  std::vector<Symbol> usage_tenant;  // tenant symbol of each usage row
  std::vector<Symbol> association_tenant, association_type;
  std::vector<MonthIndex> association_since;
};

/// Evaluates `ruleset` (which must be checked) for the partner of `view`;
/// as evaluate(ruleset, partner, options) below.
PartnerResult evaluate(const Ruleset& ruleset, const PartnerView& view, const Options& options);

/// Evaluates `ruleset` (which must be checked) for `partner`. Never throws:
/// an evaluation problem (a division by zero, say) is reported in the
/// designation's `error` with the rule's location.
///
/// **Example**: `auto r = evaluate(*rs, partner, {.as_of = parse_month("2024-06")});`
PartnerResult evaluate(const Ruleset& ruleset, const data::Partner& partner, const Options& options);

/// The value of a top-level `let` (not a function) for one partner, as
/// explanations show it, with the named figures it was computed from.
struct LetResult {
  std::string value;                // "12 customers"; empty on error
  std::vector<std::string> inputs;  // "eligible_acr = 1200 USD", ...
  std::string error;                // set when it could not be evaluated (with the rule's location)
};

/// Evaluates the top-level `let` of `ruleset` (which must be checked) for
/// the partner of `view` at options.as_of: what an editor's hover shows for
/// a name (`pcs lsp`). Never throws.
LetResult evaluate_let(const Ruleset& ruleset, const PartnerView& view, const Options& options, const ast::LetDecl& let);

}  // namespace pcs::eval
