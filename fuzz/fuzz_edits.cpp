// Fuzz target: any text as a what-if EDITS file (data/edits.*). The loader
// must return edits or located diagnostics; edits that load are then applied
// to a fixed partner, which must either take them or say where they do not fit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/edits.hpp"
#include "data/json_loader.hpp"

namespace {
const char* const partner_json = R"({"partner": {"id": "p-1", "name": "Fuzz"},
  "people": [{"id": "ana", "certifications": [{"code": "AZ-104", "earned": "2024-01-10"}]}],
  "customers": [{"tenant": "t-1", "segment": "smb", "associations": [{"type": "PAL", "since": "2023-01-01"}],
    "usage": [{"month": "2024-06", "measure": "acr", "value": 1000, "association": "PAL"}]}]})";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto partner = [] {
    pcs::Diagnostics diags;
    auto p = pcs::data::load_partner_json(partner_json, "partner.json", diags);
    if (!p) __builtin_trap();
    return *p;
  }();
  pcs::Diagnostics diags;
  auto edits = pcs::data::load_edits_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", diags);
  if (!edits) {
    if (diags.error_count() == 0) __builtin_trap();  // refused without saying why
    return 0;
  }
  auto copy = partner;
  pcs::Diagnostics applied;
  if (!pcs::data::apply_edits(*edits, copy, applied) && applied.error_count() == 0) __builtin_trap();
  return 0;
}
