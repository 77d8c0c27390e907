// Printing evaluation results: a terminal table, or the JSON of the contract.
#pragma once

#include "common/json_text.hpp"

#include <string>

#include "interpreter/evaluator.hpp"

namespace pcs::cli {

/// The terminal table: per designation, its categories and metrics with
/// value and points / max, the total and whether it is attained; with
/// `explain`, the figures behind each metric under it.
std::string render_table(const eval::PartnerResult& r, bool explain);

/// The results JSON of shared/spec/partner-data.md (exact numbers; points
/// rounded down to 2 decimals).
std::string render_json(const eval::PartnerResult& r);

/// A JSON string literal, escaped.
using pcs::json_string;  // common/json_text.hpp

}  // namespace pcs::cli
