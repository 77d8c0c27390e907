// A population of partners for comparing versions: a folder of partner JSON
// files, or a folder of the contract's CSV tables. A partner that fails to
// load is reported with its location and left out; the others are kept.
#pragma once

#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "data/partner.hpp"

namespace pcs::compare {

struct Population {
  std::vector<data::Partner> partners;
  std::vector<std::string> failed;  // ids or file names of partners left out
};

/// Loads `path`: a folder holding partners.csv is read as CSV tables,
/// otherwise every *.json file in it (sorted) is one partner.
Population load_population(const std::string& path, SourceFiles& sources, Diagnostics& out);

}  // namespace pcs::compare
