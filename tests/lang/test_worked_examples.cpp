// Every worked example of the 2023-06 document (shared/program-docs/
// 001_ce536dea334fe27b.txt) run against the real ruleset, plus the scoring
// sentences of its other metrics. Individuals A, B, C ... are people; the
// certification names map to exam codes as in shared/spec/program-notes.md.
#include <optional>
#include <string>
#include <vector>

#include "support.hpp"


namespace {

using namespace pcs::testing;

// --- partner JSON builders -------------------------------------------------

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A person holding each code, earned well before the as-of month, no expiry.
std::string person(const std::string& id, const std::vector<std::string>& codes) {
  std::vector<std::string> certs;
  for (const auto& c : codes) certs.push_back(R"({"code": ")" + c + R"(", "earned": "2023-03-15"})");
  return R"({"id": ")" + id + R"(", "certifications": [)" + joined(certs) + "]}";
}

// One eligible ACR row (PAL, Pay-As-You-Go) unless told otherwise.
std::string acr(const std::string& month, const std::string& value, const std::string& service = "Azure App Service") {
  return R"({"month": ")" + month + R"(", "measure": "acr", "value": )" + value + R"(, "service": ")" + service +
         R"(", "offer": "Pay-As-You-Go", "association": "PAL"})";
}

std::string customer(const std::string& tenant, const std::vector<std::string>& rows) {
  return R"({"tenant": ")" + tenant + R"(", "associations": [{"type": "PAL", "since": "2021-01-01"}], "usage": [)" +
         joined(rows) + "]}";
}

std::string partner_json(const std::vector<std::string>& people, const std::vector<std::string>& customers = {}) {
  return R"({"partner": {"id": "example"}, "people": [)" + joined(people) + R"(], "customers": [)" +
         joined(customers) + "]}";
}

pcs::eval::PartnerResult run(const std::string& json, const std::string& as_of = "2024-06") {
  return score(compiled("rulesets/2023-06"), partner_from(json), as_of);
}

const pcs::eval::MetricResult& metric_of(const pcs::eval::PartnerResult& r, const std::string& d, const std::string& m) {
  return metric(designation(r, d), m);
}

// Checks a metric's value (qualifying people, net adds ...) and points.
void expect(const pcs::eval::PartnerResult& r, const std::string& d, const std::string& m, const std::string& value,
            const std::string& points) {
  CAPTURE(d);
  CAPTURE(m);
  const auto& x = metric_of(r, d, m);
  CHECK(x.value == dec(value));
  CHECK(x.points == dec(points));
}

}  // namespace

// ============================ Data & AI, intermediate =======================

TEST_CASE("Data & AI intermediate, example 1: A,B step 1 / C,D step 2 / E,F,G step 3 -> 12 points") {
  const auto r = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-305"}), person("C", {"AZ-104"}),
                                   person("D", {"AZ-104"}), person("E", {"DP-203"}), person("F", {"DP-300"}),
                                   person("G", {"AI-102"})}));
  CHECK(metric(designation(r, "data-ai"), "intermediate_certs").points == dec("12"));
  CHECK(metric(designation(r, "data-ai"), "intermediate_certs").value == dec("3"));
}

