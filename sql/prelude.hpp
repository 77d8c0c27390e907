// The typed tables every script starts with: the contract's five CSV tables,
// loaded with every column as text, checked and converted exactly (months to
// month indexes year*12+month-1, values to integer millionths, dates to
// their month), and the scope table: one row per partner that can be scored,
// with its as-of month and the attributes the rules read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "sql/dialect.hpp"

namespace pcs::sql {

/// The statements that build pcs_usage, pcs_customers, pcs_associations,
/// pcs_certifications, pcs_people, pcs_bad_partners and pcs_scope.
std::string typed_tables(const Dialect& d, std::optional<MonthIndex> as_of, const std::vector<std::string>& attributes);

}  // namespace pcs::sql
