// Field rules of the partner-data contract shared by the data loaders: the
// allowed values of the enumerated fields, exact numbers as millionths, and
// the quoting used in error messages.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pcs::data {

inline constexpr std::array<std::string_view, 2> markets = {"larger", "other"};
inline constexpr std::array<std::string_view, 3> segments = {"enterprise", "smb", "smc"};
inline constexpr std::array<std::string_view, 7> association_types = {"PAL",  "DPOR",        "CSP1", "CSP2",
                                                                      "CPOR", "CPOR-RevRec", "DAP"};
inline constexpr std::array<std::string_view, 7> measures = {
    "acr", "paid_seats", "pau", "mau", "protected_users", "consumption_value", "adjusted_revenue"};

/// Data values have at most this many digits after the decimal point.
inline constexpr int max_fraction_digits = 6;

/// `"expected one of enterprise, smb, smc"`.
std::string one_of(std::span<const std::string_view> allowed);

/// `text` in double quotes with JSON escapes, cut after 60 bytes: `"2024-13"`.
std::string quoted(std::string_view text);

/// A plain decimal number (`-12`, `1250.10`; no exponent, no '+') as exact
/// millionths. On failure returns nullopt and sets `error` to what is wrong:
/// `expected a plain decimal number, got 1e3`, `expected at most 6 digits
/// after the decimal point, got 1.0000001` or `number too large` (beyond int64).
std::optional<std::int64_t> parse_micros(std::string_view text, std::string& error);

}  // namespace pcs::data
