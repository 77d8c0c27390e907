// Broken rule files, phase 2: names, types and units are checked before
// anything is evaluated. Each case asserts the exact message and position.
#include "tests/lang/support.hpp"

using pcs::testing::compile_inline;

namespace {

const char* base_program =
    "program \"t\" { effective 2024-01-01 }\n"
    "designation base \"B\" { attained when total >= 0 points }\n";

std::string errors_of(const std::string& text) {
  auto out = compile_inline({{"program.pcs", base_program}, {"x.pcs", text}});
  CHECK(out.ruleset == nullptr);
  return out.rendered;
}

}  // namespace

TEST_CASE("check: adding people to USD") {
  CHECK(errors_of("let x = 1000 USD + 2 people\n") ==
        "x.pcs:1:20: error[unit-mismatch]: cannot add people to USD: both sides need the same unit\n"
        "  1 | let x = 1000 USD + 2 people\n"
        "    |                    ^~~~~~~~\n");
}

TEST_CASE("check: comparing a count of customers with a plain number suggests the unit") {
  CHECK(errors_of("let x = count(customers) > 2\n") ==
        "x.pcs:1:28: error[unit-mismatch]: cannot compare customers with a plain number\n"
        "  1 | let x = count(customers) > 2\n"
        "    |                            ^\n"
        "  hint: write the unit after the number, as in '2 customers'\n");
}

TEST_CASE("check: a misspelt name gets the nearest known name") {
  CHECK(errors_of("let eligible_acr = usage(acr)\nlet x = sum(eligble_acr)\n") ==
        "x.pcs:2:13: error[unknown-name]: nothing named 'eligble_acr' is defined\n"
        "  2 | let x = sum(eligble_acr)\n"
        "    |             ^~~~~~~~~~~\n"
        "  hint: did you mean 'eligible_acr'?\n");
}

TEST_CASE("check: an unknown measure lists the known ones") {
  CHECK(errors_of("let x = usage(acrr)\n") ==
        "x.pcs:1:15: error[unknown-measure]: usage() takes the name of a measure; known measures: acr, "
        "adjusted_revenue, consumption_value, mau, paid_seats, pau, protected_users\n"
        "  1 | let x = usage(acrr)\n"
        "    |               ^~~~\n");
}

TEST_CASE("check: an exam code missing from the catalogue, with the nearest code") {
  CHECK(errors_of("import \"std/certifications.pcs\"\nlet x = people holding AZ-014\n") ==
        "x.pcs:2:24: error[unknown-certification]: no certification in the catalogue has the exam code AZ-014\n"
        "  2 | let x = people holding AZ-014\n"
        "    |                        ^~~~~~\n"
        "  hint: did you mean AZ-104?\n");
}

TEST_CASE("check: a month that does not exist") {
  CHECK(errors_of("let x = 2024-13\n") ==
        "x.pcs:1:9: error[bad-literal]: '2024-13' is not a real month (expected YYYY-MM with a month from 01 to 12)\n"
        "  1 | let x = 2024-13\n"
        "    |         ^~~~~~~\n");
}

TEST_CASE("check: a function called with the wrong number of arguments") {
  CHECK(errors_of("fn f(a) = a + 1\nlet y = f(1, 2)\n") ==
        "x.pcs:2:9: error[arity]: 'f' takes 1 argument, but 2 are given\n"
        "  2 | let y = f(1, 2)\n"
        "    |         ^\n");
}

TEST_CASE("check: definitions that refer to each other") {
  CHECK(errors_of("let a = b\nlet b = a\n") ==
        "x.pcs:1:5: error[cycle]: 'a' is defined in terms of itself\n"
        "  1 | let a = b\n"
        "    |     ^\n");
}

TEST_CASE("check: sum of people") {
  CHECK(errors_of("let x = sum(people)\n") ==
        "x.pcs:1:13: error[type-mismatch]: sum() adds up the values of usage rows, but this is people\n"
        "  1 | let x = sum(people)\n"
        "    |             ^~~~~~\n");
}

