// Edge cases of the contract (shared/spec/partner-data.md) and the program
// notes (shared/spec/program-notes.md), run against the real 2023-06 ruleset.
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"


namespace {

using namespace pcs::testing;
using pcs::Decimal;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string cert(const std::string& code, const std::string& earned = "2023-03-15", const std::string& expires = "") {
  std::string out = R"({"code": ")" + code + R"(", "earned": ")" + earned + '"';
  if (!expires.empty()) out += R"(, "expires": ")" + expires + '"';
  return out + "}";
}

std::string person(const std::string& id, const std::vector<std::string>& certs) {
  return R"({"id": ")" + id + R"(", "certifications": [)" + joined(certs) + "]}";
}

// A person holding each code, earned 2023-03-15, no expiry.
std::string holder(const std::string& id, const std::vector<std::string>& codes) {
  std::vector<std::string> certs;
  for (const auto& c : codes) certs.push_back(cert(c));
  return person(id, certs);
}

// A usage row; an empty offer or association leaves the field out.
struct Row {
  std::string month;
  std::string value;
  std::string service = "Azure App Service";
  std::string offer = "Pay-As-You-Go";
  std::string association = "PAL";
  std::string measure = "acr";
};

std::string row(const Row& r) {
  std::string out = R"({"month": ")" + r.month + R"(", "measure": ")" + r.measure + R"(", "value": )" + r.value +
                    R"(, "service": ")" + r.service + '"';
  if (!r.offer.empty()) out += R"(, "offer": ")" + r.offer + '"';
  if (!r.association.empty()) out += R"(, "association": ")" + r.association + '"';
  return out + "}";
}

std::string acr(const std::string& month, const std::string& value, const std::string& service = "Azure App Service") {
  return row({.month = month, .value = value, .service = service});
}

std::string customer(const std::string& tenant, const std::vector<std::string>& rows) {
  return R"({"tenant": ")" + tenant + R"(", "associations": [{"type": "PAL", "since": "2021-01-01"}], "usage": [)" +
         joined(rows) + "]}";
}

std::string partner_json(const std::vector<std::string>& people, const std::vector<std::string>& customers = {}) {
  return R"({"partner": {"id": "edge"}, "people": [)" + joined(people) + R"(], "customers": [)" + joined(customers) +
         "]}";
}

pcs::eval::PartnerResult run(const std::string& json, const std::string& as_of = "2024-06") {
  return score(compiled("rulesets/2023-06"), partner_from(json), as_of);
}

const pcs::eval::MetricResult& metric_of(const pcs::eval::PartnerResult& r, const std::string& d, const std::string& m) {
  return metric(designation(r, d), m);
}

// Net customer adds of a partner with one customer holding `rows` (as-of 2024-06).
pcs::eval::MetricResult net_adds(const std::vector<std::string>& rows) {
  const auto r = run(partner_json({}, {customer("t1", rows)}));
  return metric_of(r, "data-ai", "net_customer_adds");
}

// The four people that satisfy every step 1 (AZ-104 x2, AZ-305 x2).
std::vector<std::string> prerequisites() {
  return {holder("P1", {"AZ-104"}), holder("P2", {"AZ-104"}), holder("P3", {"AZ-305"}), holder("P4", {"AZ-305"})};
}
std::vector<std::string> with_prerequisites(std::vector<std::string> more) {
  auto p = prerequisites();
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

}  // namespace

// ============================ exact decimals ================================

TEST_CASE("threshold: 1000.00 is at or above $1,000 / 999.995 and 999.999999 are not") {
  struct Case {
    const char* value;
    const char* net;
  };
  for (const auto& c : {Case{"1000.00", "1"}, Case{"1000", "1"}, Case{"1000.000000", "1"}, Case{"999.995", "0"},
                        Case{"999.999999", "0"}, Case{"1000.000001", "1"}}) {
    CAPTURE(c.value);
    const auto m = net_adds({acr("2024-06", c.value)});
    CHECK(m.value == dec(c.net));
    CHECK(m.points == dec(c.net) * dec("10"));
  }
}

