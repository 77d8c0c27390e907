# SQL compiler tests (tests/sql/): the script of `pcs sql` run on DuckDB
# (@duckdb/node-api, pinned in tests/sql/package-lock.json) over a generated
# population, compared with `pcs eval --partners`: zero differences. They
# share the npm install and the population, so they run one at a time.
set(PCS_SQL_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/sql)
function(pcs_sql_test name engine)
  add_test(NAME sql:${name} COMMAND ${PCS_SQL_TEST_DIR}/run-compare.sh ${engine} ${ARGN})
  set_tests_properties(sql:${name} PROPERTIES
    RESOURCE_LOCK pcs_sql TIMEOUT 600
    ENVIRONMENT "PCS_BIN=$<TARGET_FILE:pcs>;PCS_POPULATION_GEN=$<TARGET_FILE:pcs_population_gen>;PCS_SQL_DATA=${CMAKE_BINARY_DIR}/sql-data")
endfunction()
pcs_sql_test(duckdb-2023-06 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2023-06)
pcs_sql_test(duckdb-2023-06-as-of duckdb ${PROJECT_SOURCE_DIR}/rulesets/2023-06 --as-of 2024-02)
pcs_sql_test(duckdb-2025-01 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2025-01)
pcs_sql_test(duckdb-2022-10 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2022-10)
pcs_sql_test(duckdb-2022-05 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2022-05)
# The harness itself: SQL scored at another month than pcs eval must differ.
pcs_sql_test(duckdb-harness-sees-differences duckdb ${PROJECT_SOURCE_DIR}/rulesets/2023-06 --designation data-ai --sql-only-as-of 2023-01)
set_tests_properties(sql:duckdb-harness-sees-differences PROPERTIES PASS_REGULAR_EXPRESSION "; [1-9][0-9]* differences")
# Exact arithmetic on a hand-made population: negative values (credits),
# floors and quotients of negative numbers, values without a finite decimal
# expansion, fractional points; a partner without usage and one with a bad
# month, which neither side scores.
pcs_sql_test(duckdb-arithmetic duckdb ${PCS_SQL_TEST_DIR}/rules/arithmetic --population ${PCS_SQL_TEST_DIR}/population/credits)
pcs_sql_test(duckdb-arithmetic-as-of duckdb ${PCS_SQL_TEST_DIR}/rules/arithmetic --as-of 2024-05 --population ${PCS_SQL_TEST_DIR}/population/credits)

# The compiler's arithmetic and refusals (doctest).
add_executable(pcs_sql_tests ${CMAKE_CURRENT_SOURCE_DIR}/test_main.cpp ${PCS_SQL_TEST_DIR}/test_sql_compiler.cpp)
target_link_libraries(pcs_sql_tests PRIVATE pcs_sql doctest::doctest)
target_compile_definitions(pcs_sql_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_sql_tests TEST_PREFIX "sql: ")

