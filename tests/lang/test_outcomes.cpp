// Issue-3 language: overriding imported definitions, badges, specializations,
// per-row sums, the associations table, coverage by distinct people, and the
// choice of the program version in force.
#include <filesystem>
#include <fstream>

#include "interpreter/program_library.hpp"
#include "tests/lang/support.hpp"

using namespace pcs::testing;

namespace {

const char* base = R"pcs(
import "std/certifications.pcs"
let threshold = 1000 USD
fn big(t) = sum(usage(acr) where tenant == t) >= threshold
category performance "Performance" {
  metric big_customers "Big customers" max 30 points {
    value count(customers where big(tenant))
    score 10 points per customer
  }
}
)pcs";

const char* program = R"pcs(
program "t" { effective 2024-01-01 }
import "base.pcs"
designation alpha "Alpha" {
  attained when total >= 10 points
  use performance
}
designation beta "Beta" {
  attained when total >= 30 points
  use performance
}
badge both "Both designations" when attained("alpha") and attained("beta")
specialization trio "Three distinct experts" for alpha {
  let experts = people holding any of {azure_administrator, azure_solutions_architect, azure_devops_engineer}
  # "total of 3 or more qualifying individuals have min. 1 x AZ-104, min. 1 x AZ-305, min. 1 x AZ-400"
  require count(experts) >= 3 people
  require coverage(experts, {azure_administrator, azure_solutions_architect, azure_devops_engineer}) == 3 people
}
)pcs";

std::string partner_with(const std::string& people) {
  return R"({ "partner": { "id": "p" }, "people": [)" + people + R"(],
    "customers": [
      { "tenant": "t1", "associations": [ { "type": "PAL", "since": "2024-03-15" } ],
        "usage": [ { "month": "2024-06", "measure": "acr", "value": 1500 } ] },
      { "tenant": "t2", "associations": [ { "type": "CPOR", "since": "2023-01-01" } ],
        "usage": [ { "month": "2024-06", "measure": "acr", "value": 800 } ] } ] })";
}

std::string person(const std::string& id, const std::string& codes) {
  std::string certs;
  std::size_t start = 0;
  while (start < codes.size()) {
    auto end = codes.find(',', start);
    if (end == std::string::npos) end = codes.size();
    certs += (certs.empty() ? "" : ",") + std::string(R"({ "code": ")") + codes.substr(start, end - start) +
             R"(", "earned": "2023-01-01" })";
    start = end + 1;
  }
  return R"({ "id": ")" + id + R"(", "certifications": [)" + certs + "] }";
}

}  // namespace

