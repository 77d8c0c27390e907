// Lets, metrics and designations to CTEs (script.hpp). Metric semantics
// follow interpreter/eval_score.cpp: a failed prerequisite keeps the value and
// scores 0; a false `when` gives no value and 0 points; points are clamped
// to [0, max]; the total is the exact sum, only its display is floored.
#include "sql/script.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sql/prelude.hpp"
#include "sql/script_builder.hpp"

namespace pcs::sql {

namespace detail {

using K = SqlValue::Kind;

SqlValue Builder::let_value(const ast::LetDecl& let, const ast::Expr&) {
  if (auto it = lets_.find(&let); it != lets_.end()) return it->second;
  const auto saved = compiler_.context.metric_value;
  compiler_.context.metric_value.reset();
  auto value = compiler_.compile_body(*let.body, nullptr);
  compiler_.context.metric_value = saved;
  if (!value.reads_data) return lets_.emplace(&let, value).first->second;
  const std::string prefix = let.scope == ast::LetDecl::Scope::global        ? ""
                             : let.scope == ast::LetDecl::Scope::designation ? designation_prefix_
                                                                             : prefix_;
  const auto name = unique(prefix + sql_name(let.name));
  std::string body;
  SqlValue ref = value;
  const auto cell = [&](const std::string& column) {
    return fmt::format("(SELECT c.{} FROM {} c WHERE c.partner_id = s.partner_id)", column, name);
  };
  switch (value.kind) {
    case K::number:
      body = fmt::format("SELECT s.partner_id, {} AS num, {} AS den FROM pcs_scope s", value.number.num, value.number.den);
      ref.number.num = cell("num");
      if (!value.number.const_den) ref.number.den = cell("den");
      ref.number.constant.reset();
      break;
    case K::boolean:
    case K::text:
    case K::month:
      body = fmt::format("SELECT s.partner_id, {} AS v FROM pcs_scope s", value.sql);
      ref.sql = cell("v");
      break;
    case K::set:
      body = fmt::format("SELECT s.partner_id, x.elem FROM pcs_scope s {}", options_.dialect.lateral(value.sql, "x"));
      ref.sql = fmt::format("SELECT c.elem FROM {} c WHERE c.partner_id = s.partner_id", name);
      break;
    case K::rows: {
      std::string columns;
      for (const auto& c : row_columns(value.table, value.keys)) columns += (columns.empty() ? "" : ", ") + ("c." + c);
      body = fmt::format("SELECT s.partner_id, x.* FROM pcs_scope s {}", options_.dialect.lateral(value.sql, "x"));
      ref.sql = fmt::format("SELECT {} FROM {} c WHERE c.partner_id = s.partner_id", columns, name);
      break;
    }
    default: return lets_.emplace(&let, value).first->second;  // ranges: two month expressions, inline
  }
  add_cte(name, body, fmt::format("let {}", let.name), let.pos);
  return lets_.emplace(&let, ref).first->second;
}

void Builder::designation(const ast::DesignationDecl& d) {
  const auto id = sql_name(d.id);
  prefix_ = id + "__";
  designation_prefix_ = prefix_;
  compiler_.context = ScoreContext{};
  std::string joins;
  if (!d.paths.empty()) {
    compiler_.context.path_sql = path_ref(d);
    joins += fmt::format(" JOIN {}__path p ON p.partner_id = s.partner_id", id);
  }
  Outcome outcome;
  outcome.id = d.id;
  outcome.cte = id;
  outcome.has_path = !d.paths.empty();
  Decimal max;
  std::vector<ExactNumber> points;
  for (const auto& use : d.categories) {
    Decimal category_max;
    for (const auto& m : use.category->metrics) {
      const auto compiled = metric(d, *m);
      const auto& cte = compiled.first;
      const auto alias = fmt::format("m{}", points.size() + 1);
      joins += fmt::format(" JOIN {} {} ON {}.partner_id = s.partner_id", cte, alias, alias);
      ExactNumber p;
      p.num = alias + ".points_num";
      p.den = compiled.second ? int128_text(*compiled.second) : alias + ".points_den";
      p.const_den = compiled.second;
      points.push_back(p);
      outcome.metrics.push_back({m->id, m->category, cte, m->max->number});
      category_max += m->max->number;
    }
    if (use.category->max) category_max = use.category->max->number;
    max += category_max;
  }
  outcome.max = max;
  ExactNumber total = arith_.literal(Decimal());
  for (const auto& p : points) total = arith_.add(total, p);
  compiler_.context.total = total;
  compiler_.context.metric_points = points;
  const auto attained = compiler_.condition(*d.attained);
  compiler_.context = ScoreContext{};
  add_cte(id,
          fmt::format("SELECT s.partner_id, {} AS path, {} AS total_num, {} AS total_den, {} AS attained FROM pcs_scope s{}",
                      outcome.has_path ? "p.path" : fmt::format("CAST(NULL AS {})", options_.dialect.text_type()),
                      total.num, total.den, attained, joins),
          fmt::format("designation {}: total and attained", d.id), d.pos);
  compiler_.attained[d.id] = fmt::format("(SELECT a.attained FROM {} a WHERE a.partner_id = s.partner_id)", id);
  outcomes_.push_back(std::move(outcome));
}

std::string Builder::finish(const std::vector<std::string>& attributes) {
  const auto& d = options_.dialect;
  std::string out = typed_tables(d, options_.as_of, attributes);
  if (d.engine == Engine::postgres) {
    // PostgreSQL scans a CTE without an index for each partner that looks
    // into it: each step is a temporary table indexed by partner instead.
    out += "\n-- The scores, step by step: one indexed table per let, metric and designation.\n";
    for (std::size_t i = 0; i < ctes_.size(); ++i)
      out += fmt::format("-- {}: {}\n{}CREATE INDEX ON {} (partner_id);\nANALYZE {};\n", where(ctes_[i].pos),
                         ctes_[i].what, d.create_table(ctes_[i].cte, bodies_[i]), ctes_[i].cte, ctes_[i].cte);
    out += "\n-- One row per partner, designation and metric.\n";
  } else {
    out += "\n-- The scores: one row per partner, designation and metric.\nWITH\n";
    for (std::size_t i = 0; i < ctes_.size(); ++i)
      out += fmt::format("{}-- {}: {}\n{} AS {}(\n{}\n)", i ? ",\n" : "", where(ctes_[i].pos), ctes_[i].what,
                         ctes_[i].cte, d.cte_hint(), bodies_[i]);
    out += "\n";
  }
  if (options_.part == Part::awards) return out + awards_select(d, awards_);
  std::string selects;
  for (const auto& o : outcomes_) {
    for (const auto& m : o.metrics) {
      ExactNumber total{"d.total_num", "d.total_den", {}, {}, false};
      ExactNumber value{"m.value_num", "m.value_den", {}, {}, false};
      ExactNumber points{"m.points_num", "m.points_den", {}, {}, false};
      selects += fmt::format(
          "{}SELECT d.partner_id AS partner, {} AS designation, d.path AS path, {} AS total, {} AS designation_max, "
          "d.attained AS attained, {} AS metric, {} AS category, {} AS value, {} AS points, {} AS metric_max\n"
          "FROM {} d JOIN {} m ON m.partner_id = d.partner_id\n",
          selects.empty() ? "" : "UNION ALL\n", quote(d, o.id), arith_.to_decimal(total, 2),
          arith_.to_decimal(arith_.literal(o.max), 2), quote(d, m.id), quote(d, m.category), arith_.to_decimal(value, 6),
          arith_.to_decimal(points, 2), arith_.to_decimal(arith_.literal(m.max), 2), o.cte, m.cte);
    }
  }
  if (selects.empty())
    selects = fmt::format("SELECT CAST(NULL AS {0}) AS partner, CAST(NULL AS {0}) AS designation WHERE FALSE\n", d.text_type());
  out += selects + "ORDER BY partner, designation, metric;\n";
  return out;
}

std::string Builder::path_ref(const ast::DesignationDecl& d) {
  const auto id = sql_name(d.id);
  if (!names_.count(id + "__path")) {
    std::string cases = "CASE";
    bool otherwise = false;
    for (const auto& p : d.paths) {
      if (!p.condition) {
        cases += fmt::format(" ELSE {}", quote(options_.dialect, p.id));
        otherwise = true;
        break;
      }
      cases += fmt::format(" WHEN {} THEN {}", compiler_.condition(*p.condition), quote(options_.dialect, p.id));
    }
    cases += " END";
    if (!otherwise) throw Refusal{d.pos, "a designation without an 'otherwise' path"};
    add_cte(id + "__path", fmt::format("SELECT s.partner_id, {} AS path FROM pcs_scope s", cases),
            fmt::format("paths of {}", d.id), d.pos);
  }
  return fmt::format("(SELECT p.path FROM {}__path p WHERE p.partner_id = s.partner_id)", id);
}

void Builder::restore(const Snapshot& s) {
  ctes_.resize(s.ctes);
  bodies_.resize(s.ctes);
  names_ = s.names;
  lets_ = s.lets;
  compiler_.attributes = s.attributes;
  compiler_.context = ScoreContext{};
}

std::string Builder::unique(const std::string& base) {
  std::string name = base;
  for (int k = 2; names_.count(name); ++k) name = fmt::format("{}_{}", base, k);
  names_.insert(name);
  return name;
}

void Builder::add_cte(const std::string& name, std::string body, std::string what, const SourcePos& pos) {
  names_.insert(name);
  ctes_.push_back({name, std::move(what), pos});
  bodies_.push_back(std::move(body));
}

std::pair<std::string, std::optional<Decimal::int128>> Builder::metric(const ast::DesignationDecl& d, const ast::MetricDecl& m) {
  const auto saved_prefix = prefix_;
  const auto name = unique(sql_name(d.id) + "__" + sql_name(m.id));
  prefix_ = name + "__";
  std::string prerequisites;
  for (const auto& r : m.requires_) prerequisites += (prerequisites.empty() ? "" : " AND ") + compiler_.condition(*r.condition);
  if (prerequisites.empty()) prerequisites = "TRUE";
  const std::string scorable = m.value_when ? compiler_.condition(*m.value_when) : "TRUE";
  const auto value = compiler_.compile(*m.value).number;
  add_cte(name + "__value",
          fmt::format("SELECT s.partner_id, {0} AS prerequisites_met, {1} AS scorable,\n"
                      "  CASE WHEN {1} THEN {2} END AS value_num, CASE WHEN {1} THEN {3} ELSE 1 END AS value_den\n"
                      "FROM pcs_scope s",
                      prerequisites, scorable, value.num, value.den),
          fmt::format("metric {} of {}: prerequisites and value", m.id, d.id), m.pos);
  ExactNumber v{"v.value_num", "v.value_den", value.const_den, {}, false};
  if (value.const_den) v.den = value.den;
  SqlValue sv;
  sv.kind = K::number;
  sv.number = v;
  compiler_.context.metric_value = sv;
  const auto scored = score(*m.score, v, arith_.literal(m.max->number));
  compiler_.context.metric_value.reset();
  const auto zero = arith_.literal(Decimal());
  const auto raw = arith_.choose({"(v.scorable AND v.prerequisites_met)"}, {scored}, zero);
  // Below 0 scores 0; above the maximum scores the maximum.
  ExactNumber r{"r.raw_num", "r.raw_den", raw.const_den, {}, false};
  if (raw.const_den) r.den = raw.den;
  const auto max = arith_.literal(m.max->number);
  const auto clamped = arith_.choose({arith_.compare(r, "<", zero), arith_.compare(r, ">", max)}, {zero, max}, r);
  add_cte(name,
          fmt::format("SELECT r.partner_id, r.value_num, r.value_den, {} AS points_num, {} AS points_den\n"
                      "FROM (SELECT v.*, {} AS raw_num, {} AS raw_den\n"
                      "  FROM {}__value v JOIN pcs_scope s ON s.partner_id = v.partner_id) r",
                      clamped.num, clamped.den, raw.num, raw.den, name),
          fmt::format("metric {} of {}: points", m.id, d.id), m.score->pos);
  prefix_ = saved_prefix;
  return {name, clamped.const_den};
}

ExactNumber Builder::score(const ast::ScoreForm& f, const ExactNumber& value, const ExactNumber& max) {
  using SK = ast::ScoreForm::Kind;
  const auto zero = arith_.literal(Decimal());
  switch (f.kind) {
    case SK::rate: {
      auto counted = arith_.floor(value);
      if (f.up_to) counted = arith_.min(counted, compiler_.compile(*f.up_to).number);
      const auto points = arith_.multiply(counted, arith_.literal(f.rate_points));
      return arith_.choose({arith_.compare(value, "<", zero)}, {zero}, points);
    }
    case SK::proportional: {
      const auto target = compiler_.compile(*f.expr).number;
      if (!target.constant && target.reads_data)
        throw Refusal{f.expr->pos, "a 'proportional to' target computed from data",
                      "a target of 0 or below is an error in the interpreter"};
      if (target.constant && !(*target.constant > Decimal()))
        throw Refusal{f.expr->pos, "a 'proportional to' target of 0 or below"};
      const auto ratio = arith_.min(arith_.divide(value, target), arith_.literal(Decimal::from_int(1)));
      return arith_.multiply(max, ratio);
    }
    case SK::expression: return compiler_.compile(*f.expr).number;
    case SK::if_: {
      const auto c = compiler_.condition(*f.expr);
      return arith_.choose({c}, {score(*f.forms[0], value, max)}, score(*f.forms[1], value, max));
    }
    case SK::choose_path: {
      if (compiler_.context.path_sql.empty()) throw Refusal{f.pos, "choose path", "outside a designation with paths"};
      std::vector<std::string> conds;
      std::vector<ExactNumber> values;
      for (std::size_t i = 0; i < f.labels.size(); ++i) {
        conds.push_back(fmt::format("({} = {})", compiler_.context.path_sql, quote(options_.dialect, f.labels[i])));
        values.push_back(score(*f.forms[i], value, max));
      }
      conds.pop_back();
      const auto last = values.back();
      values.pop_back();
      return arith_.choose(conds, values, last);
    }
  }
  return zero;
}

}  // namespace detail


std::optional<Script> compile(const Ruleset& ruleset, const Options& options, Diagnostics& out) {
  if (!ruleset.checked) return std::nullopt;
  detail::Builder b(options);
  bool refused = false;
  for (const auto* d : ruleset.designations) {
    if (!options.designations.empty() &&
        std::find(options.designations.begin(), options.designations.end(), d->id) == options.designations.end())
      continue;
    try {
      b.designation(*d);
    } catch (const Refusal& r) {
      refused = true;
      out.error("no-sql-form", r.pos,
                fmt::format("{} has no SQL form yet (designation {} cannot be compiled){}", r.construct, d->id,
                            r.why.empty() ? "" : ": " + r.why),
                options.designations.empty() ? "compile the other designations with --designation ID" : "");
    }
  }
  if (refused) return std::nullopt;
  Script s;
  if (options.part == Part::awards) detail::compile_awards(b, ruleset, options, out, s.left_out);
  s.attributes = b.compiler().attributes;
  s.sql = b.finish(s.attributes);
  s.origins = b.ctes_;
  return s;
}

std::string explain(const Script& script) {
  std::string out = "-- Which rule became which CTE:\n";
  for (const auto& o : script.origins) out += fmt::format("--   {:<48} {} ({})\n", o.cte, o.what, detail::where(o.pos));
  return out;
}

}  // namespace pcs::sql
