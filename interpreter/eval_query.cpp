// Queries over the partner's rows. A `where` splits its condition into
// conjuncts; each conjunct of the form `field OP row-independent-value` is
// compiled into an integer test on a column (symbols, months, millionths),
// so the inner loop compares integers and allocates nothing. Any other
// conjunct is evaluated per row with the row as a frame.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "interpreter/evaluator_impl.hpp"

namespace pcs::eval::detail {

using ast::Expr;
using ast::ExprKind;

/// An integer test on one column of a row selection.
struct ColumnTest {
  enum class Op { in_set, not_in_set, between, not_between };
  Field field;
  Op op;
  std::vector<std::int64_t> set;      // sorted
  std::int64_t lo = 0, hi = 0;        // inclusive bounds for between
};

namespace {

constexpr std::int64_t lowest = INT64_MIN, highest = INT64_MAX;

/// The millionths bounds of `value OP threshold`, exactly.
void value_bounds(const std::string& op, const Decimal& threshold, ColumnTest& t) {
  const Decimal micros = threshold * Decimal::from_int(1'000'000);
  const Decimal fl = micros.floor();
  const bool whole = fl == micros;
  auto to_i64 = [](const Decimal& d) {
    const auto n = d.numerator();
    if (n > INT64_MAX) return highest;
    if (n < INT64_MIN) return lowest;
    return static_cast<std::int64_t>(n);
  };
  const std::int64_t f = to_i64(fl);
  const std::int64_t c = whole ? f : (f == highest ? highest : f + 1);
  t.op = ColumnTest::Op::between;
  if (op == ">=") { t.lo = c; t.hi = highest; }
  else if (op == ">") { t.lo = f == highest ? highest : f + 1; t.hi = highest; }
  else if (op == "<=") { t.lo = lowest; t.hi = f; }
  else if (op == "<") { t.lo = lowest; t.hi = c == lowest ? lowest : c - 1; }
  else if (op == "==") { t.lo = whole ? f : 1; t.hi = whole ? f : 0; }
  else { t.op = ColumnTest::Op::not_between; t.lo = whole ? f : 1; t.hi = whole ? f : 0; }
}

void flatten_and(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == ExprKind::binary && e.op == ast::BinaryOp::and_) {
    flatten_and(*e.args[0], out);
    flatten_and(*e.args[1], out);
  } else {
    out.push_back(&e);
  }
}

}  // namespace

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

/// The integer a column holds for row `i` of a selection.
static std::int64_t column(const Evaluator& ev, const RowSet& rows, std::size_t i, Field f) {
  if (rows.table == TableKind::grouped)
    return f == Field::value ? rows.sums[i] : rows.key_columns[static_cast<std::size_t>(f)][i];
  const auto r = rows.index[i];
  const auto& u = ev.partner_.usage;
  switch (rows.table) {
    case TableKind::customers:
      return f == Field::tenant ? ev.partner_.customers[r].tenant : ev.partner_.customers[r].segment;
    case TableKind::people: return ev.partner_.people[r].id;
    case TableKind::associations:
      return f == Field::tenant ? ev.association_tenant_[r] : f == Field::since ? ev.association_since_[r] : ev.association_type_[r];
    default: break;
  }
  switch (f) {
    case Field::tenant: return ev.usage_tenant_[r];
    case Field::month: return u.month[r];
    case Field::measure: return u.measure[r];
    case Field::value: return u.value[r];
    case Field::service: return u.service[r];
    case Field::service_group: return u.service_group[r];
    case Field::workload: return u.workload[r];
    case Field::product: return u.product[r];
    case Field::offer: return u.offer[r];
    case Field::association: return u.association[r];
    case Field::area: return u.area[r];
    case Field::service_level_4: return u.service_level_4[r];
    case Field::service_influencer: return u.service_influencer[r];
    default: return 0;
  }
}

