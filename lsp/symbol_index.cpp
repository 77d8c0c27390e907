// Declarations and resolved uses of a checked ruleset, by position.
#include "lsp/symbol_index.hpp"

#include <map>

#include <fmt/format.h>

#include "lsp/workspace.hpp"

namespace pcs::lsp {

using ast::Expr;
using ast::ExprKind;
using Kind = ast::Resolution::Kind;

std::string key(const SourcePos& pos) { return fmt::format("{}:{}:{}", absolute_once(pos.file), pos.line, pos.column); }

const std::string& absolute_once(const std::string& file) {
  // Resolving a path touches the file system; an index asks for the same few files thousands of times.
  static std::map<std::string, std::string, std::less<>> known;
  auto it = known.find(file);
  if (it == known.end()) it = known.emplace(file, Workspace::absolute(file)).first;
  return it->second;
}

namespace {
std::string cert_detail(const ast::CertificationDecl& c) { return fmt::format("\"{}\" = {}", c.title, fmt::join(c.codes, " and ")); }

/// The metric a `metric_points` name stands for: the index-th of the designation, in order.
const ast::MetricDecl* metric_at(const ast::DesignationDecl& d, int index) {
  for (const auto& use : d.categories) {
    if (!use.category) continue;
    for (const auto& m : use.category->metrics)
      if (index-- == 0) return m.get();
  }
  return nullptr;
}
}  // namespace

SymbolIndex::SymbolIndex(const Ruleset& rs) : rs_(rs) { walk_ruleset(rs); }

void SymbolIndex::declare(Declared d) {
  auto k = key(d.pos);
  if (by_key_.count(k)) return;  // the stdlib, read by a version and by the version it imports
  by_key_.emplace(std::move(k), declared_.size());
  declared_.push_back(std::move(d));
}

void SymbolIndex::use(const SourcePos& pos, std::size_t length, const SourcePos& declared) {
  if (pos.line == 0 || declared.line == 0) return;
  if (!used_at_.insert(key(pos)).second) return;  // a function body checked once per argument types, a category per designation
  uses_.push_back({pos, static_cast<std::uint32_t>(length), key(declared)});
}

void SymbolIndex::walk(const Expr* e, const ast::LetDecl* function, const ast::DesignationDecl* designation) {
  if (!e) return;
  const auto& t = e->target;
  if (e->kind == ExprKind::name || e->kind == ExprKind::call) {
    if (t.kind == Kind::let && t.let) use(e->pos, e->text.size(), t.let->pos);
    else if (t.kind == Kind::function_param && function && t.index < static_cast<int>(function->params.size()))
      use(e->pos, e->text.size(), function->params[static_cast<std::size_t>(t.index)].pos);
    else if (t.kind == Kind::certification && t.certification) use(e->pos, e->text.size(), t.certification->pos);
    else if (t.kind == Kind::metric_points && designation)
      if (const auto* m = metric_at(*designation, t.index)) use(e->pos, e->text.size(), m->pos);
    // usage(measure): the argument names the measure.
    if (e->kind == ExprKind::call && t.measure && !e->args.empty() && e->args[0]->kind == ExprKind::name)
      use(e->args[0]->pos, e->args[0]->text.size(), t.measure->pos);
  } else if (e->kind == ExprKind::cert_code) {
    if (auto c = rs_.codes.find(e->text); c != rs_.codes.end()) use(e->pos, e->text.size(), c->second->pos);
  }
  for (const auto& a : e->args) walk(a.get(), function, designation);
}

void SymbolIndex::walk_let(const ast::LetDecl& l, const std::string& parent) {
  std::string detail;
  if (!l.is_function && l.body && !l.body->type.is(TypeKind::error))
    detail = describe(l.body->type);
  if (l.is_function) {
    std::string params;
    for (const auto& p : l.params) params += (params.empty() ? "" : ", ") + p.name;
    detail = "(" + params + ")";
  }
  declare({l.name, l.is_function ? "fn" : "let", l.pos, detail, parent});
  for (const auto& p : l.params) declare({p.name, "parameter", p.pos, "of " + l.name, key(l.pos)});
  // A function's own body is not checked (its instances are, below).
  if (!l.is_function) walk(l.body.get(), nullptr, nullptr);
}

void SymbolIndex::walk_form(const ast::ScoreForm* f, const ast::DesignationDecl* d) {
  if (!f) return;
  walk(f->up_to.get(), nullptr, d);
  walk(f->expr.get(), nullptr, d);
  for (const auto& g : f->forms) walk_form(g.get(), d);
}

void SymbolIndex::walk_metric(const ast::MetricDecl& m, const ast::DesignationDecl* d, const std::string& parent,
                              const std::string& kind) {
  if (!kind.empty()) {
    Declared decl{m.id, kind, m.pos, m.title.empty() ? "" : "\"" + m.title + "\"", parent};
    decl.metric = &m;
    decl.designation = d;
    declare(std::move(decl));
  }
  const auto self = key(m.pos);
  for (const auto& l : m.lets) walk_let(*l, self);
  walk(m.max.get(), nullptr, d);
  for (const auto& r : m.requires_) walk(r.condition.get(), nullptr, d);
  walk(m.value.get(), nullptr, d);
  walk(m.value_when.get(), nullptr, d);
  walk_form(m.score.get(), d);
}

void SymbolIndex::walk_category(const ast::CategoryDecl& c, const ast::DesignationDecl* d, const std::string& parent,
                                bool declare_it) {
  if (declare_it) {
    Declared decl{c.id, "category", c.pos, "\"" + c.title + "\"", parent};
    decl.category = &c;
    declare(std::move(decl));
  }
  walk(c.max.get(), nullptr, d);
  for (const auto& m : c.metrics) walk_metric(*m, d, key(c.pos), declare_it ? "metric" : "");
}

void SymbolIndex::walk_module(const ast::Module& mod) {
  for (const auto& p : mod.programs) declare({p->id, "program", p->pos, "\"" + p->name + "\"", ""});
  for (const auto& m : mod.measures) declare({m->name, "measure", m->pos, "in " + m->unit, ""});
  for (const auto& c : mod.certifications) declare({c->name, "certification", c->pos, cert_detail(*c), ""});
  for (const auto& l : mod.lets) walk_let(*l, "");
  for (const auto& c : mod.categories) walk_category(*c, nullptr, "", true);
  for (const auto& d : mod.designations) {
    Declared decl{d->id, "designation", d->pos, "\"" + d->title + "\"", ""};
    decl.designation = d.get();
    declare(std::move(decl));
    const auto self = key(d->pos);
    for (const auto& p : d->paths) walk(p.condition.get(), nullptr, d.get());
    for (const auto& l : d->lets) walk_let(*l, self);
    for (const auto& c : d->own_categories) walk_category(*c, d.get(), self, true);
    for (const auto& use : d->categories)
      if (use.category && key(use.pos) != key(use.category->pos)) this->use(use.pos, use.name.size(), use.category->pos);
    walk(d->attained.get(), nullptr, d.get());
  }
  for (const auto& b : mod.badges) {
    declare({b->id, "badge", b->pos, "\"" + b->title + "\"", ""});
    walk(b->condition.get(), nullptr, nullptr);
  }
  for (const auto& s : mod.specializations) {
    declare({s->id, "specialization", s->pos, "\"" + s->title + "\"", ""});
    for (std::size_t i = 0; i < s->designations.size() && i < s->designation_pos.size(); ++i)
      if (const auto* d = rs_.find_designation(s->designations[i])) use(s->designation_pos[i], s->designations[i].size(), d->pos);
    if (s->body) walk_metric(*s->body, s->scope_designation, key(s->pos), "");
  }
}

void SymbolIndex::walk_ruleset(const Ruleset& rs) {
  for (const auto& m : rs.modules) walk_module(*m);
  for (const auto& fn : rs.instances) walk(fn->body.get(), fn.get(), nullptr);
  for (const auto& c : rs.category_copies) walk_category(*c, nullptr, "", false);
  for (const auto& v : rs.imported_versions) walk_ruleset(*v);
}

const Declared* SymbolIndex::find(std::string_view declaration_key) const {
  auto it = by_key_.find(declaration_key);
  return it == by_key_.end() ? nullptr : &declared_[it->second];
}

const Declared* SymbolIndex::at(const std::string& file, std::uint32_t line, std::uint32_t column) const {
  auto covers = [&](const SourcePos& p, std::size_t length) {
    return p.line == line && column >= p.column && column <= p.column + length && absolute_once(p.file) == file;
  };
  for (const auto& u : uses_)
    if (covers(u.pos, u.length)) return find(u.declared);
  for (const auto& d : declared_)
    if (covers(d.pos, d.name.size())) return &d;
  return nullptr;
}

}  // namespace pcs::lsp
