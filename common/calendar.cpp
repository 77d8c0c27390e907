// Proleptic Gregorian dates as day numbers, after Howard Hinnant's
// days_from_civil / civil_from_days algorithms.
#include "common/calendar.hpp"

namespace pcs {
namespace {

struct Civil {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                                  // [0, 399]
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;                                   // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                  // [0, 11]
  const int d = int(doy - (153 * mp + 2) / 5 + 1);
  const int m = int(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool digits_at(std::string_view s, std::size_t pos, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

std::string pad(std::int64_t v, int width) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  if (int(digits.size()) < width) digits.insert(0, std::size_t(width) - digits.size(), '0');
  return v < 0 ? "-" + digits : digits;
}

}  // namespace

std::optional<MonthIndex> parse_month(std::string_view text) {
  int year = 0, month = 0;
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  if (!digits_at(text, 0, 4, year) || !digits_at(text, 5, 2, month)) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  return MonthIndex(year * 12 + month - 1);
}

std::optional<DayNumber> parse_date(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!digits_at(text, 0, 4, year) || !digits_at(text, 5, 2, month) || !digits_at(text, 8, 2, day))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return DayNumber(days_from_civil(year, month, day));
}

std::string format_month(MonthIndex m) {
  const std::int64_t year = floor_div(m, 12);
  const std::int64_t month = m - year * 12 + 1;
  return pad(year, 4) + "-" + pad(month, 2);
}

std::string format_date(DayNumber d) {
  const Civil c = civil_from_days(d);
  return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2);
}

DayNumber first_day(MonthIndex m) {
  const std::int64_t year = floor_div(m, 12);
  return DayNumber(days_from_civil(year, int(m - year * 12 + 1), 1));
}

DayNumber last_day(MonthIndex m) {
  const std::int64_t year = floor_div(m, 12);
  const int month = int(m - year * 12 + 1);
  return DayNumber(days_from_civil(year, month, days_in_month(year, month)));
}

MonthIndex month_of(DayNumber d) {
  const Civil c = civil_from_days(d);
  return MonthIndex(c.year * 12 + c.month - 1);
}

}  // namespace pcs
