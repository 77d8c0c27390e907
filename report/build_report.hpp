// `pcs report`: scores a population through the batch engine (one version,
// or two compared with compare/), prepares the figures (report_data.hpp) and
// writes one self-contained HTML page: the page template, its CSS and JS and
// Chart.js (embedded at build time) and the data as JSON.
#pragma once

#include <string>
#include <vector>

namespace pcs::report {

struct Options {
  std::vector<std::string> rulesets;  // one, or OLD and NEW
  std::string partners;
  std::string as_of;
  std::size_t plan_limit = 25;  // near misses planned (the planner is slow); the page says when cut
  unsigned threads = 0;
  std::size_t explain_limit = 1000;  // partners whose explanations go into the page (size); the page says when cut
};

/// The page, or an error message in `error` (exit code in `code`).
std::string build_report(const Options& options, int& code, std::string& error);

}  // namespace pcs::report
