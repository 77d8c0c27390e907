// The awards part of `pcs sql --part awards`: badges and specializations, one
// row per partner and award, mirroring the `badges[]` and `specializations[]`
// of the results JSON (docs/data-contract.md):
//   partner, kind, award, name, designation, published,
//   designation_attained, attained, explain
// `attained` is the badge's `attained` or the specialization's `passed`
// (NULL when its requirements are not published); `explain` is the
// specialization's `explain[]` lines joined by a newline, word for word as
// `pcs eval --explain` writes them. awards.cpp compiles each award into a
// CTE (script_builder.hpp) and writes the final SELECT over them.
#pragma once

#include <string>
#include <vector>

#include "sql/dialect.hpp"

namespace pcs::sql {

/// One badge or specialization as compiled: its CTE has `partner_id` and,
/// for a badge, `attained`; for a published specialization,
/// `designation_attained` and one column `r1`, `r2`, ... per requirement.
struct CompiledAward {
  bool badge = false;
  std::string id, name;
  std::string designation;  // specializations: "a or b", as in the JSON
  bool published = true;    // false: `requirements not published` (no CTE)
  std::string cte;
  std::vector<std::string> requirements;  // each requirement's text, in order
};

/// The final SELECT of the awards part, ordered by partner, kind and award.
std::string awards_select(const Dialect& d, const std::vector<CompiledAward>& awards);

}  // namespace pcs::sql