TEST_CASE("threshold: three rows 333.33 + 333.33 + 333.34 in one month are exactly 1000.00 and qualify") {
  const auto m = net_adds({acr("2024-06", "333.33", "Azure App Service"), acr("2024-06", "333.33", "Azure SQL Database"),
                           acr("2024-06", "333.34", "Azure Functions")});
  CHECK(m.value == dec("1"));
  CHECK(m.points == dec("10"));
  // One cent less does not.
  const auto less = net_adds({acr("2024-06", "333.33"), acr("2024-06", "333.33"), acr("2024-06", "333.33")});
  CHECK(less.value == dec("0"));
  CHECK(less.points == dec("0"));
}

TEST_CASE("threshold: $1,000 must be reached within one month, not across the last two") {
  const auto m = net_adds({acr("2024-05", "500.00"), acr("2024-06", "500.00")});
  CHECK(m.value == dec("0"));
  CHECK(m.points == dec("0"));
}

TEST_CASE("threshold: the $1,000 is per customer, not across customers") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2024-06", "600")}), customer("t2", {acr("2024-06", "600")})}));
  CHECK(metric_of(r, "infrastructure", "net_customer_adds").value == dec("0"));
}

TEST_CASE("trailing 12 months of exactly 1000.00 qualify usage growth / 999.995 does not, value still computed") {
  // ACR 2023-06: 480, ACR 2024-06: 500 -> growth 25/6 % = 4.1666...% -> 4 points.
  const auto enough = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "480"), acr("2023-12", "500.00"), acr("2024-06", "500.00")})}));
  const auto& e = metric_of(enough, "data-ai", "usage_growth");
  CHECK(e.value == Decimal::ratio(25, 6));
  CHECK(e.points == dec("4"));

  const auto short_ = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "480"), acr("2023-12", "499.995"), acr("2024-06", "500.00")})}));
  const auto& s = metric_of(short_, "data-ai", "usage_growth");
  CHECK(s.value == Decimal::ratio(25, 6));
  CHECK(s.points == dec("0"));
}

TEST_CASE("usage growth: exactly 1% earns 1 point, 0.999% earns 0") {
  const auto one = run(partner_json({}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "1010")})}));
  CHECK(metric_of(one, "infrastructure", "usage_growth").value == dec("1"));
  CHECK(metric_of(one, "infrastructure", "usage_growth").points == dec("1"));
  const auto almost = run(partner_json({}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "1009.99")})}));
  CHECK(metric_of(almost, "infrastructure", "usage_growth").value == dec("0.999"));
  CHECK(metric_of(almost, "infrastructure", "usage_growth").points == dec("0"));
}

TEST_CASE("a value with 7 fraction digits is an error, not a silent rounding") {
  pcs::Diagnostics diags;
  const auto p = pcs::data::load_partner_json(partner_json({}, {customer("t1", {acr("2024-06", "999.9999995")})}),
                                              "p.json", diags);
  CHECK_FALSE(p.has_value());
  CHECK(diags.has_errors());
}

// ============================ eligible customers ============================

TEST_CASE("eligible in M-1 but not in M still counts / M-2 alone does not") {
  const auto m1 = net_adds({acr("2024-05", "1500"), acr("2024-06", "200")});
  CHECK(m1.value == dec("1"));
  CHECK(m1.points == dec("10"));
  const auto m2 = net_adds({acr("2024-04", "1500"), acr("2024-06", "200")});
  CHECK(m2.value == dec("0"));
  CHECK(m2.points == dec("0"));
}

TEST_CASE("a customer eligible in both M-1 and M counts once / baseline uses M-13 and M-12") {
  const auto both = net_adds({acr("2024-05", "1500"), acr("2024-06", "1500")});
  CHECK(both.value == dec("1"));
  // Eligible in M-13 only: it is an eligible customer of the baseline.
  const auto base = net_adds({acr("2023-05", "1500"), acr("2024-06", "1500")});
  CHECK(base.value == dec("0"));
  // M-14 is outside the baseline.
  const auto old = net_adds({acr("2023-04", "1500"), acr("2024-06", "1500")});
  CHECK(old.value == dec("1"));
}

TEST_CASE("negative net customer adds: value negative, 0 points") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "1000")}), customer("t2", {acr("2023-05", "2000")}),
                                       customer("t3", {acr("2023-06", "3000"), acr("2024-06", "999.99")})}));
  for (const char* d : {"data-ai", "digital-app-innovation", "infrastructure"}) {
    CAPTURE(d);
    CHECK(metric_of(r, d, "net_customer_adds").value == dec("-3"));
    CHECK(metric_of(r, d, "net_customer_adds").points == dec("0"));
  }
}

