// Exact rational arithmetic in checked 128-bit integers. No binary floating
// point appears anywhere in this file; every operation that could overflow is
// checked with the compiler's overflow builtins and throws instead.
#include "common/decimal.hpp"

#include <algorithm>
#include <utility>

namespace pcs {
namespace {

using int128 = __int128;
using uint128 = unsigned __int128;

[[noreturn]] void too_large() { throw arithmetic_error("number too large"); }
[[noreturn]] void divide_by_zero() { throw arithmetic_error("division by zero"); }

int128 checked_add(int128 a, int128 b) {
  int128 r;
  if (__builtin_add_overflow(a, b, &r)) too_large();
  return r;
}
int128 checked_sub(int128 a, int128 b) {
  int128 r;
  if (__builtin_sub_overflow(a, b, &r)) too_large();
  return r;
}
int128 checked_mul(int128 a, int128 b) {
  int128 r;
  if (__builtin_mul_overflow(a, b, &r)) too_large();
  return r;
}

uint128 magnitude(int128 v) { return v < 0 ? uint128(0) - uint128(v) : uint128(v); }

uint128 gcd(uint128 a, uint128 b) {
  while (b != 0) {
    uint128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/// Floor division for den > 0 (the quotient always fits: |q| <= |num|).
std::pair<int128, int128> floor_divmod(int128 num, int128 den) {
  int128 q = num / den;
  int128 r = num % den;
  if (r < 0) {
    q -= 1;  // cannot overflow: num / den with den >= 1 is never INT128_MIN unless den == 1, where r == 0
    r += den;
  }
  return {q, r};
}

std::string unsigned_text(uint128 v) {
  if (v == 0) return "0";
  char buf[48];
  int n = 0;
  while (v != 0) {
    buf[n++] = char('0' + int(v % 10));
    v /= 10;
  }
  std::string s(buf, buf + n);
  std::reverse(s.begin(), s.end());
  return s;
}

/// Compares a/b with c/d (b, d > 0) by continued fractions: exact and free of
/// overflow, used when cross-multiplication would overflow.
std::strong_ordering compare_fractions(int128 a, int128 b, int128 c, int128 d) {
  bool inverted = false;
  for (;;) {
    auto [q1, r1] = floor_divmod(a, b);
    auto [q2, r2] = floor_divmod(c, d);
    if (q1 != q2) return inverted ? q2 <=> q1 : q1 <=> q2;
    if (r1 == 0 || r2 == 0) {
      std::strong_ordering o = r1 == r2 ? std::strong_ordering::equal
                               : r1 == 0 ? std::strong_ordering::less
                                         : std::strong_ordering::greater;
      if (inverted && o != std::strong_ordering::equal) o = o == std::strong_ordering::less ? std::strong_ordering::greater : std::strong_ordering::less;
      return o;
    }
    // r1/b < r2/d  <=>  b/r1 > d/r2
    a = b;
    b = r1;
    c = d;
    d = r2;
    inverted = !inverted;
  }
}

}  // namespace

Decimal Decimal::ratio(int128 num, int128 den) {
  if (den == 0) divide_by_zero();
  if (den < 0) {
    num = checked_sub(0, num);
    den = checked_sub(0, den);
  }
  if (num == 0) return Decimal(0, 1);
  uint128 g = gcd(magnitude(num), uint128(den));
  if (g > 1) {
    num /= int128(g);
    den /= int128(g);
  }
  return Decimal(num, den);
}

Decimal Decimal::from_micros(std::int64_t micros) { return ratio(micros, 1'000'000); }

std::optional<Decimal> Decimal::parse(std::string_view text, int* fraction_digits) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t int_start = i;
  int128 num = 0;
  while (i < text.size() && is_digit(text[i])) {
    num = checked_add(checked_mul(num, 10), text[i] - '0');
    ++i;
  }
  if (i == int_start) return std::nullopt;
  int128 den = 1;
  int digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t frac_start = i;
    while (i < text.size() && is_digit(text[i])) {
      num = checked_add(checked_mul(num, 10), text[i] - '0');
      den = checked_mul(den, 10);
      ++i;
      ++digits;
    }
    if (i == frac_start) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  if (fraction_digits != nullptr) *fraction_digits = digits;
  return ratio(negative ? -num : num, den);  // num >= 0 here, so -num cannot overflow
}

Decimal Decimal::operator+(const Decimal& o) const {
  if (den_ == o.den_) return ratio(checked_add(num_, o.num_), den_);
  int128 g = int128(gcd(uint128(den_), uint128(o.den_)));
  int128 left = checked_mul(num_, o.den_ / g);
  int128 right = checked_mul(o.num_, den_ / g);
  return ratio(checked_add(left, right), checked_mul(den_, o.den_ / g));
}

Decimal Decimal::operator-(const Decimal& o) const { return *this + (-o); }

Decimal Decimal::operator*(const Decimal& o) const {
  if (num_ == 0 || o.num_ == 0) return Decimal();
  int128 g1 = int128(gcd(magnitude(num_), uint128(o.den_)));
  int128 g2 = int128(gcd(magnitude(o.num_), uint128(den_)));
  int128 num = checked_mul(num_ / g1, o.num_ / g2);
  int128 den = checked_mul(den_ / g2, o.den_ / g1);
  return Decimal(num, den);  // already in lowest terms, den > 0
}

Decimal Decimal::operator/(const Decimal& o) const {
  if (o.num_ == 0) divide_by_zero();
  // The reciprocal of a normalised value is normalised once the sign moves up.
  int128 rnum = o.den_;
  int128 rden = o.num_;
  if (rden < 0) {
    rnum = checked_sub(0, rnum);
    rden = checked_sub(0, rden);
  }
  return *this * Decimal(rnum, rden);
}

Decimal Decimal::operator-() const { return Decimal(checked_sub(0, num_), den_); }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.den_ == b.den_) return a.num_ <=> b.num_;
  Decimal::int128 left, right;
  if (!__builtin_mul_overflow(a.num_, b.den_, &left) && !__builtin_mul_overflow(b.num_, a.den_, &right))
    return left <=> right;
  return compare_fractions(a.num_, a.den_, b.num_, b.den_);
}

