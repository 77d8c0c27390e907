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
