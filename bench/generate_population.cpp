// pcs_population_gen: writes a deterministic partner population for the
// population benchmark (bench/population.sh). Usage:
//   pcs_population_gen --partners 10000 [--seed 1] [--csv DIR] [--shuffled DIR] [--json DIR]
#include <CLI/CLI.hpp>

#include <iostream>

#include "bench/population_generator.hpp"

int main(int argc, char** argv) {
  pcs::bench::GeneratorOptions o;
  CLI::App app{"Writes a deterministic partner population in the contract's shape"};
  app.add_option("--partners", o.partners, "How many partners")->required();
  app.add_option("--seed", o.seed, "Seed (the same seed writes the same bytes)");
  app.add_option("--csv", o.csv_dir, "Folder for the CSV tables, rows of a partner adjacent");
  app.add_option("--shuffled", o.shuffled_dir, "Folder for the same tables with their rows shuffled");
  app.add_option("--json", o.json_dir, "Folder for one JSON file per partner");
  CLI11_PARSE(app, argc, argv);
  if (!pcs::bench::PopulationGenerator(o).run()) {
    std::cerr << "pcs_population_gen: cannot write the population\n";
    return 1;
  }
  return 0;
}