TEST_CASE("Data & AI intermediate, example 2: A,B complete all three steps -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-305", "AZ-104", "DP-100"}),
                                   person("B", {"AZ-305", "AZ-104", "PL-300"})}));
  CHECK(metric(designation(r, "data-ai"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(r, "data-ai"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Data & AI intermediate, example 3: A,B step 1 and 3, no step 2 -> 0 points / once two complete step 2 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-305", "DP-420"}), person("B", {"AZ-305", "MB-260"})}));
  CHECK(metric(designation(before, "data-ai"), "intermediate_certs").points == dec("0"));
  CHECK(metric(designation(before, "data-ai"), "intermediate_certs").value == dec("2"));

  // "at least two individuals must complete Step 2": one is not enough.
  const auto one = run(partner_json({person("A", {"AZ-305", "DP-420"}), person("B", {"AZ-305", "MB-260"}),
                                     person("C", {"AZ-104"})}));
  CHECK(metric(designation(one, "data-ai"), "intermediate_certs").points == dec("0"));

  // "Once two individuals (A, B, or others) complete Step 2": others ...
  const auto others = run(partner_json({person("A", {"AZ-305", "DP-420"}), person("B", {"AZ-305", "MB-260"}),
                                        person("C", {"AZ-104"}), person("D", {"AZ-104"})}));
  CHECK(metric(designation(others, "data-ai"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(others, "data-ai"), "intermediate_certs").value == dec("2"));

  // ... or A and B themselves.
  const auto same = run(partner_json({person("A", {"AZ-305", "DP-420", "AZ-104"}),
                                      person("B", {"AZ-305", "MB-260", "AZ-104"})}));
  CHECK(metric(designation(same, "data-ai"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(same, "data-ai"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Data & AI intermediate, example 4: A step 1 / B,C steps 2 and 3 -> 0 points / once one more completes step 1 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-104", "DP-203"}),
                                        person("C", {"AZ-104", "AI-102"})}));
  CHECK(metric(designation(before, "data-ai"), "intermediate_certs").points == dec("0"));
  CHECK(metric(designation(before, "data-ai"), "intermediate_certs").value == dec("2"));

  // "Once one more individual (B, C or others not including A) completes Step 1"
  const auto b_does = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-104", "DP-203", "AZ-305"}),
                                        person("C", {"AZ-104", "AI-102"})}));
  CHECK(metric(designation(b_does, "data-ai"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(b_does, "data-ai"), "intermediate_certs").value == dec("2"));

  const auto other_does = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-104", "DP-203"}),
                                            person("C", {"AZ-104", "AI-102"}), person("D", {"AZ-305"})}));
  CHECK(metric(designation(other_does, "data-ai"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(other_does, "data-ai"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Data & AI: advanced certifications aren't applicable (no advanced_certs metric)") {
  const auto r = run(partner_json({person("A", {"AZ-305", "AZ-400"}), person("B", {"AZ-305", "AZ-140"})}));
  const auto& d = designation(r, "data-ai");
  CHECK(d.metrics.size() == 4);
  CHECK_THROWS(metric(d, "advanced_certs"));
}

// ==================== Digital & App Innovation, intermediate ================

TEST_CASE("Digital & App Innovation intermediate, example 1: A,B step 1 / C,D step 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-104"}), person("C", {"AZ-204"}),
                                   person("D", {"PL-400"})}));
  CHECK(metric(designation(r, "digital-app-innovation"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(r, "digital-app-innovation"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Digital & App Innovation intermediate, example 2: A,B complete steps 1 and 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-104", "AZ-204"}), person("B", {"AZ-104", "PL-400"})}));
  CHECK(metric(designation(r, "digital-app-innovation"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(r, "digital-app-innovation"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Digital & App Innovation intermediate, example 3: A step 1 / B,C step 2 -> 0 points / once one more completes step 1 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-204"}), person("C", {"AZ-204"})}));
  CHECK(metric(designation(before, "digital-app-innovation"), "intermediate_certs").points == dec("0"));
  CHECK(metric(designation(before, "digital-app-innovation"), "intermediate_certs").value == dec("2"));

  const auto after = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-204"}),
                                       person("C", {"AZ-204", "AZ-104"})}));
  CHECK(metric(designation(after, "digital-app-innovation"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(after, "digital-app-innovation"), "intermediate_certs").value == dec("2"));
}

// ===================== Digital & App Innovation, advanced ===================

TEST_CASE("Digital & App Innovation advanced, example 1: A,B step 1 / C,D step 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-305"}), person("C", {"AZ-400"}),
                                   person("D", {"PL-600"})}));
  CHECK(metric(designation(r, "digital-app-innovation"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(r, "digital-app-innovation"), "advanced_certs").value == dec("2"));
}

TEST_CASE("Digital & App Innovation advanced, example 2: A,B complete steps 1 and 2 -> 8 points") {
  // Azure IoT Developer Specialty (AZ-220) still counts in 2024-06.
  const auto r = run(partner_json({person("A", {"AZ-305", "AZ-400"}), person("B", {"AZ-305", "AZ-220"})}));
  CHECK(metric(designation(r, "digital-app-innovation"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(r, "digital-app-innovation"), "advanced_certs").value == dec("2"));
}

TEST_CASE("Digital & App Innovation advanced, example 3: A step 1 / B,C step 2 -> 0 points / once one more completes step 1 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-400"}), person("C", {"PL-600"})}));
  CHECK(metric(designation(before, "digital-app-innovation"), "advanced_certs").points == dec("0"));
  CHECK(metric(designation(before, "digital-app-innovation"), "advanced_certs").value == dec("2"));

  // "others not including A": D completes Step 1.
  const auto after = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-400"}), person("C", {"PL-600"}),
                                       person("D", {"AZ-305"})}));
  CHECK(metric(designation(after, "digital-app-innovation"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(after, "digital-app-innovation"), "advanced_certs").value == dec("2"));
}

