// LSP framing: headers, blank line, Content-Length bytes of JSON.
#include "lsp/json_rpc.hpp"

#include <charconv>

namespace pcs::lsp {

namespace {
constexpr std::size_t max_body = 64u << 20;  // a rule file is kilobytes; refuse absurd lengths
constexpr std::string_view length_header = "Content-Length:";
}  // namespace

Frame read_frame(std::istream& in) {
  std::string line;
  bool any_header = false, have_length = false;
  std::size_t length = 0;
  std::string problem;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    // Found anywhere on the line, so the reader resynchronises after a bad message's body.
    const auto at = line.find(length_header);
    if (at == std::string::npos) continue;  // Content-Type and unknown headers
    auto value = std::string_view(line).substr(at + length_header.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    const auto* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, length);
    if (ec != std::errc() || ptr != end || value.empty()) {
      problem = "bad Content-Length header: '" + line + "'";
      have_length = false;
    } else if (length > max_body) {
      problem = "Content-Length " + std::to_string(length) + " is over the 64 MiB limit";
      have_length = false;
    } else {
      have_length = true;
      problem.clear();
    }
  }
  if (!any_header) return {Frame::Kind::end, {}, {}};
  if (!have_length) {
    if (!in) return {Frame::Kind::end, {}, {}};
    return {Frame::Kind::bad_header, {}, problem.empty() ? "a message without a Content-Length header" : problem};
  }
  std::string body(length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return {Frame::Kind::end, {}, {}};
  return {Frame::Kind::message, std::move(body), {}};
}

void write_frame(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace pcs::lsp
