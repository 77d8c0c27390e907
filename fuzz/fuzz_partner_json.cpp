// Fuzz target: any text as a partner JSON file. The loader must return a
// partner or located diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/json_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pcs::Diagnostics diags;
  auto partner = pcs::data::load_partner_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", diags);
  if (!partner && diags.error_count() == 0) __builtin_trap();
  return 0;
}