// =============================== usage growth ===============================

TEST_CASE("zero baseline: ACR(M-12) = 0 -> usage growth value null, 0 points") {
  const auto none = run(partner_json({}, {customer("t1", {acr("2024-06", "5000")})}));
  const auto& n = metric_of(none, "data-ai", "usage_growth");
  CHECK_FALSE(n.value.has_value());
  CHECK(n.points == dec("0"));
  // Rows in M-12 that cancel out are a zero baseline too.
  const auto cancelled =
      run(partner_json({}, {customer("t1", {acr("2023-06", "100"), acr("2023-06", "-100"), acr("2024-06", "5000")})}));
  CHECK_FALSE(metric_of(cancelled, "data-ai", "usage_growth").value.has_value());
  CHECK(metric_of(cancelled, "data-ai", "usage_growth").points == dec("0"));
  // A negative baseline (only credits) is not scorable either (ACR(M-12) > 0 required).
  const auto negative = run(partner_json({}, {customer("t1", {acr("2023-06", "-50"), acr("2024-06", "5000")})}));
  CHECK_FALSE(metric_of(negative, "data-ai", "usage_growth").value.has_value());
  CHECK(metric_of(negative, "data-ai", "usage_growth").points == dec("0"));
}

TEST_CASE("trailing 12 months below $1,000 -> 0 growth points, value still computed") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "200"), acr("2024-06", "300")})}));
  const auto& m = metric_of(r, "digital-app-innovation", "usage_growth");
  CHECK(m.value == dec("50"));
  CHECK(m.points == dec("0"));
}

TEST_CASE("credits (negative usage rows) are summed") {
  // Customer t1: 1500 - 600 = 900 in M (not eligible); t2: 1200 - 200 = 1000 (eligible).
  const auto adds = run(partner_json({}, {customer("t1", {acr("2024-06", "1500"), acr("2024-06", "-600")}),
                                          customer("t2", {acr("2024-06", "1200"), acr("2024-06", "-200")})}));
  CHECK(metric_of(adds, "data-ai", "net_customer_adds").value == dec("1"));
  // Growth: ACR(M-12) 1000, ACR(M) 1500 - 300 = 1200 -> 20%.
  const auto growth = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "1500"), acr("2024-06", "-300")})}));
  CHECK(metric_of(growth, "data-ai", "usage_growth").value == dec("20"));
  CHECK(metric_of(growth, "data-ai", "usage_growth").points == dec("20"));
  // Deployments: a service whose TTM total is 0 (or below) across customers is not deployed; 100 - 50 is.
  const auto deps = run(partner_json(
      {}, {customer("t1", {acr("2023-08", "100", "Azure Backup"), acr("2024-02", "-50", "Azure Backup"),
                           acr("2024-01", "100", "Azure Functions")}),
           customer("t2", {acr("2024-03", "-100", "Azure Functions"), acr("2024-04", "-10", "Azure Monitor")})}));
  CHECK(metric_of(deps, "data-ai", "deployments").value == dec("1"));
  CHECK(metric_of(deps, "data-ai", "deployments").points == dec("2"));
}

TEST_CASE("deployments count only the trailing 12 months") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "500", "Azure Backup"),
                                                       acr("2023-07", "5", "Azure Functions")})}));
  CHECK(metric_of(r, "infrastructure", "deployments").value == dec("1"));
  CHECK(metric_of(r, "infrastructure", "deployments").points == dec("2"));
}

// ============================ eligibility of rows ===========================

TEST_CASE("rows without association are not eligible") {
  const auto r = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "500"), acr("2024-06", "1100")}),
           customer("t2", {row({.month = "2024-06", .value = "5000", .service = "Azure Functions", .association = ""})})}));
  const auto& d = designation(r, "data-ai");
  CHECK(metric(d, "net_customer_adds").value == dec("1"));  // t1 only
  CHECK(metric(d, "usage_growth").value == dec("120"));     // (1100 - 500) / 500, without t2's 5000
  CHECK(metric(d, "deployments").value == dec("1"));        // Azure App Service only
}

