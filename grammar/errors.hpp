// What each point of no return of the grammar expected, in words a program
// manager understands. Used through must_if<errors>::control in the parser.
#pragma once

#include "grammar/grammar.hpp"

namespace pcs::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define PCS_EXPECT(rule, text) \
  template <>                  \
  inline constexpr const char* error_message<rule> = text

// Tokens and literals.
PCS_EXPECT(req_string_end, "unterminated text: expected a closing '\"' on the same line");
PCS_EXPECT(req_string, "expected text in double quotes, such as \"Azure Administrator Associate\"");
PCS_EXPECT(req_program_id, "expected the program version id in double quotes, such as \"2023-06\"");
PCS_EXPECT(req_date, "expected a date written YYYY-MM-DD, such as 2023-06-13");
PCS_EXPECT(req_month, "expected a month written YYYY-MM, such as 2024-07");
PCS_EXPECT(req_cert_code, "expected an exam code such as AZ-104 (two or three capital letters, '-', three digits)");
PCS_EXPECT(req_measure_unit, "expected a unit: USD, %, points, people, customers, services, months, seats, users, units, workloads or products");
PCS_EXPECT(req_rate_unit, "expected the unit counted, such as 'customer', 'person', 'service' or '%', after 'per'");

// Names.
PCS_EXPECT(req_let_name, "expected a name after 'let', such as eligible_acr");
PCS_EXPECT(req_fn_name, "expected a function name after 'fn', such as acr_in");
PCS_EXPECT(req_measure_name, "expected a measure name after 'measure', such as acr");
PCS_EXPECT(req_certification_name, "expected a name for the certification, such as azure_administrator");
PCS_EXPECT(req_metric_id, "expected a metric id after 'metric', such as net_customer_adds");
PCS_EXPECT(req_category_id, "expected a category id after 'category', such as performance");
PCS_EXPECT(req_designation_id, "expected a designation id after 'designation', such as data-ai");
PCS_EXPECT(req_use_name, "expected the name of a category to use, such as performance");
PCS_EXPECT(req_path_label, "expected a path name, such as enterprise or smb");
PCS_EXPECT(req_field, "expected a field name after 'distinct', such as tenant, service or person");
PCS_EXPECT(req_group_field, "expected a field name to group by, such as tenant, month or service");

// Punctuation.
PCS_EXPECT(req_close_paren, "expected ')'");
PCS_EXPECT(req_close_brace, "expected '}' to close the list");
PCS_EXPECT(req_open_paren, "expected '(' and the parameter names of the function");
PCS_EXPECT(req_equals, "expected '='");
PCS_EXPECT(req_colon, "expected ':' after the path name");
PCS_EXPECT(req_choices_open, "expected '{' and one value per path, such as { enterprise: 1000 USD, smb: 500 USD }");
PCS_EXPECT(req_form_choices_open, "expected '{' and one scoring rule per path");
PCS_EXPECT(req_program_open, "expected '{' to open the program block");
PCS_EXPECT(req_program_close, "expected 'name', 'effective', 'source' or '}' to close the program block");
PCS_EXPECT(req_metric_open, "expected '{' to open the metric");
PCS_EXPECT(req_metric_close, "expected 'let', 'require', 'value', 'score' or '}' to close the metric");
PCS_EXPECT(req_category_open, "expected '{' to open the category (or 'max' and its maximum points)");
PCS_EXPECT(req_category_close, "expected 'metric' or '}' to close the category");
PCS_EXPECT(req_designation_open, "expected '{' to open the designation");
PCS_EXPECT(req_designation_close, "expected 'path', 'let', 'use', 'category', 'attained' or '}' to close the designation");
PCS_EXPECT(req_metric_in_category, "a metric belongs inside a category: category ID \"Title\" { metric ... }");
PCS_EXPECT(req_path_in_designation, "a path belongs inside a designation: designation ID \"Title\" { path ... }");
PCS_EXPECT(req_declaration_or_end,
           "expected a declaration: import, program, measure, certification, let, fn, category, designation, "
           "badge, specialization or override");
PCS_EXPECT(req_badge_name, "expected a badge id after 'badge', such as microsoft_cloud");
PCS_EXPECT(req_specialization_name, "expected a specialization id after 'specialization', such as azure_virtual_desktop");
PCS_EXPECT(req_kw_for, "expected 'for' and the designation the specialization builds on, as in 'for infrastructure'");
PCS_EXPECT(req_specialization_designation, "expected a designation id, such as infrastructure");
PCS_EXPECT(req_specialization_open, "expected '{' to open the specialization's requirements, or 'requirements not published'");
PCS_EXPECT(req_not_published, "expected 'not published' after 'requirements'");
PCS_EXPECT(req_specialization_close, "expected 'let', 'require' or '}' to close the specialization");
PCS_EXPECT(req_overridable,
           "expected 'let', 'fn', 'category', 'designation', 'badge' or 'specialization' after 'override'");

// Keywords.
PCS_EXPECT(req_kw_in, "expected 'in' and the unit of the measure, such as 'in USD'");
PCS_EXPECT(req_kw_through, "expected 'through' after 'counts', as in 'counts through 2024-07'");
PCS_EXPECT(req_kw_to, "expected 'to'");
PCS_EXPECT(req_kw_of, "expected 'of' and the rows, as in 'distinct tenant of eligible_acr'");
PCS_EXPECT(req_kw_metric, "expected 'metric' after 'every', as in 'every metric > 0 points'");
PCS_EXPECT(req_kw_path, "expected 'path' after 'choose'");
PCS_EXPECT(req_kw_when, "expected 'when' and a condition, as in 'attained when total >= 70 points'");
PCS_EXPECT(req_then, "expected 'then'");
PCS_EXPECT(req_else, "expected 'else' (an 'if' needs both branches)");
PCS_EXPECT(req_path_rule, "expected 'when' and a condition, or 'otherwise'");
PCS_EXPECT(req_every_op, "expected a comparison such as '>' or '>=' after 'every metric'");

// Expressions and clauses.
PCS_EXPECT(req_expr, "expected an expression: a number, a name, a call, a set or a parenthesised expression");
PCS_EXPECT(req_unary, "expected a value after the operator");
PCS_EXPECT(req_mul, "expected a value after the operator");
PCS_EXPECT(req_mul_rhs, "expected a value after the operator");
PCS_EXPECT(req_and_rhs, "expected a condition after 'and'");
PCS_EXPECT(req_add, "expected the end of the range after '..'");
PCS_EXPECT(req_operand, "expected a value to compare with");
PCS_EXPECT(req_not, "expected a condition");
PCS_EXPECT(req_unchained, "comparisons cannot be chained: write 'a < b and b < c'");
PCS_EXPECT(req_and, "expected a condition after 'or'");
PCS_EXPECT(req_predicate, "expected a condition after 'where', such as offer not in ineligible_offers");
PCS_EXPECT(req_holding_spec, "expected a certification after 'holding', or 'any of' / 'all of' and a set of certifications");
PCS_EXPECT(every_bound, "expected a number of points, as in 'every metric > 0 points'");
PCS_EXPECT(req_max_points, "expected 'max' and the maximum points of the metric, such as 'max 30 points'");
PCS_EXPECT(req_score_form,
           "expected a scoring rule: 'N points per UNIT', 'proportional to TARGET', '= EXPRESSION', 'if' or 'choose path'");

#undef PCS_EXPECT

struct errors {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

template <typename Rule>
using control = tao::pegtl::must_if<errors, tao::pegtl::normal, false>::control<Rule>;

}  // namespace pcs::grammar
