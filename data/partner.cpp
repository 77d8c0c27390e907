#include "data/partner.hpp"

#include <algorithm>

namespace pcs::data {

std::optional<MonthIndex> Partner::latest_month() const {
  if (usage.month.empty()) return std::nullopt;
  return *std::max_element(usage.month.begin(), usage.month.end());
}

}  // namespace pcs::data