Value Evaluator::field_value(const Frame& f, Field field) const {
  const auto raw = column(*this, *f.rows, f.i, field);
  if (field == Field::month || field == Field::since) return Value::of_month(static_cast<MonthIndex>(raw));
  if (field == Field::value) return Value::of_number(Decimal::from_micros(raw), Unit::none);
  return Value::of_string(static_cast<Symbol>(raw));
}

/// A `where` condition compiled for one selection: integer tests on columns,
/// `and`/`or` of them, and, for what cannot be compiled, the expression
/// itself, evaluated with the row as a frame.
struct Predicate {
  enum class Kind { test, all, any, generic };
  Kind kind = Kind::generic;
  ColumnTest test{};
  std::vector<Predicate> parts;  // all, any: in the order written
  const Expr* expr = nullptr;    // generic
};

bool Evaluator::compile_test(const Expr& c, int level, ColumnTest& t) {
  const bool simple = c.kind == ExprKind::binary && c.args[0]->target.kind == ast::Resolution::Kind::field &&
                      c.args[0]->target.frame == level && c.args[1]->max_frame < level &&
                      c.op != ast::BinaryOp::and_ && c.op != ast::BinaryOp::or_;
  if (!simple) return false;
  const auto field = static_cast<Field>(c.args[0]->target.index);
  const auto rhs = eval(*c.args[1]);
  t = ColumnTest{field, ColumnTest::Op::in_set, {}, 0, 0};
  const auto& op = c.text;
  if (rhs.kind == Value::Kind::set) {
    t.set.assign(rhs.set->symbols.begin(), rhs.set->symbols.end());
    t.op = op == "in" ? ColumnTest::Op::in_set : ColumnTest::Op::not_in_set;
  } else if (rhs.kind == Value::Kind::range || (rhs.kind == Value::Kind::month && (op == "in" || op == "not in"))) {
    t.op = op == "in" ? ColumnTest::Op::between : ColumnTest::Op::not_between;
    t.lo = rhs.month;
    t.hi = rhs.month_end;
  } else if (rhs.kind == Value::Kind::number) {
    value_bounds(op, rhs.number, t);
  } else if (rhs.kind == Value::Kind::month) {
    const std::int64_t m = rhs.month;
    t.op = ColumnTest::Op::between;
    if (op == "==") { t.lo = m; t.hi = m; }
    else if (op == "!=") { t.op = ColumnTest::Op::not_between; t.lo = m; t.hi = m; }
    else if (op == "<") { t.lo = lowest; t.hi = m - 1; }
    else if (op == "<=") { t.lo = lowest; t.hi = m; }
    else if (op == ">") { t.lo = m + 1; t.hi = highest; }
    else { t.lo = m; t.hi = highest; }
  } else if ((rhs.kind == Value::Kind::string || rhs.kind == Value::Kind::none) && (op == "==" || op == "!=")) {
    t.set.push_back(rhs.symbol);
    t.op = op == "==" ? ColumnTest::Op::in_set : ColumnTest::Op::not_in_set;
  } else {
    return false;
  }
  return true;
}

/// Compiles a condition nested in an `and` or `or` below the top level: its
/// parts keep the order written, and a right side that fails to evaluate
/// leaves its test to the rows (where the plain evaluation would report it,
/// if a row reaches it).
Predicate Evaluator::compile_nested(const Expr& c, int level) {
  Predicate p;
  if (c.kind == ExprKind::binary && (c.op == ast::BinaryOp::and_ || c.op == ast::BinaryOp::or_)) {
    p.kind = c.op == ast::BinaryOp::and_ ? Predicate::Kind::all : Predicate::Kind::any;
    p.parts.push_back(compile_nested(*c.args[0], level));
    p.parts.push_back(compile_nested(*c.args[1], level));
    return p;
  }
  try {
    if (compile_test(c, level, p.test)) {
      p.kind = Predicate::Kind::test;
      return p;
    }
  } catch (const EvalError&) {
  }
  p.kind = Predicate::Kind::generic;
  p.expr = &c;
  return p;
}

