// Parser actions: each builds one piece of the AST when its grammar rule has
// matched. The production is named above each action.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"
#include "interpreter/parse_state.hpp"

namespace pcs::parser::detail {

namespace g = pcs::grammar;
using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;

template <typename Input>
SourcePos pos_of(const Input& in, const ParseState& s) {
  const auto p = in.position();
  return SourcePos{s.file, static_cast<std::uint32_t>(p.line), static_cast<std::uint32_t>(p.column),
                   static_cast<std::uint32_t>(std::max<std::size_t>(1, in.size()))};
}

template <typename Input>
ExprPtr make(ExprKind kind, const Input& in, const ParseState& s) {
  return std::make_unique<Expr>(kind, pos_of(in, s));
}

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

// ------------------------------------------------------------ literals --
template <> struct action<g::number_text> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    s.number_text.clear();
    for (char c : in.string_view()) if (c != '_') s.number_text += c;
    s.number_unit.clear();
  }
};
template <> struct action<g::number_unit> {
  template <typename I> static void apply(const I& in, ParseState& s) { s.number_unit = in.string(); }
};
// number_lit <- number_text unit?
template <> struct action<g::number_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::number, in, s);
    try {
      e->number = Decimal::parse(s.number_text).value_or(Decimal());
    } catch (const arithmetic_error&) {
      s.diags.error("syntax", e->pos, "this number is too large");
    }
    e->text = s.number_unit;
    s.number_unit.clear();
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::rate_points> : action<g::number_lit> {};
template <> struct action<g::string_body> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    s.string_text.clear();
    const auto v = in.string_view();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '\\' && i + 1 < v.size()) {
        ++i;
        s.string_text += v[i] == 'n' ? '\n' : v[i] == 't' ? '\t' : v[i];
      } else {
        s.string_text += v[i];
      }
    }
  }
};
template <> struct action<g::string_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::string, in, s);
    e->text = s.string_text;
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::req_string> : action<g::string_lit> {};
template <> struct action<g::req_program_id> : action<g::string_lit> {};
template <> struct action<g::date_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::date, in, s);
    e->text = in.string();
    s.exprs.push_back(std::move(e));  // validity of the day is checked by the checker
  }
};
template <> struct action<g::req_date> : action<g::date_lit> {};
template <> struct action<g::month_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::month, in, s);
    e->text = in.string();
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::req_month> : action<g::month_lit> {};
template <> struct action<g::cert_code> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::cert_code, in, s);
    e->text = in.string();
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::req_cert_code> : action<g::cert_code> {};
template <> struct action<g::true_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::boolean, in, s);
    e->flag = true;
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::false_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) { s.exprs.push_back(make(ExprKind::boolean, in, s)); }
};
template <> struct action<g::none_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) { s.exprs.push_back(make(ExprKind::none, in, s)); }
};

// ------------------------------------------------------ names and calls --
template <> struct action<g::dotted_name> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::name, in, s);
    e->text = in.string();
    s.exprs.push_back(std::move(e));
  }
};
struct mark_exprs {
  template <typename I> static void apply(const I&, ParseState& s) { s.expr_marks.push_back(s.exprs.size()); }
};
template <> struct action<g::call_open> : mark_exprs {};
template <> struct action<g::set_open> : mark_exprs {};
template <> struct action<g::req_choices_open> : mark_exprs {};

inline std::vector<ExprPtr> pop_to_mark(ParseState& s) {
  const auto mark = s.expr_marks.back();
  s.expr_marks.pop_back();
  std::vector<ExprPtr> out;
  for (auto i = mark; i < s.exprs.size(); ++i) out.push_back(std::move(s.exprs[i]));
  s.exprs.resize(mark);
  return out;
}
// name_or_call <- dotted_name call_args?
template <> struct action<g::call_args> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto args = pop_to_mark(s);
    auto& callee = s.exprs.back();
    callee->kind = ExprKind::call;
    callee->args = std::move(args);
  }
};
// set_lit <- '{' (expr (',' expr)*)? '}'
template <> struct action<g::set_lit> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::set, in, s);
    e->args = pop_to_mark(s);
    s.exprs.push_back(std::move(e));
  }
};

// ------------------------------------------------------------ operators --
struct push_operator {
  template <typename I> static void apply(const I& in, ParseState& s) { s.operators.push_back(in.string()); }
};
template <> struct action<g::mul_op> : push_operator {};
template <> struct action<g::add_op> : push_operator {};
template <> struct action<g::cmp_op> : push_operator {};
template <> struct action<g::and_op> : push_operator {};
template <> struct action<g::or_op> : push_operator {};
template <> struct action<g::in_op> : push_operator {};
template <> struct action<g::not_in_op> {
  template <typename I> static void apply(const I&, ParseState& s) { s.operators.push_back("not in"); }
};

inline void reduce_binary(ParseState& s) {
  auto rhs = s.pop_expr();
  auto lhs = s.pop_expr();
  auto e = std::make_unique<Expr>(ExprKind::binary, lhs->pos);
  e->text = s.operators.back();
  s.operators.pop_back();
  e->args.push_back(std::move(lhs));
  e->args.push_back(std::move(rhs));
  s.exprs.push_back(std::move(e));
}
struct reduce_binary_action {
  template <typename I> static void apply(const I&, ParseState& s) { reduce_binary(s); }
};
// Each binary level has its own right-operand rule, reduced when it matched.
template <> struct action<g::req_mul_rhs> : reduce_binary_action {};
template <> struct action<g::req_mul> : reduce_binary_action {};
template <> struct action<g::req_operand> : reduce_binary_action {};
template <> struct action<g::req_and_rhs> : reduce_binary_action {};
template <> struct action<g::req_and> : reduce_binary_action {};

