// Scalar expressions to SQL (expr_compiler.hpp): numbers exact, text with
// none as NULL (none == none holds, none is in no set), months as integers.
#include "sql/expr_compiler.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/natives.hpp"

namespace pcs::sql {

using ast::Expr;
using ast::ExprKind;
using RK = ast::Resolution::Kind;
using K = SqlValue::Kind;

namespace {

SqlValue boolean(std::string sql, bool reads) {
  SqlValue v;
  v.kind = K::boolean;
  v.sql = std::move(sql);
  v.reads_data = reads;
  return v;
}

SqlValue month(std::string sql, bool reads) {
  SqlValue v;
  v.kind = K::month;
  v.sql = std::move(sql);
  v.reads_data = reads;
  return v;
}

SqlValue number(ExactNumber n) {
  SqlValue v;
  v.kind = K::number;
  v.reads_data = n.reads_data;
  v.number = std::move(n);
  return v;
}

}  // namespace

std::string ExprCompiler::new_alias() { return fmt::format("q{}", ++aliases_); }

std::string ExprCompiler::condition(const Expr& e) { return compile(e).sql; }

SqlValue ExprCompiler::compile(const Expr& e) {
  switch (e.kind) {
    case ExprKind::number: return number(arith_.literal(e.number));
    case ExprKind::string: {
      SqlValue v;
      v.kind = K::text;
      v.sql = quote(d_, e.text);
      return v;
    }
    case ExprKind::month: return month(std::to_string(e.month), false);
    case ExprKind::date: throw Refusal{e.pos, "a date", "dates are compared by month only in SQL"};
    case ExprKind::boolean: return boolean(e.flag ? "TRUE" : "FALSE", false);
    case ExprKind::none: {
      SqlValue v;
      v.kind = K::text;
      v.sql = fmt::format("CAST(NULL AS {})", d_.text_type());
      return v;
    }
    case ExprKind::cert_code: {
      SqlValue v;
      v.kind = K::cert_set;
      v.certs.push_back(e.target.requirement);
      return v;
    }
    case ExprKind::set: return compile_set(e);
    case ExprKind::name: return compile_name(e);
    case ExprKind::call: return compile_call(e);
    case ExprKind::negate: return number(arith_.negate(compile(*e.args[0]).number));
    case ExprKind::not_: {
      auto a = compile(*e.args[0]);
      return boolean(fmt::format("(NOT {})", a.sql), a.reads_data);
    }
    case ExprKind::binary: return compile_binary(e);
    case ExprKind::is_none: {
      auto a = compile(*e.args[0]);
      return boolean(fmt::format("({} IS {}NULL)", a.sql, e.flag ? "NOT " : ""), a.reads_data);
    }
    case ExprKind::range: {
      auto a = compile(*e.args[0]);
      auto b = compile(*e.args[1]);
      SqlValue v;
      v.kind = K::range;
      v.sql = a.sql;
      v.last = b.sql;
      v.reads_data = a.reads_data || b.reads_data;
      return v;
    }
    case ExprKind::where: return compile_where(e);
    case ExprKind::group_by: return compile_group_by(e);
    case ExprKind::distinct: return compile_distinct(e);
    case ExprKind::holding: return compile_holding(e);
    case ExprKind::if_: {
      const auto c = compile(*e.args[0]);
      if (c.sql == "TRUE") return compile(*e.args[1]);
      if (c.sql == "FALSE") return compile(*e.args[2]);
      std::vector<SqlValue> values{compile(*e.args[1])};
      return choose_value({c.sql}, {values[0], compile(*e.args[2])}, e);
    }
    case ExprKind::choose_path: {
      if (context.path_sql.empty()) throw Refusal{e.pos, "choose path", "outside a designation with paths"};
      std::vector<std::string> conds;
      std::vector<SqlValue> values;
      for (std::size_t i = 0; i < e.names.size(); ++i) {
        conds.push_back(fmt::format("({} = {})", context.path_sql, quote(d_, e.names[i])));
        values.push_back(compile(*e.args[i]));
      }
      // The last path is the ELSE branch: every partner has one of the paths.
      conds.pop_back();
      return choose_value(conds, values, e);
    }
    case ExprKind::every_metric: {
      const auto bound = compile(*e.args[0]).number;
      std::string all;
      for (const auto& p : context.metric_points)
        all += (all.empty() ? "" : " AND ") + arith_.compare(p, e.text, bound);
      return boolean(all.empty() ? "TRUE" : "(" + all + ")", false);
    }
  }
  throw Refusal{e.pos, "this expression"};
}

SqlValue ExprCompiler::choose_value(const std::vector<std::string>& conds, const std::vector<SqlValue>& values,
                                    const Expr& at) {
  // values has one more element than conds: the ELSE branch.
  const auto& last = values.back();
  bool reads = last.reads_data;
  for (const auto& v : values) reads = reads || v.reads_data;
  switch (last.kind) {
    case K::number: {
      std::vector<ExactNumber> nums;
      for (std::size_t i = 0; i + 1 < values.size(); ++i) nums.push_back(values[i].number);
      return number(arith_.choose(conds, nums, last.number));
    }
    case K::boolean:
    case K::text:
    case K::month: {
      std::string sql = "CASE";
      for (std::size_t i = 0; i < conds.size(); ++i) sql += fmt::format(" WHEN {} THEN {}", conds[i], values[i].sql);
      SqlValue v = last;
      v.sql = sql + fmt::format(" ELSE {} END", last.sql);
      v.reads_data = reads;
      return v;
    }
    case K::set:
    case K::rows: {
      // The rows (or elements) of the branch whose condition holds first.
      std::string sql, prior = "TRUE";
      for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string cond = i < conds.size() ? fmt::format("{} AND {}", prior, conds[i]) : prior;
        const auto q = last.kind == K::set ? set_query(values[i]).sql : values[i].sql;
        const auto alias = new_alias();
        sql += fmt::format("{}SELECT {}.* FROM ({}) {} WHERE {}", i ? " UNION ALL " : "", alias, q, alias, cond);
        if (i < conds.size()) prior = fmt::format("{} AND NOT {}", prior, conds[i]);
      }
      SqlValue v = last;
      v.literal = false;
      v.items.clear();
      v.sql = sql;
      v.reads_data = true;
      return v;
    }
    default: break;
  }
  throw Refusal{at.pos, "a choice between values of this type"};
}

