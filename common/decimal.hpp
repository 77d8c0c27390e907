// Exact numbers for money, counts and points.
//
// A Decimal is a rational number num/den held in checked 128-bit integers, so
// sums of data values stay exact and divisions (growth %, value / target)
// stay exact too. No binary floating point is used anywhere. Arithmetic that
// would overflow throws `arithmetic_error` instead of losing precision.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pcs {

/// Raised on overflow or division by zero; callers turn it into a diagnostic.
class arithmetic_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Decimal {
 public:
  using int128 = __int128;

  Decimal() = default;
  /// **Example**: `Decimal::from_int(30)` is 30.
  static Decimal from_int(std::int64_t value) { return Decimal(value, 1); }
  /// Data values are stored as millionths: `from_micros(1'250'100'000)` is 1250.1.
  static Decimal from_micros(std::int64_t micros);
  /// num/den, normalised. Throws arithmetic_error when den is 0.
  static Decimal ratio(int128 num, int128 den);

  /// Parses `-12`, `1250.10`, `0.000001` (no exponent, no thousands separator).
  /// Returns nullopt on malformed text; `fraction_digits` receives the number
  /// of digits after the point so callers can enforce a limit.
  static std::optional<Decimal> parse(std::string_view text, int* fraction_digits = nullptr);

  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator*(const Decimal& other) const;
  Decimal operator/(const Decimal& other) const;
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }

  friend bool operator==(const Decimal& a, const Decimal& b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  /// Largest integer not above this value.
  Decimal floor() const;
  bool is_integer() const { return den_ == 1; }
  bool is_zero() const { return num_ == 0; }
  bool is_negative() const { return num_ < 0; }
  int128 numerator() const { return num_; }
  int128 denominator() const { return den_; }

  /// Exact text when the value has a finite decimal expansion of at most
  /// `max_places` fraction digits (`1000`, `1250.1`, `-0.5`); otherwise the
  /// value rounded toward minus infinity to `max_places` digits.
  std::string to_string(int max_places = 6) const;
  /// Rounded toward minus infinity to `places` digits, trailing zeros dropped:
  /// `Decimal::ratio(40, 3).to_string_floor(2)` is `13.33`.
  std::string to_string_floor(int places) const;

 private:
  Decimal(int128 num, int128 den) : num_(num), den_(den) {}
  int128 num_ = 0;
  int128 den_ = 1;
};

}  // namespace pcs
