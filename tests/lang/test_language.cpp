// Language features beyond the 2023-06 rulesets: alternative paths with
// per-path parameters, the scoring forms, sets, grouping, correlated queries,
// validity windows. And robustness: no broken rule file crashes the parser.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/lang/support.hpp"

using namespace pcs::testing;

namespace {

// A small designation in the style of 2025-01: an SMB and an Enterprise path,
// a threshold that differs per path, a proportional metric and a custom score.
const char* paths_ruleset = R"pcs(
program "test" { effective 2025-01-31 }
import "std/usage.pcs"
import "std/certifications.pcs"

let acr_rows = eligible_usage(usage(acr), {"PAL", "DPOR", "CSP1", "CSP2"}, {"Support", "Internal", "Benefit Program", "Trial"})
let customers_with_acr = distinct tenant of (acr_rows where month in trailing_12_months)
let smb_share = count(customers_with_acr intersect distinct tenant of (customers where segment in {"smb", "smc"}))
                / count(customers_with_acr) * 100 %

designation dai "Digital & App Innovation (test)" {
  path smb when partner.attributes.path == "smb"
             or (partner.attributes.path is none and total_in(acr_rows, trailing_12_months) < 1_000_000 USD
                 and smb_share >= 80 %)
  path enterprise otherwise

  let threshold = choose path { enterprise: 1000 USD, smb: 500 USD }
  attained when total >= 70 points and every metric > 0 points

  category performance "Performance" {
    metric net_customer_adds "Net customer adds" max 30 points {
      value count(customers_at_or_above(acr_rows, threshold, last_two_months))
      score proportional to 3 customers
    }
  }
  category skilling "Skilling" {
    metric intermediate_certs "Intermediate certifications" max 20 points {
      let prerequisite = count(people holding azure_administrator)
      value count(people holding any of {azure_developer, power_platform_developer})
      score choose path {
        enterprise: if prerequisite >= 2 people then 4 points per person up to 5 people else = 0 points,
        smb: = (if prerequisite >= 1 person then 4 points else 0 points)
               + (if prerequisite >= 1 person then min(value, 4 people) / 1 person * 4 points else 0 points)
      }
    }
  }
}
)pcs";

std::string partner_json(const std::string& attributes, const std::string& segment, const std::string& amount,
                         const std::string& people) {
  return R"({ "partner": { "id": "p", "attributes": {)" + attributes + R"(} },
    "people": [)" + people + R"(],
    "customers": [
      { "tenant": "t1", "segment": ")" + segment + R"(", "usage": [
        { "month": "2025-01", "measure": "acr", "value": )" + amount + R"(, "association": "PAL" } ] },
      { "tenant": "t2", "segment": ")" + segment + R"(", "usage": [
        { "month": "2024-12", "measure": "acr", "value": )" + amount + R"(, "association": "CSP1" } ] } ] })";
}

const char* one_admin_two_devs = R"(
  { "id": "a", "certifications": [ { "code": "AZ-104", "earned": "2024-01-01" } ] },
  { "id": "b", "certifications": [ { "code": "AZ-204", "earned": "2024-01-01" } ] },
  { "id": "c", "certifications": [ { "code": "PL-400", "earned": "2024-01-01" } ] })";

}  // namespace