TEST_CASE("rows without offer are eligible") {
  const auto r = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "500"),
                           row({.month = "2024-06", .value = "1100", .service = "Azure Functions", .offer = ""})})}));
  const auto& d = designation(r, "infrastructure");
  CHECK(metric(d, "net_customer_adds").value == dec("1"));
  CHECK(metric(d, "usage_growth").value == dec("120"));
  CHECK(metric(d, "deployments").value == dec("1"));  // Azure Functions (App Service is outside the TTM)
}

TEST_CASE("offers Support, Internal, Benefit Program and Trial are excluded") {
  for (const char* offer : {"Support", "Internal", "Benefit Program", "Trial"}) {
    CAPTURE(offer);
    const auto r = run(partner_json(
        {}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "1000")}),
             customer("t2", {row({.month = "2024-06", .value = "5000", .service = "Azure Functions", .offer = offer})})}));
    const auto& d = designation(r, "digital-app-innovation");
    CHECK(metric(d, "net_customer_adds").value == dec("0"));  // t1 eligible in both years; t2 not at all
    CHECK(metric(d, "usage_growth").value == dec("0"));       // 1000 -> 1000, t2's 5000 left out
    CHECK(metric(d, "deployments").value == dec("1"));        // Azure App Service only
  }
}

TEST_CASE("association types: PAL, DPOR, CSP1, CSP2 are eligible / CPOR, CPOR-RevRec, DAP are not") {
  struct Case {
    const char* type;
    const char* counted;
  };
  for (const auto& c : {Case{"PAL", "1"}, Case{"DPOR", "1"}, Case{"CSP1", "1"}, Case{"CSP2", "1"}, Case{"CPOR", "0"},
                        Case{"CPOR-RevRec", "0"}, Case{"DAP", "0"}}) {
    CAPTURE(c.type);
    const auto m = net_adds({row({.month = "2024-06", .value = "5000", .association = c.type})});
    CHECK(m.value == dec(c.counted));
    const auto r = run(partner_json(
        {}, {customer("t1", {row({.month = "2024-06", .value = "5000", .association = c.type})})}));
    CHECK(metric_of(r, "data-ai", "deployments").value == dec(c.counted));
  }
}

TEST_CASE("usage of another measure is not ACR") {
  const auto r = run(partner_json(
      {}, {customer("t1", {row({.month = "2024-06", .value = "5000", .service = "Teams", .measure = "mau"})})}));
  CHECK(metric_of(r, "data-ai", "net_customer_adds").value == dec("0"));
  CHECK(metric_of(r, "data-ai", "deployments").value == dec("0"));
}

// ============================== certifications ==============================

TEST_CASE("retired AZ-600 and AZ-220 count at as-of 2024-07 and not at 2024-08, whatever the earned date") {
  const auto json = partner_json(with_prerequisites(
      {person("S1", {cert("AZ-600", "2021-02-01")}), person("S2", {cert("AZ-600", "2024-07-20")}),
       person("I1", {cert("AZ-220", "2022-05-05")}), person("I2", {cert("AZ-220", "2024-07-31")}),
       person("N1", {cert("AZ-700", "2022-05-05")})}));
  const auto july = run(json, "2024-07");
  CHECK(metric_of(july, "infrastructure", "intermediate_certs").value == dec("3"));
  CHECK(metric_of(july, "infrastructure", "intermediate_certs").points == dec("12"));
  CHECK(metric_of(july, "digital-app-innovation", "advanced_certs").value == dec("2"));
  CHECK(metric_of(july, "digital-app-innovation", "advanced_certs").points == dec("8"));

  for (const char* later : {"2024-08", "2025-03"}) {
    CAPTURE(later);
    const auto r = run(json, later);
    CHECK(metric_of(r, "infrastructure", "intermediate_certs").value == dec("1"));  // AZ-700 only
    CHECK(metric_of(r, "infrastructure", "intermediate_certs").points == dec("4"));
    CHECK(metric_of(r, "digital-app-innovation", "advanced_certs").value == dec("0"));
    CHECK(metric_of(r, "digital-app-innovation", "advanced_certs").points == dec("0"));
  }
}

