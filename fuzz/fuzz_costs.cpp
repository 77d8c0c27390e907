// Fuzz target: any text as the planner's costs file (planner/costs.*). The
// loader must return costs or located diagnostics; loaded costs must price
// an amount and print without throwing anything but an arithmetic_error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/symbols.hpp"
#include "planner/costs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pcs::Diagnostics diags;
  auto costs = pcs::planner::load_costs_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", diags);
  if (!costs) {
    if (diags.error_count() == 0) __builtin_trap();  // refused without saying why
    return 0;
  }
  try {
    const auto cost = costs->usage_cost(pcs::symbols().intern("acr"), pcs::Decimal::from_int(12345));
    (void)costs->format(cost);
    (void)costs->format(costs->certification + costs->new_customer + costs->new_service);
  } catch (const pcs::arithmetic_error&) {
  }
  return 0;
}
