// What-if edits: a small document of changes to one partner's data, in the
// contract's own shapes (docs/data-contract.md, "What-if edits"), so that any
// tool can write or apply it. `pcs what-if` reads one; `pcs plan` writes its
// plans as one. Every element keeps its source position so that an edit that
// does not fit the partner (an unknown person, a duplicate tenant) is
// reported where it is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "data/partner.hpp"

namespace pcs::data {

/// `add_certifications[]`: a certification given to a person of the partner.
struct CertificationEdit {
  Symbol person = no_symbol;
  Certification certification;
  SourcePos pos;
};

/// `add_usage[]`: one usage row added to a tenant (of the partner, or added).
struct UsageEdit {
  Symbol tenant = no_symbol;
  UsageRow row;  // row.customer is set when applied
  SourcePos pos;
};

struct Edits {
  std::vector<Person> add_people;
  std::vector<SourcePos> add_people_pos;
  std::vector<CertificationEdit> add_certifications;
  std::vector<Customer> add_customers;
  std::vector<SourcePos> add_customers_pos;
  UsageTable add_customers_usage;  // the usage of add_customers; `customer` indexes add_customers
  std::vector<UsageEdit> add_usage;
  std::vector<Symbol> remove_people;
  std::vector<SourcePos> remove_people_pos;

  bool empty() const {
    return add_people.empty() && add_certifications.empty() && add_customers.empty() && add_usage.empty() &&
           remove_people.empty();
  }
};

/// Parses and validates an EDITS document with the partner loader's rules and
/// messages (`add_customers[0].usage[2].month: expected YYYY-MM, got "2024-13"`).
std::optional<Edits> load_edits_json(std::string_view text, const std::string& file_name, Diagnostics& out);
/// Reads the file (registering its text in `sources`) and loads it.
std::optional<Edits> load_edits_file(const std::string& path, SourceFiles& sources, Diagnostics& out);

/// Applies `edits` to `partner` in the document's order: add_people,
/// add_certifications, add_customers, add_usage, remove_people. An edit that
/// does not fit (a person or tenant that does not exist, an id already used)
/// is an error at its position; returns false when there was one.
bool apply_edits(const Edits& edits, Partner& partner, Diagnostics& out);

}  // namespace pcs::data