TEST_CASE("check: a field the rows do not have lists the fields they have") {
  CHECK(errors_of("let x = customers where month == M\n") ==
        "x.pcs:1:25: error[unknown-field]: customers have no field 'month'; their fields are tenant, segment\n"
        "  1 | let x = customers where month == M\n"
        "    |                         ^~~~~\n");
}

TEST_CASE("check: grouping by a field that cannot be a key") {
  CHECK(errors_of("let x = usage(acr) by measure\n") ==
        "x.pcs:1:23: error[unknown-field]: usage rows cannot be grouped by 'measure'\n"
        "  1 | let x = usage(acr) by measure\n"
        "    |                       ^~~~~~~\n"
        "  hint: group by tenant, month, service, service_group, service_level_4, service_influencer, workload, product, "
        "offer, association or area\n");
}

TEST_CASE("check: 'if' branches of different units") {
  CHECK(errors_of("let x = if true then 1 USD else 2 people\n") ==
        "x.pcs:1:33: error[type-mismatch]: both branches of 'if' must have the same type: 'then' gives a number in USD, "
        "'else' gives a number in people\n"
        "  1 | let x = if true then 1 USD else 2 people\n"
        "    |                                 ^~~~~~~~\n");
}

TEST_CASE("check: a measure used without usage()") {
  CHECK(errors_of("let x = acr\n") ==
        "x.pcs:1:9: error[type-mismatch]: 'acr' is a measure: write usage(acr) for its rows\n"
        "  1 | let x = acr\n"
        "    |         ^~~\n");
}

TEST_CASE("check: a score per a unit other than the value's") {
  CHECK(errors_of("designation d \"D\" {\n"
                  "  attained when total >= 70 points\n"
                  "  category c \"C\" {\n"
                  "    metric m \"M\" max 10 points {\n"
                  "      value count(customers)\n"
                  "      score 10 points per person\n"
                  "    }\n"
                  "  }\n"
                  "}\n") ==
        "x.pcs:6:13: error[unit-mismatch]: the metric's value is counted in customers, but the score is per person\n"
        "  6 |       score 10 points per person\n"
        "    |             ^~~~~~~~~~~~~~~~~~~~\n"
        "  hint: write 'per customer'\n");
}

TEST_CASE("check: a designation without attainment rule and a maximum without unit") {
  CHECK(errors_of("designation d \"D\" {\n"
                  "  category c \"C\" {\n"
                  "    metric m \"M\" max 10 {\n"
                  "      value count(customers)\n"
                  "      score 10 points per customer\n"
                  "    }\n"
                  "  }\n"
                  "}\n") ==
        "x.pcs:1:13: error[no-attainment]: the designation 'd' has no 'attained when' rule\n"
        "  1 | designation d \"D\" {\n"
        "    |             ^\n"
        "  hint: add, for example: attained when total >= 70 points and every metric > 0 points\n"
        "x.pcs:3:22: error[type-mismatch]: a metric's maximum must be a number of points, such as 30 points\n"
        "  3 |     metric m \"M\" max 10 {\n"
        "    |                      ^~\n");
}

TEST_CASE("check: paths that leave a gap, in the wrong order, and an unknown category") {
  CHECK(errors_of("designation d \"D\" {\n"
                  "  path smb otherwise\n"
                  "  path enterprise when true\n"
                  "  attained when total >= 70 points\n"
                  "  use nothing\n"
                  "}\n") ==
        "x.pcs:2:8: error[path-order]: the 'otherwise' path 'smb' must come last: paths are tried in order\n"
        "  2 |   path smb otherwise\n"
        "    |        ^~~\n"
        "x.pcs:3:8: error[path-gap]: the last path has a condition, so a partner may match no path; end with 'path NAME otherwise'\n"
        "  3 |   path enterprise when true\n"
        "    |        ^~~~~~~~~~\n"
        "x.pcs:5:7: error[unknown-name]: no category named 'nothing' is defined\n"
        "  5 |   use nothing\n"
        "    |       ^~~~~~~\n");
}

