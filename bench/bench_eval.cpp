// Benchmarks of the speed targets, printed as figures (not a test):
//   - parse + check rulesets/2023-06                      (target < 5 ms)
//   - load the large sample partner from JSON
//   - evaluate the three designations for the large partner (target < 1 ms)
// Each figure is the median of many runs, with the fastest and slowest.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "data/json_loader.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct Figures {
  std::int64_t median_ns, min_ns, max_ns;
};

template <typename Work>
Figures measure(int runs, Work&& work) {
  std::vector<std::int64_t> ns;
  ns.reserve(runs);
  for (int i = 0; i < runs; ++i) {
    const auto start = clock_type::now();
    work();
    ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(clock_type::now() - start).count());
  }
  std::sort(ns.begin(), ns.end());
  return {ns[ns.size() / 2], ns.front(), ns.back()};
}

std::string ms(std::int64_t ns) { return fmt::format("{}.{:03} ms", ns / 1'000'000, (ns / 1'000) % 1'000); }

void report(const char* what, int runs, const Figures& f, const char* target) {
  fmt::print("{:<52} median {:>11}  (min {}, max {}, {} runs){}\n", what, ms(f.median_ns), ms(f.min_ns), ms(f.max_ns),
             runs, target);
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : PCS_SOURCE_DIR;
  const std::string rules = root + "/rulesets/2023-06";
  const std::string partner_file = root + "/examples/partners/large.json";

  pcs::SourceFiles sources;
  pcs::Diagnostics diags;
  auto ruleset = pcs::compile_ruleset(rules, sources, diags);
  if (!ruleset) {
    fmt::print(stderr, "{}", pcs::render_all(diags, sources));
    return 1;
  }
  const auto text = read(partner_file);
  auto partner = pcs::data::load_partner_json(text, partner_file, diags);
  if (!partner) {
    fmt::print(stderr, "cannot load {}\n", partner_file);
    return 1;
  }
  fmt::print("pcs benchmarks on {} ({} customers, {} usage rows, {} people)\n\n", partner_file,
             partner->customers.size(), partner->usage.size(), partner->people.size());

  const int compile_runs = 200;
  report("parse + check rulesets/2023-06", compile_runs, measure(compile_runs, [&] {
           pcs::SourceFiles s;
           pcs::Diagnostics d;
           auto r = pcs::compile_ruleset(rules, s, d);
           if (!r) std::abort();
         }),
         "   target < 5 ms");

  const int load_runs = 100;
  report("load large.json (parse + validate)", load_runs, measure(load_runs, [&] {
           pcs::Diagnostics d;
           auto p = pcs::data::load_partner_json(text, partner_file, d);
           if (!p) std::abort();
         }),
         "");

  const int eval_runs = 2000;
  pcs::eval::Options options;
  std::size_t designations = 0;
  report("evaluate 3 designations for large.json", eval_runs, measure(eval_runs, [&] {
           auto result = pcs::eval::evaluate(*ruleset, *partner, options);
           designations += result.designations.size();
         }),
         "   target < 1 ms");
  if (designations != 3u * eval_runs) return 1;
  return 0;
}
