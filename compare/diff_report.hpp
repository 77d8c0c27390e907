// `pcs diff` and `pcs serve`'s diff: a version comparison as a terminal
// table or as JSON, both listing the `top` most affected partners.
#pragma once

#include <string>
#include <vector>

#include "compare/version_diff.hpp"

namespace pcs::compare {

/// The `top` partners whose total or verdict changed most, largest change
/// first, ties in population order.
std::vector<const PartnerChange*> most_affected(const DesignationDiff& d, std::size_t top);

/// Per designation: attained before and after, who gains and loses it, the
/// distribution of total changes, the points per metric, the most affected.
std::string render_diff_table(const VersionDiff& v, std::size_t top);

/// The same as a JSON object (numbers rounded down to 2 decimals).
std::string render_diff_json(const VersionDiff& v, std::size_t top);

}  // namespace pcs::compare
