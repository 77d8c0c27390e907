// Deep copies of AST pieces. The checker copies a function body per argument
// types and a shared category per designation that uses it, so each copy can
// carry its own resolved names and types.
#pragma once

#include "interpreter/ast.hpp"

namespace pcs::ast {

ExprPtr clone(const Expr& e);
std::unique_ptr<LetDecl> clone(const LetDecl& d);
std::unique_ptr<CategoryDecl> clone(const CategoryDecl& c);

}  // namespace pcs::ast
