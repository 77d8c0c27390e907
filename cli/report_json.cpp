// The results JSON of the contract, written by hand so that numbers are
// printed exactly from Decimal (never through a binary floating point).
#include <fmt/format.h>

#include "cli/report.hpp"

namespace pcs::cli {


namespace {
std::string points(const Decimal& d) { return d.to_string_floor(2); }
}  // namespace

std::string render_json(const eval::PartnerResult& r) {
  std::string o;
  o += fmt::format("{{\n  \"partner\": {},\n  \"as_of\": {},\n  \"program\": {},\n  \"designations\": [",
                   json_string(r.partner), json_string(r.as_of), json_string(r.program));
  for (std::size_t i = 0; i < r.designations.size(); ++i) {
    const auto& d = r.designations[i];
    o += i ? ",\n" : "\n";
    o += fmt::format("    {{ \"id\": {}, \"name\": {},\n      \"path\": {}, \"total\": {}, \"max\": {}, \"attained\": {},\n",
                     json_string(d.id), json_string(d.name), d.path.empty() ? "null" : json_string(d.path),
                     points(d.total), points(d.max), d.attained ? "true" : "false");
    if (!d.error.empty()) o += fmt::format("      \"error\": {},\n", json_string(d.error));
    o += "      \"explain\": [";
    for (std::size_t e = 0; e < d.explain.size(); ++e) o += (e ? ", " : "") + json_string(d.explain[e]);
    o += "],\n";
    o += "      \"categories\": [";
    for (std::size_t c = 0; c < d.categories.size(); ++c) {
      const auto& cat = d.categories[c];
      o += fmt::format("{}{{ \"id\": {}, \"name\": {}, \"points\": {}, \"max\": {} }}", c ? ", " : "",
                       json_string(cat.id), json_string(cat.name), points(cat.points), points(cat.max));
    }
    o += "],\n      \"metrics\": [";
    for (std::size_t m = 0; m < d.metrics.size(); ++m) {
      const auto& x = d.metrics[m];
      o += m ? ",\n" : "\n";
      o += fmt::format("        {{ \"id\": {}, \"name\": {}, \"category\": {},\n          \"value\": {}, \"points\": {}, \"max\": {},\n",
                       json_string(x.id), json_string(x.name), json_string(x.category),
                       x.value ? x.value->to_string(6) : "null", points(x.points), points(x.max));
      // The error is a member of the metric, before its explanation array.
      if (!x.error.empty()) o += fmt::format("          \"error\": {},\n", json_string(x.error));
      o += "          \"explain\": [";
      for (std::size_t e = 0; e < x.explain.size(); ++e)
        o += fmt::format("{}\n            {}", e ? "," : "", json_string(x.explain[e]));
      o += x.explain.empty() ? "] }" : " ] }";
    }
    o += "\n      ] }";
  }
  o += "\n  ]";
  if (!r.badges.empty()) {
    o += ",\n  \"badges\": [";
    for (std::size_t i = 0; i < r.badges.size(); ++i) {
      const auto& b = r.badges[i];
      o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"attained\": {}{} }}", i ? "," : "", json_string(b.id),
                       json_string(b.name), b.attained ? "true" : "false",
                       b.error.empty() ? "" : ", \"error\": " + json_string(b.error));
    }
    o += "\n  ]";
  }
  if (!r.specializations.empty()) {
    o += ",\n  \"specializations\": [";
    for (std::size_t i = 0; i < r.specializations.size(); ++i) {
      const auto& s = r.specializations[i];
      // Not published: neither passed nor failed (null), and said so.
      const std::string passed = !s.published ? "null, \"status\": \"requirements not published\"" : s.passed ? "true" : "false";
      o += fmt::format("{}\n    {{ \"id\": {}, \"name\": {}, \"designation\": {}, \"passed\": {},{}\n      \"explain\": [",
                       i ? "," : "", json_string(s.id), json_string(s.name), json_string(s.designation), passed,
                       s.error.empty() ? "" : " \"error\": " + json_string(s.error) + ",");
      for (std::size_t e = 0; e < s.explain.size(); ++e) o += fmt::format("{}\n        {}", e ? "," : "", json_string(s.explain[e]));
      o += " ] }";
    }
    o += "\n  ]";
  }
  o += "\n}\n";
  return o;
}

}  // namespace pcs::cli
