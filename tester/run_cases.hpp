// Running test cases: score each case's partner against its ruleset and
// compare with the expectations, explaining every difference.
#pragma once

#include <string>
#include <vector>

#include "tester/expect_file.hpp"

namespace pcs::tester {

struct CaseOutcome {
  std::string file;
  bool passed = false;
  std::vector<std::string> failures;  // "line 7: modern-work total: expected 74, got 64" and the explanation
};

struct RunSummary {
  std::vector<CaseOutcome> cases;
  std::size_t passed = 0, failed = 0;
};

/// Runs every case file; rulesets are compiled once per folder.
RunSummary run_cases(const std::vector<std::string>& case_files);

}  // namespace pcs::tester
