// The figures of the HTML report computed from the results: histogram bins
// of totals, the minimum total a designation's rule compares with, and the
// near misses. Pure functions, unit-tested (tests/report).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/decimal.hpp"
#include "interpreter/ast.hpp"

namespace pcs::report {

/// Counts of totals in bins of `width` points from 0: bin k holds
/// [k*width, (k+1)*width); the last bin also holds `max` (and anything above).
std::vector<std::size_t> histogram(const std::vector<Decimal>& totals, const Decimal& max, int width);

/// The number the attainment rule compares the total with (`total >=
/// minimum_total`, following lets to a number); nullopt when it has none.
std::optional<Decimal> minimum_total(const ast::DesignationDecl& d);

struct Candidate {
  std::string partner;
  Decimal total;
  bool attained = false;
  std::size_t metrics_at_zero = 0;
};

/// Near misses: not attained, and within `within` points below `minimum` or
/// with exactly one metric at 0 points. Ordered by the points missing
/// (smallest first), then partner id. Returns indexes into `all`.
std::vector<std::size_t> near_misses(const std::vector<Candidate>& all, const std::optional<Decimal>& minimum,
                                     const Decimal& within);

}  // namespace pcs::report