namespace {
bool passes(const ColumnTest& t, std::int64_t v) {
  switch (t.op) {
    case ColumnTest::Op::in_set:
    case ColumnTest::Op::not_in_set: {
      // t.set is sorted: a binary search when it is long (tenant in a set of customers).
      const bool found = t.set.size() > 8 ? std::binary_search(t.set.begin(), t.set.end(), v)
                                          : std::find(t.set.begin(), t.set.end(), v) != t.set.end();
      return t.op == ColumnTest::Op::in_set ? found : !found;
    }
    case ColumnTest::Op::between: return v >= t.lo && v <= t.hi;
    case ColumnTest::Op::not_between: return v < t.lo || v > t.hi;
  }
  return false;
}
}  // namespace

bool Evaluator::holds_for_row(const Predicate& p, const RowSet& in, std::size_t i) {
  switch (p.kind) {
    case Predicate::Kind::test: return passes(p.test, column(*this, in, i, p.test.field));
    case Predicate::Kind::all:
      for (const auto& part : p.parts)
        if (!holds_for_row(part, in, i)) return false;
      return true;
    case Predicate::Kind::any:
      for (const auto& part : p.parts)
        if (holds_for_row(part, in, i)) return true;
      return false;
    case Predicate::Kind::generic: {
      frames_.push_back({&in, i});
      const bool ok = eval_bool(*p.expr);
      frames_.pop_back();
      return ok;
    }
  }
  return false;
}

Value Evaluator::eval_where(const Expr& e) {
  const auto source = eval(*e.args[0]);
  const RowSet& in = *source.rows;
  const int level = static_cast<int>(frames_.size()) + 1;

  // The top-level conjuncts: the column tests first (each right side
  // evaluated once, here), then the others in the order written, an `or`
  // of column tests compiled as well.
  std::vector<const Expr*> conjuncts;
  flatten_and(*e.args[1], conjuncts);
  std::vector<ColumnTest> tests;
  std::vector<const Expr*> others;
  for (const Expr* c : conjuncts) {
    ColumnTest t;
    if (compile_test(*c, level, t)) tests.push_back(std::move(t));
    else others.push_back(c);
  }
  std::vector<Predicate> rest;
  // The right sides inside them are evaluated here as a row would evaluate
  // them: under a row frame (so they add no explanation line; they read no
  // field of this frame).
  frames_.push_back({&in, 0});
  for (const Expr* c : others) rest.push_back(compile_nested(*c, level));
  frames_.pop_back();

  auto out = std::make_shared<RowSet>();
  out->table = in.table;
  out->keys = in.keys;
  const std::size_t n = in.size();
  auto emit = [&](std::size_t i) {
    if (in.table == TableKind::grouped) {
      for (std::size_t f = 0; f < in.key_columns.size(); ++f)
        if (in.keys & (1u << f)) out->key_columns[f].push_back(in.key_columns[f][i]);
      out->sums.push_back(in.sums[i]);
    } else {
      out->index.push_back(in.index[i]);
    }
  };
  if (in.table == TableKind::usage || in.table == TableKind::grouped) {
    // Usage rows and grouped tables hold their fields as arrays: each test
    // runs over one array, keeping the positions that pass, then the rest of
    // the condition sees only those.
    std::vector<std::uint32_t> kept(n);
    for (std::size_t i = 0; i < n; ++i) kept[i] = static_cast<std::uint32_t>(i);
    for (const auto& t : tests) keep_passing(in, t, kept);
    if (in.table == TableKind::usage && rest.empty()) {
      out->index.reserve(kept.size());
      for (const auto i : kept) out->index.push_back(in.index[i]);
    } else {
      for (const auto i : kept) {
        bool keep = true;
        for (const auto& p : rest)
          if (!holds_for_row(p, in, i)) { keep = false; break; }
        if (keep) emit(i);
      }
    }
    return Value::of_rows(std::move(out), source.unit);
  }
  for (std::size_t i = 0; i < n; ++i) {
    bool keep = true;
    for (const auto& t : tests)
      if (!passes(t, column(*this, in, i, t.field))) { keep = false; break; }
    if (keep)
      for (const auto& p : rest)
        if (!holds_for_row(p, in, i)) { keep = false; break; }
    if (keep) emit(i);
  }
  return Value::of_rows(std::move(out), source.unit);
}

