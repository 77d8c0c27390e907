// Phase 1, parse: rule-file text -> AST (interpreter/ast.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"
#include "interpreter/ast.hpp"

namespace pcs::parser {

/// Parses one rule file. On a syntax error returns nullptr and adds one
/// located diagnostic (code "syntax") saying what was expected.
///
/// **Example**: `parse_module("let x = 3 points", "x.pcs", diags)`.
std::unique_ptr<ast::Module> parse_module(std::string_view text, const std::string& file, Diagnostics& out);

/// True when PEGTL's grammar analysis finds no rule that can loop without
/// consuming input (used by a test).
bool grammar_is_well_formed();

}  // namespace pcs::parser
