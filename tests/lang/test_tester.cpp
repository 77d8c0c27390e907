// `pcs test`: .expect files are read with located errors, failures explain
// the difference, --reset rewrites expectations, --coverage finds gaps.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tester/run_cases.hpp"
#include "tests/lang/support.hpp"

using namespace pcs::testing;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("pcs-tester-" + std::to_string(::getpid()));
  Scratch() {
    fs::create_directories(dir / "tests");
    std::ofstream(dir / "rules.pcs") << R"pcs(
program "t" { effective 2024-01-01 }
designation d "D" {
  attained when total >= 20 points
  category c "C" {
    metric customers_count "Customers" max 30 points {
      require count(customers) >= 1 customer
      value count(customers)
      score 10 points per customer
    }
  }
}
)pcs";
    std::ofstream(dir / "tests" / "two.json") << R"({ "partner": { "id": "p" },
      "customers": [ { "tenant": "a" }, { "tenant": "b" } ] })";
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string write_case(const std::string& text) {
    const auto path = (dir / "tests" / "two.expect").string();
    std::ofstream(path) << text;
    return path;
  }
  static std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

}  // namespace

TEST_CASE("pcs test: a failing expectation shows expected, actual and the metric's explanation") {
  Scratch s;
  const auto file = s.write_case("# two customers\nas-of 2024-06\nexpect d customers_count points 30\nexpect d attained yes\n");
  auto summary = pcs::tester::run_cases({file});
  REQUIRE(summary.cases.size() == 1);
  CHECK(summary.failed == 1);
  REQUIRE(summary.cases[0].failures.size() == 1);
  CHECK(summary.cases[0].failures[0].rfind("line 3: d customers_count points: expected 30, got 20\n", 0) == 0);
  CHECK(summary.cases[0].failures[0].find("2 customers x 10 points per customer = 20 points") != std::string::npos);
}

TEST_CASE("pcs test --reset rewrites only the expectations, keeping comments") {
  Scratch s;
  const auto file = s.write_case("# two customers\nas-of 2024-06\nexpect d customers_count points 30   \nexpect d attained no\n");
  auto summary = pcs::tester::run_cases({file});
  CHECK(pcs::tester::reset_expectations(summary) == std::vector<std::string>{file});
  CHECK(Scratch::read(file) == "# two customers\nas-of 2024-06\nexpect d customers_count points 20   \nexpect d attained yes\n");
  CHECK(pcs::tester::run_cases({file}).passed == 1);
}

TEST_CASE("pcs test --coverage names a prerequisite never seen unmet") {
  Scratch s;
  auto summary = pcs::tester::run_cases({s.write_case("as-of 2024-06\nexpect d attained yes\n")});
  CHECK(pcs::tester::coverage_report(summary) ==
        "coverage of " + s.dir.string() + ": 1/1 metrics scored, 0/0 paths taken, 0/1 prerequisites seen both met and unmet\n"
        "  d.customers_count: prerequisite \"count(customers) >= 1 customer\" is never unmet\n");
}

TEST_CASE("pcs test: a malformed .expect line is a located error") {
  Scratch s;
  const auto file = s.write_case("as-of 2024-06\nexpect d attained maybe\n");
  auto summary = pcs::tester::run_cases({file});
  REQUIRE(summary.cases[0].failures.size() == 1);
  CHECK(summary.cases[0].failures[0] ==
        file + ":2:19: error[test-case]: expected yes or no, got \"maybe\"\n"
               "  2 | expect d attained maybe\n"
               "    |                   ^~~~~\n");
}
