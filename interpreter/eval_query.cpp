// Queries over the partner's rows: the selections of the tables, grouping,
// distinct values, people holding certifications, sums and counts. `where`
// has its own file, eval_where.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>

#include "interpreter/evaluator_impl.hpp"

namespace pcs::eval::detail {

using ast::Expr;
using ast::ExprKind;

Value Evaluator::all_rows(TableKind table) const {
  auto rows = std::make_shared<RowSet>();
  rows->table = table;
  const std::size_t n = table == TableKind::customers      ? partner_.customers.size()
                        : table == TableKind::associations ? association_tenant_.size()
                                                           : partner_.people.size();
  rows->index.resize(n);
  for (std::size_t i = 0; i < n; ++i) rows->index[i] = static_cast<std::uint32_t>(i);
  return Value::of_rows(std::move(rows), Unit::none);
}

Value Evaluator::field_value(const Frame& f, Field field) const {
  const auto raw = column(*this, *f.rows, f.i, field);
  if (field == Field::month || field == Field::since) return Value::of_month(static_cast<MonthIndex>(raw));
  if (field == Field::value) return Value::of_number(Decimal::from_micros(raw), Unit::none);
  return Value::of_string(static_cast<Symbol>(raw));
}

/// An overflow adding a row's value to a sum: names the data row (its CSV
/// line or JSON path) and the bound passed, so the row can be found and fixed.
static EvalError sum_overflow(const Evaluator& ev, const Expr& e, const RowSet& rows, std::size_t i, const char* what) {
  const std::int64_t value = column(ev, rows, i, Field::value);
  std::string row = "a usage row";
  if (rows.table == TableKind::usage) {
    const auto r = rows.index[i];
    const auto& u = ev.partner_.usage;
    const std::string origin = ev.partner_.usage_row_origin(r);
    row = (origin.empty() ? "the usage row" : "the usage row at " + origin) + " (tenant " +
          std::string(symbols().name(ev.usage_tenant_[r])) + ", " + format_month(u.month[r]) + ", " +
          std::string(symbols().name(u.measure[r])) + " " + Decimal::from_micros(value).to_string() + ")";
  }
  const std::int64_t bound = value < 0 ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
  return EvalError{e.pos, "number too large: adding " + row + " takes " + what + (value < 0 ? " below " : " above ") +
                              Decimal::from_micros(bound).to_string() + ", the limit of an exact sum"};
}

Value Evaluator::eval_group_by(const Expr& e) {
  const auto source = eval(*e.args[0]);
  const RowSet& in = *source.rows;
  auto out = std::make_shared<RowSet>();
  out->table = TableKind::grouped;
  std::vector<Field> keys;
  for (const auto& name : e.names) {
    const auto f = *field_from_name(name);
    out->keys |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(f));
    if (std::find(keys.begin(), keys.end(), f) == keys.end()) keys.push_back(f);
  }
  // Open addressing over group numbers: no allocation per row.
  const std::size_t n = in.size();
  std::size_t capacity = 16;
  while (capacity < 2 * n) capacity <<= 1;
  std::vector<std::int32_t> slots(capacity, -1);
  std::vector<std::int64_t> key(keys.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 1469598103934665603ull;
    bool keyed = true;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      key[k] = column(*this, in, i, keys[k]);
      // A row without the key (no workload, say) belongs to no group.
      if (key[k] == no_symbol && keys[k] != Field::month && keys[k] != Field::since) keyed = false;
      h = (h ^ static_cast<std::uint64_t>(key[k])) * 1099511628211ull;
    }
    if (!keyed) continue;
    std::size_t slot = (h ^ (h >> 29)) & (capacity - 1);
    const std::int64_t value = column(*this, in, i, Field::value);
    for (;; slot = (slot + 1) & (capacity - 1)) {
      const auto g = slots[slot];
      if (g < 0) {
        slots[slot] = static_cast<std::int32_t>(out->sums.size());
        for (std::size_t k = 0; k < keys.size(); ++k) out->key_columns[static_cast<std::size_t>(keys[k])].push_back(key[k]);
        out->sums.push_back(value);
        break;
      }
      bool same = true;
      for (std::size_t k = 0; k < keys.size() && same; ++k)
        same = out->key_columns[static_cast<std::size_t>(keys[k])][g] == key[k];
      if (same) {
        if (__builtin_add_overflow(out->sums[g], value, &out->sums[g])) throw sum_overflow(*this, e, in, i, "its group's total");
        break;
      }
    }
  }
  return Value::of_rows(std::move(out), source.unit);
}

