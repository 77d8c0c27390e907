// Loading a population of partners (see population.hpp).
#include "compare/population.hpp"

#include <algorithm>
#include <filesystem>

#include "data/csv_loader.hpp"
#include "data/json_loader.hpp"

namespace pcs::compare {

namespace fs = std::filesystem;

Population load_population(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  Population population;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    out.error("io", {path, 0, 0, 1}, "the population must be a folder of partner JSON files or of CSV tables");
    return population;
  }
  if (fs::exists(fs::path(path) / "partners.csv", ec)) {
    // The contract's CSV tables: a partner with a bad row is reported and left out.
    auto tables = data::load_partner_tables(path, sources);
    for (auto& d : tables.stray) out.add(std::move(d));
    for (auto& p : tables.partners) {
      for (auto& d : p.errors) out.add(std::move(d));
      if (p.partner) population.partners.push_back(std::move(*p.partner));
      else population.failed.push_back(p.id);
    }
    return population;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (auto p = data::load_partner_file(f.string(), sources, out)) population.partners.push_back(std::move(*p));
    else population.failed.push_back(f.string());
  }
  if (files.empty()) out.error("io", {path, 0, 0, 1}, "the folder has no partner .json files and no partners.csv");
  return population;
}

}  // namespace pcs::compare
