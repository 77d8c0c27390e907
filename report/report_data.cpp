#include "report/report_data.hpp"

#include <algorithm>

namespace pcs::report {

std::vector<std::size_t> histogram(const std::vector<Decimal>& totals, const Decimal& max, int width) {
  const auto w = Decimal::from_int(width);
  const Decimal q = (max / w).floor();
  const auto last = std::max<std::int64_t>(0, std::int64_t(q.numerator()) - (q * w == max ? 1 : 0));
  std::vector<std::size_t> bins(std::size_t(last) + 1, 0);
  for (const auto& t : totals) {
    const std::int64_t k = t.is_negative() ? 0 : std::int64_t((t / w).floor().numerator());
    bins[std::size_t(std::min(k, last))]++;
  }
  return bins;
}

namespace {

std::optional<Decimal> constant(const ast::Expr& e, int depth) {
  if (depth > 16) return std::nullopt;
  if (e.kind == ast::ExprKind::number) return e.number;
  if (e.kind == ast::ExprKind::name && e.target.kind == ast::Resolution::Kind::let && e.target.let &&
      !e.target.let->is_function && e.target.let->body)
    return constant(*e.target.let->body, depth + 1);
  return std::nullopt;
}

std::optional<Decimal> find_minimum(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::binary && e.args.size() == 2) {
    if ((e.text == ">=" || e.text == ">") && e.args[0]->kind == ast::ExprKind::name &&
        e.args[0]->target.kind == ast::Resolution::Kind::total)
      if (auto n = constant(*e.args[1], 0)) return n;
    if (e.text == "and")
      for (const auto& a : e.args)
        if (auto n = find_minimum(*a)) return n;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Decimal> minimum_total(const ast::DesignationDecl& d) {
  return d.attained ? find_minimum(*d.attained) : std::nullopt;
}

std::vector<std::size_t> near_misses(const std::vector<Candidate>& all, const std::optional<Decimal>& minimum,
                                     const Decimal& within) {
  std::vector<std::size_t> picked;
  auto missing = [&](const Candidate& c) {
    if (!minimum || c.total >= *minimum) return Decimal();
    return *minimum - c.total;
  };
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& c = all[i];
    if (c.attained) continue;
    const bool close = minimum && c.total < *minimum && missing(c) <= within;
    if (close || c.metrics_at_zero == 1) picked.push_back(i);
  }
  std::stable_sort(picked.begin(), picked.end(), [&](std::size_t a, std::size_t b) {
    const auto ma = missing(all[a]), mb = missing(all[b]);
    if (ma != mb) return ma < mb;
    return all[a].partner < all[b].partner;
  });
  return picked;
}

}  // namespace pcs::report
