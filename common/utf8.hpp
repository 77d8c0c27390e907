// UTF-8 validation shared by the readers of rule files and CSV tables.
//
// Hand-written (moved from the CSV reader) because it is twenty lines and
// both readers check bytes before any grammar runs: the CSV reader has no
// grammar, and the rule parser names a stray byte at its own line and column
// rather than as the syntax error it would cause somewhere near it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pcs::utf8 {

/// The length of the valid UTF-8 sequence starting at `i` (which holds a byte >= 0x80), or 0.
inline std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned b = at(i);
  std::size_t len;
  unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) len = 2;
  else if (b >= 0xE0 && b <= 0xEF) len = 3, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
  else if (b >= 0xF0 && b <= 0xF4) len = 4, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return len;
}

/// What is wrong with a byte of a text file, for the user.
struct NotText {
  std::size_t offset = 0;
  std::string_view what;
};

/// The first byte that cannot be in a text file: invalid UTF-8, NUL or another
/// control character than tab, line feed and carriage return.
inline std::optional<NotText> first_non_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80) {
      const std::size_t len = sequence_length(text, i);
      if (len == 0) return NotText{i, "a byte that is not UTF-8 (save the file as UTF-8)"};
      i += len;
      continue;
    }
    if (b == 0) return NotText{i, "a NUL byte (a text file has none)"};
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F)
      return NotText{i, "a control character (a text file has none but tabs and line breaks)"};
    ++i;
  }
  return std::nullopt;
}

}  // namespace pcs::utf8
