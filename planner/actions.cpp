// Candidate actions from the facts of the rules (planner/actions.hpp).
//
// People: a new person holding every code a `people holding` chain asks for
// (MS-500 + AZ-500 + SC-200 for a chain of two `holding`s), or an existing
// person completing a multi-exam certification. Usage: a row per query the
// rules read, its dimensions set from the constant filters of the query's
// `where`s (the first allowed value, one variant per association type since
// `choose path` unions the paths' sets), a new service name when the rules
// count distinct services, in the as-of month, and also the month before
// when a query reads M - 1; its amount is searched among the numbers the
// metric compares with. Retired certifications (`counts through` before the
// as-of month) yield no action.
#include "planner/actions.hpp"
#include "planner/top_ups.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace pcs::planner {
namespace {

std::string name(Symbol s) { return std::string(symbols().name(s)); }

constexpr int association_dim = 5;

bool holds_code(const data::Person& p, Symbol code, MonthIndex m) {
  return std::any_of(p.certifications.begin(), p.certifications.end(), [&](const data::Certification& c) {
    return c.code == code && c.earned <= last_day(m) && (!c.expires || *c.expires >= first_day(m));
  });
}

bool countable(const PersonTemplate& t, MonthIndex as_of) {
  return std::all_of(t.all.begin(), t.all.end(),
                     [&](const ast::CertRequirement* r) { return !r->counts_through || *r->counts_through >= as_of; });
}

/// The rows a query would read, one variant per allowed association type.
std::vector<RowSpec> specs_of(const UsageQuery& q) {
  RowSpec base;
  base.measure = q.measure;
  std::vector<Symbol> associations;
  for (const auto& [field, filter] : q.filters) {
    const int d = dimension_of(field);
    if (d < 0) continue;
    if (field == Field::service && (filter.keyed || !filter.excluded.empty()) && !filter.allowed) {
      base.fresh_service = true;
      continue;
    }
    if (!filter.allowed) {
      // Grouped by a dimension the rule does not restrict (2022-05 Security's
      // protected users "by tenant, workload, month"): a row without that
      // dimension falls in no group and would not count, so the planned row
      // names one (tests/planner/plans_2022_05.cpp, Security).
      if (filter.keyed && d != association_dim)
        base.dims[std::size_t(d)] = symbols().intern("Planned " + std::string(field_name(field)));
      continue;  // otherwise absent: an ordinary offer, no restriction
    }
    std::vector<Symbol> ok;
    for (auto s : *filter.allowed)
      if (!filter.excluded.count(s) && std::find(ok.begin(), ok.end(), s) == ok.end()) ok.push_back(s);
    if (ok.empty()) return {};  // nothing can pass this filter
    if (d == association_dim) associations = ok;
    else base.dims[std::size_t(d)] = ok.front();
  }
  if (associations.empty()) return {base};
  std::vector<RowSpec> out;
  for (std::size_t i = 0; i < associations.size() && i < 4; ++i) {
    RowSpec s = base;
    s.dims[association_dim] = associations[i];
    out.push_back(s);
  }
  return out;
}

std::vector<Decimal> amounts_of(const Facts& f) {
  std::set<Decimal> all;
  for (const auto& n : f.numbers) {
    all.insert(n);
    all.insert(n * Decimal::from_int(12));  // a monthly average over twelve months, read from one month
  }
  std::vector<Decimal> out(all.begin(), all.end());
  const std::size_t keep = 5;
  if (out.size() > keep) {  // an even spread, smallest and largest included
    std::vector<Decimal> spread;
    for (std::size_t i = 0; i < keep; ++i) spread.push_back(out[i * (out.size() - 1) / (keep - 1)]);
    out = spread;
  }
  if (out.empty()) out.push_back(Decimal::from_int(1));
  return out;
}

}  // namespace

int dimension_of(Field f) {
  switch (f) {
    case Field::service: return 0;
    case Field::service_group: return 1;
    case Field::workload: return 2;
    case Field::product: return 3;
    case Field::offer: return 4;
    case Field::association: return 5;
    case Field::area: return 6;
    case Field::service_level_4: return 7;
    case Field::service_influencer: return 8;
    default: return -1;
  }
}

bool Action::operator==(const Action& o) const {
  return kind == o.kind && person.all == o.person.all && existing == o.existing && missing == o.missing &&
         count == o.count && rows == o.rows && months == o.months && amount == o.amount;
}