SqlValue ExprCompiler::compile_set(const Expr& e) {
  SqlValue v;
  v.literal = true;
  v.kind = K::set;
  for (const auto& a : e.args) {
    auto x = compile(*a);
    if (x.kind == K::cert_set) {
      v.kind = K::cert_set;
      v.certs.insert(v.certs.end(), x.certs.begin(), x.certs.end());
    } else if (a->kind == ExprKind::string) {
      v.items.push_back(a->text);
    } else {
      throw Refusal{a->pos, "a set element that is not written out"};
    }
  }
  std::sort(v.items.begin(), v.items.end());
  v.items.erase(std::unique(v.items.begin(), v.items.end()), v.items.end());
  std::sort(v.certs.begin(), v.certs.end());
  v.certs.erase(std::unique(v.certs.begin(), v.certs.end()), v.certs.end());
  return v;
}

SqlValue ExprCompiler::compile_name(const Expr& e) {
  switch (e.target.kind) {
    case RK::field: {
      const auto field = static_cast<Field>(e.target.index);
      const auto& alias = frames_.at(static_cast<std::size_t>(e.target.frame - 1));
      const auto column = fmt::format("{}.{}", alias, field_name(field));
      if (field == Field::value) return number(arith_.millionths(column, false));
      if (field == Field::month || field == Field::since) return month(column, false);
      SqlValue v;
      v.kind = K::text;
      v.sql = column;
      return v;
    }
    case RK::function_param: return (*args_.back())[static_cast<std::size_t>(e.target.index)];
    case RK::let: return lets_.let_value(*e.target.let, e);
    case RK::certification: {
      SqlValue v;
      v.kind = K::cert_set;
      v.certs.push_back(e.target.requirement);
      return v;
    }
    case RK::as_of: return month("s.as_of", false);
    case RK::builtin:
      if (e.target.index == -1) {
        if (!context.metric_value) throw Refusal{e.pos, "value outside a score"};
        return *context.metric_value;
      }
      switch (static_cast<BuiltinName>(e.target.index)) {
        case BuiltinName::customers: return all_rows(TableKind::customers);
        case BuiltinName::associations: return all_rows(TableKind::associations);
        default: return all_rows(TableKind::people);
      }
    case RK::path: {
      if (context.path_sql.empty()) throw Refusal{e.pos, "path", "outside a designation with paths"};
      SqlValue v;
      v.kind = K::text;
      v.sql = context.path_sql;
      return v;
    }
    case RK::total:
      if (!context.total) throw Refusal{e.pos, "total outside an attainment rule"};
      return number(*context.total);
    case RK::metric_points:
      if (context.metric_points.empty()) throw Refusal{e.pos, "metric points outside an attainment rule"};
      return number(context.metric_points.at(static_cast<std::size_t>(e.target.index)));
    case RK::partner_field: {
      SqlValue v;
      v.kind = K::text;
      const auto field = std::string(symbols().name(e.target.symbol));
      v.sql = field == "id" ? "s.partner_id" : "s." + field;
      return v;
    }
    case RK::partner_attribute: {
      const auto name = std::string(symbols().name(e.target.symbol));
      const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
      if (!plain) throw Refusal{e.pos, "partner.attributes." + name, "only lower-case attribute names become columns"};
      if (std::find(attributes.begin(), attributes.end(), name) == attributes.end()) attributes.push_back(name);
      SqlValue v;
      v.kind = K::text;
      v.sql = "s.attr_" + name;
      return v;
    }
    default: break;
  }
  throw Refusal{e.pos, fmt::format("the name '{}'", e.text)};
}

