// Queries over the partner's rows to SQL (expr_compiler.hpp): each row
// selection is a correlated subquery on the scope row `s`, each `where`
// frame gets an alias of its own, `by` drops rows without their key (except
// month and since), `distinct` leaves absent values out, as eval_query.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "interpreter/natives.hpp"
#include "sql/expr_compiler.hpp"

namespace pcs::sql {

using ast::Expr;
using K = SqlValue::Kind;

std::vector<std::string> row_columns(TableKind table, std::uint16_t keys) {
  switch (table) {
    case TableKind::usage:
      return {"tenant", "month", "measure", "value", "service", "service_group", "workload", "product", "offer", "association", "area"};
    case TableKind::customers: return {"tenant", "segment"};
    case TableKind::associations: return {"tenant", "association", "since"};
    case TableKind::people: return {"person"};
    case TableKind::grouped: {
      std::vector<std::string> out;
      for (unsigned f = 0; f < static_cast<unsigned>(Field::count_); ++f)
        if (keys & (1u << f)) out.emplace_back(field_name(static_cast<Field>(f)));
      out.emplace_back("value");
      return out;
    }
  }
  return {};
}

namespace {

std::string column_list(TableKind table, std::uint16_t keys, const std::string& alias = "") {
  std::string out;
  for (const auto& c : row_columns(table, keys)) out += (out.empty() ? "" : ", ") + (alias.empty() ? c : alias + "." + c);
  return out;
}

SqlValue rows_value(TableKind table, std::uint16_t keys, std::string sql) {
  SqlValue v;
  v.kind = K::rows;
  v.table = table;
  v.keys = keys;
  v.sql = std::move(sql);
  v.reads_data = true;
  return v;
}

}  // namespace

SqlValue ExprCompiler::all_rows(TableKind table) const {
  const char* source = table == TableKind::customers ? "pcs_customers" : table == TableKind::associations ? "pcs_associations" : "pcs_people";
  return rows_value(table, 0, fmt::format("SELECT {} FROM {} WHERE partner_id = s.partner_id", column_list(table, 0), source));
}

SqlValue ExprCompiler::set_query(const SqlValue& set) const {
  if (!set.literal) return set;
  SqlValue v = set;
  v.literal = false;
  if (set.items.empty()) {
    v.sql = fmt::format("SELECT CAST(NULL AS {}) AS elem WHERE FALSE", d_.text_type());
  } else {
    std::string values;
    for (const auto& i : set.items) values += (values.empty() ? "" : " UNION ALL ") + fmt::format("SELECT {} AS elem", quote(d_, i));
    v.sql = values;
  }
  return v;
}

std::string ExprCompiler::in_set(const std::string& x, const SqlValue& set) const {
  if (set.literal) {
    if (set.items.empty()) return "FALSE";
    std::string list;
    for (const auto& i : set.items) list += (list.empty() ? "" : ", ") + quote(d_, i);
    return fmt::format("COALESCE({} IN ({}), FALSE)", x, list);
  }
  return fmt::format("COALESCE({} IN (SELECT elem FROM ({}) in_set), FALSE)", x, set.sql);
}

SqlValue ExprCompiler::set_operation(const std::string& op, const SqlValue& a, const SqlValue& b) const {
  if (a.literal && b.literal) {
    SqlValue v = a;
    v.items.clear();
    const auto& x = a.items;
    const auto& y = b.items;
    if (op == "+") std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(v.items));
    else if (op == "-") std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(v.items));
    else std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(v.items));
    return v;
  }
  const char* keyword = op == "+" ? "UNION" : op == "-" ? "EXCEPT" : "INTERSECT";
  SqlValue v;
  v.kind = K::set;
  v.reads_data = true;
  v.sql = fmt::format("SELECT elem FROM ({}) a {} SELECT elem FROM ({}) b", set_query(a).sql, keyword, set_query(b).sql);
  return v;
}

SqlValue ExprCompiler::compile_usage(const Expr& e) {
  const auto measure = std::string(symbols().name(e.target.symbol));
  return rows_value(TableKind::usage, 0,
                    fmt::format("SELECT {} FROM pcs_usage WHERE partner_id = s.partner_id AND measure = {}",
                                column_list(TableKind::usage, 0), quote(d_, measure)));
}

SqlValue ExprCompiler::compile_where(const Expr& e) {
  const auto source = compile(*e.args[0]);
  const auto alias = new_alias();
  frames_.push_back(alias);
  std::string predicate;
  try {
    predicate = condition(*e.args[1]);
  } catch (...) {
    frames_.pop_back();
    throw;
  }
  frames_.pop_back();
  return rows_value(source.table, source.keys,
                    fmt::format("SELECT {} FROM ({}) {} WHERE {}", column_list(source.table, source.keys, alias), source.sql,
                                alias, predicate));
}

