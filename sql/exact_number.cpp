// Exact rational arithmetic printed as SQL (exact_number.hpp).
#include "sql/exact_number.hpp"

#include <fmt/format.h>

#include <numeric>

namespace pcs::sql {

using int128 = Decimal::int128;

std::string int128_text(int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string s;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    s += static_cast<char>('0' + (digit < 0 ? -digit : digit));
    v /= 10;
  }
  if (negative) s += '-';
  return std::string(s.rbegin(), s.rend());
}

namespace {

int128 gcd128(int128 a, int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

int128 lcm128(int128 a, int128 b) { return a / gcd128(a, b) * b; }

/// `x * k`, leaving out multiplications by 1.
std::string scaled(const std::string& x, int128 k) {
  if (k == 1) return x;
  return fmt::format("({} * {})", x, int128_text(k));
}

bool all_const_dens(const std::vector<const ExactNumber*>& xs) {
  for (const auto* x : xs)
    if (!x->const_den) return false;
  return true;
}

}  // namespace

std::string Arithmetic::cast_int(const std::string& sql) const { return fmt::format("CAST({} AS {})", sql, d_.int_type()); }

ExactNumber Arithmetic::literal(const Decimal& v) const {
  ExactNumber n;
  // Literals go through the integer type: an INTEGER literal times a
  // HUGEINT column is fine, but two literals must not overflow a BIGINT.
  n.num = v.numerator() < 0 ? fmt::format("({})", cast_int(int128_text(v.numerator()))) : cast_int(int128_text(v.numerator()));
  n.den = int128_text(v.denominator());
  n.const_den = v.denominator();
  n.constant = v;
  return n;
}

ExactNumber Arithmetic::integer(std::string sql, bool reads_data) const {
  ExactNumber n;
  n.num = cast_int(sql);
  n.den = "1";
  n.const_den = 1;
  n.reads_data = reads_data;
  return n;
}

ExactNumber Arithmetic::millionths(std::string sql, bool reads_data) const {
  ExactNumber n;
  n.num = std::move(sql);
  n.den = "1000000";
  n.const_den = 1'000'000;
  n.reads_data = reads_data;
  return n;
}

ExactNumber Arithmetic::add(const ExactNumber& a, const ExactNumber& b, bool subtract) const {
  if (a.constant && b.constant) return literal(subtract ? *a.constant - *b.constant : *a.constant + *b.constant);
  const char* op = subtract ? "-" : "+";
  ExactNumber r;
  r.reads_data = a.reads_data || b.reads_data;
  if (a.const_den && b.const_den) {
    const int128 l = lcm128(*a.const_den, *b.const_den);
    r.num = fmt::format("({} {} {})", scaled(a.num, l / *a.const_den), op, scaled(b.num, l / *b.const_den));
    r.den = int128_text(l);
    r.const_den = l;
    return r;
  }
  r.num = fmt::format("({} * {} {} {} * {})", a.num, b.den, op, b.num, a.den);
  r.den = fmt::format("({} * {})", a.den, b.den);
  return r;
}

ExactNumber Arithmetic::negate(const ExactNumber& a) const {
  if (a.constant) return literal(-*a.constant);
  ExactNumber r = a;
  r.num = fmt::format("(-{})", a.num);
  return r;
}

ExactNumber Arithmetic::multiply(const ExactNumber& a, const ExactNumber& b) const {
  if (a.constant && b.constant) return literal(*a.constant * *b.constant);
  ExactNumber r;
  r.reads_data = a.reads_data || b.reads_data;
  // A constant factor p/q: multiply by p, and q joins the denominator.
  r.num = fmt::format("({} * {})", a.num, b.num);
  if (a.const_den && b.const_den) {
    r.const_den = *a.const_den * *b.const_den;
    r.den = int128_text(*r.const_den);
  } else {
    r.den = fmt::format("({} * {})", a.den, b.den);
  }
  return r;
}

ExactNumber Arithmetic::divide(const ExactNumber& a, const ExactNumber& b) const {
  if (a.constant && b.constant && !b.constant->is_zero()) return literal(*a.constant / *b.constant);
  ExactNumber r;
  r.reads_data = a.reads_data || b.reads_data;
  if (b.constant && !b.constant->is_zero()) {
    // a / (p/q) = a * q / p, with p's sign moved to the numerator.
    const int128 p = b.constant->numerator(), q = b.constant->denominator();
    const int128 sign = p < 0 ? -1 : 1;
    r.num = scaled(a.num, q * sign);
    if (a.const_den) {
      r.const_den = *a.const_den * (p * sign);
      r.den = int128_text(*r.const_den);
    } else {
      r.den = scaled(a.den, p * sign);
    }
    return r;
  }
  // (na/da) / (nb/db) = (na*db*sign(nb)) / (da*|nb|): the denominator stays
  // positive, and is 0 exactly when b is 0.
  r.num = fmt::format("({} * {} * {})", a.num, b.den, d_.sign(b.num));
  r.den = fmt::format("({} * abs({}))", a.den, b.num);
  return r;
}

std::string Arithmetic::floor_div(const std::string& num, const std::string& den) const {
  // Integer division truncates toward zero in every engine; subtracting the
  // non-negative remainder first makes the division exact, so the result is
  // the floor for negative numerators too: floor(-7/2) = (-7 - 1) / 2 = -4.
  const std::string rem = fmt::format("((({0}) % ({1}) + ({1})) % ({1}))", num, den);
  return d_.exact_div(fmt::format("({}) - {}", num, rem), den);
}

ExactNumber Arithmetic::floor(const ExactNumber& a) const {
  if (a.constant) return literal(a.constant->floor());
  if (a.const_den && *a.const_den == 1) return a;
  ExactNumber r = integer(floor_div(a.num, a.den), a.reads_data);
  return r;
}

std::string Arithmetic::compare(const ExactNumber& a, const std::string& op, const ExactNumber& b) const {
  const std::string sql_op = op == "==" ? "=" : op == "!=" ? "<>" : op;
  if (a.const_den && b.const_den) {
    const int128 l = lcm128(*a.const_den, *b.const_den);
    return fmt::format("({} {} {})", scaled(a.num, l / *a.const_den), sql_op, scaled(b.num, l / *b.const_den));
  }
  // Both denominators are positive: cross-multiplying keeps the order.
  return fmt::format("({} * {} {} {} * {})", a.num, b.den, sql_op, b.num, a.den);
}

ExactNumber Arithmetic::choose(const std::vector<std::string>& conds, const std::vector<ExactNumber>& values,
                               const ExactNumber& otherwise) const {
  std::vector<const ExactNumber*> all;
  for (const auto& v : values) all.push_back(&v);
  all.push_back(&otherwise);
  ExactNumber r;
  for (const auto* v : all) r.reads_data = r.reads_data || v->reads_data;
  std::string num = "CASE", den = "CASE";
  if (all_const_dens(all)) {
    int128 l = 1;
    for (const auto* v : all) l = lcm128(l, *v->const_den);
    for (std::size_t i = 0; i < conds.size(); ++i)
      num += fmt::format(" WHEN {} THEN {}", conds[i], scaled(values[i].num, l / *values[i].const_den));
    r.num = num + fmt::format(" ELSE {} END", scaled(otherwise.num, l / *otherwise.const_den));
    r.const_den = l;
    r.den = int128_text(l);
    return r;
  }
  for (std::size_t i = 0; i < conds.size(); ++i) {
    num += fmt::format(" WHEN {} THEN {}", conds[i], values[i].num);
    den += fmt::format(" WHEN {} THEN {}", conds[i], values[i].den);
  }
  r.num = num + fmt::format(" ELSE {} END", otherwise.num);
  r.den = den + fmt::format(" ELSE {} END", otherwise.den);
  return r;
}

ExactNumber Arithmetic::min(const ExactNumber& a, const ExactNumber& b) const {
  if (a.constant && b.constant) return *a.constant <= *b.constant ? a : b;
  return choose({compare(a, "<=", b)}, {a}, b);
}

ExactNumber Arithmetic::max(const ExactNumber& a, const ExactNumber& b) const {
  if (a.constant && b.constant) return *a.constant >= *b.constant ? a : b;
  return choose({compare(a, ">=", b)}, {a}, b);
}

std::string Arithmetic::to_decimal(const ExactNumber& a, int places) const {
  int128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  const std::string q = floor_div(scaled(a.num, scale), a.den);
  // An integer count of 10^-places steps times an exact decimal constant:
  // a DECIMAL product, never a division (DuckDB divides decimals in DOUBLE).
  return fmt::format("(CAST({} AS {}) * CAST({} AS {}))", q, d_.decimal_type(0), places == 0 ? std::string("1") : "0." + std::string(static_cast<std::size_t>(places - 1), '0') + "1",
                     d_.decimal_type(places));
}

}  // namespace pcs::sql
