// The partner data model of the contract (shared/spec/partner-data.md), held
// column-wise so the evaluator scans usage at memory speed: every string is an
// interned Symbol, every month an integer, every value exact millionths.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/calendar.hpp"
#include "common/decimal.hpp"
#include "common/symbols.hpp"

namespace pcs::data {

/// A free attribute of `partner.attributes`: string, exact number or boolean.
using AttributeValue = std::variant<std::string, Decimal, bool>;

struct Certification {
  Symbol code = no_symbol;  // "AZ-104"
  DayNumber earned = 0;
  std::optional<DayNumber> expires;
};

struct Person {
  Symbol id = no_symbol;
  std::vector<Certification> certifications;
};

struct Association {
  Symbol type = no_symbol;  // "PAL", "DPOR", "CSP1", "CSP2", "CPOR", "CPOR-RevRec", "DAP"
  DayNumber since = 0;
};

struct Customer {
  Symbol tenant = no_symbol;
  Symbol segment = no_symbol;  // "enterprise" | "smb" | "smc" | no_symbol
  std::vector<Association> associations;
};

/// One usage fact, as the loaders validated it.
struct UsageRow {
  std::uint32_t customer = 0;
  MonthIndex month = 0;
  Symbol measure = no_symbol;
  std::int64_t value = 0;  // exact millionths
  Symbol service = no_symbol, service_group = no_symbol, workload = no_symbol, product = no_symbol,
         offer = no_symbol, association = no_symbol, area = no_symbol, service_level_4 = no_symbol,
         service_influencer = no_symbol;
};

/// One column per field of `customers[].usage[]`; row i of every column is one fact.
struct UsageTable {
  std::vector<std::uint32_t> customer;   // index into Partner::customers
  std::vector<MonthIndex> month;
  std::vector<Symbol> measure;           // "acr", "mau", ...
  std::vector<std::int64_t> value;       // exact millionths (value × 10^6)
  std::vector<Symbol> service, service_group, workload, product, offer, association, area;
  std::vector<Symbol> service_level_4, service_influencer;  // contract extensions (docs/data-contract.md)

  std::size_t size() const { return month.size(); }
  void append(const UsageRow& row);
};

struct Partner {
  std::string id;
  std::string name;
  Symbol market = no_symbol;  // "larger" | "other" | no_symbol
  std::map<std::string, AttributeValue, std::less<>> attributes;
  std::vector<Person> people;
  std::vector<Customer> customers;
  UsageTable usage;
  /// Where the usage rows were read, so that a message about one row (a sum
  /// that overflows) can name it: the file, then for CSV the line of each
  /// row, or for JSON the rows read (row r is customers[c].usage[k], in order).
  /// Rows added later (what-if edits) are past both.
  std::string usage_file;
  std::vector<std::uint32_t> usage_lines;
  std::size_t usage_json_rows = 0;
  /// `dir/usage.csv:17` or `p.json: customers[2].usage[5]`; empty for a row read from no file.
  std::string usage_row_origin(std::size_t r) const;

  /// The latest month present in the usage data: the default as-of month.
  std::optional<MonthIndex> latest_month() const;
};

}  // namespace pcs::data
