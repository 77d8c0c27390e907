// Running test cases: score each case's partner against its ruleset and
// compare with the expectations, explaining every difference.
#pragma once

#include <string>
#include <vector>

#include <map>
#include <memory>
#include <optional>

#include "interpreter/evaluator.hpp"
#include "interpreter/ruleset.hpp"
#include "tester/expect_file.hpp"

namespace pcs::tester {

struct CaseOutcome {
  std::string file;
  std::string ruleset_dir;
  std::optional<eval::PartnerResult> result;  // when the case could be evaluated
  bool passed = false;
  std::vector<std::string> failures;  // "line 7: modern-work total: expected 74, got 64" and the explanation
};

struct RunSummary {
  std::vector<CaseOutcome> cases;
  std::size_t passed = 0, failed = 0;
  std::map<std::string, std::unique_ptr<Ruleset>> rulesets;  // by folder, for coverage
};

/// Runs every case file; rulesets are compiled once per folder.
RunSummary run_cases(const std::vector<std::string>& case_files);

/// Rewrites the `expect` lines of each evaluated case with the actual
/// results (comments and other lines untouched). Returns the files changed.
std::vector<std::string> reset_expectations(const RunSummary& summary);

/// The metrics never scored above 0, the paths never taken and the
/// prerequisites not seen both met and unmet, per ruleset, with totals.
std::string coverage_report(const RunSummary& summary);

}  // namespace pcs::tester