Value Evaluator::eval_distinct(const Expr& e) {
  const auto source = eval(*e.args[0]);
  const auto field = static_cast<Field>(e.target.index);
  auto set = std::make_shared<SetValue>();
  const RowSet& rows = *source.rows;
  set->symbols.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (auto s = static_cast<Symbol>(column(*this, rows, i, field)); s != no_symbol) set->symbols.push_back(s);
  std::sort(set->symbols.begin(), set->symbols.end());
  set->symbols.erase(std::unique(set->symbols.begin(), set->symbols.end()), set->symbols.end());
  return Value::of_set(std::move(set), e.type.unit);
}

bool Evaluator::holds(const data::Person& p, const ast::CertRequirement& r) const {
  if (r.counts_through && as_of_ > *r.counts_through) return false;
  const DayNumber first = first_day(as_of_), last = last_day(as_of_);
  for (const Symbol code : r.codes) {
    const bool has = std::any_of(p.certifications.begin(), p.certifications.end(), [&](const data::Certification& c) {
      return c.code == code && c.earned <= last && !(c.expires && *c.expires < first);
    });
    if (!has) return false;
  }
  return true;
}

Value Evaluator::eval_holding(const Expr& e) {
  const auto people = eval(*e.args[0]);
  const auto spec = eval(*e.args[1]);
  std::vector<const ast::CertRequirement*> wanted;
  if (spec.kind == Value::Kind::certification) wanted.push_back(spec.certification);
  else wanted = spec.set->certifications;
  const bool all = e.text == "all";
  auto out = std::make_shared<RowSet>();
  out->table = TableKind::people;
  for (auto idx : people.rows->index) {
    const auto& person = partner_.people[idx];
    bool ok = all;
    for (const auto* r : wanted) {
      const bool h = holds(person, *r);
      if (all && !h) { ok = false; break; }
      if (!all && h) { ok = true; break; }
    }
    if (ok) out->index.push_back(idx);
  }
  return Value::of_rows(std::move(out), Unit::none);
}

Value Evaluator::eval_usage(const Expr& e) {
  auto rows = std::make_shared<RowSet>();
  const auto& u = partner_.usage;
  const Symbol measure = e.target.symbol;
  for (std::size_t r = 0; r < u.size(); ++r)
    if (u.measure[r] == measure) rows->index.push_back(static_cast<std::uint32_t>(r));
  return Value::of_rows(std::move(rows), e.type.kind == TypeKind::rows ? e.type.unit : Unit::none);
}

Value Evaluator::eval_sum(const Expr& e) {
  const auto source = eval(*e.args[0]);
  const RowSet& rows = *source.rows;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (__builtin_add_overflow(total, column(*this, rows, i, Field::value), &total)) throw sum_overflow(*this, e, rows, i, "the sum");
  return Value::of_number(Decimal::from_micros(total), e.type.unit);
}

Value Evaluator::eval_sum_of(const Expr& e) {
  const auto source = eval(*e.args[0]);
  const RowSet& rows = *source.rows;
  Decimal total;
  try {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      frames_.push_back({&rows, i});
      total += eval(*e.args[1]).number;
      frames_.pop_back();
    }
  } catch (const arithmetic_error& x) {
    throw EvalError{e.pos, x.what()};
  }
  return Value::of_number(total, e.type.unit);
}

Value Evaluator::eval_coverage(const Expr& e) {
  // Maximum matching of certifications to distinct people (augmenting paths):
  // "min. 1 x AZ-104, min. 1 x AZ-305, min. 1 x AZ-400" held by different people.
  const auto people = eval(*e.args[0]);
  const auto certs = eval(*e.args[1]);
  const auto& wanted = certs.set->certifications;
  const auto& index = people.rows->index;
  std::vector<std::vector<std::size_t>> holders(wanted.size());
  for (std::size_t c = 0; c < wanted.size(); ++c)
    for (std::size_t p = 0; p < index.size(); ++p)
      if (holds(partner_.people[index[p]], *wanted[c])) holders[c].push_back(p);
  std::vector<int> owner(index.size(), -1);  // person -> certification it covers
  std::size_t matched = 0;
  for (std::size_t c = 0; c < wanted.size(); ++c) {
    std::vector<bool> seen(index.size(), false);
    std::function<bool(std::size_t)> assign = [&](std::size_t cert) {
      for (auto p : holders[cert]) {
        if (seen[p]) continue;
        seen[p] = true;
        if (owner[p] < 0 || assign(static_cast<std::size_t>(owner[p]))) {
          owner[p] = static_cast<int>(cert);
          return true;
        }
      }
      return false;
    };
    if (assign(c)) ++matched;
  }
  return Value::of_number(Decimal::from_int(static_cast<std::int64_t>(matched)), Unit::people);
}

Value Evaluator::eval_count(const Expr& e) {
  const auto x = eval(*e.args[0]);
  const auto n = x.kind == Value::Kind::set ? x.set->symbols.size() + x.set->certifications.size() : x.rows->size();
  return Value::of_number(Decimal::from_int(static_cast<std::int64_t>(n)), e.type.unit);
}

}  // namespace pcs::eval::detail
