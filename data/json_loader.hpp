// Loads one partner from the JSON form of the contract. Numbers are read from
// their source text into exact decimals (never through binary floating
// point); every rule of the contract is validated, and each violation is a
// diagnostic naming the file, line:col, the JSON path and what was expected:
//
//     partners/x.json:41:22: error[partner-data]: customers[3].usage[17].month: expected YYYY-MM, got "2024-13"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"
#include "data/partner.hpp"

namespace pcs::data {

/// Parses and validates `text` (the content of `file_name`). Returns the
/// partner when there are no errors; otherwise nullopt with every error found
/// added to `out` (the loader keeps going after the first bad field).
std::optional<Partner> load_partner_json(std::string_view text, const std::string& file_name,
                                         Diagnostics& out);

/// Reads the file from disk, registers its text in `sources` (so diagnostics
/// can show the line) and loads it. A missing or unreadable file is a diagnostic too.
std::optional<Partner> load_partner_file(const std::string& path, SourceFiles& sources,
                                         Diagnostics& out);

}  // namespace pcs::data