TEST_CASE("badges and specializations: outcomes built on designations") {
  auto rs = compile_inline({{"base.pcs", base}, {"program.pcs", program}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  // One person holds all three certifications: three qualifying people are missing.
  auto r = score(*rs.ruleset, partner_from(partner_with(person("a", "AZ-104,AZ-305,AZ-400") + "," +
                                                        person("b", "AZ-104") + "," + person("c", "AZ-104"))), "2024-06");
  CHECK(designation(r, "alpha").attained);         // 1 big customer: 10 points
  CHECK_FALSE(designation(r, "beta").attained);    // needs 30
  REQUIRE(r.badges.size() == 1);
  CHECK_FALSE(r.badges[0].attained);
  REQUIRE(r.specializations.size() == 1);
  // Three people qualify, and distinct people cover AZ-104 (b), AZ-305 (a), AZ-400 ... only a holds AZ-400 and AZ-305.
  CHECK_FALSE(r.specializations[0].passed);
  CHECK(r.specializations[0].explain.back() ==
        "requirement NOT met: coverage(experts, {azure_administrator, azure_solutions_architect, azure_devops_engineer}) == 3 people");
  // With a separate AZ-305 holder, three distinct people cover the three certifications.
  auto r2 = score(*rs.ruleset, partner_from(partner_with(person("a", "AZ-400") + "," + person("b", "AZ-104") + "," +
                                                         person("c", "AZ-305"))), "2024-06");
  CHECK(r2.specializations[0].passed);
}

TEST_CASE("override: a ruleset replaces one imported definition and the shared category follows") {
  auto rs = compile_inline({{"base.pcs", base}, {"program.pcs", std::string(program) + "override let threshold = 500 USD\n"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(partner_with(person("a", "AZ-104"))), "2024-06");
  // t2's $800 now counts too: 2 customers, 20 points.
  CHECK(metric(designation(r, "alpha"), "big_customers").points == dec("20"));
}

TEST_CASE("override: replacing nothing is an error that says what to do") {
  auto rs = compile_inline({{"program.pcs", "program \"t\" { effective 2024-01-01 }\noverride let nothing = 1\n"
                                            "designation d \"D\" { attained when total >= 0 points }\n"}});
  CHECK(rs.ruleset == nullptr);
  CHECK(rs.rendered ==
        "program.pcs:2:14: error[nothing-to-override]: 'override' replaces an imported definition, but nothing named "
        "'nothing' is defined before\n"
        "  2 | override let nothing = 1\n"
        "    |              ^~~~~~~\n"
        "  hint: import the file that defines it first, or drop 'override'\n");
}

TEST_CASE("queries: sum(rows, expression) and the associations table") {
  auto rs = compile_inline({{"program.pcs", R"pcs(
program "t" { effective 2024-01-01 }
fn acr_of(t) = sum(usage(acr) where tenant == t)
# Value of each customer claimed within the trailing 12 months.
let claimed_recently = associations where since in trailing_12_months
designation d "D" {
  attained when total >= 0 points
  category c "C" {
    metric per_customer "Per customer" max 10000 points {
      value sum(customers, acr_of(tenant))
      score 1 point per USD
    }
    metric recent "Recent" max 10 points {
      value count(distinct tenant of claimed_recently) score 1 point per customer
    }
  }
}
)pcs"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(partner_with("")), "2024-06");
  const auto& d = designation(r, "d");
  CHECK(*metric(d, "per_customer").value == dec("2300"));
  CHECK(*metric(d, "recent").value == dec("1"));  // t1 since 2024-03; t2 since 2023-01
}

TEST_CASE("program selection: the version in force at the as-of month, or the one named") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("pcs-library-" + std::to_string(::getpid()));
  for (const auto& [version, date] : {std::pair{"v1", "2022-10-01"}, std::pair{"v2", "2023-06-13"}}) {
    fs::create_directories(dir / version);
    std::ofstream(dir / version / "program.pcs") << "program \"" << version << "\" { effective " << date << " }\n"
                                                 << "designation d \"D\" { attained when total >= 0 points }\n";
  }
  pcs::SourceFiles sources;
  pcs::Diagnostics diags;
  REQUIRE(pcs::is_program_library(dir.string()));
  auto library = pcs::load_program_library(dir.string(), sources, diags);
  REQUIRE(library);
  std::string why;
  CHECK(pcs::select_program(*library, std::nullopt, *pcs::parse_month("2023-05"), why)->program->id == "v1");
  CHECK(pcs::select_program(*library, std::nullopt, *pcs::parse_month("2023-06"), why)->program->id == "v2");
  CHECK(pcs::select_program(*library, std::string("v1"), *pcs::parse_month("2024-06"), why)->program->id == "v1");
  CHECK(pcs::select_program(*library, std::nullopt, *pcs::parse_month("2022-09"), why) == nullptr);
  CHECK(why == "no program version is in force at 2022-09; the versions are: v1 (effective 2022-10-01), v2 (effective 2023-06-13)");
  fs::remove_all(dir);
}

TEST_CASE("specializations without explanations stop as `and` does, with them every requirement is evaluated") {
  // beta is not attained (10 of 30 points); the requirement divides by the
  // number of people, 0 here: an evaluation error when it is evaluated.
  auto rs = compile_inline({{"base.pcs", base}, {"program.pcs", std::string(program) + R"pcs(
specialization ratio "Ratio" for beta {
  require (count(customers) / 1 customer) / (count(people) / 1 person) >= 1
}
)pcs"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  const auto partner = partner_from(partner_with(""));
  pcs::eval::Options options;
  options.as_of = pcs::parse_month("2024-06");
  const auto explained = pcs::eval::evaluate(*rs.ruleset, partner, options);
  REQUIRE(explained.specializations.size() == 2);
  const auto& with = explained.specializations[1];
  CHECK(with.id == "ratio");
  CHECK_FALSE(with.passed);
  CHECK(with.error.find("division by zero") != std::string::npos);
  // The verdict alone: beta is not attained, so the requirement is not evaluated.
  options.explain = false;
  const auto verdict = pcs::eval::evaluate(*rs.ruleset, partner, options);
  const auto& without = verdict.specializations[1];
  CHECK_FALSE(without.passed);
  CHECK(without.error.empty());
  CHECK(without.explain.empty());
}
