// The planner's working copy of a partner (planner/trial.hpp).
#include "planner/trial.hpp"

#include <cassert>

namespace pcs::planner {
namespace {

/// Keeps the first `n` rows of every column. The size check fails to compile
/// when a column is added to the table, so that it is not forgotten here.
void truncate(data::UsageTable& u, std::size_t n) {
  static_assert(sizeof(data::UsageTable) == 13 * sizeof(std::vector<std::uint32_t>),
                "a column was added to data::UsageTable: truncate it here too");
  u.customer.resize(n);
  u.month.resize(n);
  u.measure.resize(n);
  u.value.resize(n);
  u.service.resize(n);
  u.service_group.resize(n);
  u.workload.resize(n);
  u.product.resize(n);
  u.offer.resize(n);
  u.association.resize(n);
  u.area.resize(n);
  u.service_level_4.resize(n);
  u.service_influencer.resize(n);
}

}  // namespace

TrialPartner::TrialPartner(const data::Partner& partner)
    : work_(partner),
      view_(work_),
      people_(work_.people.size()),
      customers_(work_.customers.size()),
      rows_(work_.usage.size()),
      associations_(view_.association_tenant.size()) {
  for (const auto& p : work_.people) certifications_.push_back(p.certifications.size());
}

void TrialPartner::restore() {
  work_.people.resize(people_);
  for (std::size_t i = 0; i < people_; ++i) work_.people[i].certifications.resize(certifications_[i]);
  work_.customers.resize(customers_);
  truncate(work_.usage, rows_);
  view_.usage_tenant.resize(rows_);
  view_.association_tenant.resize(associations_);
  view_.association_type.resize(associations_);
  view_.association_since.resize(associations_);
}

eval::DesignationResult TrialPartner::score(const Ruleset& ruleset, const ast::DesignationDecl& d, MonthIndex as_of,
                                            const data::Edits& edits) {
  assert(edits.remove_people.empty());
  Diagnostics ignored;  // the planner's own edits always fit the partner
  data::apply_edits(edits, work_, ignored);
  // The view's columns for what was added, as eval::PartnerView builds them.
  for (std::size_t r = rows_; r < work_.usage.size(); ++r)
    view_.usage_tenant.push_back(work_.customers[work_.usage.customer[r]].tenant);
  for (std::size_t c = customers_; c < work_.customers.size(); ++c)
    for (const auto& a : work_.customers[c].associations) {
      view_.association_tenant.push_back(work_.customers[c].tenant);
      view_.association_type.push_back(a.type);
      view_.association_since.push_back(month_of(a.since));
    }
  eval::Options options;
  options.as_of = as_of;
  options.designations = {d.id};
  options.specializations = false;
  options.explain = false;  // a trial's figures are compared, never shown; the verified plan is scored in full
  auto result = eval::evaluate(ruleset, view_, options);
  restore();
  return result.designations.empty() ? eval::DesignationResult{} : std::move(result.designations.front());
}

}  // namespace pcs::planner