SqlValue ExprCompiler::compile_body(const Expr& body, const std::vector<SqlValue>* args) {
  // Bodies never see the rows of the expression that refers to them.
  auto saved = std::move(frames_);
  frames_.clear();
  if (args) args_.push_back(args);
  struct Restore {
    ExprCompiler& c;
    std::vector<std::string>& saved;
    bool pop;
    ~Restore() {
      if (pop) c.args_.pop_back();
      c.frames_ = std::move(saved);
    }
  } restore{*this, saved, args != nullptr};
  return compile(body);
}

SqlValue ExprCompiler::compile_call(const Expr& e) {
  if (e.target.kind == RK::let) {
    std::vector<SqlValue> args;
    for (const auto& a : e.args) args.push_back(compile(*a));
    return compile_body(*e.target.let->body, &args);
  }
  switch (static_cast<Native>(e.target.index)) {
    case Native::usage: return compile_usage(e);
    case Native::sum: return compile_sum(e);
    case Native::count: return compile_count(e);
    case Native::min: return number(arith_.min(compile(*e.args[0]).number, compile(*e.args[1]).number));
    case Native::max: return number(arith_.max(compile(*e.args[0]).number, compile(*e.args[1]).number));
    case Native::floor: return number(arith_.floor(compile(*e.args[0]).number));
    case Native::coverage: throw Refusal{e.pos, "coverage()", "a matching of people to certifications"};
    case Native::attained: {
      const auto it = attained.find(e.args[0]->text);
      // The interpreter's error for a designation it did not evaluate.
      if (it == attained.end())
        throw Refusal{e.pos, "attained() of a designation this script does not score", "add it with --designation"};
      return boolean(it->second, true);
    }
    case Native::number: {
      // As Decimal::parse: none is 0; '-?digits[.digits]' is its exact
      // fraction (denominator 10^fraction digits). Other text is the
      // interpreter's error, NULL here (docs/sql.md, runtime errors), and so
      // is a text past 18 digits on either side of the point.
      const auto text = compile(*e.args[0]);
      const auto& x = text.sql;
      const auto t = d_.int_type();
      ExactNumber n;
      n.num = fmt::format(
          "(CASE WHEN {0} IS NULL THEN 0 WHEN {1} THEN (CASE WHEN {0} LIKE '-%' THEN -1 ELSE 1 END)"
          " * CAST(replace(substr({0}, CASE WHEN {0} LIKE '-%' THEN 2 ELSE 1 END), '.', '') AS {2}) END)",
          x, d_.full_match(x, "-?[0-9]{1,18}([.][0-9]{1,18})?"), t);
      n.den = fmt::format("CAST(rpad('1', CAST(length(COALESCE(split_part({}, '.', 2), '')) + 1 AS INTEGER), '0') AS {})", x, t);
      n.reads_data = text.reads_data;
      return number(n);
    }
  }
  throw Refusal{e.pos, e.text + "()"};
}