TEST_CASE("paths: SMB derived from segments, and the SMB threshold of $500 applies") {
  auto rs = compile_inline({{"rules.pcs", paths_ruleset}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(partner_json("", "smb", "600", one_admin_two_devs)), "2025-01");
  const auto& d = designation(r, "dai");
  CHECK(d.path == "smb");
  // Two customers at $600 >= $500: 2 of a target of 3 -> 30 x 2/3 = 20 points.
  CHECK(metric(d, "net_customer_adds").points == dec("20"));
  // SMB: 4 points for the first prerequisite + 2 developers x 4 points = 12.
  CHECK(metric(d, "intermediate_certs").points == dec("12"));
}

TEST_CASE("paths: enterprise segments choose Enterprise, where $600 is below the $1,000 threshold") {
  auto rs = compile_inline({{"rules.pcs", paths_ruleset}});
  REQUIRE(rs.ruleset);
  auto r = score(*rs.ruleset, partner_from(partner_json("", "enterprise", "600", one_admin_two_devs)), "2025-01");
  const auto& d = designation(r, "dai");
  CHECK(d.path == "enterprise");
  CHECK(metric(d, "net_customer_adds").points == dec("0"));
  // Enterprise: one Azure Administrator is not the two the prerequisite needs.
  CHECK(metric(d, "intermediate_certs").points == dec("0"));
  CHECK_FALSE(d.attained);
}

TEST_CASE("paths: partner.attributes.path overrides the derivation") {
  auto rs = compile_inline({{"rules.pcs", paths_ruleset}});
  REQUIRE(rs.ruleset);
  auto r = score(*rs.ruleset, partner_from(partner_json(R"("path": "smb")", "enterprise", "600", one_admin_two_devs)), "2025-01");
  CHECK(designation(r, "dai").path == "smb");
}

TEST_CASE("scoring: proportional points are exact and shown rounded down") {
  auto rs = compile_inline({{"rules.pcs", paths_ruleset}});
  REQUIRE(rs.ruleset);
  // One customer at $1,000 on the enterprise path: 30 x 1/3 = 10 exactly.
  auto r = score(*rs.ruleset, partner_from(R"({ "partner": { "id": "p" }, "customers": [
      { "tenant": "t1", "segment": "enterprise", "usage": [
        { "month": "2025-01", "measure": "acr", "value": 1000, "association": "PAL" } ] } ] })"), "2025-01");
  CHECK(metric(designation(r, "dai"), "net_customer_adds").points == dec("10"));
}

TEST_CASE("scoring: a rate with 'up to' caps the counted value") {
  auto rs = compile_inline({{"rules.pcs", paths_ruleset}});
  REQUIRE(rs.ruleset);
  std::string people = R"({ "id": "a", "certifications": [ { "code": "AZ-104", "earned": "2024-01-01" } ] },
                          { "id": "b", "certifications": [ { "code": "AZ-104", "earned": "2024-01-01" } ] })";
  for (int i = 0; i < 7; ++i)
    people += R"(, { "id": "d)" + std::to_string(i) + R"(", "certifications": [ { "code": "AZ-204", "earned": "2024-01-01" } ] })";
  auto r = score(*rs.ruleset, partner_from(partner_json("", "enterprise", "5000", people)), "2025-01");
  const auto& m = metric(designation(r, "dai"), "intermediate_certs");
  CHECK(*m.value == dec("7"));
  CHECK(m.points == dec("20"));  // 5 people x 4 points: the 'up to 5 people' cap
}

