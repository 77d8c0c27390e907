#include "data/partner.hpp"

#include <algorithm>
#include <string>

namespace pcs::data {

std::optional<MonthIndex> Partner::latest_month() const {
  if (usage.month.empty()) return std::nullopt;
  return *std::max_element(usage.month.begin(), usage.month.end());
}

std::string Partner::usage_row_origin(std::size_t r) const {
  if (r < usage_lines.size()) return usage_file + ":" + std::to_string(usage_lines[r]);
  if (r >= usage_json_rows || r >= usage.size()) return {};
  const auto c = usage.customer[r];
  std::size_t k = 0;  // rows of the same customer before r: only on an error, so counted, not stored
  for (std::size_t s = 0; s < r; ++s) k += usage.customer[s] == c;
  return usage_file + ": customers[" + std::to_string(c) + "].usage[" + std::to_string(k) + "]";
}

void UsageTable::append(const UsageRow& r) {
  customer.push_back(r.customer);
  month.push_back(r.month);
  measure.push_back(r.measure);
  value.push_back(r.value);
  service.push_back(r.service);
  service_group.push_back(r.service_group);
  workload.push_back(r.workload);
  product.push_back(r.product);
  offer.push_back(r.offer);
  association.push_back(r.association);
  area.push_back(r.area);
  service_level_4.push_back(r.service_level_4);
  service_influencer.push_back(r.service_influencer);
}

}  // namespace pcs::data
