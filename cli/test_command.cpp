// `pcs test PATH...`: runs the .expect test cases found under the paths and
// ends with the line `N passed, N failed`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "tester/run_cases.hpp"

namespace pcs::cli {

void add_test_command(CLI::App& app, TestArgs& args) {
  auto* cmd = app.add_subcommand("test", "Run the test cases (.expect files) beside the rulesets");
  cmd->add_option("paths", args.paths, "Test case files or folders to search, e.g. rulesets or rulesets/2023-06")->required();
  cmd->add_flag("-v,--verbose", args.verbose, "List passing cases too");
  cmd->add_flag("--reset", args.reset, "Rewrite the expectations with the actual results (after a deliberate change)");
  cmd->add_flag("--coverage", args.coverage, "List the metrics, paths and prerequisites the cases never exercised");
}

int run_test(const TestArgs& args) {
  for (const auto& p : args.paths)
    if (!std::filesystem::exists(p)) {
      std::cerr << fmt::format("pcs test: '{}' does not exist\n", p);
      return exit_usage;
    }
  const auto files = tester::find_cases(args.paths);
  const auto summary = tester::run_cases(files);
  for (const auto& c : summary.cases) {
    if (c.passed) {
      if (args.verbose) std::cout << "PASS " << c.file << "\n";
      continue;
    }
    std::cout << "FAIL " << c.file << "\n";
    for (const auto& f : c.failures) std::cout << "  " << f << "\n";
  }
  if (args.reset) {
    const auto changed = tester::reset_expectations(summary);
    for (const auto& f : changed) std::cout << "reset " << f << "\n";
    std::cout << fmt::format("{} case file{} rewritten\n", changed.size(), changed.size() == 1 ? "" : "s");
  }
  if (args.coverage) std::cout << tester::coverage_report(summary);
  std::cout << fmt::format("{} passed, {} failed\n", summary.passed, summary.failed);
  return summary.failed == 0 || args.reset ? exit_ok : exit_eval_failed;
}

}  // namespace pcs::cli