TEST_CASE("sets: union, difference and intersection of tenants") {
  auto rs = compile_inline({{"rules.pcs", R"pcs(
program "t" { effective 2024-01-01 }
let a = distinct tenant of (usage(acr) where month == M)
let b = distinct tenant of (usage(acr) where month == M - 1)
designation d "D" {
  attained when total >= 0 points
  category c "C" {
    metric both "Both" max 100 points { value count(a intersect b) score 1 point per customer }
    metric either "Either" max 100 points { value count(a + b) score 1 point per customer }
    metric only_now "Only now" max 100 points { value count(a - b) score 1 point per customer }
  }
}
)pcs"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(R"({ "partner": { "id": "p" }, "customers": [
      { "tenant": "t1", "usage": [ { "month": "2024-06", "measure": "acr", "value": 1 },
                                   { "month": "2024-05", "measure": "acr", "value": 1 } ] },
      { "tenant": "t2", "usage": [ { "month": "2024-06", "measure": "acr", "value": 1 } ] },
      { "tenant": "t3", "usage": [ { "month": "2024-05", "measure": "acr", "value": 1 } ] } ] })"), "2024-06");
  const auto& d = designation(r, "d");
  CHECK(*metric(d, "both").value == dec("1"));
  CHECK(*metric(d, "either").value == dec("3"));
  CHECK(*metric(d, "only_now").value == dec("1"));
}

TEST_CASE("queries: a correlated condition per customer, and grouping by service") {
  auto rs = compile_inline({{"rules.pcs", R"pcs(
program "t" { effective 2024-01-01 }
fn acr_of(t, m) = sum(usage(acr) where tenant == t and month == m)
let grown = customers where acr_of(tenant, M) > acr_of(tenant, M - 12)
let big_services = usage(acr) by service where value >= 100 USD
designation d "D" {
  attained when total >= 0 points
  category c "C" {
    metric grew "Grew" max 100 points { value count(grown) score 1 point per customer }
    metric services "Services" max 100 points { value count(big_services) score 1 point per service }
  }
}
)pcs"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(R"({ "partner": { "id": "p" }, "customers": [
      { "tenant": "t1", "usage": [ { "month": "2024-06", "measure": "acr", "value": 50, "service": "A" },
                                   { "month": "2023-06", "measure": "acr", "value": 10, "service": "A" } ] },
      { "tenant": "t2", "usage": [ { "month": "2024-06", "measure": "acr", "value": 60, "service": "A" },
                                   { "month": "2023-06", "measure": "acr", "value": 99.99, "service": "B" } ] } ] })"),
                 "2024-06");
  const auto& d = designation(r, "d");
  CHECK(*metric(d, "grew").value == dec("1"));      // t1 grew from 10 to 50; t2 fell
  CHECK(*metric(d, "services").value == dec("1"));  // A: 120 USD; B: 99.99 USD
}

TEST_CASE("evaluation: a division by zero is reported at its rule, not thrown") {
  auto rs = compile_inline({{"rules.pcs", R"pcs(
program "t" { effective 2024-01-01 }
designation d "D" {
  attained when total >= 0 points
  category c "C" {
    metric m "M" max 10 points { value sum(usage(acr)) / sum(usage(acr)) score 1 point per unit }
  }
}
)pcs"}});
  CHECK_MESSAGE(rs.ruleset == nullptr, "'per unit' on a plain number is a unit error");
  auto ok = compile_inline({{"rules.pcs", R"pcs(
program "t" { effective 2024-01-01 }
designation d "D" {
  attained when total >= 0 points
  category c "C" {
    metric m "M" max 10 points { value count(customers) / count(customers) * 1 customer score 1 point per customer }
  }
}
)pcs"}});
  REQUIRE_MESSAGE(ok.ruleset, ok.rendered);
  auto r = score(*ok.ruleset, partner_from(R"({ "partner": { "id": "p" } })"), "2024-06");
  const auto& d = designation(r, "d");
  CHECK(d.error == "metric m: rules.pcs:6:40: division by zero: the right side of '/' is 0 for this partner");
  CHECK(metric(d, "m").error == "rules.pcs:6:40: division by zero: the right side of '/' is 0 for this partner");
  CHECK_FALSE(d.attained);
}

TEST_CASE("robustness: every prefix of every shipped rule file parses or fails cleanly") {
  namespace fs = std::filesystem;
  int files = 0, attempts = 0;
  for (const auto* folder : {"stdlib", "rulesets"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_path(folder))) {
      if (entry.path().extension() != ".pcs") continue;
      std::ifstream in(entry.path());
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string text = buffer.str();
      ++files;
      for (std::size_t cut = 0; cut < text.size(); cut += 3) {
        pcs::Diagnostics diags;
        auto module = pcs::parser::parse_module(std::string_view(text).substr(0, cut), "cut.pcs", diags);
        ++attempts;
        // Either a module, or exactly one located syntax error.
        if (!module) {
          REQUIRE(diags.items().size() >= 1);
          CHECK(diags.items().front().pos.line >= 1);
        }
        // Dropping a single character must not crash either.
        std::string dropped = text;
        dropped.erase(cut, 1);
        pcs::Diagnostics more;
        pcs::parser::parse_module(dropped, "drop.pcs", more);
      }
    }
  }
  CHECK(files >= 8);
  CHECK(attempts > 1000);
}
