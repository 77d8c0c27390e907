// JSON Lines and CSV for populations (see report_batch.hpp).
#include "cli/report_batch.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/report.hpp"

namespace pcs::cli {

std::string render_json_line(const eval::PartnerResult& r) {
  // render_json's layout breaks lines only between values (strings escape
  // their line breaks), so dropping each break and its indentation leaves
  // the same JSON on one line: one writer of the contract's result, not two.
  const std::string pretty = render_json(r);
  std::string out;
  out.reserve(pretty.size() + 1);
  for (std::size_t i = 0; i < pretty.size();) {
    const std::size_t end = std::min(pretty.find('\n', i), pretty.size());
    out.append(pretty, i, end - i);  // a line at a time, not a character at a time
    i = end;
    if (i < pretty.size()) {
      ++i;
      while (i < pretty.size() && pretty[i] == ' ') ++i;
    }
  }
  out += '\n';
  return out;
}

std::string render_error_line(std::string_view partner, const std::vector<std::string>& errors) {
  std::string o = fmt::format("{{\"partner\": {}, \"error\": {}, \"errors\": [", json_string(partner),
                              json_string(errors.empty() ? "" : errors.front()));
  for (std::size_t i = 0; i < errors.size(); ++i) o += (i ? ", " : "") + json_string(errors[i]);
  return o + "]}\n";
}

namespace {

// RFC 4180: quote a cell holding a comma, a quote or a line break.
std::string cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + "\"";
}

}  // namespace

std::string render_csv_header(const std::vector<std::string>& metric_ids) {
  std::string o = "partner,program,as_of,designation,path,total,attained";
  for (const auto& id : metric_ids) o += "," + cell(id);
  return o + ",error\n";
}

std::string render_csv_rows(const eval::PartnerResult* r, std::string_view partner, std::string_view error,
                            const std::vector<std::string>& metric_ids) {
  std::string o;
  if (r == nullptr) {
    o = cell(partner) + ",,,,,,";
    for (std::size_t i = 0; i < metric_ids.size(); ++i) o += ",";
    return o + "," + cell(error) + "\n";
  }
  for (const auto& d : r->designations) {
    o += fmt::format("{},{},{},{},{},{},{}", cell(partner), cell(r->program), r->as_of, cell(d.id), cell(d.path),
                     d.total.to_string_floor(2), d.attained ? "true" : "false");
    for (const auto& id : metric_ids) {
      const auto m = std::find_if(d.metrics.begin(), d.metrics.end(), [&](const auto& x) { return x.id == id; });
      o += m == d.metrics.end() ? "," : "," + m->points.to_string_floor(2);
    }
    o += "," + cell(d.error) + "\n";
  }
  return o;
}

}  // namespace pcs::cli
