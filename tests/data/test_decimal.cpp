#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "common/decimal.hpp"

using pcs::arithmetic_error;
using pcs::Decimal;

namespace {
Decimal d(const char* text) { return Decimal::parse(text).value(); }
}  // namespace

TEST_CASE("decimal: parse accepts plain decimals and reports fraction digits") {
  int digits = -1;
  auto v = Decimal::parse("1250.10", &digits);
  REQUIRE(v);
  CHECK(digits == 2);
  CHECK(v->numerator() == 12501);
  CHECK(v->denominator() == 10);
  CHECK(Decimal::parse("-12", &digits)->numerator() == -12);
  CHECK(digits == 0);
  CHECK(Decimal::parse("0.000001", &digits) == Decimal::from_micros(1));
  CHECK(digits == 6);
  CHECK(d("-0") == Decimal());
  CHECK_FALSE(d("-0").is_negative());
  CHECK(d("007") == Decimal::from_int(7));
}

TEST_CASE("decimal: parse rejects everything else") {
  for (const char* bad : {"", "-", "+1", "1e3", "1E3", ".5", "5.", "1.2.3", " 1", "1 ", "1,000", "0x10", "--1", "1-",
                          "NaN", "inf"}) {
    INFO("text: '" << bad << "'");
    CHECK_FALSE(Decimal::parse(bad).has_value());
  }
}