namespace {
/// Keeps the positions of `kept` whose value in `col` (at rows[position],
/// or at the position itself when rows is null) passes `t`.
template <typename T>
void keep_in_column(const T* col, const std::uint32_t* rows, const ColumnTest& t, std::vector<std::uint32_t>& kept) {
  auto run = [&](auto pass) {
    std::size_t w = 0;
    for (const auto p : kept)
      if (pass(static_cast<std::int64_t>(col[rows ? rows[p] : p]))) kept[w++] = p;
    kept.resize(w);
  };
  const auto lo = t.lo, hi = t.hi;
  switch (t.op) {
    case ColumnTest::Op::between: run([=](std::int64_t v) { return v >= lo && v <= hi; }); break;
    case ColumnTest::Op::not_between: run([=](std::int64_t v) { return v < lo || v > hi; }); break;
    case ColumnTest::Op::in_set:
      if (t.set.size() == 1) {
        const auto x = t.set[0];
        run([=](std::int64_t v) { return v == x; });
        break;
      }
      [[fallthrough]];
    default: run([&](std::int64_t v) { return passes(t, v); }); break;
  }
}
}  // namespace

void Evaluator::keep_passing(const RowSet& in, const ColumnTest& t, std::vector<std::uint32_t>& kept) const {
  if (in.table == TableKind::grouped) {
    const auto& col = t.field == Field::value ? in.sums : in.key_columns[static_cast<std::size_t>(t.field)];
    keep_in_column(col.data(), nullptr, t, kept);
    return;
  }
  const auto& u = partner_.usage;
  const std::uint32_t* rows = in.index.data();
  switch (t.field) {
    case Field::tenant: return keep_in_column(usage_tenant_.data(), rows, t, kept);
    case Field::month: return keep_in_column(u.month.data(), rows, t, kept);
    case Field::measure: return keep_in_column(u.measure.data(), rows, t, kept);
    case Field::value: return keep_in_column(u.value.data(), rows, t, kept);
    case Field::service: return keep_in_column(u.service.data(), rows, t, kept);
    case Field::service_group: return keep_in_column(u.service_group.data(), rows, t, kept);
    case Field::workload: return keep_in_column(u.workload.data(), rows, t, kept);
    case Field::product: return keep_in_column(u.product.data(), rows, t, kept);
    case Field::offer: return keep_in_column(u.offer.data(), rows, t, kept);
    case Field::association: return keep_in_column(u.association.data(), rows, t, kept);
    case Field::area: return keep_in_column(u.area.data(), rows, t, kept);
    case Field::service_level_4: return keep_in_column(u.service_level_4.data(), rows, t, kept);
    case Field::service_influencer: return keep_in_column(u.service_influencer.data(), rows, t, kept);
    default: break;
  }
  std::size_t w = 0;  // a field usage rows do not have reads as 0, as column() says
  for (const auto p : kept)
    if (passes(t, column(*this, in, p, t.field))) kept[w++] = p;
  kept.resize(w);
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
        if (__builtin_add_overflow(out->sums[g], value, &out->sums[g])) throw EvalError{e.pos, "number too large"};
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
    if (__builtin_add_overflow(total, column(*this, rows, i, Field::value), &total)) throw EvalError{e.pos, "number too large"};
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
