// The largest value a points expression can take, found without data: an
// interval-style estimate over literals, constant definitions, +, *, /, min,
// max, if and choose path. Unknown parts (the metric's value, data) make the
// bound unknown, so the linter only warns when it is sure.
#pragma once

#include <optional>

#include "common/decimal.hpp"
#include "interpreter/ast.hpp"

namespace pcs::lint::detail {

/// The constant value of `e` (literal numbers and lets bound to one), if any.
std::optional<Decimal> constant_of(const ast::Expr& e);
/// An upper bound of `e`, when one can be found without data.
std::optional<Decimal> upper_bound(const ast::Expr& e);
/// The most points a scoring form can give, when known.
std::optional<Decimal> max_points(const ast::ScoreForm& f, const Decimal& metric_max);

}  // namespace pcs::lint::detail
