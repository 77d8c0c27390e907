// The builder behind `pcs sql` (script.hpp), shared by its two files:
// script.cpp compiles lets, metrics and designations to CTEs and writes the
// script; awards.cpp compiles badges and specializations (--part awards).
// Internal to sql/: the command and the tests use script.hpp.
#pragma once

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/ruleset.hpp"
#include "sql/awards.hpp"
#include "sql/expr_compiler.hpp"
#include "sql/script.hpp"

namespace pcs::sql::detail {

/// A rule name as a SQL name: every character but letters and digits becomes '_'.
inline std::string sql_name(std::string_view text) {
  std::string out;
  for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out;
}

/// `file:line` of a rule, for the comments above CTEs.
inline std::string where(const SourcePos& p) { return fmt::format("{}:{}", p.file, p.line); }

class Builder : public LetSource {
 public:
  explicit Builder(const Options& o) : options_(o), compiler_(o.dialect, *this), arith_(o.dialect) {}

  SqlValue let_value(const ast::LetDecl& let, const ast::Expr&) override;

  void designation(const ast::DesignationDecl& d);

  /// A badge: one CTE with its condition (attained() reads the designations'
  /// CTEs). Throws Refusal, leaving the script as it was.
  void badge(const ast::BadgeDecl& b);

  /// A specialization, evaluated as interpreter/eval_score.cpp does: in the
  /// scope of its own version's designation (its lets and path), one of its
  /// designations attained and every requirement met. Throws Refusal, leaving
  /// the script as it was.
  void specialization(const ast::SpecializationDecl& sp);

  std::string finish(const std::vector<std::string>& attributes);

  ExprCompiler& compiler() { return compiler_; }
  std::vector<CteOrigin> ctes_;

 private:
  struct MetricOut {
    std::string id, category, cte;
    Decimal max;
  };
  struct Outcome {
    std::string id, cte;
    bool has_path = false;
    Decimal max;
    std::vector<MetricOut> metrics;
  };

  /// The name of `d`'s path CTE as a subquery over the scope row `s`, the
  /// CTE made the first time (a specialization may ask for the path of a
  /// designation not scored by this script).
  std::string path_ref(const ast::DesignationDecl& d);

  /// What a refused award must not leave behind: the CTEs and names of the
  /// lets it compiled, and the attribute columns they read.
  struct Snapshot {
    std::size_t ctes;
    std::set<std::string> names;
    std::map<const ast::LetDecl*, SqlValue> lets;
    std::vector<std::string> attributes;
  };
  Snapshot snapshot() const { return {ctes_.size(), names_, lets_, compiler_.attributes}; }
  void restore(const Snapshot& s);

  std::string unique(const std::string& base);

  void add_cte(const std::string& name, std::string body, std::string what, const SourcePos& pos);

  /// The metric's two CTEs; returns the name of the one with its points and
  /// the points' denominator when it is a constant.
  std::pair<std::string, std::optional<Decimal::int128>> metric(const ast::DesignationDecl& d, const ast::MetricDecl& m);

  ExactNumber score(const ast::ScoreForm& f, const ExactNumber& value, const ExactNumber& max);

  const Options& options_;
  ExprCompiler compiler_;
  Arithmetic arith_;
  std::map<const ast::LetDecl*, SqlValue> lets_;
  std::set<std::string> names_{"pcs_scope", "pcs_usage", "pcs_customers", "pcs_associations", "pcs_certifications",
                               "pcs_people", "pcs_bad_partners", "usage", "customers", "associations", "certifications",
                               "partners"};
  std::vector<std::string> bodies_;
  std::string prefix_, designation_prefix_;
  std::vector<Outcome> outcomes_;
  std::vector<CompiledAward> awards_;
};

/// Compiles the badges and specializations the interpreter would report for
/// `options` into `b` (awards.cpp); each left out for a construct without
/// SQL form is reported as a warning in `out` and named in `left_out`.
void compile_awards(Builder& b, const Ruleset& ruleset, const Options& options, Diagnostics& out,
                    std::vector<std::string>& left_out);

}  // namespace pcs::sql::detail
