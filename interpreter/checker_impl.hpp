// The checker's internal state, shared by check_decls.cpp (declarations) and
// check_expr.cpp (expressions).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "interpreter/checker.hpp"
#include "interpreter/types.hpp"

namespace pcs::checker::detail {

/// What is visible where an expression is checked.
struct Scope {
  const ast::DesignationDecl* designation = nullptr;
  const ast::MetricDecl* metric = nullptr;
  const ast::LetDecl* function = nullptr;  // instance whose parameters are visible
  const std::vector<Type>* param_types = nullptr;
  std::vector<Type> frames;                // row frames of enclosing `where`s, innermost last
  bool attained = false;                   // `total` and `every metric` are visible
  bool in_score = false;                   // `value` names the metric's value
  Type metric_value;
  bool path_selection = false;             // checking path conditions: `path` is not yet known
  bool outcomes = false;                   // badges and specializations: attained("id") is visible
};

class Checker {
 public:
  Checker(Ruleset& ruleset, Diagnostics& out) : rs_(ruleset), out_(out) {}
  bool run();

  // Declarations (check_decls.cpp).
  void collect();
  void collect_outcomes();  // check_outcomes.cpp
  void check_designation(ast::DesignationDecl& d);
  void check_metric(ast::MetricDecl& m, Scope& scope);
  void check_score(ast::ScoreForm& f, Scope& scope, const Type& value);
  void check_badge(ast::BadgeDecl& b);
  void check_specialization(ast::SpecializationDecl& s);
  Type let_type(ast::LetDecl& let, const Scope& outer);
  std::optional<Decimal> constant_points(ast::Expr& e, Scope& scope, std::string_view what);

  // Expressions (check_expr.cpp).
  Type check(ast::Expr& e, Scope& scope);
  Type expect(ast::Expr& e, Scope& scope, TypeKind kind, std::string_view what);

 private:
  Type check_name(ast::Expr& e, Scope& scope);
  Type check_call(ast::Expr& e, Scope& scope);
  Type check_native(ast::Expr& e, Scope& scope, int native);
  Type check_function_call(ast::Expr& e, Scope& scope, ast::LetDecl& fn);
  Type check_binary(ast::Expr& e, Scope& scope);
  Type check_arithmetic(ast::Expr& e, const Type& a, const Type& b);
  Type check_comparison(ast::Expr& e, const Type& a, const Type& b);
  Type check_query(ast::Expr& e, Scope& scope);
  Type check_certification_value(ast::Expr& e, Scope& scope);
  const ast::CertRequirement* requirement_for(const ast::CertificationDecl& c);
  const ast::CertRequirement* requirement_for_code(const std::string& code);
  ast::LetDecl* find_let(std::string_view name, const Scope& scope) const;
  /// The defined name closest to a misspelt `name` ("" when none is close).
  std::string suggest(std::string_view name, const Scope& scope) const;

 public:
  void error(const SourcePos& pos, std::string code, std::string message, std::string hint = {});
  /// An error whose fix is to write `replacement` instead ("did you mean ...?"
  /// hint, and the replacement kept for editors' quick fixes).
  void error_with_fix(const SourcePos& pos, std::string code, std::string message, const std::string& replacement,
                      bool quote = true);

  Ruleset& rs_;
  Diagnostics& out_;
  enum class LetState { checking, done };
  std::map<const ast::LetDecl*, LetState> let_state_;
  std::map<std::string, ast::LetDecl*> instances_;  // function + argument types -> checked copy
  std::map<const ast::CertificationDecl*, const ast::CertRequirement*> cert_requirements_;
  std::map<std::string, const ast::CertRequirement*> code_requirements_;
  // The outcomes declared in this version's own files: only these are checked
  // here; those of an imported version were checked in their own version.
  std::vector<ast::DesignationDecl*> own_designations_;
  std::vector<ast::BadgeDecl*> own_badges_;
  std::vector<ast::SpecializationDecl*> own_specializations_;
};

/// "USD", "people", ... or "a plain number", for messages.
inline std::string unit_words(Unit u) { return u == Unit::none ? "a plain number" : std::string(unit_name(u)); }

/// The deepest row frame below `level` that any field inside `e` reads.
int frame_below(const ast::Expr& e, int level);

/// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace pcs::checker::detail
