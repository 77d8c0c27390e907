// Scoring: paths, metrics (prerequisites, value, scoring form, caps),
// categories, totals and attainment, each step written to the explanation.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/evaluator_impl.hpp"

namespace pcs::eval::detail {

namespace {

std::string amount(const Decimal& d, Unit u) { return display_number(d, u, 6); }
// Points are exact; only their display is rounded down to 2 decimals.
std::string points_text(const Decimal& d) {
  const bool one = d == Decimal::from_int(1);
  return fmt::format("{} {}", d.to_string_floor(2), one ? "point" : "points");
}

std::string location(const SourcePos& p) { return fmt::format("{}:{}:{}", p.file, p.line, p.column); }

}  // namespace

Symbol Evaluator::choose_path(const ast::DesignationDecl& d) {
  choosing_path_ = true;
  for (const auto& p : d.paths) {
    if (!p.condition || eval_bool(*p.condition)) {
      choosing_path_ = false;
      return symbols().intern(p.id);
    }
  }
  choosing_path_ = false;
  throw EvalError{d.pos, "the partner matches none of the designation's paths"};
}

Decimal Evaluator::score(const ast::ScoreForm& f, const Decimal& value, Unit unit, const Decimal& max,
                         std::vector<std::string>& explain) {
  using K = ast::ScoreForm::Kind;
  switch (f.kind) {
    case K::rate: {
      if (value < Decimal()) {
        if (explain_) explain.push_back(fmt::format("{} is below 0: 0 points", amount(value, unit)));
        return Decimal();
      }
      Decimal counted = value.floor();
      std::string note;
      if (!(counted == value)) note = fmt::format(" ({} counts as {} whole)", amount(value, unit), amount(counted, unit));
      if (f.up_to) {
        const auto cap = eval(*f.up_to).number;
        if (counted > cap) {
          note += fmt::format(" (counted up to {})", amount(cap, unit));
          counted = cap;
        }
      }
      const auto points = counted * f.rate_points;
      if (explain_) explain.push_back(fmt::format("{} x {} per {} = {}{}", amount(counted, unit), points_text(f.rate_points),
                                                  unit_singular(unit), points_text(points), note));
      return points;
    }
    case K::proportional: {
      const auto target = eval(*f.expr).number;
      if (!(target > Decimal())) throw EvalError{f.expr->pos, "the target of 'proportional to' must be above 0"};
      auto ratio = value / target;
      if (ratio > Decimal::from_int(1)) ratio = Decimal::from_int(1);
      const auto points = max * ratio;
      if (explain_) explain.push_back(fmt::format("{} x min(1, {} / {}) = {}", points_text(max), amount(value, unit),
                                                  amount(target, unit), points_text(points)));
      return points;
    }
    case K::expression: {
      const auto points = eval(*f.expr).number;
      if (explain_) explain.push_back(fmt::format("score = {}", points_text(points)));
      return points;
    }
    case K::if_:
      return score(*f.forms[eval_bool(*f.expr) ? 0 : 1], value, unit, max, explain);
    case K::choose_path: {
      const auto label = symbols().name(path_);
      for (std::size_t i = 0; i < f.labels.size(); ++i)
        if (f.labels[i] == label) return score(*f.forms[i], value, unit, max, explain);
      throw EvalError{f.pos, "no score for the partner's path"};
    }
  }
  return Decimal();
}

MetricResult Evaluator::run_metric(const ast::MetricDecl& m) {
  MetricResult r;
  r.id = m.id;
  r.name = m.title;
  r.category = m.category;
  r.max = m.max->number;
  r.value_unit = m.value->type.unit;
  metric_ = &m;
  metric_cache_.clear();
  trace_ = &r.explain;
  collectors_.clear();

  bool prerequisites_met = true;
  for (const auto& req : m.requires_) {
    const bool ok = eval_bool(*req.condition);
    r.prerequisites_met.push_back(ok);
    if (explain_) r.explain.push_back(fmt::format("prerequisite {}: {}", ok ? "met" : "NOT met", req.text));
    prerequisites_met = prerequisites_met && ok;
  }
  const bool scorable = !m.value_when || eval_bool(*m.value_when);
  Decimal points;
  if (scorable) {
    const auto v = eval(*m.value);
    r.value = v.number;
    if (explain_) r.explain.push_back(fmt::format("value = {}", amount(v.number, r.value_unit)));
    if (prerequisites_met) {
      metric_value_ = v;
      points = score(*m.score, v.number, r.value_unit, r.max, r.explain);
      metric_value_.reset();
    } else {
      if (explain_) r.explain.push_back("0 points: a prerequisite is not met");
    }
  } else {
    if (explain_) r.explain.push_back("not scorable: the 'when' condition of the value is false; 0 points");
  }
  if (points < Decimal()) {
    if (explain_) r.explain.push_back(fmt::format("{} is below 0: 0 points", points_text(points)));
    points = Decimal();
  }
  if (points > r.max) {
    if (explain_) r.explain.push_back(fmt::format("{} is above the maximum: {}", points_text(points), points_text(r.max)));
    points = r.max;
  }
  r.points = points;
  trace_ = nullptr;
  metric_ = nullptr;
  return r;
}

DesignationResult Evaluator::run_designation(const ast::DesignationDecl& d) {
  DesignationResult result;
  result.id = d.id;
  result.name = d.title;
  designation_ = &d;
  designation_cache_.clear();
  path_ = no_symbol;
  try {
    if (!d.paths.empty()) {
      // The figures the path conditions read are part of the explanation.
      std::vector<std::string> inputs;
      trace_ = &inputs;
      path_ = choose_path(d);
      trace_ = nullptr;
      result.path = std::string(symbols().name(path_));
      const bool by_condition = std::any_of(d.paths.begin(), d.paths.end(),
                                            [&](const auto& p) { return p.id == result.path && p.condition; });
      if (explain_) result.explain.push_back(fmt::format("path {}: {}", result.path,
                                                         by_condition ? "its condition holds" : "no earlier path's condition holds"));
      for (auto& line : inputs) result.explain.push_back("  " + line);
    }
    for (const auto& use : d.categories) {
      CategoryResult c;
      c.id = use.category->id;
      c.name = use.category->title;
      for (const auto& m : use.category->metrics) {
        try {
          result.metrics.push_back(run_metric(*m));
        } catch (const EvalError& e) {
          MetricResult failed;
          failed.id = m->id;
          failed.name = m->title;
          failed.category = m->category;
          failed.max = m->max->number;
          failed.error = fmt::format("{}: {}", location(e.pos), e.message);
          result.metrics.push_back(std::move(failed));
          if (result.error.empty()) result.error = fmt::format("metric {}: {}", m->id, result.metrics.back().error);
          frames_.clear();
          args_.clear();
          collectors_.clear();
          trace_ = nullptr;  // it pointed into the failed metric's result
          metric_value_.reset();
        }
        c.points += result.metrics.back().points;
        c.max += result.metrics.back().max;
      }
      if (use.category->max) c.max = use.category->max->number;
      result.total += c.points;
      result.max += c.max;
      result.categories.push_back(std::move(c));
    }
    total_ = result.total;
    metric_results_ = &result.metrics;
    result.attained = result.error.empty() && eval_bool(*d.attained);
    metric_results_ = nullptr;
    if (explain_) {
      result.explain.push_back(fmt::format("attained when {}: {}", d.attained_text, result.attained ? "yes" : "no"));
      std::rotate(result.explain.begin(), result.explain.end() - 1, result.explain.end());  // the verdict first
      result.explain.push_back(fmt::format("total = {}", points_text(result.total)));
      std::string zero;
      for (const auto& m : result.metrics)
        if (m.points.is_zero()) zero += (zero.empty() ? "" : ", ") + m.name;
      if (!zero.empty()) result.explain.push_back("metrics at 0 points: " + zero);
    }
  } catch (const EvalError& e) {
    if (result.error.empty()) result.error = fmt::format("{}: {}", location(e.pos), e.message);
    result.attained = false;
  } catch (const arithmetic_error& e) {
    result.error = fmt::format("{}: {}", location(d.pos), e.what());
    result.attained = false;
  }
  trace_ = nullptr;
  metric_ = nullptr;
  frames_.clear();
  args_.clear();
  collectors_.clear();
  designation_ = nullptr;
  attained_[result.id] = result.attained;
  return result;
}

BadgeResult Evaluator::run_badge(const ast::BadgeDecl& b) {
  BadgeResult r{b.id, b.title, false, {}};
  try {
    r.attained = eval_bool(*b.condition);
  } catch (const EvalError& e) {
    r.error = fmt::format("{}: {}", location(e.pos), e.message);
  }
  return r;
}

SpecializationResult Evaluator::run_specialization(const ast::SpecializationDecl& s) {
  SpecializationResult r;
  r.id = s.id;
  r.name = s.title;
  for (const auto& id : s.designations) r.designation += (r.designation.empty() ? "" : " or ") + id;
  if (s.unpublished) {
    r.published = false;
    if (explain_) r.explain.push_back("requirements not published: the program document names this specialization without them");
    return r;
  }
  // Its own version's designation: the requirements were checked in its names.
  const auto* d = s.scope_designation;
  designation_ = d;
  designation_cache_.clear();
  metric_ = s.body.get();
  metric_cache_.clear();
  trace_ = &r.explain;
  try {
    if (d && !d->paths.empty()) path_ = choose_path(*d);
    bool designation_ok = false;
    for (const auto& id : s.designations) {
      const auto it = attained_.find(id);
      designation_ok = designation_ok || (it != attained_.end() && it->second);
    }
    if (explain_) r.explain.push_back(fmt::format("designation {} attained: {}", r.designation, designation_ok ? "yes" : "no"));
    bool all = designation_ok;
    for (const auto& req : s.body->requires_) {
      // Without explanations only the verdict is printed, and it is decided
      // once the designation is not attained or a requirement is not met:
      // like `and`, stop there (most partners of a population attain no
      // designation, and the requirements cost more than the designations).
      if (!all && !explain_) break;
      const bool ok = eval_bool(*req.condition);
      if (explain_) r.explain.push_back(fmt::format("requirement {}: {}", ok ? "met" : "NOT met", req.text));
      all = all && ok;
    }
    r.passed = all;
  } catch (const EvalError& e) {
    r.error = fmt::format("{}: {}", location(e.pos), e.message);
  }
  trace_ = nullptr;
  metric_ = nullptr;
  designation_ = nullptr;
  frames_.clear();
  args_.clear();
  collectors_.clear();
  return r;
}

}  // namespace pcs::eval::detail

