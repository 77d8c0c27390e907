// Test cases beside the rulesets: rulesets/<version>/tests/NAME.expect (and
// the partner NAME.json beside it). A line-based format a program manager can
// write by hand:
//
//     # The hand computation, step by step.
//     as-of 2024-06
//     expect infrastructure attained yes
//     expect infrastructure total 74
//     expect infrastructure net_customer_adds points 30
//     expect infrastructure usage_growth value null
//     expect badge microsoft_cloud no
//     expect specialization azure_virtual_desktop yes
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "common/diagnostics.hpp"

namespace pcs::tester {

struct Expectation {
  enum class Kind { attained, total, path, metric_points, metric_value, badge, specialization };
  Kind kind;
  std::string subject;  // designation, badge or specialization id
  std::string metric;
  std::string expected;  // "yes" / "no", a number, "null", a path id
  std::uint32_t line = 0;
};

struct Case {
  std::string file;          // the .expect file
  std::string partner_file;  // NAME.json beside it unless `partner PATH` says otherwise
  std::string ruleset_dir;   // the folder above tests/
  std::optional<MonthIndex> as_of;
  std::string program;       // optional: the program id the case is written for
  std::vector<Expectation> expectations;
};

/// Reads one .expect file. Problems (unknown keywords, bad months) are
/// located diagnostics; returns nullopt when there are any.
std::optional<Case> read_case(const std::string& path, SourceFiles& sources, Diagnostics& out);

/// Every .expect file under the given files and folders, sorted.
std::vector<std::string> find_cases(const std::vector<std::string>& paths);

}  // namespace pcs::tester
