// Fuzz target: the batch engine's streaming reader of the CSV tables (the
// partition into buckets, the fast path for usage rows, the loader of each
// bucket), as `pcs eval --partners` uses it. The input holds the five
// tables separated by lines "====="; tiny buckets and forced copying make
// every path run. Every partner id of partners.csv must come back loaded or
// failed with its errors: nothing lost.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

#include "engine/population.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* files[] = {"partners.csv", "certifications.csv", "customers.csv", "associations.csv", "usage.csv"};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool copy = size % 2 == 1;  // half the inputs take the shuffled-rows path
  const auto dir = pcs::fuzz::scratch("batch");
  for (const char* name : files) {
    const auto end = text.find("=====\n");
    pcs::fuzz::write(dir / name, text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 6);
  }
  pcs::engine::Population population;
  std::vector<pcs::Diagnostic> stray;
  pcs::engine::PartitionOptions options;
  options.bucket_bytes = 64;
  options.max_runs = copy ? 1 : 0;
  if (!population.open(dir.string(), options, stray)) {
    if (stray.empty()) __builtin_trap();  // refused without saying why
    return 0;
  }
  for (std::size_t k = 0; k < population.units(); ++k)
    for (const auto& p : population.load(k, stray))
      if (!p.loaded && p.errors.empty()) __builtin_trap();  // failed without saying why
  return 0;
}
