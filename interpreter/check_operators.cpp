// Checking operators: arithmetic and comparisons with their unit rules.
//   a + b, a - b    same unit; month ± months; set + set (union), set - set (difference)
//   a * b           at most one side has a unit
//   a / b           same units cancel; a unit divided by a plain number keeps it
//   a < b ...       same type and unit
//   x in s          text in a set of text; a month in a range of months
#include <fmt/format.h>

#include "interpreter/checker_impl.hpp"

namespace pcs::ast {

BinaryOp binary_op(std::string_view text) {
  static constexpr std::pair<std::string_view, BinaryOp> ops[] = {
      {"and", BinaryOp::and_},   {"or", BinaryOp::or_},        {"in", BinaryOp::in},       {"not in", BinaryOp::not_in},
      {"+", BinaryOp::add},      {"-", BinaryOp::subtract},    {"*", BinaryOp::multiply},  {"/", BinaryOp::divide},
      {"intersect", BinaryOp::intersect}, {"==", BinaryOp::eq}, {"!=", BinaryOp::ne},      {"<", BinaryOp::lt},
      {"<=", BinaryOp::le},      {">", BinaryOp::gt},          {">=", BinaryOp::ge}};
  for (const auto& [name, op] : ops)
    if (name == text) return op;
  return BinaryOp::unknown;
}

}  // namespace pcs::ast

namespace pcs::checker::detail {

using ast::Expr;

namespace {
bool is_number(const Type& t) { return t.kind == TypeKind::number; }
}  // namespace

Type Checker::check_binary(Expr& e, Scope& scope) {
  const std::string& op = e.text;
  e.op = ast::binary_op(op);
  if (op == "and" || op == "or") {
    auto a = expect(*e.args[0], scope, TypeKind::boolean, fmt::format("the left side of '{}'", op));
    auto b = expect(*e.args[1], scope, TypeKind::boolean, fmt::format("the right side of '{}'", op));
    return (a.kind == TypeKind::error || b.kind == TypeKind::error) ? Type::error() : Type::of(TypeKind::boolean);
  }
  auto a = check(*e.args[0], scope);
  auto b = check(*e.args[1], scope);
  if (a.kind == TypeKind::error || b.kind == TypeKind::error) return Type::error();
  if (op == "in" || op == "not in") {
    if (a.kind == TypeKind::string && b.kind == TypeKind::set && b.element == TypeKind::string) return Type::of(TypeKind::boolean);
    if (a.kind == TypeKind::month && (b.kind == TypeKind::month_range || b.kind == TypeKind::month)) return Type::of(TypeKind::boolean);
    error(e.args[1]->pos, "type-mismatch",
          fmt::format("'{}' checks text against a set of text, or a month against a range of months; here the left side is {} and the right side is {}",
                      op, describe(a), describe(b)));
    return Type::error();
  }
  if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") return check_comparison(e, a, b);
  return check_arithmetic(e, a, b);
}

Type Checker::check_comparison(Expr& e, const Type& a, const Type& b) {
  const std::string& op = e.text;
  // `tenant == tenant` inside a where reads the same row twice: always true.
  const auto& l = e.args[0]->target;
  const auto& r = e.args[1]->target;
  if (l.kind == ast::Resolution::Kind::field && r.kind == ast::Resolution::Kind::field && l.index == r.index &&
      l.frame == r.frame) {
    error(e.pos, "self-comparison",
          fmt::format("both sides read the '{}' of the same row, so this compares it with itself", e.args[0]->text),
          fmt::format("to compare with an outer row's {0}, pass it to a function: fn f(t) = ... where {0} == t", e.args[0]->text));
    return Type::error();
  }
  const bool equality = op == "==" || op == "!=";
  if (is_number(a) && is_number(b)) {
    // A plain 0 is zero in every unit: `value > 0` reads the same for USD and users.
    auto plain_zero = [](const Expr& x) { return x.kind == ast::ExprKind::number && x.text.empty() && x.number.is_zero(); };
    if (a.unit != b.unit && !plain_zero(*e.args[0]) && !plain_zero(*e.args[1])) {
      error(e.args[1]->pos, "unit-mismatch",
            fmt::format("cannot compare {} with {}", unit_words(a.unit), unit_words(b.unit)),
            b.unit == Unit::none ? fmt::format("write the unit after the number, as in '{} {}'", e.args[1]->kind == ast::ExprKind::number ? e.args[1]->number.to_string() : "1000", unit_name(a.unit))
                                 : std::string());
      return Type::error();
    }
    return Type::of(TypeKind::boolean);
  }
  if (a.kind == b.kind && (a.kind == TypeKind::month || a.kind == TypeKind::date)) return Type::of(TypeKind::boolean);
  if (equality) {
    const bool text_like = [](const Type& t) { return t.kind == TypeKind::string || t.kind == TypeKind::none || t.kind == TypeKind::path; }(a);
    const bool text_like_b = b.kind == TypeKind::string || b.kind == TypeKind::none || b.kind == TypeKind::path;
    if (text_like && text_like_b) return Type::of(TypeKind::boolean);
    if (a.kind == TypeKind::boolean && b.kind == TypeKind::boolean) return Type::of(TypeKind::boolean);
  }
  error(e.pos, "type-mismatch", fmt::format("cannot compare {} with {} using '{}'", describe(a), describe(b), op));
  return Type::error();
}

Type Checker::check_arithmetic(Expr& e, const Type& a, const Type& b) {
  const std::string& op = e.text;
  if (op == "intersect" || ((op == "+" || op == "-") && a.kind == TypeKind::set)) {
    if (a.kind == TypeKind::set && b.kind == TypeKind::set && a.element == b.element) {
      Type t = a;
      if (a.unit != b.unit) t.unit = Unit::none;
      return t;
    }
    error(e.pos, "type-mismatch", fmt::format("'{}' combines two sets of the same kind, not {} and {}", op, describe(a), describe(b)));
    return Type::error();
  }
  if (a.kind == TypeKind::month && (op == "+" || op == "-") && is_number(b) &&
      (b.unit == Unit::none || b.unit == Unit::months))
    return Type::of(TypeKind::month);
  if (a.kind == TypeKind::month && op == "-" && b.kind == TypeKind::month) return Type::number(Unit::months);
  if (!is_number(a) || !is_number(b)) {
    const char* verb = op == "+" ? "add" : op == "-" ? "subtract" : op == "*" ? "multiply" : "divide";
    error(e.pos, "type-mismatch", fmt::format("cannot {} {} and {}", verb, describe(a), describe(b)));
    return Type::error();
  }
  if (op == "+" || op == "-") {
    if (a.unit != b.unit) {
      error(e.args[1]->pos, "unit-mismatch",
            fmt::format("cannot {} {} {} {}: both sides need the same unit", op == "+" ? "add" : "subtract",
                        unit_words(b.unit), op == "+" ? "to" : "from", unit_words(a.unit)));
      return Type::error();
    }
    return a;
  }
  if (op == "*") {
    if (a.unit != Unit::none && b.unit != Unit::none) {
      error(e.pos, "unit-mismatch", fmt::format("cannot multiply {} by {}: one side must be a plain number", unit_words(a.unit), unit_words(b.unit)));
      return Type::error();
    }
    return Type::number(a.unit == Unit::none ? b.unit : a.unit);
  }
  // division
  if (a.unit == b.unit) return Type::number(Unit::none);
  if (b.unit == Unit::none) return a;
  error(e.pos, "unit-mismatch", fmt::format("cannot divide {} by {}", unit_words(a.unit), unit_words(b.unit)));
  return Type::error();
}

}  // namespace pcs::checker::detail
