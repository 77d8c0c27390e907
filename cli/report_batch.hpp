// The outputs of `pcs eval --partners`: one JSON object per partner per line
// (JSON Lines, the contract's result object), or CSV with one row per
// partner and designation, for spreadsheets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/evaluator.hpp"

namespace pcs::cli {

/// The contract JSON of render_json() on one line (no line break inside).
std::string render_json_line(const eval::PartnerResult& r);

/// A partner that was not scored: {"partner": ..., "error": first, "errors": [all]}.
std::string render_error_line(std::string_view partner, const std::vector<std::string>& errors);

/// The CSV header: partner,program,as_of,designation,path,total,attained, then one column per metric id, then error.
std::string render_csv_header(const std::vector<std::string>& metric_ids);

/// The CSV rows of one partner: one per designation (its metrics' points in their columns),
/// or one row with the error when it was not scored.
std::string render_csv_rows(const eval::PartnerResult* r, std::string_view partner, std::string_view error,
                            const std::vector<std::string>& metric_ids);

}  // namespace pcs::cli
