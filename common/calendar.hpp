// Months and dates as plain integers, so month windows are integer ranges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pcs {

/// A calendar month as year * 12 + (month - 1): 2024-06 is 2024 * 12 + 5.
using MonthIndex = std::int32_t;
/// A calendar date as days since 1970-01-01 (proleptic Gregorian).
using DayNumber = std::int32_t;

/// `parse_month("2024-06")`; nullopt unless the text is exactly YYYY-MM with month 01..12.
std::optional<MonthIndex> parse_month(std::string_view text);
/// `parse_date("2023-02-11")`; nullopt unless exactly YYYY-MM-DD and a real day.
std::optional<DayNumber> parse_date(std::string_view text);

std::string format_month(MonthIndex m);
std::string format_date(DayNumber d);

DayNumber first_day(MonthIndex m);
DayNumber last_day(MonthIndex m);
MonthIndex month_of(DayNumber d);

}  // namespace pcs