template <> struct action<g::is_none_op> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto operand = s.pop_expr();
    auto e = std::make_unique<Expr>(ExprKind::is_none, operand->pos);
    e->flag = in.string_view().find("not") != std::string_view::npos;
    e->args.push_back(std::move(operand));
    s.exprs.push_back(std::move(e));
  }
};
// range_expr <- add_expr ('..' add_expr)?
template <> struct action<g::range_tail> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto hi = s.pop_expr();
    auto lo = s.pop_expr();
    auto e = std::make_unique<Expr>(ExprKind::range, lo->pos);
    e->args.push_back(std::move(lo));
    e->args.push_back(std::move(hi));
    s.exprs.push_back(std::move(e));
  }
};
template <ExprKind Kind>
struct wrap_unary {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto operand = s.pop_expr();
    auto e = make(Kind, in, s);
    e->args.push_back(std::move(operand));
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::negate_expr> : wrap_unary<ExprKind::negate> {};
template <> struct action<g::not_prefix> : wrap_unary<ExprKind::not_> {};

// distinct_expr <- 'distinct' field 'of' unary
struct push_name {
  template <typename I> static void apply(const I& in, ParseState& s) { s.names.push_back({in.string(), pos_of(in, s)}); }
};
template <> struct action<g::req_field> : push_name {};
template <> struct action<g::distinct_expr> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto rows = s.pop_expr();
    auto e = make(ExprKind::distinct, in, s);
    auto field = s.pop_name();
    e->text = field.text;
    e->name_pos.push_back(field.pos);
    e->args.push_back(std::move(rows));
    s.exprs.push_back(std::move(e));
  }
};
// holding_tail <- 'holding' ('any' 'of' / 'all' 'of')? unary
template <> struct action<g::holding_mode> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    s.holding_modes.back() = in.string_view().starts_with("any") ? "any" : "all";
  }
};
template <> struct action<g::kw_holding> {
  template <typename I> static void apply(const I&, ParseState& s) { s.holding_modes.push_back("one"); }
};
template <> struct action<g::holding_tail> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto spec = s.pop_expr();
    auto people = s.pop_expr();
    auto e = make(ExprKind::holding, in, s);
    e->pos = people->pos;
    e->text = s.holding_modes.back();
    s.holding_modes.pop_back();
    e->args.push_back(std::move(people));
    e->args.push_back(std::move(spec));
    s.exprs.push_back(std::move(e));
  }
};

// every_metric <- 'every' 'metric' cmp_op range_expr
template <> struct action<g::req_every_op> : push_operator {};
template <> struct action<g::every_metric> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto bound = s.pop_expr();
    auto e = make(ExprKind::every_metric, in, s);
    e->text = s.operators.back();
    s.operators.pop_back();
    e->args.push_back(std::move(bound));
    s.exprs.push_back(std::move(e));
  }
};

// pipeline <- or_expr ('where' or_expr / 'by' field (',' field)*)*
template <> struct action<g::where_tail> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto predicate = s.pop_expr();
    auto rows = s.pop_expr();
    auto e = make(ExprKind::where, in, s);
    e->args.push_back(std::move(rows));
    e->args.push_back(std::move(predicate));
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::by_start> {
  template <typename I> static void apply(const I&, ParseState& s) { s.name_marks.push_back(s.names.size()); }
};
template <> struct action<g::req_group_field> : push_name {};
template <> struct action<g::by_tail> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto rows = s.pop_expr();
    auto e = make(ExprKind::group_by, in, s);
    const auto mark = s.name_marks.back();
    s.name_marks.pop_back();
    for (auto i = mark; i < s.names.size(); ++i) {
      e->names.push_back(s.names[i].text);
      e->name_pos.push_back(s.names[i].pos);
    }
    s.names.resize(mark);
    e->args.push_back(std::move(rows));
    s.exprs.push_back(std::move(e));
  }
};

// if_expr <- 'if' expr 'then' expr 'else' expr
template <> struct action<g::if_expr> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto otherwise = s.pop_expr();
    auto then = s.pop_expr();
    auto condition = s.pop_expr();
    auto e = make(ExprKind::if_, in, s);
    e->args.push_back(std::move(condition));
    e->args.push_back(std::move(then));
    e->args.push_back(std::move(otherwise));
    s.exprs.push_back(std::move(e));
  }
};
template <> struct action<g::req_path_label> : push_name {};
// choose_expr <- 'choose' 'path' '{' label ':' expr (',' label ':' expr)* '}'
template <> struct action<g::choose_expr> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto e = make(ExprKind::choose_path, in, s);
    e->args = pop_to_mark(s);
    const auto first = s.names.size() - e->args.size();
    for (auto i = first; i < s.names.size(); ++i) {
      e->names.push_back(s.names[i].text);
      e->name_pos.push_back(s.names[i].pos);
    }
    s.names.resize(first);
    s.exprs.push_back(std::move(e));
  }
};

}  // namespace pcs::parser::detail
