#include "data/values.hpp"

namespace pcs::data {

std::string one_of(std::span<const std::string_view> allowed) {
  std::string out = "expected one of ";
  for (std::size_t i = 0; i < allowed.size(); ++i) (out += i ? ", " : "") += allowed[i];
  return out;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t limit = 60;
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  std::size_t n = 0;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (n >= limit && (byte & 0xC0) != 0x80) {  // never cut inside a UTF-8 sequence
      out += "...";
      break;
    }
    ++n;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::optional<std::int64_t> parse_micros(std::string_view text, std::string& error) {
  // The text as shown in a message, built only on failure: this runs once per usage row.
  auto shown = [text] { return text.size() <= 40 ? std::string(text) : std::string(text.substr(0, 40)) + "..."; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = text.empty() || text[0] != '-' ? 0 : 1;
  const std::size_t int_start = i;
  while (i < text.size() && digit(text[i])) ++i;
  std::size_t int_end = i, fraction = 0;
  bool ok = int_end > int_start;
  if (ok && i < text.size() && text[i] == '.') {
    while (++i < text.size() && digit(text[i])) ++fraction;
    ok = fraction > 0;
  }
  if (!ok || i != text.size()) {
    error = "expected a plain decimal number, got " + shown();
    return std::nullopt;
  }
  if (fraction > std::size_t(max_fraction_digits)) {
    error = "expected at most " + std::to_string(max_fraction_digits) + " digits after the decimal point, got " + shown();
    return std::nullopt;
  }
  // Exact integer arithmetic: digits accumulate in 128 bits and stop as soon
  // as the magnitude passes 2^63 (|INT64_MIN|).
  constexpr __int128 limit = __int128(1) << 63;
  __int128 m = 0;
  for (std::size_t k = int_start; k < text.size() && m <= limit; ++k)
    if (k != int_end) m = m * 10 + (text[k] - '0');
  for (std::size_t k = fraction; k < std::size_t(max_fraction_digits) && m <= limit; ++k) m *= 10;
  const bool negative = int_start == 1;
  if (m > limit || (m == limit && !negative)) {
    error = "number too large";
    return std::nullopt;
  }
  return std::int64_t(negative ? -m : m);
}

}  // namespace pcs::data
