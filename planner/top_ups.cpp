// Top-ups of existing rows just below a rule's number (planner/top_ups.hpp).
#include "planner/top_ups.hpp"

#include <algorithm>
#include <map>

namespace pcs::planner {

std::vector<Action> top_ups(const UsageQuery& q, const std::set<Decimal>& numbers, const std::vector<Decimal>& own,
                            const data::Partner& partner, MonthIndex as_of) {
  const auto& u = partner.usage;
  auto passes = [&](const Dimensions& dims) {
    for (const auto& [field, filter] : q.filters) {
      const int d = dimension_of(field);
      if (d < 0) continue;  // not a row dimension (tenant, month, ...)
      const Symbol v = dims[std::size_t(d)];
      if (filter.excluded.count(v)) return false;
      if (filter.allowed && std::find(filter.allowed->begin(), filter.allowed->end(), v) == filter.allowed->end())
        return false;
    }
    return true;
  };
  std::map<std::pair<std::uint32_t, Dimensions>, Decimal> groups;
  for (std::size_t r = 0; r < u.size(); ++r) {
    if (u.measure[r] != q.measure || u.month[r] != as_of) continue;
    const Dimensions dims = {u.service[r], u.service_group[r], u.workload[r], u.product[r], u.offer[r],
                             u.association[r], u.area[r], u.service_level_4[r], u.service_influencer[r]};
    if (!passes(dims)) continue;
    groups[{u.customer[r], dims}] += Decimal::from_micros(u.value[r]);
  }
  struct Near {
    Decimal gap;
    std::uint32_t customer;
    Dimensions dims;
  };
  std::vector<Near> near;
  for (const auto& [key, value] : groups) {
    auto above = numbers.lower_bound(value);  // the least number at or above the group's value
    if (above != numbers.end()) near.push_back({*above - value, key.first, key.second});
  }
  std::stable_sort(near.begin(), near.end(), [](const Near& a, const Near& b) { return a.gap < b.gap; });
  std::vector<Action> out;
  const Decimal cent = Decimal::ratio(1, 100);
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) {
    Action a;
    a.kind = Action::Kind::add_usage;
    RowSpec row;
    row.measure = q.measure;
    row.dims = near[i].dims;
    a.rows = {row};
    a.months = {0};
    a.existing = partner.customers[near[i].customer].tenant;
    std::set<Decimal> amounts(own.begin(), own.end());
    if (near[i].gap > Decimal()) amounts.insert(near[i].gap);
    amounts.insert(near[i].gap + cent);
    a.amounts.assign(amounts.begin(), amounts.end());
    a.amount = a.amounts.front();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace pcs::planner
