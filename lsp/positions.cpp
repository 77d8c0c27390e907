// UTF-8 bytes <-> UTF-16 units, and file URIs.
#include "lsp/positions.hpp"

#include <fmt/format.h>

namespace pcs::lsp {

namespace {
/// Bytes of the UTF-8 sequence led by `c`, and the UTF-16 units it makes.
std::size_t sequence_bytes(unsigned char c) { return c < 0x80 ? 1 : c >> 5 == 0x6 ? 2 : c >> 4 == 0xe ? 3 : c >> 3 == 0x1e ? 4 : 1; }
}  // namespace

std::uint32_t utf16_units(std::string_view line, std::size_t bytes) {
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < bytes && i < line.size();) {
    const auto n = sequence_bytes(static_cast<unsigned char>(line[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  if (bytes > line.size()) units += static_cast<std::uint32_t>(bytes - line.size());
  return units;
}

std::size_t byte_offset(std::string_view line, std::uint32_t units) {
  std::size_t i = 0;
  while (i < line.size() && units > 0) {
    const auto n = sequence_bytes(static_cast<unsigned char>(line[i]));
    const std::uint32_t u = n == 4 ? 2 : 1;
    if (u > units) break;
    units -= u;
    i += n;
  }
  return std::min(i, line.size());
}

nlohmann::json range_of(const SourcePos& pos, std::string_view line) {
  using nlohmann::json;
  if (pos.line == 0) return json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
  const std::size_t start = pos.column > 0 ? pos.column - 1 : 0;
  const std::size_t end = std::min<std::size_t>(start + std::max<std::uint32_t>(pos.length, 1), std::max(line.size(), start + 1));
  return json{{"start", {{"line", pos.line - 1}, {"character", utf16_units(line, start)}}},
              {"end", {{"line", pos.line - 1}, {"character", utf16_units(line, end)}}}};
}

std::string uri_to_path(std::string_view uri) {
  if (uri.rfind("file://", 0) == 0) uri.remove_prefix(7);
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() + 0 && i + 2 <= uri.size() - 1) {
      out += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-_.~").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string_view line_of(std::string_view text, std::uint32_t n) {
  std::size_t start = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  auto end = text.find('\n', start);
  auto line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace pcs::lsp
