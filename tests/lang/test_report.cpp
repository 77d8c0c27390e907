// The results JSON parses as JSON and carries the contract's fields with
// exact numbers; the table shows the verdicts.
#include "cli/report.hpp"
#include "data/json_document.hpp"
#include "tests/lang/support.hpp"

using namespace pcs::testing;
namespace json = pcs::data::json;

namespace {
const char* partner = R"({ "partner": { "id": "contoso" },
  "people": [ { "id": "a", "certifications": [ { "code": "AZ-104", "earned": "2022-01-01" } ] } ],
  "customers": [ { "tenant": "t1", "usage": [
    { "month": "2024-06", "measure": "acr", "value": 333.33, "service": "Azure App Service", "association": "PAL" },
    { "month": "2024-06", "measure": "acr", "value": 333.33, "service": "Azure App Service", "association": "PAL" },
    { "month": "2024-06", "measure": "acr", "value": 333.34, "service": "Azure App Service", "association": "PAL" },
    { "month": "2023-06", "measure": "acr", "value": 300, "service": "Azure App Service", "association": "PAL" } ] } ] })";
}

TEST_CASE("report: the JSON output follows the results contract") {
  const auto result = score(compiled("rulesets/2023-06"), partner_from(partner), "2024-06");
  const auto text = pcs::cli::render_json(result);
  pcs::Diagnostics diags;
  auto doc = json::parse(text, "out.json", diags);
  REQUIRE_MESSAGE(doc, text);
  const auto& root = doc->root();
  CHECK(root.find("partner")->text() == "contoso");
  CHECK(root.find("as_of")->text() == "2024-06");
  CHECK(root.find("program")->text() == "2023-06");
  const auto designations = root.find("designations")->items();
  REQUIRE(designations.size() == 6);  // 2023-06 is the whole program
  const json::Value* infra = nullptr;
  for (const auto& d : designations)
    if (d.find("id")->text() == "infrastructure") infra = &d;
  REQUIRE(infra);
  CHECK(infra->find("name")->text() == "Solutions Partner for Infrastructure (Azure)");
  CHECK(infra->find("path")->is(json::Kind::null));
  CHECK(infra->find("max")->text() == "100");
  CHECK(infra->find("attained")->is(json::Kind::boolean));
  const auto metrics = infra->find("metrics")->items();
  REQUIRE(metrics.size() == 5);
  CHECK(metrics[0].find("id")->text() == "net_customer_adds");
  CHECK(metrics[0].find("category")->text() == "performance");
  CHECK(metrics[0].find("value")->text() == "1");  // 333.33 + 333.33 + 333.34 = 1000.00 exactly
  CHECK(metrics[0].find("points")->text() == "10");
  CHECK(metrics[0].find("max")->text() == "30");
  CHECK(metrics[0].find("explain")->items().size() >= 3);
  // Growth (1000 - 300) / 300 = 233.33...%: the value is exact to 6 places, rounded down.
  CHECK(metrics[3].find("id")->text() == "usage_growth");
  CHECK(metrics[3].find("value")->text() == "233.333333");
  CHECK(metrics[3].find("points")->text() == "20");
}

TEST_CASE("report: the table shows each designation with its verdict and total") {
  const auto result = score(compiled("rulesets/2023-06"), partner_from(partner), "2024-06");
  const auto table = pcs::cli::render_table(result, false);
  CHECK(table.find("Partner contoso  ·  as of 2024-06  ·  program 2023-06") == 0);
  CHECK(table.find("Solutions Partner for Data & AI (Azure)\n  not attained · total 32 / 100") != std::string::npos);
  CHECK(table.find("    Net customer adds                                1 customer         10 / 30") != std::string::npos);
}
