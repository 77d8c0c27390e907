// Fuzz target: the input holds the five CSV tables, separated by lines
// "====="; each part is written to its file and the folder is loaded.
// Every partner must come back scored-ready or failed with its errors, and
// the counts must add up.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/csv_loader.hpp"
#include "data/csv_reader.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* files[] = {"partners.csv", "certifications.csv", "customers.csv", "associations.csv", "usage.csv"};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)pcs::data::csv::read(text);  // the reader alone, on the whole input
  const auto dir = pcs::fuzz::scratch("csv");
  for (const char* name : files) {
    const auto end = text.find("=====\n");
    pcs::fuzz::write(dir / name, text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 6);
  }
  pcs::SourceFiles sources;
  const auto load = pcs::data::load_partner_tables(dir.string(), sources);
  for (const auto& p : load.partners)
    if (!p.partner && p.errors.empty()) __builtin_trap();  // failed without saying why
  return 0;
}
