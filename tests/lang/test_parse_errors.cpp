// Broken rule files, phase 1: each asserts the exact message, line, column
// and caret of the syntax error.
#include "tests/lang/support.hpp"

using pcs::testing::compile_inline;

namespace {

/// Compiles a ruleset whose only rule file is `text` and returns what pcs prints.
std::string errors_of(const std::string& text) {
  auto out = compile_inline({{"x.pcs", text}});
  CHECK(out.ruleset == nullptr);
  return out.rendered;
}

}  // namespace

TEST_CASE("parse: a let without an expression points just after the '='") {
  CHECK(errors_of("let x = \n") ==
        "x.pcs:1:8: error[syntax]: expected an expression: a number, a name, a call, a set or a parenthesised expression\n"
        "  1 | let x = \n"
        "    |        ^\n");
}

TEST_CASE("parse: an unclosed parenthesis") {
  CHECK(errors_of("let x = (1 + 2\n") ==
        "x.pcs:1:15: error[syntax]: expected ')'\n"
        "  1 | let x = (1 + 2\n"
        "    |               ^\n");
}

TEST_CASE("parse: a let without a name") {
  CHECK(errors_of("let = 3\n") ==
        "x.pcs:1:5: error[syntax]: expected a name after 'let', such as eligible_acr\n"
        "  1 | let = 3\n"
        "    |     ^\n");
}

TEST_CASE("parse: unterminated text") {
  CHECK(errors_of("let x = \"abc\n") ==
        "x.pcs:1:13: error[syntax]: unterminated text: expected a closing '\"' on the same line\n"
        "  1 | let x = \"abc\n"
        "    |             ^\n");
}

TEST_CASE("parse: an unknown declaration keyword") {
  CHECK(errors_of("letx = 3\n") ==
        "x.pcs:1:1: error[syntax]: expected a declaration: import, program, measure, certification, let, fn, category, "
        "designation, badge, specialization or override\n"
        "  1 | letx = 3\n"
        "    | ^~~~\n");
}

TEST_CASE("parse: an operator without its right side") {
  CHECK(errors_of("let x = 1 +\n") ==
        "x.pcs:1:12: error[syntax]: expected a value after the operator\n"
        "  1 | let x = 1 +\n"
        "    |            ^\n");
}

TEST_CASE("parse: a metric outside a category") {
  CHECK(errors_of("metric m \"M\" max 10 points { }\n") ==
        "x.pcs:1:1: error[syntax]: a metric belongs inside a category: category ID \"Title\" { metric ... }\n"
        "  1 | metric m \"M\" max 10 points { }\n"
        "    | ^~~~~~\n");
}

TEST_CASE("parse: a designation id with capitals") {
  CHECK(errors_of("designation Bad-Id \"D\" { }\n") ==
        "x.pcs:1:13: error[syntax]: expected a designation id after 'designation', such as data-ai\n"
        "  1 | designation Bad-Id \"D\" { }\n"
        "    |             ^~~~~~\n");
}

TEST_CASE("parse: a program id without quotes") {
  CHECK(errors_of("program 2023-06 { }\n") ==
        "x.pcs:1:9: error[syntax]: expected the program version id in double quotes, such as \"2023-06\"\n"
        "  1 | program 2023-06 { }\n"
        "    |         ^~~~~~~\n");
}

TEST_CASE("parse: an exam code with two digits") {
  CHECK(errors_of("certification c \"C\" = AZ-10\n") ==
        "x.pcs:1:28: error[syntax]: expected an exam code such as AZ-104 (two or three capital letters, '-', three digits)\n"
        "  1 | certification c \"C\" = AZ-10\n"
        "    |                            ^\n");
}

TEST_CASE("parse: an unclosed set") {
  CHECK(errors_of("let s = {\"a\", \"b\"\n") ==
        "x.pcs:1:18: error[syntax]: expected '}' to close the list\n"
        "  1 | let s = {\"a\", \"b\"\n"
        "    |                  ^\n");
}

TEST_CASE("parse: a path condition without a condition") {
  CHECK(errors_of("designation e \"E\" { path p when }\n") ==
        "x.pcs:1:33: error[syntax]: expected an expression: a number, a name, a call, a set or a parenthesised expression\n"
        "  1 | designation e \"E\" { path p when }\n"
        "    |                                 ^\n");
}

TEST_CASE("parse: 'attained' without 'when'") {
  CHECK(errors_of("designation e \"E\" { attained total >= 70 points }\n") ==
        "x.pcs:1:30: error[syntax]: expected 'when' and a condition, as in 'attained when total >= 70 points'\n"
        "  1 | designation e \"E\" { attained total >= 70 points }\n"
        "    |                              ^~~~~\n");
}

TEST_CASE("parse: 'holding' without a certification") {
  CHECK(errors_of("let x = people holding\n") ==
        "x.pcs:1:23: error[syntax]: expected a certification after 'holding', or 'any of' / 'all of' and a set of certifications\n"
        "  1 | let x = people holding\n"
        "    |                       ^\n");
}

TEST_CASE("parse: 'if' without 'else'") {
  CHECK(errors_of("let x = if true then 1\n") ==
        "x.pcs:1:23: error[syntax]: expected 'else' (an 'if' needs both branches)\n"
        "  1 | let x = if true then 1\n"
        "    |                       ^\n");
}

TEST_CASE("parse: 'distinct' without 'of'") {
  CHECK(errors_of("let x = distinct tenant eligible\n") ==
        "x.pcs:1:25: error[syntax]: expected 'of' and the rows, as in 'distinct tenant of eligible_acr'\n"
        "  1 | let x = distinct tenant eligible\n"
        "    |                         ^~~~~~~~\n");
}

TEST_CASE("parse: an error on a later line names that line") {
  CHECK(errors_of("# a comment\nlet a = 1\n\nlet b = a *\n") ==
        "x.pcs:4:12: error[syntax]: expected a value after the operator\n"
        "  4 | let b = a *\n"
        "    |            ^\n");
}

TEST_CASE("parse: chained comparisons say how to write them") {
  CHECK(errors_of("let bad = 1 < 2 < 3\n") ==
        "x.pcs:1:17: error[syntax]: comparisons cannot be chained: write 'a < b and b < c'\n"
        "  1 | let bad = 1 < 2 < 3\n"
        "    |                 ^\n");
}

TEST_CASE("parse: 'requirements' must be followed by 'not published'") {
  CHECK(errors_of("specialization s \"S\" for d requirements published\n") ==
        "x.pcs:1:41: error[syntax]: expected 'not published' after 'requirements'\n"
        "  1 | specialization s \"S\" for d requirements published\n"
        "    |                                         ^~~~~~~~~\n");
}

TEST_CASE("parse: a specialization without requirements or 'requirements not published'") {
  CHECK(errors_of("specialization s \"S\" for d\n") ==
        "x.pcs:1:27: error[syntax]: expected '{' to open the specialization's requirements, or 'requirements not "
        "published'\n"
        "  1 | specialization s \"S\" for d\n"
        "    |                           ^\n");
}

TEST_CASE("parse: what can be overridden") {
  CHECK(errors_of("override measure acr in USD\n") ==
        "x.pcs:1:10: error[syntax]: expected 'let', 'fn', 'category', 'designation', 'badge' or 'specialization' "
        "after 'override'\n"
        "  1 | override measure acr in USD\n"
        "    |          ^~~~~~~\n");
}