TEST_CASE("a certification earned after the as-of month does not count / on its last day it does") {
  const auto r = run(partner_json(with_prerequisites({person("A", {cert("DP-203", "2024-06-30")}),
                                                      person("B", {cert("DP-203", "2024-07-01")})})));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").points == dec("4"));
  // A prerequisite earned next month does not satisfy step 1 yet.
  const auto late = run(partner_json({person("P1", {cert("AZ-104")}), person("P2", {cert("AZ-104", "2024-07-01")}),
                                      holder("C", {"AZ-204"})}));
  CHECK(metric_of(late, "digital-app-innovation", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(late, "digital-app-innovation", "intermediate_certs").points == dec("0"));
}

TEST_CASE("a certification expired before the as-of month does not count / one expiring during it does") {
  const auto r = run(partner_json(with_prerequisites(
      {person("A", {cert("AZ-700", "2022-01-01", "2024-05-31")}), person("B", {cert("AZ-700", "2022-01-01", "2024-06-01")}),
       person("C", {cert("AZ-700", "2022-01-01", "2024-06-30")}), person("D", {cert("AZ-700", "2022-01-01", "2024-07-01")})})));
  CHECK(metric_of(r, "infrastructure", "intermediate_certs").value == dec("3"));  // B, C, D
  CHECK(metric_of(r, "infrastructure", "intermediate_certs").points == dec("12"));
}

TEST_CASE("Windows Server Hybrid Administrator: both exams must hold at the as-of month") {
  const auto r = run(partner_json(with_prerequisites(
      {person("A", {cert("AZ-800"), cert("AZ-801", "2024-07-02")}),
       person("B", {cert("AZ-800", "2022-01-01", "2024-05-01"), cert("AZ-801")}),
       person("C", {cert("AZ-800"), cert("AZ-801")})})));
  CHECK(metric_of(r, "infrastructure", "intermediate_certs").value == dec("1"));  // C only
  CHECK(metric_of(r, "infrastructure", "intermediate_certs").points == dec("4"));
}

TEST_CASE("a person holding the same code twice counts once") {
  // A holds AZ-104 twice: one person, so step 1 (two people) is not met.
  const auto r = run(partner_json({person("A", {cert("AZ-104", "2022-01-01"), cert("AZ-104", "2024-01-01")}),
                                   holder("C", {"AZ-204"})}));
  CHECK(metric_of(r, "digital-app-innovation", "intermediate_certs").points == dec("0"));
  // D holds DP-203 twice: one qualifying person.
  const auto twice = run(partner_json(
      with_prerequisites({person("D", {cert("DP-203", "2022-01-01"), cert("DP-203", "2024-01-01")})})));
  CHECK(metric_of(twice, "data-ai", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(twice, "data-ai", "intermediate_certs").points == dec("4"));
}

TEST_CASE("a person holding two scoring certifications counts once") {
  const auto r = run(partner_json(with_prerequisites(
      {holder("A", {"DP-203", "DP-300", "AI-102"}), holder("B", {"AZ-700", "AZ-800", "AZ-801", "AZ-600"}),
       holder("C", {"AZ-204", "PL-400"}), holder("D", {"AZ-400", "PL-600"}), holder("E", {"AZ-140", "AZ-120"})})));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").points == dec("4"));
  CHECK(metric_of(r, "infrastructure", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(r, "infrastructure", "advanced_certs").value == dec("1"));
  CHECK(metric_of(r, "digital-app-innovation", "intermediate_certs").value == dec("1"));
  CHECK(metric_of(r, "digital-app-innovation", "advanced_certs").value == dec("1"));
  CHECK(metric_of(r, "digital-app-innovation", "advanced_certs").points == dec("4"));
}

TEST_CASE("DP-500 does not count for Data & AI in 2023-06") {
  const auto r = run(partner_json(with_prerequisites({holder("A", {"DP-500"})})));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").value == dec("0"));
  CHECK(metric_of(r, "data-ai", "intermediate_certs").points == dec("0"));
}

// ============================ options and bounds ============================

TEST_CASE("default as-of month is the latest month in the data") {
  const auto p = partner_from(partner_json(
      {},
      {customer("t1", {acr("2023-03", "50"), acr("2024-03", "1000")}), customer("t2", {acr("2024-01", "2000")})}));
  const auto r = pcs::eval::evaluate(compiled("rulesets/2023-06"), p, pcs::eval::Options{});
  CHECK(r.as_of == "2024-03");
  CHECK(r.program == "2023-06");
  CHECK(r.partner == "edge");
  const auto& d = designation(r, "digital-app-innovation");
  CHECK(metric(d, "net_customer_adds").value == dec("1"));      // t1 in 2024-03; t2's 2024-01 is too old
  CHECK(metric(d, "usage_growth").value == dec("1900"));        // 50 -> 1000
  CHECK(metric(d, "usage_growth").points == dec("20"));
}

TEST_CASE("points never above the maximum nor below 0") {
  std::vector<std::string> people = prerequisites();
  for (int i = 0; i < 12; ++i)
    people.push_back(holder("X" + std::to_string(i), {"DP-203", "AZ-204", "AZ-400", "AZ-700", "AZ-140"}));
  std::vector<std::string> customers = {customer("base", {acr("2023-06", "1000")})};
  const char* services[] = {"Azure App Service", "Azure Functions", "Azure SQL Database", "Azure Cosmos DB",
                            "Azure Backup", "Azure Kubernetes Service", "Azure Machine Learning", "Azure Monitor"};
  for (int i = 0; i < 8; ++i) customers.push_back(customer("t" + std::to_string(i), {acr("2024-06", "1000", services[i])}));
  const auto high = run(partner_json(people, customers));
  for (const char* id : {"data-ai", "digital-app-innovation", "infrastructure"}) {
    CAPTURE(id);
    const auto& d = designation(high, id);
    CHECK(metric(d, "net_customer_adds").value == dec("7"));  // 8 now, 1 a year ago
    CHECK(metric(d, "net_customer_adds").points == dec("30"));
    CHECK(metric(d, "usage_growth").value == dec("700"));
    CHECK(metric(d, "usage_growth").points == dec("20"));
    CHECK(metric(d, "deployments").value == dec("8"));
    CHECK(metric(d, "deployments").points == dec("10"));
    CHECK(metric(d, "intermediate_certs").value == dec("12"));
    CHECK(d.total == d.max);
    CHECK(d.total == dec("100"));
    CHECK(d.attained);
    for (const auto& m : d.metrics) CHECK(m.points <= m.max);
  }
  CHECK(metric_of(high, "data-ai", "intermediate_certs").points == dec("40"));
  CHECK(metric_of(high, "infrastructure", "intermediate_certs").points == dec("20"));
  CHECK(metric_of(high, "digital-app-innovation", "advanced_certs").points == dec("20"));

  // Shrinking usage: growth -30 %, net -1, both 0 points.
  const auto low = run(partner_json({}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "700")})}));
  const auto& g = metric_of(low, "infrastructure", "usage_growth");
  CHECK(g.value == dec("-30"));
  CHECK(g.points == dec("0"));
  CHECK(metric_of(low, "infrastructure", "net_customer_adds").points == dec("0"));
  CHECK(designation(low, "infrastructure").total == dec("2"));  // deployments only (Azure App Service)
}