TEST_CASE("decimal: sums of data values are exact") {
  CHECK(d("333.33") + d("333.33") + d("333.34") == d("1000.00"));
  CHECK(d("333.33") + d("333.33") + d("333.34") == Decimal::from_int(1000));
  CHECK(d("999.995") < d("1000"));
  CHECK(d("1000.00") >= Decimal::from_int(1000));
  CHECK(d("0.1") + d("0.2") == d("0.3"));
  Decimal total;
  for (int i = 0; i < 10; ++i) total += d("0.1");
  CHECK(total == Decimal::from_int(1));
  CHECK(Decimal::from_micros(1'250'100'000) == d("1250.1"));
  CHECK(Decimal::from_micros(-5) == d("-0.000005"));
}

TEST_CASE("decimal: arithmetic and normalisation") {
  CHECK(Decimal::ratio(2, 4) == Decimal::ratio(1, 2));
  CHECK(Decimal::ratio(3, -6) == Decimal::ratio(-1, 2));
  CHECK(Decimal::ratio(3, -6).denominator() == 2);
  CHECK(Decimal::ratio(0, -5) == Decimal());
  CHECK(d("1.5") * d("4") == Decimal::from_int(6));
  CHECK(d("1.5") - d("2") == d("-0.5"));
  CHECK(-d("1.5") == d("-1.5"));
  CHECK(Decimal::from_int(10) / Decimal::from_int(4) == d("2.5"));
  CHECK(Decimal::from_int(1) / Decimal::from_int(-3) == Decimal::ratio(-1, 3));
  // growth % = (ACR(M) - ACR(M-12)) * 100 / ACR(M-12)
  const Decimal growth = (d("1199") - d("1000")) * Decimal::from_int(100) / d("1000");
  CHECK(growth == d("19.9"));
  CHECK(growth.floor() == Decimal::from_int(19));
  CHECK(d("-0.5").floor() == Decimal::from_int(-1));
  CHECK(d("-2").floor() == Decimal::from_int(-2));
  CHECK(Decimal::ratio(7, 3).floor() == Decimal::from_int(2));
  CHECK(Decimal::from_int(5).is_integer());
  CHECK_FALSE(d("5.5").is_integer());
  CHECK(Decimal().is_zero());
}

TEST_CASE("decimal: ordering") {
  CHECK(Decimal::ratio(1, 3) < Decimal::ratio(1, 2));
  CHECK(Decimal::ratio(-1, 2) < Decimal::ratio(-1, 3));
  CHECK(d("-0.000001") < Decimal());
  CHECK((Decimal::ratio(2, 6) <=> Decimal::ratio(1, 3)) == std::strong_ordering::equal);
  // Cross-multiplication overflows here; the comparison must still be exact.
  const Decimal::int128 big = (Decimal::int128(1) << 120) + 1;
  const Decimal a = Decimal::ratio(big, big - 2);  // slightly above 1
  const Decimal b = Decimal::ratio(big - 1, big - 3);  // a little further above 1
  CHECK(a < b);
  CHECK(b > a);
  CHECK(-a > -b);
  CHECK(a > Decimal::from_int(1));
  CHECK(a < Decimal::ratio(1000001, 1000000));
}

TEST_CASE("decimal: to_string is exact or floored, never -0") {
  CHECK(d("1000.00").to_string() == "1000");
  CHECK(d("1250.10").to_string() == "1250.1");
  CHECK(d("-0.5").to_string() == "-0.5");
  CHECK(d("0.000001").to_string() == "0.000001");
  CHECK(Decimal().to_string() == "0");
  CHECK(d("-0").to_string() == "0");
  CHECK(Decimal::from_int(-30).to_string() == "-30");
  CHECK(Decimal::ratio(1, 3).to_string() == "0.333333");
  CHECK(Decimal::ratio(2, 3).to_string() == "0.666666");
  CHECK(Decimal::ratio(-1, 3).to_string() == "-0.333334");
  CHECK(Decimal::ratio(1, 8).to_string(2) == "0.12");
  CHECK(Decimal::ratio(1, 8).to_string(3) == "0.125");
  CHECK(Decimal::ratio(1, 1'000'000'0).to_string() == "0");
  CHECK(Decimal::ratio(-1, 1'000'000'0).to_string() == "-0.000001");
  CHECK(Decimal::from_int(std::numeric_limits<std::int64_t>::min()).to_string() == "-9223372036854775808");
}

TEST_CASE("decimal: to_string_floor rounds toward minus infinity") {
  CHECK(Decimal::ratio(40, 3).to_string_floor(2) == "13.33");
  CHECK(Decimal::ratio(-1, 3).to_string_floor(2) == "-0.34");
  CHECK(Decimal::ratio(-40, 3).to_string_floor(2) == "-13.34");
  CHECK(d("29.999999").to_string_floor(2) == "29.99");
  CHECK(d("-29.999999").to_string_floor(2) == "-30");
  CHECK(d("12.5").to_string_floor(0) == "12");
  CHECK(d("-12.5").to_string_floor(0) == "-13");
  CHECK(d("7.10").to_string_floor(2) == "7.1");
  CHECK(d("-1.05").to_string_floor(1) == "-1.1");
  CHECK(Decimal::from_int(74).to_string_floor(2) == "74");
}

TEST_CASE("decimal: overflow and division by zero throw") {
  const Decimal max = Decimal::ratio(std::numeric_limits<Decimal::int128>::max(), 1);
  CHECK_THROWS_WITH_AS(max + Decimal::from_int(1), "number too large", arithmetic_error);
  CHECK_THROWS_WITH_AS(max * Decimal::from_int(2), "number too large", arithmetic_error);
  CHECK_THROWS_WITH_AS(-max - Decimal::from_int(2), "number too large", arithmetic_error);
  CHECK_THROWS_WITH_AS(Decimal::from_int(1) / Decimal(), "division by zero", arithmetic_error);
  CHECK_THROWS_WITH_AS(Decimal::ratio(1, 0), "division by zero", arithmetic_error);
  CHECK_THROWS_WITH_AS(Decimal::parse("1234567890123456789012345678901234567890"), "number too large",
                       arithmetic_error);
  CHECK_THROWS_AS(Decimal::ratio(1, 3) + Decimal::ratio(1, std::numeric_limits<Decimal::int128>::max()),
                  arithmetic_error);
  const Decimal min = Decimal::ratio(std::numeric_limits<Decimal::int128>::min(), 1);
  CHECK_THROWS_WITH_AS(-min, "number too large", arithmetic_error);
  CHECK(max.to_string() == "170141183460469231731687303715884105727");
  CHECK(min.to_string() == "-170141183460469231731687303715884105728");
}