TEST_CASE("check: 'choose path' must give a value for every path") {
  CHECK(errors_of("designation d \"D\" {\n"
                  "  path smb when partner.market == \"other\"\n"
                  "  path enterprise otherwise\n"
                  "  let t = choose path { smb: 500 USD }\n"
                  "  attained when total >= 70 points\n"
                  "}\n") ==
        "x.pcs:4:11: error[missing-path]: 'choose path' gives no value for the path 'enterprise'\n"
        "  4 |   let t = choose path { smb: 500 USD }\n"
        "    |           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("check: 'every metric' outside an attainment rule") {
  CHECK(errors_of("let x = every metric > 0 points\n") ==
        "x.pcs:1:9: error[misplaced]: 'every metric' can only be used in the 'attained when' rule of a designation\n"
        "  1 | let x = every metric > 0 points\n"
        "    |         ^~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("check: a total compared with a plain number") {
  CHECK(errors_of("designation d \"D\" {\n  attained when total >= 70\n}\n") ==
        "x.pcs:2:26: error[unit-mismatch]: cannot compare points with a plain number\n"
        "  2 |   attained when total >= 70\n"
        "    |                          ^~\n"
        "  hint: write the unit after the number, as in '70 points'\n");
}

TEST_CASE("check: a definition declared twice names the first place") {
  CHECK(errors_of("let x = 1\nlet x = 2\n") ==
        "x.pcs:2:5: error[duplicate]: definition 'x' is already defined at x.pcs:1\n"
        "  2 | let x = 2\n"
        "    |     ^\n");
}

TEST_CASE("check: a ruleset without a program block") {
  auto out = compile_inline({{"x.pcs", "designation d \"D\" { attained when total >= 0 points }\n"}});
  CHECK(out.ruleset == nullptr);
  CHECK(out.rendered == ".: error[no-program]: the ruleset has no 'program' declaration\n");
}

TEST_CASE("check: an unknown name inside a set is reported once") {
  CHECK(errors_of("import \"std/certifications.pcs\"\nlet x = count(people holding any of {azure_administrator, azure_admin})\n") ==
        "x.pcs:2:59: error[unknown-name]: nothing named 'azure_admin' is defined\n"
        "  2 | let x = count(people holding any of {azure_administrator, azure_admin})\n"
        "    |                                                           ^~~~~~~~~~~\n");
}

TEST_CASE("check: a field hiding a function parameter inside 'where'") {
  CHECK(errors_of("fn in_month(rows, month) = sum(rows where month == month)\nlet x = in_month(usage(acr), M)\n") ==
        "x.pcs:1:43: error[shadowed]: 'month' here is the field of the rows, which hides the parameter 'month'\n"
        "  1 | fn in_month(rows, month) = sum(rows where month == month)\n"
        "    |                                           ^~~~~\n"
        "  hint: rename the parameter of 'in_month', for example 'month_'\n"
        "x.pcs:1:52: error[shadowed]: 'month' here is the field of the rows, which hides the parameter 'month'\n"
        "  1 | fn in_month(rows, month) = sum(rows where month == month)\n"
        "    |                                                    ^~~~~\n"
        "  hint: rename the parameter of 'in_month', for example 'month_'\n"
        "x.pcs:2:9: note[called-here]: 'in_month' was called here with usage rows, a month\n"
        "  2 | let x = in_month(usage(acr), M)\n"
        "    |         ^~~~~~~~\n");
}

TEST_CASE("check: a field compared with itself inside 'where'") {
  CHECK(errors_of("let x = sum(associations, sum(usage(mau) where tenant == tenant))\n") ==
        "x.pcs:1:48: error[self-comparison]: both sides read the 'tenant' of the same row, so this compares it with itself\n"
        "  1 | let x = sum(associations, sum(usage(mau) where tenant == tenant))\n"
        "    |                                                ^~~~~~\n"
        "  hint: to compare with an outer row's tenant, pass it to a function: fn f(t) = ... where tenant == t\n");
}

TEST_CASE("check: an outer row's field read inside an inner 'where'") {
  auto out = compile_inline({{"program.pcs", base_program},
                             {"x.pcs", "let x = sum(associations, sum(usage(mau) where month == since))\n"}});
  CHECK_MESSAGE(out.ruleset != nullptr, out.rendered);
}
