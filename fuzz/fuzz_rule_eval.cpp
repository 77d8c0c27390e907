// Fuzz target: the input is a rule file added to a ruleset folder; when it
// parses and checks, it is evaluated against a fixed partner. Every phase
// must end in results or located diagnostics: no crash, no hang (the time
// budget is short), no exception escaping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/json_loader.hpp"
#include "fuzz/fuzz_support.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"

namespace {

const char* partner_json = R"({
  "partner": { "id": "fuzz", "market": "other", "attributes": { "path": "smb", "n": 3 } },
  "people": [ { "id": "a", "certifications": [ { "code": "AZ-104", "earned": "2023-01-01" },
                                               { "code": "AZ-305", "earned": "2023-02-01", "expires": "2025-01-01" } ] },
              { "id": "b", "certifications": [ { "code": "AZ-104", "earned": "2023-03-01" } ] } ],
  "customers": [
    { "tenant": "t1", "segment": "smb", "associations": [ { "type": "PAL", "since": "2023-01-01" } ],
      "usage": [ { "month": "2024-05", "measure": "acr", "value": 1000.5, "service": "Azure App Service", "association": "PAL" },
                 { "month": "2024-06", "measure": "acr", "value": -3, "offer": "Support", "association": "CSP1" },
                 { "month": "2024-06", "measure": "mau", "value": 40, "workload": "Teams", "association": "CPOR" } ] },
    { "tenant": "t2", "usage": [ { "month": "2023-06", "measure": "pau", "value": 301, "workload": "Teams" } ] } ]
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto partner = [] {
    pcs::Diagnostics d;
    return pcs::data::load_partner_json(partner_json, "partner.json", d);
  }();
  const auto dir = pcs::fuzz::scratch("eval");
  pcs::fuzz::write(dir / "program.pcs", "program \"fuzz\" { effective 2024-01-01 }\nimport \"std/usage.pcs\"\nimport \"std/people.pcs\"\nimport \"std/certifications.pcs\"\n");
  pcs::fuzz::write(dir / "rules.pcs", std::string_view(reinterpret_cast<const char*>(data), size));
  pcs::SourceFiles sources;
  pcs::Diagnostics diags;
  auto ruleset = pcs::compile_ruleset(dir.string(), sources, diags);
  if (!ruleset) {
    if (diags.error_count() == 0) __builtin_trap();  // refused without saying why
    return 0;
  }
  pcs::eval::Options options;
  options.as_of = pcs::parse_month("2024-06");
  options.limit_ms = 200;
  (void)pcs::eval::evaluate(*ruleset, *partner, options);
  return 0;
}
