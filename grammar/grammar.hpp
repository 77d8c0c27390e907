// The grammar of the pcs rules language, as pure PEGTL rules (no actions, no
// messages: those live in grammar/errors.hpp and interpreter/parser.cpp).
// Each point of no return is a named `req_*` rule so the error can say what
// was expected. docs/language.md describes every construct with an example.
#pragma once

#include <tao/pegtl.hpp>

namespace pcs::grammar {

namespace pegtl = tao::pegtl;
using namespace pegtl;

// ---------------------------------------------------------------- lexical --
// comment <- '#' (!eol .)*
struct comment : seq<one<'#'>, until<eolf>> {};
struct sp : sor<plus<space>, comment> {};
struct ws : star<sp> {};

struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
struct ident_raw : seq<ident_first, star<ident_other>> {};

template <typename Key>
struct key : seq<Key, not_at<ident_other>> {};

// Words reserved in expressions; declaration words are contextual.
struct reserved
    : key<sor<TAO_PEGTL_STRING("and"), TAO_PEGTL_STRING("or"), TAO_PEGTL_STRING("not"),
              TAO_PEGTL_STRING("in"), TAO_PEGTL_STRING("where"), TAO_PEGTL_STRING("by"),
              TAO_PEGTL_STRING("of"), TAO_PEGTL_STRING("if"), TAO_PEGTL_STRING("then"),
              TAO_PEGTL_STRING("else"), TAO_PEGTL_STRING("true"), TAO_PEGTL_STRING("false"),
              TAO_PEGTL_STRING("none"), TAO_PEGTL_STRING("is"), TAO_PEGTL_STRING("holding"),
              TAO_PEGTL_STRING("distinct"), TAO_PEGTL_STRING("choose"),
              TAO_PEGTL_STRING("intersect"), TAO_PEGTL_STRING("every"), TAO_PEGTL_STRING("per")>> {};
struct identifier : seq<not_at<reserved>, ident_raw> {};

#define PCS_KEYWORD(name, text) struct kw_##name : key<TAO_PEGTL_STRING(text)> {}
PCS_KEYWORD(import, "import");
PCS_KEYWORD(program, "program");
PCS_KEYWORD(name, "name");
PCS_KEYWORD(effective, "effective");
PCS_KEYWORD(source, "source");
PCS_KEYWORD(measure, "measure");
PCS_KEYWORD(certification, "certification");
PCS_KEYWORD(counts, "counts");
PCS_KEYWORD(through, "through");
PCS_KEYWORD(let, "let");
PCS_KEYWORD(fn, "fn");
PCS_KEYWORD(category, "category");
PCS_KEYWORD(metric, "metric");
PCS_KEYWORD(max, "max");
PCS_KEYWORD(require, "require");
PCS_KEYWORD(value, "value");
PCS_KEYWORD(when, "when");
PCS_KEYWORD(score, "score");
PCS_KEYWORD(per, "per");
PCS_KEYWORD(up, "up");
PCS_KEYWORD(to, "to");
PCS_KEYWORD(proportional, "proportional");
PCS_KEYWORD(designation, "designation");
PCS_KEYWORD(path, "path");
PCS_KEYWORD(otherwise, "otherwise");
PCS_KEYWORD(use, "use");
PCS_KEYWORD(attained, "attained");
PCS_KEYWORD(override, "override");
PCS_KEYWORD(badge, "badge");
PCS_KEYWORD(specialization, "specialization");
PCS_KEYWORD(version, "version");
PCS_KEYWORD(requirements, "requirements");
PCS_KEYWORD(published, "published");
PCS_KEYWORD(for, "for");
PCS_KEYWORD(and, "and");
PCS_KEYWORD(or, "or");
PCS_KEYWORD(not, "not");
PCS_KEYWORD(in, "in");
PCS_KEYWORD(where, "where");
PCS_KEYWORD(by, "by");
PCS_KEYWORD(of, "of");
PCS_KEYWORD(if, "if");
PCS_KEYWORD(then, "then");
PCS_KEYWORD(else, "else");
PCS_KEYWORD(true, "true");
PCS_KEYWORD(false, "false");
PCS_KEYWORD(none, "none");
PCS_KEYWORD(is, "is");
PCS_KEYWORD(holding, "holding");
PCS_KEYWORD(any, "any");
PCS_KEYWORD(all, "all");
PCS_KEYWORD(distinct, "distinct");
PCS_KEYWORD(choose, "choose");
PCS_KEYWORD(intersect, "intersect");
PCS_KEYWORD(every, "every");
#undef PCS_KEYWORD

// Literals. Dates and months come before plain numbers: 2024-07-31, 2024-07.
struct digits : plus<digit> {};
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct month_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, not_at<sor<ident_other, one<'-'>>>> {};
struct number_text : seq<digit, star<sor<digit, seq<one<'_'>, digit>>>, opt<one<'.'>, digits>> {};
// The units the language knows (interpreter/types.cpp maps them); plural first.
struct unit_word
    : sor<one<'%'>, key<TAO_PEGTL_STRING("USD")>, key<TAO_PEGTL_STRING("points")>, key<TAO_PEGTL_STRING("point")>,
          key<TAO_PEGTL_STRING("people")>, key<TAO_PEGTL_STRING("person")>, key<TAO_PEGTL_STRING("customers")>,
          key<TAO_PEGTL_STRING("customer")>, key<TAO_PEGTL_STRING("services")>, key<TAO_PEGTL_STRING("service")>,
          key<TAO_PEGTL_STRING("months")>, key<TAO_PEGTL_STRING("month")>, key<TAO_PEGTL_STRING("seats")>,
          key<TAO_PEGTL_STRING("seat")>, key<TAO_PEGTL_STRING("users")>, key<TAO_PEGTL_STRING("user")>,
          key<TAO_PEGTL_STRING("units")>, key<TAO_PEGTL_STRING("unit")>, key<TAO_PEGTL_STRING("workloads")>,
          key<TAO_PEGTL_STRING("workload")>, key<TAO_PEGTL_STRING("products")>, key<TAO_PEGTL_STRING("product")>> {};
struct number_unit : unit_word {};
struct number_lit : seq<number_text, not_at<ident_first>, opt<star<blank>, number_unit>> {};
struct cert_code : seq<rep_min_max<2, 3, upper>, one<'-'>, rep<3, digit>, not_at<ident_other>> {};
struct escaped : seq<one<'\\'>, one<'"', '\\', 'n', 't'>> {};
struct string_char : sor<escaped, seq<not_one<'"', '\\', '\n'>>> {};
struct string_body : star<string_char> {};
struct req_string_end : one<'"'> {};
struct string_lit : if_must<one<'"'>, string_body, req_string_end> {};

// ------------------------------------------------------------- expressions --
struct expr;
struct req_expr : seq<expr> {};
struct req_close_paren : one<')'> {};
struct req_close_brace : one<'}'> {};

struct paren_expr : if_must<one<'('>, ws, req_expr, ws, req_close_paren> {};
struct set_element : seq<expr> {};
struct set_open : one<'{'> {};
struct set_lit : if_must<set_open, ws, opt<set_element, ws, star<one<','>, ws, set_element, ws>, opt<one<','>, ws>>,
                         req_close_brace> {};

struct arg : seq<expr> {};
struct call_open : one<'('> {};
struct call_args : if_must<call_open, ws, opt<arg, ws, star<one<','>, ws, arg, ws>>, req_close_paren> {};
struct dotted_name : seq<identifier, star<one<'.'>, identifier>> {};
struct name_or_call : seq<dotted_name, opt<star<blank>, call_args>> {};

struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct none_lit : kw_none {};

struct cmp_op : sor<string<'>', '='>, string<'<', '='>, string<'=', '='>, string<'!', '='>, one<'>'>, one<'<'>> {};
struct every_bound;
struct req_kw_metric : kw_metric {};
struct every_op : cmp_op {};
struct req_every_op : every_op {};
struct every_metric : if_must<kw_every, ws, req_kw_metric, ws, req_every_op, ws, every_bound> {};

struct primary
    : sor<paren_expr, set_lit, date_lit, month_lit, cert_code, number_lit, string_lit, true_lit, false_lit,
          none_lit, every_metric, name_or_call> {};

struct unary;
struct req_unary : seq<unary> {};
struct field_name : identifier {};
struct req_field : field_name {};
struct req_kw_of : kw_of {};
struct distinct_expr : if_must<kw_distinct, ws, req_field, ws, req_kw_of, ws, req_unary> {};
struct negate_expr : if_must<one<'-'>, ws, req_unary> {};

struct holding_mode : sor<seq<kw_any, ws, kw_of>, seq<kw_all, ws, kw_of>> {};
struct holding_spec : seq<unary> {};
struct req_holding_spec : holding_spec {};
struct holding_tail : if_must<kw_holding, ws, opt<holding_mode, ws>, req_holding_spec> {};
struct postfix : seq<primary, star<ws, holding_tail>> {};
struct unary : sor<negate_expr, distinct_expr, postfix> {};

struct mul_op : sor<one<'*'>, one<'/'>, kw_intersect> {};
struct req_mul_rhs : unary {};
struct mul_expr : seq<unary, star<ws, mul_op, ws, req_mul_rhs>> {};
struct add_op : sor<one<'+'>, seq<one<'-'>, not_at<one<'-'>>>> {};
struct req_mul : mul_expr {};
struct add_expr : seq<mul_expr, star<ws, add_op, ws, req_mul>> {};
struct req_add : add_expr {};
struct range_tail : if_must<string<'.', '.'>, ws, req_add> {};
struct range_expr : seq<add_expr, opt<ws, range_tail>> {};
struct every_bound : range_expr {};

struct not_in_op : seq<kw_not, ws, kw_in> {};
struct in_op : kw_in {};
struct is_none_op : seq<kw_is, ws, opt<kw_not, ws>, kw_none> {};
struct req_operand : range_expr {};
struct cmp_tail : sor<is_none_op, seq<sor<cmp_op, not_in_op, in_op>, ws, req_operand>> {};
// Comparisons do not chain: `a < b < c` is an error that says how to write it.
struct req_unchained : failure {};
struct no_chain : opt<if_must<at<ws, cmp_op>, ws, req_unchained>> {};
struct cmp_expr : seq<range_expr, opt<ws, cmp_tail, no_chain>> {};

struct not_expr;
struct req_not : seq<not_expr> {};
struct not_prefix : if_must<kw_not, ws, req_not> {};
struct not_expr : sor<not_prefix, cmp_expr> {};
struct and_op : kw_and {};
struct req_and_rhs : not_expr {};
struct and_expr : seq<not_expr, star<ws, and_op, ws, req_and_rhs>> {};
struct req_and : and_expr {};
struct or_op : kw_or {};
struct or_expr : seq<and_expr, star<ws, or_op, ws, req_and>> {};

// pipeline <- or_expr ('where' or_expr / 'by' field (',' field)*)*
struct req_predicate : or_expr {};
struct where_tail : if_must<kw_where, ws, req_predicate> {};
struct group_field : identifier {};
struct req_group_field : group_field {};
struct by_start : kw_by {};
struct by_tail : if_must<by_start, ws, req_group_field, star<ws, one<','>, ws, req_group_field>> {};
struct pipeline : seq<or_expr, star<ws, sor<where_tail, by_tail>>> {};

struct req_then : kw_then {};
struct req_else : kw_else {};
struct if_expr : if_must<kw_if, ws, req_expr, ws, req_then, ws, req_expr, ws, req_else, ws, req_expr> {};

struct path_label : identifier {};
struct req_path_label : path_label {};
struct req_colon : one<':'> {};
struct req_kw_path : kw_path {};
struct choice : seq<req_path_label, ws, req_colon, ws, req_expr> {};
struct choices_open : one<'{'> {};
struct req_choices_open : choices_open {};
struct choose_expr
    : if_must<kw_choose, ws, req_kw_path, ws, req_choices_open, ws, choice, ws,
              star<one<','>, ws, not_at<one<'}'>>, choice, ws>, opt<one<','>, ws>, req_close_brace> {};

struct expr : sor<if_expr, choose_expr, pipeline> {};

// ------------------------------------------------------------ declarations --
struct req_string : string_lit {};
struct req_equals : one<'='> {};

// import <- 'import' 'version'? string: a rule file, or a whole program version
// (a folder) whose designations, badges and specializations this version keeps.
struct import_version : kw_version {};
struct import_decl : if_must<kw_import, ws, opt<import_version, ws>, req_string> {};

struct program_id : string_lit {};
struct req_program_id : program_id {};
struct req_date : date_lit {};
struct program_name : if_must<kw_name, ws, req_string> {};
struct program_effective : if_must<kw_effective, ws, req_date> {};
struct program_source : if_must<kw_source, ws, req_string> {};
struct program_item : sor<program_name, program_effective, program_source> {};
struct program_open : one<'{'> {};
struct req_program_open : program_open {};
struct program_close : one<'}'> {};
struct req_program_close : program_close {};
struct program_decl
    : if_must<kw_program, ws, req_program_id, ws, req_program_open, ws, star<program_item, ws>, req_program_close> {};

struct measure_unit : unit_word {};
struct req_measure_unit : measure_unit {};
struct req_kw_in : kw_in {};
struct measure_name : identifier {};
struct req_measure_name : measure_name {};
struct measure_decl : if_must<kw_measure, ws, req_measure_name, ws, req_kw_in, ws, req_measure_unit> {};

struct req_cert_code : cert_code {};
struct certification_name : identifier {};
struct req_certification_name : certification_name {};
struct req_month : month_lit {};
struct req_kw_through : kw_through {};
struct counts_through : if_must<kw_counts, ws, req_kw_through, ws, req_month> {};
struct certification_decl
    : if_must<kw_certification, ws, req_certification_name, ws, req_string, ws, req_equals, ws, req_cert_code,
              star<ws, kw_and, ws, req_cert_code>, opt<ws, counts_through>> {};

struct let_name : identifier {};
struct req_let_name : let_name {};
struct let_decl : if_must<kw_let, ws, req_let_name, ws, req_equals, ws, req_expr> {};
struct param : identifier {};
struct req_open_paren : one<'('> {};
struct param_list : seq<req_open_paren, ws, opt<param, ws, star<one<','>, ws, param, ws>>, req_close_paren> {};
struct fn_name : identifier {};
struct req_fn_name : fn_name {};
struct fn_decl : if_must<kw_fn, ws, req_fn_name, ws, param_list, ws, req_equals, ws, req_expr> {};

// score <- 'score' score_form
struct score_form;
struct req_score_form : seq<score_form> {};
struct rate_points : number_lit {};
struct rate_unit : unit_word {};
struct req_rate_unit : rate_unit {};
struct req_kw_to : kw_to {};
struct rate_cap : if_must<kw_up, ws, req_kw_to, ws, req_expr> {};
struct rate_form : seq<rate_points, ws, kw_per, ws, req_rate_unit, opt<ws, rate_cap>> {};
struct proportional_form : if_must<kw_proportional, ws, req_kw_to, ws, req_expr> {};
struct expression_form : if_must<one<'='>, ws, req_expr> {};
struct score_choice : seq<req_path_label, ws, req_colon, ws, req_score_form> {};
struct form_choices_open : one<'{'> {};
struct req_form_choices_open : form_choices_open {};
struct choose_form
    : if_must<kw_choose, ws, req_kw_path, ws, req_form_choices_open, ws, score_choice, ws,
              star<one<','>, ws, not_at<one<'}'>>, score_choice, ws>, opt<one<','>, ws>, req_close_brace> {};
struct if_form : if_must<kw_if, ws, req_expr, ws, req_then, ws, req_score_form, ws, req_else, ws, req_score_form> {};
struct score_form : sor<choose_form, if_form, proportional_form, expression_form, rate_form> {};

struct metric_let : let_decl {};
struct require_clause : if_must<kw_require, ws, req_expr> {};
struct value_when : if_must<kw_when, ws, req_expr> {};
struct value_clause : if_must<kw_value, ws, req_expr, opt<ws, value_when>> {};
struct score_clause : if_must<kw_score, ws, req_score_form> {};
struct metric_item : sor<metric_let, require_clause, value_clause, score_clause> {};
struct max_points : if_must<kw_max, ws, req_expr> {};
struct req_max_points : max_points {};
struct metric_start : kw_metric {};
struct metric_id : identifier {};
struct req_metric_id : metric_id {};
struct metric_open : one<'{'> {};
struct req_metric_open : metric_open {};
struct req_metric_close : one<'}'> {};
struct metric_decl
    : if_must<metric_start, ws, req_metric_id, ws, req_string, ws, req_max_points, ws, req_metric_open, ws,
              star<metric_item, ws>, req_metric_close> {};

struct category_max : max_points {};
struct category_id : identifier {};
struct req_category_id : category_id {};
struct category_open : one<'{'> {};
struct req_category_open : category_open {};
struct req_category_close : one<'}'> {};
struct category_decl
    : if_must<kw_category, ws, req_category_id, ws, req_string, ws, opt<category_max, ws>, req_category_open, ws,
              star<metric_decl, ws>, req_category_close> {};

struct designation_id : seq<lower, star<sor<lower, digit>>, star<one<'-'>, plus<sor<lower, digit>>>> {};
struct req_designation_id : designation_id {};
struct path_condition : if_must<kw_when, ws, req_expr> {};
struct path_otherwise : kw_otherwise {};
struct req_path_rule : sor<path_condition, path_otherwise> {};
struct path_decl : if_must<kw_path, ws, req_path_label, ws, req_path_rule> {};
struct use_name : identifier {};
struct req_use_name : use_name {};
struct use_decl : if_must<kw_use, ws, req_use_name> {};
struct req_kw_when : kw_when {};
struct attained_decl : if_must<kw_attained, ws, req_kw_when, ws, req_expr> {};
struct designation_let : let_decl {};
struct designation_item : sor<path_decl, designation_let, use_decl, category_decl, attained_decl> {};
struct designation_open : one<'{'> {};
struct req_designation_open : designation_open {};
struct req_designation_close : one<'}'> {};
struct designation_decl
    : if_must<kw_designation, ws, req_designation_id, ws, req_string, ws, req_designation_open, ws,
              star<designation_item, ws>, req_designation_close> {};

// badge <- 'badge' id string 'when' expr
struct badge_name : identifier {};
struct req_badge_name : badge_name {};
struct badge_decl : if_must<kw_badge, ws, req_badge_name, ws, req_string, ws, req_kw_when, ws, req_expr> {};

// specialization <- 'specialization' id string 'for' designation-id '{' (let / require)* '}'
struct specialization_name : identifier {};
struct req_specialization_name : specialization_name {};
struct req_kw_for : kw_for {};
struct specialization_designation : designation_id {};
struct req_specialization_designation : specialization_designation {};
struct specialization_open : one<'{'> {};
struct req_specialization_open : specialization_open {};
struct req_specialization_close : one<'}'> {};
struct specialization_item : sor<metric_let, require_clause> {};
// A document may name a specialization without printing its requirements:
// 'requirements not published' lists it, never scored as passed or failed.
struct req_not_published : seq<kw_not, ws, kw_published> {};
struct unpublished_requirements : if_must<kw_requirements, ws, req_not_published> {};
struct specialization_requirements
    : seq<req_specialization_open, ws, star<specialization_item, ws>, req_specialization_close> {};
struct specialization_body_start : success {};
struct specialization_decl
    : if_must<kw_specialization, ws, req_specialization_name, ws, req_string, ws, req_kw_for, ws,
              req_specialization_designation, star<ws, kw_or, ws, req_specialization_designation>, ws,
              specialization_body_start, sor<unpublished_requirements, specialization_requirements>> {};

// override <- 'override' (let / fn / category / designation / badge / specialization):
// replaces an imported definition, or a designation, badge or specialization
// of an imported program version.
struct override_start : kw_override {};
struct overridable : sor<let_decl, fn_decl, category_decl, designation_decl, badge_decl, specialization_decl> {};
struct req_overridable : overridable {};
struct override_decl : if_must<override_start, ws, req_overridable> {};

// A metric outside a category, or a path outside a designation: say where it belongs.
struct req_metric_in_category : failure {};
struct stray_metric : if_must<at<kw_metric>, req_metric_in_category> {};
struct req_path_in_designation : failure {};
struct stray_path : if_must<at<kw_path>, req_path_in_designation> {};

struct declaration
    : sor<stray_metric, stray_path, override_decl, badge_decl, specialization_decl, import_decl, program_decl, measure_decl, certification_decl, let_decl, fn_decl, category_decl,
          designation_decl> {};
struct req_declaration_or_end : eof {};
struct file : seq<ws, star<declaration, ws>, req_declaration_or_end> {};

}  // namespace pcs::grammar
