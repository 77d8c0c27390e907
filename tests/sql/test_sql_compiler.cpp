// The SQL compiler's exact arithmetic and its refusals. The SQL texts below
// are also run on DuckDB by the equality tests (tests/sql/compare.mjs);
// here each rule of the arithmetic is pinned down on its own.
#include <doctest/doctest.h>

#include "interpreter/compile.hpp"
#include "sql/exact_number.hpp"
#include "sql/script.hpp"

using namespace pcs;
using namespace pcs::sql;

namespace {
Decimal ratio(std::int64_t n, std::int64_t d) { return Decimal::ratio(n, d); }
}  // namespace

TEST_CASE("sql arithmetic: constants are folded exactly") {
  Arithmetic a(Dialect::from_name("duckdb"));
  CHECK(*a.floor(a.literal(ratio(-7, 2))).constant == Decimal::from_int(-4));
  CHECK(*a.floor(a.literal(ratio(7, 2))).constant == Decimal::from_int(3));
  CHECK(*a.divide(a.literal(Decimal::from_int(1)), a.literal(Decimal::from_int(3))).constant == ratio(1, 3));
  CHECK(*a.add(a.literal(ratio(1, 3)), a.literal(ratio(1, 6))).constant == ratio(1, 2));
  CHECK(*a.min(a.literal(ratio(-1, 3)), a.literal(ratio(-1, 2))).constant == ratio(-1, 2));
}

TEST_CASE("sql arithmetic: floor of a quotient is exact for negative numerators") {
  Arithmetic duck(Dialect::from_name("duckdb"));
  // (n - ((n % d + d) % d)) // d: the remainder is taken out before dividing.
  CHECK(duck.floor_div("n", "d") == "(((n) - (((n) % (d) + (d)) % (d))) // (d))");
  Arithmetic pg(Dialect::from_name("postgres"));
  CHECK(pg.floor_div("n", "d") == "div((n) - (((n) % (d) + (d)) % (d)), d)");
  Arithmetic spark(Dialect::from_name("spark"));
  CHECK(spark.floor_div("n", "d") == "(((n) - (((n) % (d) + (d)) % (d))) div (d))");
}

TEST_CASE("sql arithmetic: figures are floored to their places as DECIMAL, never divided") {
  Arithmetic a(Dialect::from_name("duckdb"));
  ExactNumber points{"p", "3", Decimal::int128(3), {}, false};
  CHECK(a.to_decimal(points, 2) ==
        "(CAST(((((p * 100)) - ((((p * 100)) % (3) + (3)) % (3))) // (3)) AS DECIMAL(38,0)) * CAST(0.01 AS DECIMAL(38,2)))");
}

TEST_CASE("sql arithmetic: same constant denominators compare numerators, others cross-multiply") {
  Arithmetic a(Dialect::from_name("duckdb"));
  ExactNumber usd{"v", "1000000", Decimal::int128(1'000'000), {}, false};
  CHECK(a.compare(usd, ">=", a.literal(Decimal::from_int(1000))) == "(v >= (CAST(1000 AS HUGEINT) * 1000000))");
  ExactNumber q{"n", "d", {}, {}, false};
  CHECK(a.compare(q, ">", usd) == "(n * 1000000 > v * d)");
}

TEST_CASE("sql arithmetic: dividing by a negative constant moves its sign to the numerator") {
  Arithmetic a(Dialect::from_name("duckdb"));
  ExactNumber n{"n", "1", Decimal::int128(1), {}, false};
  const auto r = a.divide(n, a.literal(Decimal::from_int(-4)));
  CHECK(r.num == "(n * -1)");
  CHECK(*r.const_den == 4);
}

TEST_CASE("sql script: a construct without a SQL form is refused at its position") {
  SourceFiles sources;
  Diagnostics diags;
  auto ruleset = compile_ruleset(PCS_SOURCE_DIR "/tests/sql/rules/refused", sources, diags);
  REQUIRE(ruleset);
  Options options{Dialect::from_name("duckdb"), std::nullopt, {}};
  CHECK_FALSE(compile(*ruleset, options, diags));
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items().back();
  CHECK(d.code == "no-sql-form");
  CHECK(d.pos.file.ends_with("tests/sql/rules/refused/program.pcs"));
  CHECK(d.pos.line == 13);
  CHECK(d.pos.column == 13);
  CHECK(d.message ==
        "coverage() has no SQL form yet (designation covered cannot be compiled): a matching of people to certifications");

  Diagnostics other;
  options.designations = {"counted"};
  const auto script = compile(*ruleset, options, other);
  REQUIRE(script);
  CHECK(other.error_count() == 0);
  CHECK(script->sql.find("counted__people_count") != std::string::npos);
  CHECK(script->sql.find("DOUBLE") == std::string::npos);
}
