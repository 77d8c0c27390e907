// Validating the rows of each CSV table with the rules and messages of the
// JSON loader (data/values.hpp): certifications, customers, associations and
// usage; an invalid row is skipped and fails its partner.
#include "data/csv_loader_state.hpp"

namespace pcs::data::csv_detail {

void Row::error(const csv::Field& f, int k, std::string message) {
  bad = true;
  loader.error(builder, {Severity::error, "partner-data", SourcePos{file.path, f.line, f.column, 1},
                         std::string(file.columns[std::size_t(k)]) + ": " + std::move(message), {}});
}

// A non-empty cell; an empty cell is absent.
std::optional<std::string_view> Row::name(int k, bool req) {
  const csv::Field* f = at(k);
  if (f == nullptr || f->text.empty()) {
    if (req && f != nullptr) error(*f, k, "missing required field");
    return std::nullopt;
  }
  return f->text;
}

Symbol Row::choice(int k, bool req, std::span<const std::string_view> allowed) {
  auto text = name(k, req);
  if (!text) return no_symbol;
  if (std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
    error(*at(k), k, one_of(allowed) + ", got " + quoted(*text));
    return no_symbol;
  }
  return loader.cache().intern(*text);
}

std::optional<DayNumber> Row::date(int k, bool req) {
  auto text = name(k, req);
  if (!text) return std::nullopt;
  auto day = parse_date(*text);
  if (!day) error(*at(k), k, "expected YYYY-MM-DD, got " + quoted(*text));
  return day;
}


std::optional<std::uint32_t> Loader::tenant(Row& row, int k) {
  auto text = row.name(k, true);
  if (!text) return std::nullopt;
  // A partner's tenants recur row after row: the cache answers most rows.
  TenantSlot& slot = tenant_slot(*text);
  if (&row.builder == slot.builder && *text == slot.text) return slot.index;
  const auto symbol = symbols().find(*text);
  auto it = symbol ? row.builder.tenants.find(*symbol) : row.builder.tenants.end();
  if (it != row.builder.tenants.end()) {
    slot.builder = &row.builder;
    slot.text.assign(*text);
    slot.index = it->second.index;
    return it->second.index;
  }
  stray(row.file, at(row.file, *row.at(k), "partner-data",
                     "tenant: unknown tenant " + quoted(*text) + " of partner " + quoted(row.builder.partner.id) +
                         " (not in customers.csv)"));
  row.skip = true;
  return std::nullopt;
}

void Loader::partner_row(File& f, const csv::Record& r) {
  const auto id = partner_id(f, r);
  const auto problem = structure(f, r);
  Builder* b = id && !id->empty() ? find(*id) : nullptr;
  if (b == nullptr && id && !id->empty()) {
    index_.emplace(*id, builders_.size());
    b = &builders_.emplace_back();
    b->partner.id = std::string(*id);
    b->line = r.line;
  } else if (b != nullptr && !problem) {
    const csv::Field& field = f.table.fields[r.first + std::size_t(f.at[p_partner])];
    error(*b, at(f, field, "partner-data",
                 "partner_id: duplicate partner " + quoted(*id) + " (first at line " + std::to_string(b->line) + ")"));
    return;
  }
  if (problem) {
    if (b != nullptr) error(*b, std::move(*problem));
    else stray(f, std::move(*problem));
    return;
  }
  if (b == nullptr) {  // an empty partner_id
    stray(f, at(f, f.table.fields[r.first + std::size_t(f.at[p_partner])], "partner-data",
                "partner_id: missing required field"));
    return;
  }
  Row row{*this, f, *b, f.table.fields_of(r)};
  Partner& p = b->partner;
  p.name = std::string(row.at(p_name)->text);
  p.market = row.choice(p_market, false, markets);
  for (std::size_t i : f.attributes)
    if (!row.fields[i].text.empty()) p.attributes.emplace(std::string(f.header(i)), std::string(row.fields[i].text));
}

void Loader::certification_row(Row& row) {
  Partner& p = row.builder.partner;
  const auto person = row.name(c_person, true);
  const auto code = row.name(c_code, true);
  const auto earned = row.date(c_earned, true);
  const auto expires = row.date(c_expires, false);
  if (earned && expires && *expires < *earned)
    row.error(*row.at(c_expires), c_expires,
              "expected a date not before earned (" + format_date(*earned) + "), got " +
                  quoted(row.at(c_expires)->text));
  if (!person) return;
  const Symbol id = symbols().intern(*person);
  auto [it, fresh] = row.builder.people.emplace(id, std::uint32_t(p.people.size()));
  if (fresh) p.people.push_back(Person{id, {}});
  if (!row.bad) p.people[it->second].certifications.push_back({cache_.intern(*code), *earned, expires});
}

void Loader::customer_row(Row& row, const csv::Record& r) {
  Partner& p = row.builder.partner;
  const auto text = row.name(k_tenant, true);
  const Symbol segment = row.choice(k_segment, false, segments);
  if (!text) return;
  const Symbol tenant = symbols().intern(*text);
  auto [it, fresh] = row.builder.tenants.emplace(tenant, Tenant{std::uint32_t(p.customers.size()), r.line});
  if (!fresh) {
    row.error(*row.at(k_tenant), k_tenant,
              "duplicate tenant " + quoted(*text) + " (first at line " + std::to_string(it->second.line) + ")");
    return;
  }
  p.customers.push_back(Customer{tenant, segment, {}});
}

void Loader::association_row(Row& row) {
  const auto customer = tenant(row, a_tenant);
  if (row.skip) return;
  const Symbol type = row.choice(a_type, true, association_types);
  const auto since = row.date(a_since, true);
  if (customer && !row.bad) row.builder.partner.customers[*customer].associations.push_back({type, *since});
}

void Loader::usage_row(Row& row) {
  const auto customer = tenant(row, u_tenant);
  if (row.skip) return;
  std::optional<MonthIndex> month;
  if (auto text = row.name(u_month, true)) {
    month = parse_month(*text);
    if (!month) row.error(*row.at(u_month), u_month, "expected YYYY-MM, got " + quoted(*text));
  }
  const Symbol measure = row.choice(u_measure, true, measures);
  std::optional<std::int64_t> value;
  if (auto text = row.name(u_value, true)) {
    std::string problem;
    value = parse_micros(*text, problem);
    if (!value) row.error(*row.at(u_value), u_value, std::move(problem));
  }
  auto dimension = [&](int k) {
    auto text = row.name(k, false);
    return text ? cache_.intern(*text) : no_symbol;
  };
  const Symbol service = dimension(u_service), service_group = dimension(u_service_group),
               workload = dimension(u_workload), product = dimension(u_product), offer = dimension(u_offer);
  const Symbol association = row.choice(u_association, false, association_types);
  const Symbol area = dimension(u_area);
  const Symbol service_level_4 = dimension(u_service_level_4),
               service_influencer = dimension(u_service_influencer);
  if (!customer || row.bad) return;
  row.builder.partner.usage.append({*customer, *month, measure, *value, service, service_group, workload, product, offer,
                                    association, area, service_level_4, service_influencer});
  note_usage_line(row.builder.partner, row.file, row.fields.empty() ? 0 : row.fields[0].line);
}


}  // namespace pcs::data::csv_detail