TEST_CASE("designation filter returns only the designations asked for") {
  const auto p = partner_from(partner_json({holder("A", {"AZ-104"})}, {customer("t1", {acr("2024-06", "1000")})}));
  pcs::eval::Options one;
  one.as_of = pcs::parse_month("2024-06");
  one.designations = {"infrastructure"};
  const auto r1 = pcs::eval::evaluate(compiled("rulesets/2023-06"), p, one);
  REQUIRE(r1.designations.size() == 1);
  CHECK(r1.designations[0].id == "infrastructure");
  CHECK(r1.designations[0].metrics.size() == 5);

  pcs::eval::Options two = one;
  two.designations = {"data-ai", "digital-app-innovation"};
  const auto r2 = pcs::eval::evaluate(compiled("rulesets/2023-06"), p, two);
  REQUIRE(r2.designations.size() == 2);
  CHECK_THROWS(designation(r2, "infrastructure"));
  CHECK(designation(r2, "data-ai").metrics.size() == 4);
  CHECK(designation(r2, "digital-app-innovation").metrics.size() == 5);

  pcs::eval::Options all = one;
  all.designations.clear();
  // The whole program: three Azure designations of its own, three carried over from 2022-10.
  CHECK(pcs::eval::evaluate(compiled("rulesets/2023-06"), p, all).designations.size() == 6);
}
