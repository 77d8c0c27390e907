// The state the parser actions build the AST in: operand stacks for
// expressions, names and scoring forms, plus the declaration being filled.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/ast.hpp"

namespace pcs::parser::detail {

struct Name {
  std::string text;
  SourcePos pos;
};

struct ParseState {
  ast::Module& module;
  const std::string& file;
  Diagnostics& diags;

  std::vector<ast::ExprPtr> exprs;
  std::vector<std::size_t> expr_marks;   // where a call's arguments / a set's elements start
  std::vector<Name> names;
  std::vector<std::size_t> name_marks;   // where a `by` field list starts
  std::vector<std::string> operators;
  std::vector<std::string> holding_modes;
  std::vector<ast::ScoreFormPtr> forms;
  std::vector<std::size_t> form_marks;

  // Pending pieces of literals and clauses.
  std::string number_text;
  std::string number_unit;
  std::string string_text;
  std::string rate_unit;
  bool rate_has_cap = false;
  bool category_has_max = false;
  bool pending_override = false;  // `override` seen; the next let / fn / category / designation / badge / specialization takes it
  bool pending_version = false;   // `import version` seen
  ast::ExprPtr value_when;       // `value X when C`: C
  ast::ExprPtr path_condition;   // `path smb when C`: C

  // Declarations being filled (innermost last).
  std::unique_ptr<ast::ProgramDecl> program;
  std::unique_ptr<ast::DesignationDecl> designation;
  std::unique_ptr<ast::CategoryDecl> category;
  std::unique_ptr<ast::MetricDecl> metric;
  std::unique_ptr<ast::SpecializationDecl> specialization;

  ParseState(ast::Module& m, const std::string& f, Diagnostics& d) : module(m), file(f), diags(d) {}

  ast::ExprPtr pop_expr() {
    auto e = std::move(exprs.back());
    exprs.pop_back();
    return e;
  }
  Name pop_name() {
    auto n = std::move(names.back());
    names.pop_back();
    return n;
  }
  ast::ScoreFormPtr pop_form() {
    auto f = std::move(forms.back());
    forms.pop_back();
    return f;
  }
  /// Pops a string literal pushed by `req_string` and returns its text.
  std::string pop_string() { return pop_expr()->text; }
};

}  // namespace pcs::parser::detail
