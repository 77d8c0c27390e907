// Compiles checked expressions of the rules to SQL (SqlValue), mirroring
// interpreter/eval_expr.cpp and eval_query.cpp construct by construct.
// Functions are inlined at each call with their arguments' SQL; a let is
// asked of the LetSource (script.cpp), which gives either its value inline
// (constants and month arithmetic) or a reference to its CTE.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/ast.hpp"
#include "sql/sql_value.hpp"

namespace pcs::sql {

class LetSource {
 public:
  virtual ~LetSource() = default;
  virtual SqlValue let_value(const ast::LetDecl& let, const ast::Expr& at) = 0;
};

/// Where the expression is compiled: a designation (its path), a metric's
/// score (its value), an attainment rule (total and metric points).
struct ScoreContext {
  std::string path_sql;                       // text; empty outside designations with paths
  std::optional<SqlValue> metric_value;       // `value` in a score
  std::optional<ExactNumber> total;           // `total` in attained
  std::vector<ExactNumber> metric_points;     // `every metric`, metric points by index
};

class ExprCompiler {
 public:
  ExprCompiler(const Dialect& d, LetSource& lets) : arith_(d), d_(d), lets_(lets) {}

  SqlValue compile(const ast::Expr& e);
  /// A condition; never NULL.
  std::string condition(const ast::Expr& e);
  /// A let or function body: no row frames of the caller are visible.
  SqlValue compile_body(const ast::Expr& body, const std::vector<SqlValue>* args);

  ScoreContext context;
  /// Attribute columns the rules read (partner.attributes.X), for the scope table.
  std::vector<std::string> attributes;
  /// `attained("id")`: the designations compiled so far, as the interpreter
  /// knows those evaluated so far; a SQL condition over the scope row `s`.
  std::map<std::string, std::string, std::less<>> attained;

  const Arithmetic& arithmetic() const { return arith_; }
  const Dialect& dialect() const { return d_; }

  // Sets and rows (query_compiler.cpp).
  SqlValue set_query(const SqlValue& set) const;  // a literal set as a query
  std::string in_set(const std::string& x, const SqlValue& set) const;
  SqlValue set_operation(const std::string& op, const SqlValue& a, const SqlValue& b) const;
  SqlValue choose_value(const std::vector<std::string>& conds, const std::vector<SqlValue>& values, const ast::Expr& at);

 private:
  SqlValue compile_name(const ast::Expr& e);
  SqlValue compile_call(const ast::Expr& e);
  SqlValue compile_binary(const ast::Expr& e);
  SqlValue compile_set(const ast::Expr& e);
  // query_compiler.cpp
  SqlValue compile_where(const ast::Expr& e);
  SqlValue compile_group_by(const ast::Expr& e);
  SqlValue compile_distinct(const ast::Expr& e);
  SqlValue compile_holding(const ast::Expr& e);
  SqlValue compile_usage(const ast::Expr& e);
  SqlValue compile_sum(const ast::Expr& e);
  SqlValue compile_count(const ast::Expr& e);
  SqlValue all_rows(TableKind table) const;
  std::string holds(const std::string& person, const ast::CertRequirement& r) const;
  std::string new_alias();

  Arithmetic arith_;
  Dialect d_;
  LetSource& lets_;
  std::vector<std::string> frames_;                 // row alias of each frame
  std::vector<const std::vector<SqlValue>*> args_;  // arguments of the inlined functions
  int aliases_ = 0;
};

}  // namespace pcs::sql
