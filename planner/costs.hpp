// What each kind of planned action costs (planner/default-costs.json, or a
// file given with `pcs plan --costs FILE`, docs/guide.md "Planning"). The
// planner minimises the total cost of a plan, then its number of actions.
// Costs are exact decimals in one unit (hours by default).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/decimal.hpp"
#include "common/diagnostics.hpp"
#include "common/symbols.hpp"

namespace pcs::planner {

struct UsageCost {
  Decimal per;   // an amount of the measure's unit (1000 USD) ...
  Decimal cost;  // ... costs this much when added to a month (8 h)
};

struct Costs {
  std::string unit = "h";
  Decimal certification;  // each exam a person passes
  Decimal new_customer;   // winning one more customer tenant
  Decimal new_service;    // deploying one more service at a customer
  std::map<Symbol, UsageCost> usage;  // by measure; a measure not listed costs nothing per amount

  /// The cost of `amount` of `measure` in one month.
  Decimal usage_cost(Symbol measure, const Decimal& amount) const;
  /// "12 h"
  std::string format(const Decimal& cost) const;
};

/// The defaults, the same as planner/default-costs.json (a test checks it).
Costs default_costs();

/// Parses a costs file; every problem is reported at its line:col with the
/// JSON path (`usage.acr.per: expected a number above 0`).
std::optional<Costs> load_costs_json(std::string_view text, const std::string& file_name, Diagnostics& out);
std::optional<Costs> load_costs_file(const std::string& path, SourceFiles& sources, Diagnostics& out);

}  // namespace pcs::planner
