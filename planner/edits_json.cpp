// The EDITS document as JSON (planner/edits_json.hpp): each element in the
// shape of a partner file, only the fields that are set.
#include "planner/edits_json.hpp"

#include <fmt/format.h>

namespace pcs::planner {
namespace {

std::string sym(Symbol s) { return json_string(symbols().name(s)); }

std::string certification(const data::Certification& c) {
  std::string o = fmt::format("{{ \"code\": {}, \"earned\": {}", sym(c.code), json_string(format_date(c.earned)));
  if (c.expires) o += fmt::format(", \"expires\": {}", json_string(format_date(*c.expires)));
  return o + " }";
}

std::string usage_row(const data::UsageTable& u, std::size_t r, const std::string& tenant) {
  std::string o = "{ ";
  if (!tenant.empty()) o += fmt::format("\"tenant\": {}, ", tenant);
  o += fmt::format("\"month\": {}, \"measure\": {}, \"value\": {}", json_string(format_month(u.month[r])),
                   sym(u.measure[r]), Decimal::from_micros(u.value[r]).to_string(6));
  const std::pair<const char*, Symbol> dims[] = {
      {"service", u.service[r]}, {"service_group", u.service_group[r]}, {"workload", u.workload[r]},
      {"product", u.product[r]}, {"offer", u.offer[r]}, {"association", u.association[r]}, {"area", u.area[r]},
      {"service_level_4", u.service_level_4[r]}, {"service_influencer", u.service_influencer[r]}};
  for (const auto& [key, value] : dims)
    if (value != no_symbol) o += fmt::format(", \"{}\": {}", key, sym(value));
  return o + " }";
}

}  // namespace


std::string edits_json(const data::Edits& e, int indent) {
  const std::string pad(std::size_t(indent) + 2, ' ');
  std::vector<std::string> parts;
  if (!e.add_people.empty()) {
    std::string o = "\"add_people\": [";
    for (std::size_t i = 0; i < e.add_people.size(); ++i) {
      const auto& p = e.add_people[i];
      o += fmt::format("{}\n{}  {{ \"id\": {}, \"certifications\": [", i ? "," : "", pad, sym(p.id));
      for (std::size_t c = 0; c < p.certifications.size(); ++c) o += (c ? ", " : "") + certification(p.certifications[c]);
      o += "] }";
    }
    parts.push_back(o + " ]");
  }
  if (!e.add_certifications.empty()) {
    std::string o = "\"add_certifications\": [";
    for (std::size_t i = 0; i < e.add_certifications.size(); ++i) {
      const auto& c = e.add_certifications[i];
      std::string cert = certification(c.certification);
      o += fmt::format("{}\n{}  {{ \"person\": {}, {}", i ? "," : "", pad, sym(c.person), cert.substr(2));
    }
    parts.push_back(o + " ]");
  }
  if (!e.add_customers.empty()) {
    std::string o = "\"add_customers\": [";
    for (std::size_t i = 0; i < e.add_customers.size(); ++i) {
      const auto& c = e.add_customers[i];
      o += fmt::format("{}\n{}  {{ \"tenant\": {}", i ? "," : "", pad, sym(c.tenant));
      if (c.segment != no_symbol) o += fmt::format(", \"segment\": {}", sym(c.segment));
      o += ", \"associations\": [";
      for (std::size_t a = 0; a < c.associations.size(); ++a)
        o += fmt::format("{}{{ \"type\": {}, \"since\": {} }}", a ? ", " : "", sym(c.associations[a].type),
                         json_string(format_date(c.associations[a].since)));
      o += "],\n" + pad + "    \"usage\": [";
      bool first = true;
      for (std::size_t r = 0; r < e.add_customers_usage.size(); ++r)
        if (e.add_customers_usage.customer[r] == i) {
          o += fmt::format("{}\n{}      {}", first ? "" : ",", pad, usage_row(e.add_customers_usage, r, ""));
          first = false;
        }
      o += " ] }";
    }
    parts.push_back(o + " ]");
  }
  if (!e.add_usage.empty()) {
    std::string o = "\"add_usage\": [";
    for (std::size_t i = 0; i < e.add_usage.size(); ++i) {
      data::UsageTable one;
      one.append(e.add_usage[i].row);
      o += fmt::format("{}\n{}  {}", i ? "," : "", pad, usage_row(one, 0, sym(e.add_usage[i].tenant)));
    }
    parts.push_back(o + " ]");
  }
  if (!e.remove_people.empty()) {
    std::string o = "\"remove_people\": [";
    for (std::size_t i = 0; i < e.remove_people.size(); ++i) o += (i ? ", " : "") + sym(e.remove_people[i]);
    parts.push_back(o + "]");
  }
  if (parts.empty()) return "{}";
  std::string o = "{";
  for (std::size_t i = 0; i < parts.size(); ++i) o += (i ? ",\n" : "\n") + pad + parts[i];
  return o + "\n" + std::string(std::size_t(indent), ' ') + "}";
}

}  // namespace pcs::planner