// ========================= Infrastructure, intermediate =====================

TEST_CASE("Infrastructure intermediate, example 1: A,B step 1 / C,D step 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-104"}), person("C", {"AZ-700"}),
                                   person("D", {"AZ-800", "AZ-801"})}));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Infrastructure intermediate, example 2: A,B complete steps 1 and 2 -> 8 points") {
  // Azure Stack Hub Operator Associate (AZ-600) still counts in 2024-06.
  const auto r = run(partner_json({person("A", {"AZ-104", "AZ-700"}), person("B", {"AZ-104", "AZ-600"})}));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Infrastructure intermediate, example 3: A step 1 / B,C step 2 -> 0 points / once one more completes step 1 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-700"}), person("C", {"AZ-700"})}));
  CHECK(metric(designation(before, "infrastructure"), "intermediate_certs").points == dec("0"));
  CHECK(metric(designation(before, "infrastructure"), "intermediate_certs").value == dec("2"));

  const auto after = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-700", "AZ-104"}),
                                       person("C", {"AZ-700"})}));
  CHECK(metric(designation(after, "infrastructure"), "intermediate_certs").points == dec("8"));
  CHECK(metric(designation(after, "infrastructure"), "intermediate_certs").value == dec("2"));
}

TEST_CASE("Infrastructure intermediate: Windows Server Hybrid Administrator needs AZ-800 and AZ-801") {
  // C holds only AZ-800 and does not count; D holds both exams and counts.
  const auto r = run(partner_json({person("A", {"AZ-104"}), person("B", {"AZ-104"}), person("C", {"AZ-800"}),
                                   person("D", {"AZ-800", "AZ-801"}), person("E", {"AZ-801"})}));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").points == dec("4"));
  CHECK(metric(designation(r, "infrastructure"), "intermediate_certs").value == dec("1"));
}

// =========================== Infrastructure, advanced =======================

TEST_CASE("Infrastructure advanced, example 1: A,B step 1 / C,D step 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-305"}), person("C", {"AZ-140"}),
                                   person("D", {"AZ-120"})}));
  CHECK(metric(designation(r, "infrastructure"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(r, "infrastructure"), "advanced_certs").value == dec("2"));
}

TEST_CASE("Infrastructure advanced, example 2: A,B complete steps 1 and 2 -> 8 points") {
  const auto r = run(partner_json({person("A", {"AZ-305", "AZ-120"}), person("B", {"AZ-305", "AZ-140"})}));
  CHECK(metric(designation(r, "infrastructure"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(r, "infrastructure"), "advanced_certs").value == dec("2"));
}

TEST_CASE("Infrastructure advanced, example 3: A step 1 / B,C step 2 -> 0 points / once one more completes step 1 -> 8") {
  const auto before = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-140"}), person("C", {"AZ-120"})}));
  CHECK(metric(designation(before, "infrastructure"), "advanced_certs").points == dec("0"));
  CHECK(metric(designation(before, "infrastructure"), "advanced_certs").value == dec("2"));

  const auto after = run(partner_json({person("A", {"AZ-305"}), person("B", {"AZ-140"}),
                                       person("C", {"AZ-120", "AZ-305"})}));
  CHECK(metric(designation(after, "infrastructure"), "advanced_certs").points == dec("8"));
  CHECK(metric(designation(after, "infrastructure"), "advanced_certs").value == dec("2"));
}

TEST_CASE("Intermediate and advanced certifications can be earned by the same people") {
  // A, B: AZ-104 + AZ-305 + AZ-700 + AZ-140 give both Infrastructure metrics.
  const auto r = run(partner_json({person("A", {"AZ-104", "AZ-305", "AZ-700", "AZ-140"}),
                                   person("B", {"AZ-104", "AZ-305", "AZ-700", "AZ-140"})}));
  expect(r, "infrastructure", "intermediate_certs", "2", "8");
  expect(r, "infrastructure", "advanced_certs", "2", "8");
}

// ======================= the other metrics' sentences =======================

TEST_CASE("Net customer adds: each net new customer contributes 10 points") {
  // Two tenants at or above $1,000 in 2024-06, none in 2023-05/06.
  const auto r = run(partner_json({}, {customer("t1", {acr("2024-06", "1500")}),
                                       customer("t2", {acr("2024-06", "1000")})}));
  for (const char* d : {"data-ai", "digital-app-innovation", "infrastructure"}) expect(r, d, "net_customer_adds", "2", "20");
}

TEST_CASE("Net customer adds = eligible customers last month - eligible customers same month last year") {
  // Last month: t1..t4 eligible; same month last year: t1 and t5 -> net 2.
  const auto r = run(partner_json(
      {}, {customer("t1", {acr("2023-06", "2000"), acr("2024-06", "2000")}), customer("t2", {acr("2024-06", "1200")}),
           customer("t3", {acr("2024-06", "1300")}), customer("t4", {acr("2024-05", "1400")}),
           customer("t5", {acr("2023-06", "5000"), acr("2024-06", "10")})}));
  expect(r, "data-ai", "net_customer_adds", "2", "20");
}

TEST_CASE("Net customer adds: up to a maximum of 30 points") {
  std::vector<std::string> customers;
  for (int i = 1; i <= 5; ++i) customers.push_back(customer("t" + std::to_string(i), {acr("2024-06", "1000")}));
  const auto r = run(partner_json({}, customers));
  expect(r, "infrastructure", "net_customer_adds", "5", "30");
  CHECK(metric_of(r, "infrastructure", "net_customer_adds").max == dec("30"));
}

TEST_CASE("Net customer adds: a negative net earns 0 points") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "3000"), acr("2024-06", "900")}),
                                       customer("t2", {acr("2023-05", "3000")})}));
  expect(r, "digital-app-innovation", "net_customer_adds", "-2", "0");
}