namespace pcs::eval {

PartnerResult evaluate(const Ruleset& ruleset, const data::Partner& partner, const Options& options) {
  return evaluate(ruleset, PartnerView(partner), options);
}

// The as-of month is resolved by the caller (engine/score_recipe.hpp holds
// the one rule); without one, the latest usage month, else 0000-01.
PartnerResult evaluate(const Ruleset& ruleset, const PartnerView& view, const Options& options) {
  const data::Partner& partner = view.partner;
  PartnerResult out;
  out.partner = partner.id;
  const MonthIndex as_of = options.as_of ? *options.as_of : partner.latest_month().value_or(0);
  out.as_of = format_month(as_of);
  out.program = ruleset.program ? ruleset.program->id : "";
  if (!ruleset.checked) return out;  // never evaluate an unchecked tree
  detail::Evaluator evaluator(ruleset, view, as_of);
  evaluator.set_time_budget(options.limit_ms);
  evaluator.set_explain(options.explain);
  for (const auto* d : ruleset.designations) {
    if (!options.designations.empty() &&
        std::find(options.designations.begin(), options.designations.end(), d->id) == options.designations.end())
      continue;
    out.designations.push_back(evaluator.run_designation(*d));
  }
  // A badge needs every designation; with a --designation filter it is not reported.
  if (options.designations.empty())
    for (const auto* b : ruleset.badges) out.badges.push_back(evaluator.run_badge(*b));
  for (const auto* s : ruleset.specializations) {
    // Reported only when every designation it may build on was evaluated.
    const bool wanted = options.specializations &&
                        (options.designations.empty() ||
                         std::all_of(s->designations.begin(), s->designations.end(), [&](const auto& id) {
                           return std::find(options.designations.begin(), options.designations.end(), id) != options.designations.end();
                         }));
    if (!wanted) continue;
    out.specializations.push_back(evaluator.run_specialization(*s));
  }
  return out;
}

}  // namespace pcs::eval
