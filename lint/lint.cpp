// The warnings of `pcs check` (list in lint.hpp).
#include "lint/lint.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <set>

#include "lint/bounds.hpp"

namespace pcs::lint {

namespace {

using detail::constant_of;
using detail::max_points;
namespace fs = std::filesystem;

std::string pts(const Decimal& d) { return d.to_string_floor(2) + (d == Decimal::from_int(1) ? " point" : " points"); }
std::string where_defined(const SourcePos& p) { return fmt::format("{}:{}", p.file, p.line); }

bool same_expr(const ast::Expr& a, const ast::Expr& b) {
  if (a.kind != b.kind || a.text != b.text || !(a.number == b.number) || a.flag != b.flag ||
      a.args.size() != b.args.size() || a.names != b.names)
    return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same_expr(*a.args[i], *b.args[i])) return false;
  return true;
}

/// Calls `visit` on every comparison of `total` with a constant inside `e`.
void find_total_bounds(const ast::Expr& e, const std::function<void(const ast::Expr&, const Decimal&)>& visit) {
  if (e.kind == ast::ExprKind::binary && (e.text == ">=" || e.text == ">") &&
      e.args[0]->target.kind == ast::Resolution::Kind::total)
    if (auto bound = constant_of(*e.args[1])) visit(e, *bound);
  for (const auto& a : e.args) find_total_bounds(*a, visit);
}

class Linter {
 public:
  Linter(const Ruleset& rs, Diagnostics& out) : rs_(rs), out_(out) {
    std::error_code ec;
    own_dir_ = fs::weakly_canonical(rs.dir, ec);
  }

  void run() {
    for (const auto* d : rs_.designations)
      if (own(d->pos)) designation(*d);
    definitions();
  }

 private:
  bool own(const SourcePos& p) const {
    std::error_code ec;
    return fs::weakly_canonical(fs::path(p.file), ec).parent_path() == own_dir_;
  }

  void warn(const SourcePos& pos, std::string code, std::string message, std::string hint = {}) {
    out_.warning(std::move(code), pos, std::move(message), std::move(hint));
  }

  void designation(const ast::DesignationDecl& d) {
    Decimal total_max;
    for (const auto& use : d.categories) {
      if (!use.category) continue;
      const auto& c = *use.category;
      Decimal sum;
      std::string parts;
      for (const auto& m : c.metrics) {
        sum += m->max->number;
        parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", m->id, m->max->number.to_string());
        metric(*m);
      }
      if (c.max && !(c.max->number == sum))
        warn(c.max->pos, "category-max",
             fmt::format("the category '{}' declares max {}, but its metrics' maxima add up to {} ({})", c.id,
                         pts(c.max->number), pts(sum), parts),
             "make the category's maximum the sum of its metrics' maxima, or correct a metric's maximum");
      total_max += c.max ? c.max->number : sum;
    }
    if (!(total_max == Decimal::from_int(100)))
      warn(d.pos, "total-max", fmt::format("the maxima of '{}' add up to {}, not 100 points", d.id, pts(total_max)));
    if (d.attained)
      find_total_bounds(*d.attained, [&](const ast::Expr& cmp, const Decimal& bound) {
        const bool impossible = cmp.text == ">=" ? bound > total_max : !(bound < total_max);
        if (impossible)
          warn(cmp.args[1]->pos, "minimum-above-max",
               fmt::format("the attainment rule asks for a total {} {}, but '{}' can give at most {}: it can never be attained",
                           cmp.text, pts(bound), d.id, pts(total_max)));
      });
    paths(d);
  }

  void metric(const ast::MetricDecl& m) {
    if (!m.score) return;
    const auto max = m.max->number;
    const auto best = max_points(*m.score, max);
    if (!best) return;
    if (best->is_zero() || best->is_negative())
      warn(m.score->pos, "unscorable-metric",
           fmt::format("the scoring rule of '{}' gives 0 points whatever the data, on every path", m.id));
    else if (*best < max)
      warn(m.max->pos, "unreachable-max",
           fmt::format("the scoring rule of '{}' gives at most {}, but the metric's maximum is {}: the maximum can never be reached",
                       m.id, pts(*best), pts(max)),
           fmt::format("lower the maximum to {}, or raise the rate or its cap", pts(*best)));
  }

  void paths(const ast::DesignationDecl& d) {
    for (std::size_t i = 0; i < d.paths.size(); ++i) {
      const auto& p = d.paths[i];
      if (!p.condition) continue;
      if (p.condition->kind == ast::ExprKind::boolean && p.condition->flag && i + 1 < d.paths.size())
        warn(p.pos, "path-overlap", fmt::format("the condition of path '{}' is always true, so the paths after it are never chosen", p.id));
      for (std::size_t j = 0; j < i; ++j)
        if (d.paths[j].condition && same_expr(*d.paths[j].condition, *p.condition))
          warn(p.pos, "path-overlap",
               fmt::format("path '{}' has the same condition as path '{}', which is tried first: '{}' is never chosen", p.id,
                           d.paths[j].id, p.id));
    }
  }

  void definitions() {
    for (const auto& [name, let] : rs_.lets)
      if (!let->used && own(let->pos))
        warn(let->pos, "unused", fmt::format("'{}' is defined but nothing uses it", name), "remove it, or use it in a rule");
    std::set<std::string> used_categories;
    for (const auto* d : rs_.designations)
      for (const auto& use : d->categories) used_categories.insert(use.name);
    for (const auto& [id, c] : rs_.categories)
      if (!used_categories.count(id) && own(c->pos))
        warn(c->pos, "unused", fmt::format("the category '{}' is declared but no designation uses it", id));
    auto hides = [&](const ast::LetDecl& l, const char* where) {
      auto it = rs_.lets.find(l.name);
      if (it != rs_.lets.end() && own(l.pos))
        warn(l.pos, "shadowing",
             fmt::format("'{}' in this {} hides the top-level definition at {}", l.name, where, where_defined(it->second->pos)),
             "rename one of them if they are not meant to be the same thing");
    };
    for (const auto* d : rs_.designations) {
      for (const auto& l : d->lets) hides(*l, "designation");
      for (const auto& use : d->categories)
        if (use.category)
          for (const auto& m : use.category->metrics)
            for (const auto& l : m->lets) hides(*l, "metric");
    }
  }

  const Ruleset& rs_;
  Diagnostics& out_;
  fs::path own_dir_;
};

}  // namespace

void warn(const Ruleset& ruleset, Diagnostics& out) { Linter(ruleset, out).run(); }

}  // namespace pcs::lint
