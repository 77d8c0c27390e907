#include "data/partner.hpp"

#include <algorithm>

namespace pcs::data {

std::optional<MonthIndex> Partner::latest_month() const {
  if (usage.month.empty()) return std::nullopt;
  return *std::max_element(usage.month.begin(), usage.month.end());
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