# The command as a user meets it (tests/cli/expect.sh: exit code and output).
function(pcs_sql_cli_test name code pattern)
  add_test(NAME "sql: ${name}" COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect.sh ${code} "${pattern}" -- ${ARGN}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
pcs_sql_cli_test("help lists the sql command" 0 "sql +Compile a ruleset to one SQL script" $<TARGET_FILE:pcs> --help)
pcs_sql_cli_test("the script ends in the contract's columns" 0
                 "SELECT d.partner_id AS partner, 'data-ai' AS designation, d.path AS path, .* AS total, .* AS designation_max, d.attained AS attained, 'net_customer_adds' AS metric"
                 $<TARGET_FILE:pcs> sql rulesets/2023-06 --designation data-ai)
pcs_sql_cli_test("explain names the rule of each CTE" 0 "eligible_acr +let eligible_acr \\(rulesets/2023-06/azure-common.pcs:18\\)"
                 $<TARGET_FILE:pcs> sql rulesets/2023-06 --designation data-ai --explain)
pcs_sql_cli_test("a construct without SQL form exits 3 at its position" 3
                 "program.pcs:13:13: error\\[no-sql-form\\]: coverage\\(\\) has no SQL form yet \\(designation covered cannot be compiled\\)"
                 $<TARGET_FILE:pcs> sql tests/sql/rules/refused)
pcs_sql_cli_test("an unknown dialect is a usage error" 2 "dialect" $<TARGET_FILE:pcs> sql rulesets/2023-06 --dialect oracle)
pcs_sql_cli_test("a folder of versions needs --as-of" 2 "a folder of versions needs --as-of YYYY-MM"
                 $<TARGET_FILE:pcs> sql rulesets)

# PostgreSQL: a server started and stopped by the test (tests/sql/engines/postgres.mjs).
pcs_sql_test(postgres-arithmetic postgres ${PCS_SQL_TEST_DIR}/rules/arithmetic --population ${PCS_SQL_TEST_DIR}/population/credits)

# Spark: golden files (tests/sql/golden.sh; PCS_UPDATE_GOLDEN=1 rewrites them after review).
function(pcs_sql_golden_test name golden)
  add_test(NAME sql:${name} COMMAND ${PCS_SQL_TEST_DIR}/golden.sh ${PCS_SQL_TEST_DIR}/golden/${golden} ${ARGN}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(sql:${name} PROPERTIES ENVIRONMENT "PCS_BIN=$<TARGET_FILE:pcs>")
endfunction()
pcs_sql_golden_test(spark-2023-06-data-ai 2023-06-data-ai.spark.sql rulesets/2023-06 --dialect spark --designation data-ai)
pcs_sql_golden_test(spark-2025-01-digital-app-innovation 2025-01-digital-app-innovation.spark.sql
                    rulesets/2025-01 --dialect spark --designation digital-app-innovation)
pcs_sql_test(postgres-2023-06 postgres ${PROJECT_SOURCE_DIR}/rulesets/2023-06)
pcs_sql_test(postgres-2025-01 postgres ${PROJECT_SOURCE_DIR}/rulesets/2025-01)

# Badges and specializations (pcs sql --part awards): every award the script
# compiles compared with pcs eval --partners --explain (passed or attained,
# the designation verdict and each requirement's); those left out for a
# construct without SQL form are named by the script and counted.
pcs_sql_test(duckdb-awards-2023-06 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2023-06 --part awards)
pcs_sql_test(duckdb-awards-2025-01 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2025-01 --part awards)
pcs_sql_test(duckdb-awards-2022-10 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2022-10 --part awards)
pcs_sql_test(duckdb-awards-2022-05 duckdb ${PROJECT_SOURCE_DIR}/rulesets/2022-05 --part awards)
# The generated partners pass no specialization: a hand-made ruleset where
# badges and specializations pass, fail, are not published or are left out.
pcs_sql_test(duckdb-awards-passing duckdb ${PCS_SQL_TEST_DIR}/rules/awards --part awards --population ${PCS_SQL_TEST_DIR}/population/credits)
set_tests_properties(sql:duckdb-awards-passing PROPERTIES PASS_REGULAR_EXPRESSION "\\(6 attained or passed; 3 of awards left out by pcs sql not compared: covered\\).*; 0 differences")
pcs_sql_test(postgres-awards-passing postgres ${PCS_SQL_TEST_DIR}/rules/awards --part awards --population ${PCS_SQL_TEST_DIR}/population/credits)
set_tests_properties(sql:postgres-awards-passing PROPERTIES PASS_REGULAR_EXPRESSION "\\(6 attained or passed; 3 of awards left out by pcs sql not compared: covered\\).*; 0 differences")
pcs_sql_test(postgres-awards-2025-01 postgres ${PROJECT_SOURCE_DIR}/rulesets/2025-01 --part awards)
pcs_sql_cli_test("an award without SQL form is left out with a warning at its position" 0
                 "program.pcs:62:11: warning\\[no-sql-form\\]: coverage\\(\\) has no SQL form yet \\(specialization covered is left out of the script\\)"
                 $<TARGET_FILE:pcs> sql tests/sql/rules/awards --part awards)
pcs_sql_cli_test("the awards script names the awards left out" 0
                 "^-- awards left out \\(a rule without SQL form, see the warnings of pcs sql\\): covered$"
                 $<TARGET_FILE:pcs> sql tests/sql/rules/awards --part awards)
pcs_sql_cli_test("the awards script ends in one row per partner and award" 0
                 "^ORDER BY partner, kind, award;$"
                 $<TARGET_FILE:pcs> sql tests/sql/rules/awards --part awards)
pcs_sql_golden_test(spark-awards awards.spark.sql tests/sql/rules/awards --dialect spark --part awards)

# Measures (and association types, segments, markets) the contract does not
# define: in the rules `where measure == "x"` keeps no row on both sides; in
# the data such a row makes pcs eval fail the partner and the SQL leave it out.
pcs_sql_test(duckdb-unknown-measure duckdb ${PCS_SQL_TEST_DIR}/rules/unknown-measure --population ${PCS_SQL_TEST_DIR}/population/unknown)
pcs_sql_test(postgres-unknown-measure postgres ${PCS_SQL_TEST_DIR}/rules/unknown-measure --population ${PCS_SQL_TEST_DIR}/population/unknown)
set_tests_properties(sql:duckdb-unknown-measure sql:postgres-unknown-measure PROPERTIES
  PASS_REGULAR_EXPRESSION "1 partners scored by SQL .* 5 partners not scored by pcs eval; 0 differences")
# With --designation, as pcs eval: no badge, and only the specializations
# whose every designation is scored.
pcs_sql_test(duckdb-awards-2025-01-designations duckdb ${PROJECT_SOURCE_DIR}/rulesets/2025-01 --part awards
             --designation digital-app-innovation --designation data-ai)

# Spark: the golden files (what `pcs sql --dialect spark` prints, golden.sh)
# parsed with a Spark SQL grammar (dt-sql-parser from npm, tests/sql/spark/),
# and a script with a mistake, which the check must report where it is.
add_test(NAME sql:spark-grammar-parses-the-golden-scripts
         COMMAND ${PCS_SQL_TEST_DIR}/spark/run.sh ${PCS_SQL_TEST_DIR}/golden/2023-06-data-ai.spark.sql
                 ${PCS_SQL_TEST_DIR}/golden/2025-01-digital-app-innovation.spark.sql ${PCS_SQL_TEST_DIR}/golden/awards.spark.sql)
set_tests_properties(sql:spark-grammar-parses-the-golden-scripts PROPERTIES RESOURCE_LOCK pcs_sql_spark TIMEOUT 300)
add_test(NAME sql:spark-grammar-sees-a-mistake
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect.sh 1
                 "broken.spark.sql:5:13: 'partner_id' is not valid at this position, expecting an existing column or an existing function or a keyword"
                 -- ${PCS_SQL_TEST_DIR}/spark/run.sh ${PCS_SQL_TEST_DIR}/spark/broken.spark.sql)
set_tests_properties(sql:spark-grammar-sees-a-mistake PROPERTIES RESOURCE_LOCK pcs_sql_spark TIMEOUT 300)
