// Deep copies of AST pieces (see clone.hpp). Checker-filled fields are reset.
#include "interpreter/clone.hpp"

namespace pcs::ast {

namespace {
ExprPtr clone_opt(const ExprPtr& e) { return e ? clone(*e) : nullptr; }

ScoreFormPtr clone(const ScoreForm& f) {
  auto c = std::make_unique<ScoreForm>();
  c->kind = f.kind;
  c->pos = f.pos;
  c->rate_points = f.rate_points;
  c->per_unit = f.per_unit;
  c->up_to = clone_opt(f.up_to);
  c->expr = clone_opt(f.expr);
  c->labels = f.labels;
  c->label_pos = f.label_pos;
  for (const auto& sub : f.forms) c->forms.push_back(clone(*sub));
  return c;
}
}  // namespace

ExprPtr clone(const Expr& e) {
  auto c = std::make_unique<Expr>(e.kind, e.pos);
  c->text = e.text;
  c->number = e.number;
  c->month = e.month;
  c->date = e.date;
  c->flag = e.flag;
  c->names = e.names;
  c->name_pos = e.name_pos;
  for (const auto& a : e.args) c->args.push_back(clone(*a));
  return c;
}

std::unique_ptr<LetDecl> clone(const LetDecl& d) {
  auto c = std::make_unique<LetDecl>();
  c->name = d.name;
  c->pos = d.pos;
  c->is_function = d.is_function;
  c->scope = d.scope;
  c->params = d.params;
  c->body = clone_opt(d.body);
  return c;
}

std::unique_ptr<CategoryDecl> clone(const CategoryDecl& cat) {
  auto c = std::make_unique<CategoryDecl>();
  c->id = cat.id;
  c->title = cat.title;
  c->max = clone_opt(cat.max);
  c->pos = cat.pos;
  for (const auto& m : cat.metrics) {
    auto mc = std::make_unique<MetricDecl>();
    mc->id = m->id;
    mc->category = m->category;
    mc->title = m->title;
    mc->max = clone_opt(m->max);
    mc->pos = m->pos;
    for (const auto& l : m->lets) mc->lets.push_back(clone(*l));
    for (const auto& r : m->requires_) mc->requires_.push_back({clone_opt(r.condition), r.pos, r.text});
    mc->value = clone_opt(m->value);
    mc->value_when = clone_opt(m->value_when);
    mc->score = m->score ? clone(*m->score) : nullptr;
    c->metrics.push_back(std::move(mc));
  }
  return c;
}

}  // namespace pcs::ast