SqlValue ExprCompiler::compile_group_by(const Expr& e) {
  const auto source = compile(*e.args[0]);
  std::uint16_t keys = 0;
  for (const auto& name : e.names) keys |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(*field_from_name(name)));
  const auto alias = new_alias();
  std::string group, present;
  for (unsigned f = 0; f < static_cast<unsigned>(Field::count_); ++f) {
    if (!(keys & (1u << f))) continue;
    const auto field = static_cast<Field>(f);
    const auto column = fmt::format("{}.{}", alias, field_name(field));
    group += (group.empty() ? "" : ", ") + column;
    // A row without the key (no workload, say) belongs to no group.
    if (field != Field::month && field != Field::since) present += fmt::format(" AND {} IS NOT NULL", column);
  }
  return rows_value(TableKind::grouped, keys,
                    fmt::format("SELECT {0}, SUM({1}.value) AS value FROM ({2}) {1} WHERE TRUE{3} GROUP BY {0}", group,
                                alias, source.sql, present));
}

SqlValue ExprCompiler::compile_distinct(const Expr& e) {
  const auto source = compile(*e.args[0]);
  const auto field = static_cast<Field>(e.target.index);
  const auto alias = new_alias();
  SqlValue v;
  v.kind = K::set;
  v.reads_data = true;
  v.sql = fmt::format("SELECT DISTINCT {0}.{1} AS elem FROM ({2}) {0} WHERE {0}.{1} IS NOT NULL", alias, field_name(field),
                      source.sql);
  return v;
}

std::string ExprCompiler::holds(const std::string& person, const ast::CertRequirement& r) const {
  // earned <= last day of M and not expired before its first day: by month.
  std::string all = r.counts_through ? fmt::format("s.as_of <= {}", *r.counts_through) : "";
  for (const auto code : r.codes) {
    all += (all.empty() ? "" : " AND ") +
           fmt::format("EXISTS (SELECT 1 FROM pcs_certifications c WHERE c.partner_id = s.partner_id AND c.person = {} "
                       "AND c.code = {} AND c.earned <= s.as_of AND (c.expires IS NULL OR c.expires >= s.as_of))",
                       person, quote(d_, symbols().name(code)));
  }
  return all.empty() ? "TRUE" : "(" + all + ")";
}

SqlValue ExprCompiler::compile_holding(const Expr& e) {
  const auto people = compile(*e.args[0]);
  const auto spec = compile(*e.args[1]);
  if (spec.kind != K::cert_set) throw Refusal{e.pos, "holding a computed set of certifications"};
  const auto alias = new_alias();
  const bool all = e.text == "all";
  std::string test;
  for (const auto* r : spec.certs) test += (test.empty() ? "" : all ? " AND " : " OR ") + holds(alias + ".person", *r);
  if (test.empty()) test = all ? "TRUE" : "FALSE";
  return rows_value(TableKind::people, 0,
                    fmt::format("SELECT {0}.person FROM ({1}) {0} WHERE ({2})", alias, people.sql, test));
}

SqlValue ExprCompiler::compile_sum(const Expr& e) {
  const auto source = compile(*e.args[0]);
  const auto alias = new_alias();
  SqlValue v;
  v.kind = K::number;
  if (e.args.size() == 1) {
    v.number = arith_.millionths(fmt::format("(SELECT COALESCE(SUM({0}.value), 0) FROM ({1}) {0})", alias, source.sql), true);
    v.reads_data = true;
    return v;
  }
  frames_.push_back(alias);
  SqlValue term;
  try {
    term = compile(*e.args[1]);
  } catch (...) {
    frames_.pop_back();
    throw;
  }
  frames_.pop_back();
  if (!term.number.const_den)
    throw Refusal{e.pos, "sum(rows, expression) whose terms have different denominators"};
  ExactNumber n = term.number;
  n.num = fmt::format("(SELECT COALESCE(SUM({0}), 0) FROM ({1}) {2})", term.number.num, source.sql, alias);
  n.constant.reset();
  n.reads_data = true;
  v.number = n;
  v.reads_data = true;
  return v;
}

SqlValue ExprCompiler::compile_count(const Expr& e) {
  const auto x = compile(*e.args[0]);
  SqlValue v;
  v.kind = K::number;
  if (x.kind == K::cert_set || x.literal) {
    v.number = arith_.literal(Decimal::from_int(static_cast<std::int64_t>(x.kind == K::cert_set ? x.certs.size() : x.items.size())));
    return v;
  }
  v.number = arith_.integer(fmt::format("(SELECT count(*) FROM ({}) n)", x.sql), true);
  v.reads_data = true;
  return v;
}

}  // namespace pcs::sql