TEST_CASE("Usage growth: each 1% growth contributes one point / 19.9% -> 19 points") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "1000.00"), acr("2024-06", "1199.00")})}));
  expect(r, "data-ai", "usage_growth", "19.9", "19");
}

TEST_CASE("Usage growth: up to a maximum of 20 points") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "1000"), acr("2024-06", "1500")})}));
  expect(r, "infrastructure", "usage_growth", "50", "20");
  CHECK(metric_of(r, "infrastructure", "usage_growth").max == dec("20"));
}

TEST_CASE("Usage growth: total ACR must be at least USD1,000 (trailing 12 months) to qualify") {
  // 25% growth, but only $500 over the trailing 12 months.
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "400"), acr("2024-06", "500")})}));
  expect(r, "digital-app-innovation", "usage_growth", "25", "0");
}

TEST_CASE("Usage growth is over the entire customer base") {
  // ACR 2023-06: 800 + 200 = 1000; ACR 2024-06: 600 + 500 + 7 = 1107 -> 10.7% -> 10 points.
  const auto r = run(partner_json({}, {customer("t1", {acr("2023-06", "800"), acr("2024-06", "600")}),
                                       customer("t2", {acr("2023-06", "200"), acr("2024-06", "500")}),
                                       customer("t3", {acr("2024-06", "7")})}));
  expect(r, "data-ai", "usage_growth", "10.7", "10");
}

TEST_CASE("Deployments: each eligible deployment contributes two points") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2024-01", "10", "Azure App Service"),
                                                       acr("2023-07", "5", "Azure SQL Database")}),
                                       customer("t2", {acr("2024-06", "1", "Azure App Service"),
                                                       acr("2024-03", "20", "Azure Kubernetes Service")})}));
  for (const char* d : {"data-ai", "digital-app-innovation", "infrastructure"}) expect(r, d, "deployments", "3", "6");
}

TEST_CASE("Deployments: up to a maximum of 10 points") {
  std::vector<std::string> rows;
  for (const char* s : {"Azure App Service", "Azure SQL Database", "Azure Kubernetes Service", "Azure Cosmos DB",
                        "Azure Machine Learning", "Azure Functions", "Azure Synapse Analytics"})
    rows.push_back(acr("2024-04", "50", s));
  const auto r = run(partner_json({}, {customer("t1", rows)}));
  expect(r, "infrastructure", "deployments", "7", "10");
}

TEST_CASE("Deployments: Virtual Machines and Virtual Machines Licenses are excluded") {
  const auto r = run(partner_json({}, {customer("t1", {acr("2024-06", "5000", "Virtual Machines"),
                                                       acr("2024-06", "5000", "Virtual Machines Licenses"),
                                                       acr("2024-06", "10", "Azure Backup")})}));
  expect(r, "digital-app-innovation", "deployments", "1", "2");
}

// ================================ attainment ===============================

