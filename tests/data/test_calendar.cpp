#include <doctest/doctest.h>

#include "common/calendar.hpp"

using namespace pcs;

TEST_CASE("calendar: months are year * 12 + month - 1") {
  CHECK(parse_month("2024-06") == 2024 * 12 + 5);
  CHECK(parse_month("2024-01") == 2024 * 12);
  CHECK(parse_month("2023-12") == 2024 * 12 - 1);
  CHECK(format_month(2024 * 12 + 5) == "2024-06");
  CHECK(format_month(*parse_month("0999-01")) == "0999-01");
  // Month arithmetic is integer arithmetic: M-12 and M-13 of 2024-06.
  const MonthIndex m = *parse_month("2024-06");
  CHECK(format_month(m - 12) == "2023-06");
  CHECK(format_month(m - 13) == "2023-05");
  CHECK(format_month(m - 23) == "2022-07");
}

TEST_CASE("calendar: parse_month accepts exactly YYYY-MM") {
  for (const char* bad : {"2024-13", "2024-00", "2024-6", "24-06", "2024/06", "2024-06-01", " 2024-06", "2024-06 ",
                          "", "2024-1a", "+024-06", "2024--6"}) {
    INFO("text: '" << bad << "'");
    CHECK_FALSE(parse_month(bad).has_value());
  }
}

TEST_CASE("calendar: dates are days since 1970-01-01") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1970-01-02") == 1);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("2000-03-01") == 11017);
  CHECK(parse_date("2024-06-30") == 19904);
  CHECK(format_date(19904) == "2024-06-30");
  CHECK(format_date(-1) == "1969-12-31");
  CHECK(format_date(*parse_date("2023-02-11")) == "2023-02-11");
  for (DayNumber day = -800; day < 30000; day += 7) CHECK(*parse_date(format_date(day)) == day);
}

TEST_CASE("calendar: parse_date accepts only real days") {
  CHECK(parse_date("2024-02-29").has_value());  // leap year
  CHECK(parse_date("2000-02-29").has_value());  // divisible by 400
  CHECK_FALSE(parse_date("2023-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());  // divisible by 100
  CHECK_FALSE(parse_date("2023-02-30").has_value());
  CHECK_FALSE(parse_date("2023-04-31").has_value());
  CHECK(parse_date("2023-12-31").has_value());
  for (const char* bad : {"2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32", "2023-1-01", "2023-01-1",
                          "2023/01/01", "2023-01-01T00", "", "20230101"}) {
    INFO("text: '" << bad << "'");
    CHECK_FALSE(parse_date(bad).has_value());
  }
}

TEST_CASE("calendar: first and last day of a month, month of a day") {
  const MonthIndex feb24 = *parse_month("2024-02");
  CHECK(format_date(first_day(feb24)) == "2024-02-01");
  CHECK(format_date(last_day(feb24)) == "2024-02-29");
  CHECK(format_date(last_day(*parse_month("2023-02"))) == "2023-02-28");
  CHECK(format_date(last_day(*parse_month("2023-12"))) == "2023-12-31");
  CHECK(month_of(*parse_date("2024-06-30")) == *parse_month("2024-06"));
  CHECK(month_of(*parse_date("2024-07-01")) == *parse_month("2024-07"));
  CHECK(month_of(*parse_date("1969-12-31")) == *parse_month("1969-12"));
  for (MonthIndex m = 1960 * 12; m < 2040 * 12; ++m) {
    CHECK(month_of(first_day(m)) == m);
    CHECK(month_of(last_day(m)) == m);
    CHECK(last_day(m) + 1 == first_day(m + 1));
  }
}