SqlValue ExprCompiler::compile_binary(const Expr& e) {
  const auto& op = e.text;
  auto a = compile(*e.args[0]);
  auto b = compile(*e.args[1]);
  const bool reads = a.reads_data || b.reads_data;
  if (op == "and" || op == "or") {
    return boolean(fmt::format("({} {} {})", a.sql, op == "and" ? "AND" : "OR", b.sql), reads);
  }
  if (op == "in" || op == "not in") {
    std::string found;
    if (a.kind == K::month) {
      found = b.kind == K::range ? fmt::format("({} BETWEEN {} AND {})", a.sql, b.sql, b.last)
                                 : fmt::format("({} = {})", a.sql, b.sql);
    } else {
      found = in_set(a.sql, b);
    }
    return boolean(op == "in" ? found : fmt::format("(NOT {})", found), reads);
  }
  if (a.kind == K::set || a.kind == K::cert_set) {
    if (a.kind == K::cert_set) throw Refusal{e.pos, "set operations on certifications"};
    return set_operation(op, a, b);
  }
  if (a.kind == K::month && b.kind == K::number) {
    if (!b.number.constant || !b.number.constant->is_integer())
      throw Refusal{e.pos, "moving a month by a computed number of months"};
    return month(fmt::format("({} {} {})", a.sql, op, int128_text(b.number.constant->numerator())), reads);
  }
  if (a.kind == K::month && b.kind == K::month && op == "-")
    return number(arith_.integer(fmt::format("({} - {})", a.sql, b.sql), reads));
  if (a.kind == K::number) {
    if (op == "+") return number(arith_.add(a.number, b.number));
    if (op == "-") return number(arith_.add(a.number, b.number, true));
    if (op == "*") return number(arith_.multiply(a.number, b.number));
    if (op == "/") {
      if (b.number.constant && b.number.constant->is_zero()) throw Refusal{e.pos, "a division by zero"};
      return number(arith_.divide(a.number, b.number));
    }
    return boolean(arith_.compare(a.number, op, b.number), reads);
  }
  const std::string sql_op = op == "==" ? "=" : op == "!=" ? "<>" : op;
  if (a.kind == K::text || a.kind == K::none || b.kind == K::text) {
    if (op == "==") return boolean(d_.same(a.sql, b.sql), reads);
    if (op == "!=") return boolean(fmt::format("(NOT {})", d_.same(a.sql, b.sql)), reads);
    throw Refusal{e.pos, "ordering text"};
  }
  if (a.kind == K::month || a.kind == K::boolean) return boolean(fmt::format("({} {} {})", a.sql, sql_op, b.sql), reads);
  throw Refusal{e.pos, fmt::format("the operator '{}' on these values", op)};
}

}  // namespace pcs::sql
