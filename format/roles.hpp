// What the grammar says about the tokens the formatter cannot classify on
// their own: which `(` opens a call, which `{` opens a set or a `choose path`,
// which `-` is a unary minus, where each statement starts and where a kebab
// designation id (data-ai) stands. Found by running the PEGTL grammar with
// actions that only record byte offsets (no AST is built).
#pragma once

#include <optional>
#include <set>
#include <string_view>

namespace pcs::format {

struct Roles {
  std::set<std::size_t> statement_starts;  // declarations and the items of program/category/metric/designation/specialization blocks
  std::set<std::size_t> call_opens;        // `(` of a call or of a fn parameter list
  std::set<std::size_t> set_opens;         // `{` of a set literal
  std::set<std::size_t> choose_opens;      // `{` of `choose path { ... }`
  std::set<std::size_t> unary_minus;       // `-` of `-x`
  std::set<std::size_t> designation_ids;   // start of a designation id after `designation`, `for` or `or`
};

/// Classifies the tokens of `text`; nullopt when the text does not parse.
///
/// **Example**: `find_roles("let x = f(-1)")->call_opens` holds 9.
std::optional<Roles> find_roles(std::string_view text);

}  // namespace pcs::format
