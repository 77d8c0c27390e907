// `rows where condition`. The condition is split into conjuncts; each
// conjunct of the form `field OP row-independent-value` is compiled into an
// integer test on a column (symbols, months, millionths), so the inner loop
// compares integers and allocates nothing; `and`/`or` trees of such tests are
// compiled as well. Any other part is evaluated per row with the row as a
// frame.
#include <algorithm>

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

}  // namespace pcs::eval::detail
