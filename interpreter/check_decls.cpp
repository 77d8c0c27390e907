// Checking declarations: collecting definitions, designations, paths,
// categories, metrics and their scoring forms.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "interpreter/checker_impl.hpp"
#include "interpreter/clone.hpp"

namespace pcs::checker::detail {

using ast::Expr;

namespace {
std::string where_defined(const SourcePos& p) { return fmt::format("{}:{}", p.file, p.line); }
std::string units_plural(Unit u) { return u == Unit::none ? "plain numbers" : std::string(unit_name(u)); }
}  // namespace

void Checker::error(const SourcePos& pos, std::string code, std::string message, std::string hint) {
  out_.error(std::move(code), pos, std::move(message), std::move(hint));
}

void Checker::error_with_fix(const SourcePos& pos, std::string code, std::string message, const std::string& replacement,
                             bool quote) {
  Diagnostic d{Severity::error, std::move(code), pos, std::move(message), {}, replacement};
  if (!replacement.empty()) d.hint = quote ? fmt::format("did you mean '{}'?", replacement) : fmt::format("did you mean {}?", replacement);
  out_.add(std::move(d));
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool Checker::run() {
  const auto errors_before = out_.error_count();
  collect();
  for (auto* d : own_designations_) check_designation(*d);
  for (auto* b : own_badges_) check_badge(*b);
  for (auto* s : own_specializations_) check_specialization(*s);
  // Lets nobody referenced are still checked, so their mistakes are reported.
  for (auto& [name, let] : rs_.lets)
    if (!let->is_function && !let_state_.count(let)) let_type(*let, Scope{});
  rs_.checked = out_.error_count() == errors_before;
  return rs_.checked;
}

void Checker::collect() {
  std::map<std::string, SourcePos> defined;
  auto define = [&](const std::string& name, const SourcePos& pos, const char* what) {
    auto [it, fresh] = defined.emplace(name, pos);
    const auto shown = name.substr(name.find(' ') == std::string::npos ? 0 : name.find(' ') + 1);
    if (!fresh) error(pos, "duplicate", fmt::format("{} '{}' is already defined at {}", what, shown, where_defined(it->second)));
    return fresh;
  };
  for (auto& m : rs_.modules) {
    for (auto& p : m->programs) {
      if (rs_.program)
        error(p->pos, "duplicate", fmt::format("a ruleset has one program; another is declared at {}", where_defined(rs_.program->pos)));
      else
        rs_.program = p.get();
    }
    for (auto& x : m->measures) {
      if (!unit_from_name(x->unit)) error(x->pos, "unknown-unit", fmt::format("'{}' is not a unit", x->unit));
      if (define(x->name, x->pos, "measure")) rs_.measures.emplace(x->name, x.get());
    }
    for (auto& c : m->certifications) {
      if (define(c->name, c->pos, "certification")) rs_.certifications.emplace(c->name, c.get());
      // A bare exam code must name one certification: two single-exam certifications may not share it.
      if (c->codes.size() == 1)
        for (const auto& [name, other] : rs_.certifications)
          if (other != c.get() && other->codes.size() == 1 && other->codes[0] == c->codes[0])
            error(c->code_pos[0], "duplicate",
                  fmt::format("the exam code {} is already the certification '{}' ({})", c->codes[0], name, where_defined(other->pos)));
      for (const auto& code : c->codes) rs_.codes.emplace(code, c.get());
    }
    for (auto& l : m->lets) {
      if (l->is_override) {
        auto it = rs_.lets.find(l->name);
        if (it == rs_.lets.end())
          error(l->pos, "nothing-to-override", fmt::format("'override' replaces an imported definition, but nothing named '{}' is defined before", l->name),
                "import the file that defines it first, or drop 'override'");
        else
          it->second = l.get();
        continue;
      }
      if (define(l->name, l->pos, l->is_function ? "function" : "definition")) rs_.lets.emplace(l->name, l.get());
    }
    for (auto& c : m->categories) {
      if (c->is_override) {
        auto it = rs_.categories.find(c->id);
        if (it == rs_.categories.end())
          error(c->pos, "nothing-to-override", fmt::format("'override' replaces an imported category, but no category '{}' is defined before", c->id));
        else
          it->second = c.get();
        continue;
      }
      if (define(c->id, c->pos, "category")) rs_.categories.emplace(c->id, c.get());
    }
  }
  collect_outcomes();
  if (!rs_.program) error(SourcePos{rs_.dir, 0, 0, 1}, "no-program", "the ruleset has no 'program' declaration");
  if (rs_.designations.empty()) error(SourcePos{rs_.dir, 0, 0, 1}, "no-designation", "the ruleset declares no designation");
}

ast::LetDecl* Checker::find_let(std::string_view name, const Scope& scope) const {
  if (scope.metric)
    for (auto& l : scope.metric->lets)
      if (l->name == name) return l.get();
  if (scope.designation)
    for (auto& l : scope.designation->lets)
      if (l->name == name) return l.get();
  auto it = rs_.lets.find(name);
  return it == rs_.lets.end() ? nullptr : it->second;
}

std::string Checker::suggest(std::string_view name, const Scope& scope) const {
  std::vector<std::string_view> candidates{"M", "customers", "people", "usage", "sum", "count", "min", "max", "floor"};
  for (const auto& [n, _] : rs_.lets) candidates.push_back(n);
  for (const auto& [n, _] : rs_.certifications) candidates.push_back(n);
  if (scope.designation)
    for (auto& l : scope.designation->lets) candidates.push_back(l->name);
  if (scope.metric)
    for (auto& l : scope.metric->lets) candidates.push_back(l->name);
  if (scope.function)
    for (auto& p : scope.function->params) candidates.push_back(p.name);
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (auto c : candidates)
    if (auto d = edit_distance(name, c); d < best_distance) { best_distance = d; best = c; }
  return std::string(best);
}

Type Checker::let_type(ast::LetDecl& let, const Scope& outer) {
  auto state = let_state_.find(&let);
  if (state != let_state_.end()) {
    if (state->second == LetState::checking) {
      error(let.pos, "cycle", fmt::format("'{}' is defined in terms of itself", let.name));
      let.body->type = Type::error();
      state->second = LetState::done;
    }
    return let.body->type;
  }
  let_state_[&let] = LetState::checking;
  Scope scope;
  if (let.scope != ast::LetDecl::Scope::global) {
    scope.designation = outer.designation;
    scope.path_selection = outer.path_selection;
    scope.outcomes = outer.outcomes;
    if (let.scope == ast::LetDecl::Scope::metric) scope.metric = outer.metric;
  }
  auto t = check(*let.body, scope);
  let.body->type = t;
  let_state_[&let] = LetState::done;
  return t;
}

std::optional<Decimal> Checker::constant_points(Expr& e, Scope& scope, std::string_view what) {
  auto t = check(e, scope);
  if (e.kind != ast::ExprKind::number || t.unit != Unit::points) {
    error(e.pos, "type-mismatch", fmt::format("{} must be a number of points, such as 30 points", what));
    return std::nullopt;
  }
  return e.number;
}

void Checker::check_designation(ast::DesignationDecl& d) {
  Scope scope;
  scope.designation = &d;
  std::set<std::string> path_ids;
  for (std::size_t i = 0; i < d.paths.size(); ++i) {
    auto& p = d.paths[i];
    if (!path_ids.insert(p.id).second) error(p.pos, "duplicate", fmt::format("the path '{}' is declared twice", p.id));
    if (!p.condition && i + 1 != d.paths.size())
      error(p.pos, "path-order", fmt::format("the 'otherwise' path '{}' must come last: paths are tried in order", p.id));
    if (p.condition) {
      scope.path_selection = true;
      expect(*p.condition, scope, TypeKind::boolean, "a path condition");
      scope.path_selection = false;
    }
  }
  if (!d.paths.empty() && d.paths.back().condition)
    error(d.paths.back().pos, "path-gap",
          "the last path has a condition, so a partner may match no path; end with 'path NAME otherwise'");
  for (auto& l : d.lets) let_type(*l, scope);

  std::set<std::string> metric_ids, category_ids;
  for (auto& use : d.categories) {
    if (!use.category) {
      auto it = rs_.categories.find(use.name);
      if (it == rs_.categories.end()) {
        std::string closest;
        for (const auto& [n, _] : rs_.categories)
          if (edit_distance(n, use.name) <= 2) closest = n;
        error_with_fix(use.pos, "unknown-name", fmt::format("no category named '{}' is defined", use.name), closest);
        continue;
      }
      // Each designation checks its own copy: names may resolve differently in it.
      rs_.category_copies.push_back(ast::clone(*it->second));
      use.category = rs_.category_copies.back().get();
    }
    if (!category_ids.insert(use.category->id).second)
      error(use.pos, "duplicate", fmt::format("the category '{}' appears twice in the designation", use.category->id));
    auto& category = const_cast<ast::CategoryDecl&>(*use.category);
    if (category.max) constant_points(*category.max, scope, "a category's maximum");
    for (auto& m : category.metrics) {
      m->category = category.id;
      if (!metric_ids.insert(m->id).second)
        error(m->pos, "duplicate", fmt::format("the metric '{}' appears twice in the designation '{}'", m->id, d.id));
      check_metric(*m, scope);
    }
  }
  if (!d.attained) {
    error(d.pos, "no-attainment", fmt::format("the designation '{}' has no 'attained when' rule", d.id),
              "add, for example: attained when total >= 70 points and every metric > 0 points");
  } else {
    scope.attained = true;
    expect(*d.attained, scope, TypeKind::boolean, "the 'attained when' rule");
  }
}

void Checker::check_metric(ast::MetricDecl& m, Scope& outer) {
  Scope scope = outer;
  scope.metric = &m;
  constant_points(*m.max, scope, "a metric's maximum");
  for (auto& l : m.lets) let_type(*l, scope);
  for (auto& r : m.requires_) expect(*r.condition, scope, TypeKind::boolean, "a 'require' clause");
  Type value;
  if (!m.value) {
    error(m.pos, "no-value", fmt::format("the metric '{}' has no 'value' clause", m.id), "add, for example: value count(...)");
  } else {
    value = expect(*m.value, scope, TypeKind::number, "a metric's value");
  }
  if (m.value_when) expect(*m.value_when, scope, TypeKind::boolean, "the condition after 'when'");
  if (!m.score) {
    error(m.pos, "no-score", fmt::format("the metric '{}' has no 'score' clause", m.id), "add, for example: score 10 points per customer");
  } else if (value.kind != TypeKind::error) {
    check_score(*m.score, scope, value);
  }
}

void Checker::check_score(ast::ScoreForm& f, Scope& outer, const Type& value) {
  using K = ast::ScoreForm::Kind;
  Scope scope = outer;
  scope.in_score = true;
  scope.metric_value = value;
  switch (f.kind) {
    case K::rate: {
      check(*f.expr, scope);
      if (f.expr->type.unit != Unit::points)
        error(f.expr->pos, "unit-mismatch", "a rate gives points, as in '10 points per customer'");
      const auto per = unit_from_name(f.per_unit).value_or(Unit::none);
      if (per != value.unit)
        error(f.pos, "unit-mismatch",
              fmt::format("the metric's value is counted in {}, but the score is per {}", units_plural(value.unit), f.per_unit),
              value.unit == Unit::none ? std::string() : fmt::format("write 'per {}'", unit_singular(value.unit)));
      if (f.up_to) {
        auto cap = expect(*f.up_to, scope, TypeKind::number, "the cap after 'up to'");
        if (cap.kind == TypeKind::number && cap.unit != value.unit)
          error(f.up_to->pos, "unit-mismatch", fmt::format("the cap must be in {}, like the metric's value", units_plural(value.unit)));
      }
      break;
    }
    case K::proportional: {
      auto target = expect(*f.expr, scope, TypeKind::number, "the target after 'proportional to'");
      if (target.kind == TypeKind::number && target.unit != value.unit)
        error(f.expr->pos, "unit-mismatch", fmt::format("the target must be in {}, like the metric's value", units_plural(value.unit)));
      break;
    }
    case K::expression: {
      auto points = expect(*f.expr, scope, TypeKind::number, "a score");
      if (points.kind == TypeKind::number && points.unit != Unit::points)
        error(f.expr->pos, "unit-mismatch", fmt::format("a score must be in points, but this is in {}", units_plural(points.unit)));
      break;
    }
    case K::if_:
      expect(*f.expr, scope, TypeKind::boolean, "the condition of 'if'");
      check_score(*f.forms[0], outer, value);
      check_score(*f.forms[1], outer, value);
      break;
    case K::choose_path: {
      const auto* d = scope.designation;
      if (!d || d->paths.empty()) {
        error(f.pos, "no-paths", "'choose path' needs a designation that declares paths");
        break;
      }
      for (const auto& p : d->paths)
        if (std::find(f.labels.begin(), f.labels.end(), p.id) == f.labels.end())
          error(f.pos, "missing-path", fmt::format("'choose path' gives no score for the path '{}'", p.id));
      for (std::size_t i = 0; i < f.labels.size(); ++i) {
        if (std::none_of(d->paths.begin(), d->paths.end(), [&](const auto& p) { return p.id == f.labels[i]; }))
          error(f.label_pos[i], "unknown-path", fmt::format("the designation has no path named '{}'", f.labels[i]));
        check_score(*f.forms[i], outer, value);
      }
      break;
    }
  }
}

void Checker::check_badge(ast::BadgeDecl& b) {
  Scope scope;
  scope.outcomes = true;
  expect(*b.condition, scope, TypeKind::boolean, "a badge's condition");
}

void Checker::check_specialization(ast::SpecializationDecl& s) {
  const ast::DesignationDecl* d = nullptr;
  for (std::size_t i = 0; i < s.designations.size(); ++i) {
    const auto* found = rs_.find_designation(s.designations[i]);
    if (!found) {
      std::string known;
      for (const auto* x : rs_.designations) known += (known.empty() ? "" : ", ") + x->id;
      error(s.designation_pos[i], "unknown-designation",
            fmt::format("the specialization '{}' builds on '{}', but the ruleset has no such designation; it has: {}", s.id,
                        s.designations[i], known));
      return;
    }
    if (!d) d = found;
  }
  // The requirements are checked in the scope of the first designation named.
  s.scope_designation = d;
  if (s.unpublished) return;
  Scope scope;
  scope.designation = d;
  scope.metric = s.body.get();
  scope.outcomes = true;
  for (auto& l : s.body->lets) let_type(*l, scope);
  for (auto& r : s.body->requires_) expect(*r.condition, scope, TypeKind::boolean, "a 'require' clause");
}

const ast::CertRequirement* Checker::requirement_for(const ast::CertificationDecl& c) {
  if (auto it = cert_requirements_.find(&c); it != cert_requirements_.end()) return it->second;
  ast::CertRequirement r{c.name, {}, c.counts_through};
  for (const auto& code : c.codes) r.codes.push_back(symbols().intern(code));
  rs_.requirements.push_back(std::move(r));
  return cert_requirements_[&c] = &rs_.requirements.back();
}

const ast::CertRequirement* Checker::requirement_for_code(const std::string& code) {
  if (auto it = code_requirements_.find(code); it != code_requirements_.end()) return it->second;
  auto decl = rs_.codes.find(code);
  if (decl == rs_.codes.end()) return nullptr;
  // A bare code counts through the window of the certification that is exactly that code.
  std::optional<MonthIndex> through;
  for (const auto& [_, c] : rs_.certifications)
    if (c->codes.size() == 1 && c->codes[0] == code) through = c->counts_through;
  rs_.requirements.push_back({code, {symbols().intern(code)}, through});
  return code_requirements_[code] = &rs_.requirements.back();
}

}  // namespace pcs::checker::detail

namespace pcs::checker {

bool check(Ruleset& ruleset, Diagnostics& out) {
  detail::Checker checker(ruleset, out);
  return checker.run();
}

}  // namespace pcs::checker
