// Upper bounds of points expressions (see bounds.hpp).
#include "lint/bounds.hpp"

#include <algorithm>

namespace pcs::lint::detail {

using ast::Expr;
using ast::ExprKind;

std::optional<Decimal> constant_of(const Expr& e) {
  if (e.kind == ExprKind::number) return e.number;
  if (e.kind == ExprKind::name && e.target.kind == ast::Resolution::Kind::let && e.target.let && e.target.let->body)
    return constant_of(*e.target.let->body);
  if (e.kind == ExprKind::negate)
    if (auto v = constant_of(*e.args[0])) return -*v;
  return std::nullopt;
}

std::optional<Decimal> upper_bound(const Expr& e) {
  if (auto c = constant_of(e)) return c;
  try {
    switch (e.kind) {
      case ExprKind::binary: {
        const auto& op = e.text;
        auto a = upper_bound(*e.args[0]);
        if (op == "+") {
          auto b = upper_bound(*e.args[1]);
          if (a && b) return *a + *b;
        } else if (op == "-") {
          // a - b is at most a when b is known not to be negative.
          auto b = constant_of(*e.args[1]);
          if (a && b) return *a - *b;
        } else if (op == "*") {
          auto b = upper_bound(*e.args[1]);
          auto ca = constant_of(*e.args[0]);
          auto cb = constant_of(*e.args[1]);
          // Only products of non-negative quantities with a constant side.
          if (a && cb && !cb->is_negative() && !a->is_negative()) return *a * *cb;
          if (b && ca && !ca->is_negative() && !b->is_negative()) return *b * *ca;
        } else if (op == "/") {
          auto b = constant_of(*e.args[1]);
          if (a && b && *b > Decimal() && !a->is_negative()) return *a / *b;
        }
        return std::nullopt;
      }
      case ExprKind::call: {
        if (e.target.kind != ast::Resolution::Kind::builtin) return std::nullopt;
        if (e.text == "min") {
          auto a = upper_bound(*e.args[0]);
          auto b = upper_bound(*e.args[1]);
          if (a && b) return std::min(*a, *b);
          return a ? a : b;
        }
        if (e.text == "max") {
          auto a = upper_bound(*e.args[0]);
          auto b = upper_bound(*e.args[1]);
          if (a && b) return std::max(*a, *b);
        }
        if (e.text == "floor") return upper_bound(*e.args[0]);
        return std::nullopt;
      }
      case ExprKind::if_: {
        auto a = upper_bound(*e.args[1]);
        auto b = upper_bound(*e.args[2]);
        if (a && b) return std::max(*a, *b);
        return std::nullopt;
      }
      case ExprKind::choose_path: {
        std::optional<Decimal> best;
        for (const auto& a : e.args) {
          auto v = upper_bound(*a);
          if (!v) return std::nullopt;
          best = best ? std::max(*best, *v) : *v;
        }
        return best;
      }
      default: return std::nullopt;
    }
  } catch (const arithmetic_error&) {
    return std::nullopt;
  }
}

std::optional<Decimal> max_points(const ast::ScoreForm& f, const Decimal& metric_max) {
  using K = ast::ScoreForm::Kind;
  switch (f.kind) {
    case K::rate: {
      if (!f.up_to) return std::nullopt;
      auto cap = upper_bound(*f.up_to);
      if (!cap) return std::nullopt;
      return cap->floor() * f.rate_points;
    }
    case K::proportional: {
      const auto target = constant_of(*f.expr);
      return target && !(*target > Decimal()) ? Decimal() : metric_max;  // a target of 0 is never reached
    }
    case K::expression: return upper_bound(*f.expr);
    case K::if_:
    case K::choose_path: {
      std::optional<Decimal> best;
      for (const auto& sub : f.forms) {
        auto v = max_points(*sub, metric_max);
        if (!v) return std::nullopt;
        best = best ? std::max(*best, *v) : *v;
      }
      return best;
    }
  }
  return std::nullopt;
}

}  // namespace pcs::lint::detail