std::vector<Action> candidate_actions(const std::vector<Facts>& facts, const std::vector<std::string>& metric_ids,
                                      const data::Partner& partner, MonthIndex as_of) {
  std::vector<Action> out;
  auto add = [&](Action a) {
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(std::move(a));
  };
  for (std::size_t m = 0; m < facts.size(); ++m) {
    const Facts& f = facts[m];
    for (const auto& t : f.people) {
      if (!countable(t, as_of)) continue;
      Action a;
      a.kind = Action::Kind::new_people;
      a.metric = metric_ids[m];
      a.person = t;
      add(a);
      // People who hold part of a multi-exam certification: the missing
      // exams, fewest first. A person who already counts for the metric
      // (holds every code of one of its templates) is left out: completing
      // another template brings nothing. Before, the first three partial
      // holders in file order were taken, which could all be people who
      // already counted (tests/planner/plans_2022_10.cpp, Security: x7 holds
      // MS-500 + AZ-500 and one SC exam makes a seventh engineer).
      const auto codes = t.codes();
      auto counts_already = [&](const data::Person& p) {
        return std::any_of(f.people.begin(), f.people.end(), [&](const PersonTemplate& other) {
          const auto need = other.codes();
          return std::all_of(need.begin(), need.end(), [&](Symbol c) { return holds_code(p, c, as_of); });
        });
      };
      std::vector<std::pair<std::vector<Symbol>, const data::Person*>> partial;  // missing codes, person
      for (const auto& p : partner.people) {
        std::vector<Symbol> missing;
        for (auto c : codes)
          if (!holds_code(p, c, as_of)) missing.push_back(c);
        if (missing.empty() || missing.size() == codes.size() || counts_already(p)) continue;
        partial.emplace_back(std::move(missing), &p);
      }
      std::stable_sort(partial.begin(), partial.end(),
                       [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
      for (std::size_t i = 0; i < partial.size() && i < 3; ++i) {
        Action c;
        c.kind = Action::Kind::complete_person;
        c.metric = metric_ids[m];
        c.person = t;
        c.existing = partial[i].second->id;
        c.missing = std::move(partial[i].first);
        add(c);
      }
    }
    // Months: the as-of month, and the month before when the rules read it.
    bool reads_before = false;
    for (const auto& q : f.queries) reads_before = reads_before || q.month_offsets.count(-1) > 0;
    std::vector<std::vector<int>> month_sets = {{0}};
    if (reads_before) month_sets.push_back({-1, 0});
    const auto amounts = amounts_of(f);
    for (const auto& q : f.queries) {
      for (const auto& spec : specs_of(q)) {
        // The rows of the metric's other measures for the same customer (paid
        // seats and protected users, PAU and MAU of one workload).
        std::vector<RowSpec> together = {spec};
        for (const auto& other : f.queries) {
          if (other.measure == spec.measure) continue;
          for (const auto& o : specs_of(other))
            if (o.dims[association_dim] == spec.dims[association_dim] &&
                std::find_if(together.begin(), together.end(), [&](const RowSpec& r) { return r.measure == o.measure; }) ==
                    together.end()) {
              RowSpec r = o;
              if (r.dims[2] == no_symbol || spec.dims[2] != no_symbol) r.dims[2] = spec.dims[2];  // same workload
              together.push_back(r);
              break;
            }
        }
        std::vector<std::vector<RowSpec>> row_sets = {{spec}};
        if (together.size() > 1) row_sets.push_back(together);
        for (const auto& months : month_sets)
          for (const auto& rows : row_sets) {
            Action a;
            a.kind = Action::Kind::new_customers;
            a.metric = metric_ids[m];
            a.rows = rows;
            a.months = months;
            a.amounts = amounts;
            a.amount = amounts.front();
            add(a);
            // Existing tenants with rows of this measure: the two largest in the as-of month.
            std::vector<std::pair<std::int64_t, std::uint32_t>> sizes(partner.customers.size());
            for (std::uint32_t c = 0; c < sizes.size(); ++c) sizes[c] = {0, c};
            std::vector<bool> has(partner.customers.size(), false);
            const auto& u = partner.usage;
            for (std::size_t r = 0; r < u.size(); ++r)
              if (u.measure[r] == spec.measure &&
                  (spec.dims[association_dim] == no_symbol || u.association[r] == spec.dims[association_dim])) {
                has[u.customer[r]] = true;
                if (u.month[r] == as_of) sizes[u.customer[r]].first += u.value[r];
              }
            std::sort(sizes.begin(), sizes.end(), [](auto& x, auto& y) { return x.first > y.first; });
            int taken = 0;
            for (const auto& [size, c] : sizes) {
              if (!has[c] || taken == 2) continue;
              ++taken;
              Action e = a;
              e.kind = Action::Kind::add_usage;
              e.existing = partner.customers[c].tenant;
              add(e);
            }
            // Existing tenants associated through the query's association type
            // but without rows of this measure: the earliest associated first.
            // A rule that subtracts the measure at the association's `since`
            // (growth since the claim) counts all of it for a tenant claimed
            // before the window, which a new customer (claimed now) never is.
            if (spec.dims[association_dim] != no_symbol) {
              std::vector<std::pair<DayNumber, std::uint32_t>> claimed;
              for (std::uint32_t c = 0; c < partner.customers.size(); ++c) {
                if (has[c]) continue;
                for (const auto& as : partner.customers[c].associations)
                  if (as.type == spec.dims[association_dim]) {
                    claimed.push_back({as.since, c});
                    break;
                  }
              }
              std::sort(claimed.begin(), claimed.end());
              for (std::size_t i = 0; i < claimed.size() && i < 2; ++i) {
                Action e = a;
                e.kind = Action::Kind::add_usage;
                e.existing = partner.customers[claimed[i].second].tenant;
                add(e);
              }
            }
          }
      }
      for (auto& e : top_ups(q, f.numbers, amounts, partner, as_of)) {
        e.metric = metric_ids[m];
        add(std::move(e));
      }
    }
  }
  return out;
}

Decimal action_cost(const Action& a, const Costs& costs) {
  const Decimal n = Decimal::from_int(a.count);
  switch (a.kind) {
    case Action::Kind::new_people: return n * Decimal::from_int(std::int64_t(a.person.codes().size())) * costs.certification;
    case Action::Kind::complete_person: return Decimal::from_int(std::int64_t(a.missing.size())) * costs.certification;
    case Action::Kind::new_customers:
    case Action::Kind::add_usage: {
      Decimal each = a.kind == Action::Kind::new_customers ? costs.new_customer : Decimal();
      for (const auto& r : a.rows) {
        each += costs.usage_cost(r.measure, a.amount);  // a monthly amount, however many months it is kept
        if (r.fresh_service) each += costs.new_service;
      }
      return n * each;
    }
  }
  return {};
}

std::string describe(const Action& a, const Ruleset& ruleset, const data::Partner&, MonthIndex as_of) {
  auto cert_names = [&](const PersonTemplate& t) {
    std::string s;
    for (const auto* r : t.all) {
      auto it = ruleset.certifications.find(r->label);
      s += (s.empty() ? "" : ", ") + (it != ruleset.certifications.end() ? it->second->title : r->label);
    }
    return s;
  };
  auto rows_text = [&](const Action& x) {
    std::string s;
    for (const auto& r : x.rows) {
      std::string unit;
      auto it = ruleset.measures.find(symbols().name(r.measure));
      if (it != ruleset.measures.end()) unit = " " + it->second->unit;
      std::string dims;
      static constexpr const char* names[dimension_count] = {"service", "service_group", "workload", "product", "offer",
                                                             "association", "area", "service_level_4",
                                                             "service_influencer"};
      for (std::size_t d = 0; d < dimension_count; ++d)
        if (r.dims[d] != no_symbol) dims += fmt::format("{}{} {}", dims.empty() ? "" : ", ", names[d], name(r.dims[d]));
      if (r.fresh_service) dims += std::string(dims.empty() ? "" : ", ") + "a service not used before";
      s += fmt::format("{}{}{} of {}{}", s.empty() ? "" : " and ", x.amount.to_string(6), unit, name(r.measure),
                       dims.empty() ? "" : " (" + dims + ")");
    }
    std::string months;
    for (int m : x.months) months += (months.empty() ? "" : ", ") + format_month(as_of + m);
    return s + " in " + months;
  };
  switch (a.kind) {
    case Action::Kind::new_people:
      return fmt::format("certify {} new {} with {} ({})", a.count, a.count == 1 ? "person" : "people", a.person.label(),
                         cert_names(a.person));
    case Action::Kind::complete_person: {
      std::string codes;
      for (auto c : a.missing) codes += (codes.empty() ? "" : " + ") + name(c);
      return fmt::format("{} passes {} (then holds {})", name(a.existing), codes, cert_names(a.person));
    }
    case Action::Kind::new_customers:
      return fmt::format("win {} new customer {} with {}", a.count, a.count == 1 ? "tenant" : "tenants", rows_text(a));
    case Action::Kind::add_usage: return fmt::format("add {} at tenant {}", rows_text(a), name(a.existing));
  }
  return {};
}

UsedNames::UsedNames(const data::Partner& partner) {
  for (const auto& p : partner.people) people.insert(name(p.id));
  for (const auto& c : partner.customers) tenants.insert(name(c.tenant));
  for (auto s : partner.usage.service) services.insert(name(s));
}

data::Edits to_edits(const std::vector<Action>& actions, const data::Partner& partner, MonthIndex as_of) {
  return to_edits(actions, partner, as_of, UsedNames(partner));
}

data::Edits to_edits(const std::vector<Action>& actions, const data::Partner& partner, MonthIndex as_of,
                     const UsedNames& used) {
  data::Edits e;
  // The ids this document gives, besides those of the partner.
  std::set<std::string> people, tenants, services;
  auto fresh = [](const std::set<std::string>& partner_ids, std::set<std::string>& given, const std::string& stem) {
    for (int i = 1;; ++i) {
      const std::string id = stem + std::to_string(i);
      if (!partner_ids.count(id) && given.insert(id).second) return symbols().intern(id);
    }
  };
  auto row = [&](const RowSpec& r, std::uint32_t customer, MonthIndex month, const Decimal& amount, Symbol service) {
    const auto& d = r.dims;
    const auto micros = std::int64_t(amount.numerator() * 1'000'000 / amount.denominator());
    return data::UsageRow{customer, month, r.measure, micros, r.fresh_service ? service : d[0], d[1], d[2], d[3], d[4],
                          d[5], d[6], d[7], d[8]};
  };
  // A new customer is of the segment most common among the customers that
  // already have rows of its measure, or get them in the plan (else among
  // all customers): a path
  // derived from the segments of the customers with such usage (SMB when
  // most are smb) is not flipped by a customer of another kind.
  auto segment_for = [&](Symbol measure) {
    for (int pass = 0; pass < 2; ++pass) {
      std::map<Symbol, int> seen;
      Symbol best = no_symbol;
      int most = 0;
      std::vector<bool> has(partner.customers.size(), pass == 1);
      if (pass == 0)
        for (std::size_t r = 0; r < partner.usage.size(); ++r)
          if (partner.usage.measure[r] == measure) has[partner.usage.customer[r]] = true;
      if (pass == 0)  // and the tenants the plan adds such rows to
        for (const auto& x : actions)
          if (x.kind == Action::Kind::add_usage &&
              std::any_of(x.rows.begin(), x.rows.end(), [&](const RowSpec& r) { return r.measure == measure; }))
            for (std::size_t c = 0; c < partner.customers.size(); ++c)
              if (partner.customers[c].tenant == x.existing) has[c] = true;
      for (std::size_t c = 0; c < partner.customers.size(); ++c) {
        const Symbol s = partner.customers[c].segment;
        if (has[c] && s != no_symbol && ++seen[s] > most) {
          most = seen[s];
          best = s;
        }
      }
      if (best != no_symbol) return best;
    }
    return no_symbol;
  };
  for (const auto& a : actions) {
    switch (a.kind) {
      case Action::Kind::new_people:
        for (int i = 0; i < a.count; ++i) {
          data::Person p;
          p.id = fresh(used.people, people, "plan-person-");
          for (auto c : a.person.codes()) p.certifications.push_back({c, first_day(as_of), std::nullopt});
          e.add_people.push_back(std::move(p));
        }
        break;
      case Action::Kind::complete_person:
        for (auto c : a.missing) e.add_certifications.push_back({a.existing, {c, first_day(as_of), std::nullopt}, {}});
        break;
      case Action::Kind::new_customers:
        for (int i = 0; i < a.count; ++i) {
          data::Customer c;
          c.tenant = fresh(used.tenants, tenants, "plan-tenant-");
          c.segment = a.rows.empty() ? no_symbol : segment_for(a.rows.front().measure);
          const auto index = std::uint32_t(e.add_customers.size());
          const int first = *std::min_element(a.months.begin(), a.months.end());
          std::set<Symbol> types;
          for (const auto& r : a.rows)
            if (r.dims[association_dim] != no_symbol && types.insert(r.dims[association_dim]).second)
              c.associations.push_back({r.dims[association_dim], first_day(as_of + first)});
          for (const auto& r : a.rows) {
            const Symbol service = r.fresh_service ? fresh(used.services, services, "Planned service ") : no_symbol;
            for (int m : a.months) e.add_customers_usage.append(row(r, index, as_of + m, a.amount, service));
          }
          e.add_customers.push_back(std::move(c));
        }
        break;
      case Action::Kind::add_usage:
        for (const auto& r : a.rows) {
          const Symbol service = r.fresh_service ? fresh(used.services, services, "Planned service ") : no_symbol;
          for (int m : a.months) e.add_usage.push_back({a.existing, row(r, 0, as_of + m, a.amount, service), {}});
        }
        break;
    }
  }
  return e;
}

}  // namespace pcs::planner