namespace {
// Three new eligible tenants (net adds 3 -> 30), ACR 100 -> 3100/3200 (growth
// capped at 20) and `services` distinct services in the TTM (4 -> 8, 5 -> 10).
std::vector<std::string> strong_customers(int services) {
  std::vector<std::string> t0 = {acr("2023-06", "100"), acr("2024-06", "100", "Azure SQL Database")};
  if (services >= 5) t0.push_back(acr("2024-06", "100", "Azure Cosmos DB"));
  return {customer("t0", t0), customer("t1", {acr("2024-06", "1000", "Azure App Service")}),
          customer("t2", {acr("2024-06", "1000", "Azure Kubernetes Service")}),
          customer("t3", {acr("2024-06", "1000", "Azure Machine Learning")})};
}
std::vector<std::string> data_ai_people(int scoring) {
  std::vector<std::string> p = {person("A", {"AZ-305"}), person("B", {"AZ-305"}), person("C", {"AZ-104"}),
                                person("D", {"AZ-104"})};
  for (int i = 0; i < scoring; ++i) p.push_back(person("S" + std::to_string(i), {"DP-203"}));
  return p;
}
}  // namespace

TEST_CASE("Attainment: Data & AI has four metrics / 72 points with all four above 0 attains") {
  const auto r = run(partner_json(data_ai_people(3), strong_customers(5)));
  const auto& d = designation(r, "data-ai");
  REQUIRE(d.metrics.size() == 4);
  CHECK(d.metrics[0].id == "net_customer_adds");
  CHECK(d.metrics[1].id == "intermediate_certs");
  CHECK(d.metrics[2].id == "usage_growth");
  CHECK(d.metrics[3].id == "deployments");
  expect(r, "data-ai", "net_customer_adds", "3", "30");
  expect(r, "data-ai", "intermediate_certs", "3", "12");
  CHECK(metric_of(r, "data-ai", "usage_growth").points == dec("20"));
  expect(r, "data-ai", "deployments", "5", "10");
  CHECK(d.total == dec("72"));
  CHECK(d.attained);
  // Same partner: Infrastructure has no step 2 / advanced certifications.
  const auto& infra = designation(r, "infrastructure");
  CHECK(infra.total == dec("60"));
  CHECK_FALSE(infra.attained);
}

TEST_CASE("Attainment: a minimum of 70 points / exactly 70 attains, 68 does not") {
  const auto seventy = run(partner_json(data_ai_people(3), strong_customers(4)));  // 30 + 12 + 20 + 8
  CHECK(designation(seventy, "data-ai").total == dec("70"));
  CHECK(designation(seventy, "data-ai").attained);

  const auto sixty_eight = run(partner_json(data_ai_people(2), strong_customers(5)));  // 30 + 8 + 20 + 10
  CHECK(designation(sixty_eight, "data-ai").total == dec("68"));
  CHECK_FALSE(designation(sixty_eight, "data-ai").attained);
}

TEST_CASE("Attainment: one or more points for each of the five metrics") {
  std::vector<std::string> people = {person("A", {"AZ-104"}), person("B", {"AZ-104"}), person("C", {"AZ-305"}),
                                     person("D", {"AZ-305"})};
  for (int i = 0; i < 5; ++i) people.push_back(person("X" + std::to_string(i), {"AZ-204", "AZ-700"}));
  // 30 + 20 + 0 (advanced) + 20 + 10 = 80 points, yet one metric has 0.
  const auto without = run(partner_json(people, strong_customers(5)));
  for (const char* id : {"digital-app-innovation", "infrastructure"}) {
    CAPTURE(id);
    const auto& d = designation(without, id);
    CHECK(d.metrics.size() == 5);
    CHECK(metric(d, "advanced_certs").points == dec("0"));
    CHECK(d.total == dec("80"));
    CHECK_FALSE(d.attained);
  }

  people.push_back(person("Y", {"PL-600", "AZ-140"}));
  const auto with = run(partner_json(people, strong_customers(5)));
  for (const char* id : {"digital-app-innovation", "infrastructure"}) {
    CAPTURE(id);
    CHECK(designation(with, id).total == dec("84"));
    CHECK(designation(with, id).attained);
  }

  // Data & AI: 30 + 40 + 20 + 0 (no deployments) = 90 points, not attained.
  const auto no_deployments = run(partner_json(
      data_ai_people(10), {customer("t0", {acr("2023-06", "100", "Virtual Machines")}),
                           customer("t1", {acr("2024-06", "1000", "Virtual Machines")}),
                           customer("t2", {acr("2024-06", "1000", "Virtual Machines")}),
                           customer("t3", {acr("2024-06", "1000", "Virtual Machines Licenses")})}));
  const auto& d = designation(no_deployments, "data-ai");
  CHECK(metric(d, "deployments").points == dec("0"));
  CHECK(d.total == dec("90"));
  CHECK_FALSE(d.attained);
}
