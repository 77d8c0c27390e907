// Applying what-if edits to a partner (data/edits.hpp). The loader checked
// each element's shape; here each edit is checked against the partner it is
// applied to, so a plan or a hand-written file that names a person or tenant
// the partner does not have is an error, never a silent no-op.
#include "data/edits.hpp"

#include <algorithm>

#include "data/values.hpp"

namespace pcs::data {
namespace {

std::string name_of(Symbol s) { return std::string(symbols().name(s)); }

}  // namespace

bool apply_edits(const Edits& edits, Partner& partner, Diagnostics& out) {
  bool ok = true;
  auto fail = [&](const SourcePos& pos, std::string message) {
    out.error("edits", pos, std::move(message));
    ok = false;
  };
  auto find_person = [&](Symbol id) {
    return std::find_if(partner.people.begin(), partner.people.end(), [&](const Person& p) { return p.id == id; });
  };
  auto find_customer = [&](Symbol tenant) -> std::optional<std::uint32_t> {
    for (std::uint32_t i = 0; i < partner.customers.size(); ++i)
      if (partner.customers[i].tenant == tenant) return i;
    return std::nullopt;
  };

  for (std::size_t i = 0; i < edits.add_people.size(); ++i) {
    const Person& p = edits.add_people[i];
    const SourcePos pos = i < edits.add_people_pos.size() ? edits.add_people_pos[i] : SourcePos{};
    if (find_person(p.id) != partner.people.end()) {
      fail(pos, "add_people[" + std::to_string(i) + "].id: the partner already has a person " + quoted(name_of(p.id)));
      continue;
    }
    partner.people.push_back(p);
  }
  for (std::size_t i = 0; i < edits.add_certifications.size(); ++i) {
    const auto& c = edits.add_certifications[i];
    auto person = find_person(c.person);
    if (person == partner.people.end()) {
      fail(c.pos, "add_certifications[" + std::to_string(i) + "].person: the partner has no person " +
                      quoted(name_of(c.person)));
      continue;
    }
    person->certifications.push_back(c.certification);
  }
  for (std::size_t i = 0; i < edits.add_customers.size(); ++i) {
    const Customer& c = edits.add_customers[i];
    const SourcePos pos = i < edits.add_customers_pos.size() ? edits.add_customers_pos[i] : SourcePos{};
    if (find_customer(c.tenant)) {
      fail(pos, "add_customers[" + std::to_string(i) + "].tenant: the partner already has a tenant " +
                    quoted(name_of(c.tenant)));
      continue;
    }
    const auto index = std::uint32_t(partner.customers.size());
    partner.customers.push_back(c);
    const UsageTable& u = edits.add_customers_usage;
    for (std::size_t r = 0; r < u.size(); ++r)
      if (u.customer[r] == i)
        partner.usage.append({index, u.month[r], u.measure[r], u.value[r], u.service[r], u.service_group[r],
                              u.workload[r], u.product[r], u.offer[r], u.association[r], u.area[r],
                              u.service_level_4[r], u.service_influencer[r]});
  }
  for (std::size_t i = 0; i < edits.add_usage.size(); ++i) {
    const auto& e = edits.add_usage[i];
    auto customer = find_customer(e.tenant);
    if (!customer) {
      fail(e.pos, "add_usage[" + std::to_string(i) + "].tenant: the partner has no tenant " + quoted(name_of(e.tenant)) +
                      " (add it with add_customers)");
      continue;
    }
    UsageRow row = e.row;
    row.customer = *customer;
    partner.usage.append(row);
  }
  for (std::size_t i = 0; i < edits.remove_people.size(); ++i) {
    auto person = find_person(edits.remove_people[i]);
    if (person == partner.people.end()) {
      fail(i < edits.remove_people_pos.size() ? edits.remove_people_pos[i] : SourcePos{},
           "remove_people[" + std::to_string(i) + "]: the partner has no person " +
               quoted(name_of(edits.remove_people[i])));
      continue;
    }
    partner.people.erase(person);
  }
  return ok;
}

}  // namespace pcs::data
