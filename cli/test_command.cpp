// `pcs test PATH...`: runs the .expect test cases found under the paths and
// ends with the line `N passed, N failed`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "tester/run_cases.hpp"

namespace pcs::cli {

void add_test_command(CLI::App& app, TestArgs& args) {
  auto* cmd = app.add_subcommand("test", "Run the test cases (.expect files) beside the rulesets");
  cmd->add_option("paths", args.paths, "Test case files or folders to search, e.g. rulesets or rulesets/2023-06")->required();
  cmd->add_flag("-v,--verbose", args.verbose, "List passing cases too");
}

int run_test(const TestArgs& args) {
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
  std::cout << fmt::format("{} passed, {} failed\n", summary.passed, summary.failed);
  return summary.failed == 0 ? exit_ok : exit_eval_failed;
}

}  // namespace pcs::cli