Decimal Decimal::floor() const { return Decimal(floor_divmod(num_, den_).first, 1); }

std::string Decimal::to_string(int max_places) const {
  // A value with an exact expansion of at most max_places digits floors to
  // itself, so both cases are the same computation.
  return to_string_floor(max_places);
}

std::string Decimal::to_string_floor(int places) const {
  places = std::clamp(places, 0, 60);
  auto [q, r] = floor_divmod(num_, den_);
  // Fraction digits of r/den (0 <= r < den), truncated: digit = floor(10 r / den),
  // computed by repeated addition so 10 r never has to fit.
  std::string digits;
  uint128 rem = uint128(r);
  const uint128 den = uint128(den_);
  for (int k = 0; k < places && rem != 0; ++k) {
    uint128 t = 0;
    int digit = 0;
    for (int j = 0; j < 10; ++j) {
      t += rem;
      if (t >= den) {
        t -= den;
        ++digit;
      }
    }
    digits.push_back(char('0' + digit));
    rem = t;
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();

  std::string out;
  if (q >= 0) {
    out = unsigned_text(uint128(q));
  } else if (digits.empty()) {
    out = "-" + unsigned_text(magnitude(q));
  } else {
    // value = q + 0.d1..dn with q <= -1: the magnitude is (|q| - 1) + (1 - 0.d1..dn).
    // 1 - 0.d1..dn is 10^n - d1..dn over 10^n; dn != 0, so no borrow crosses it.
    std::string comp(digits.size(), '0');
    for (std::size_t k = 0; k < digits.size(); ++k)
      comp[k] = char('0' + (k + 1 == digits.size() ? 10 : 9) - (digits[k] - '0'));
    digits = comp;
    out = "-" + unsigned_text(magnitude(q) - 1);
  }
  if (!digits.empty()) out += "." + digits;
  return out;
}

}  // namespace pcs
