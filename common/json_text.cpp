// Quoting JSON strings (json_text.hpp).
#include "common/json_text.hpp"

#include <fmt/format.h>

namespace pcs {

std::string json_string(std::string_view s) {
  // Every result line quotes dozens of names: runs of plain bytes are copied
  // whole, only the bytes JSON escapes are looked at one by one.
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  std::size_t plain = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(s, plain, s.size() - plain);
  out += '"';
  return out;
}

}  // namespace pcs
