# pcs report's data preparation (report/report_data.*): histogram bins, the
# minimum total, near misses.
add_executable(pcs_report_tests
  test_main.cpp
  report/test_report_data.cpp
)
target_link_libraries(pcs_report_tests PRIVATE pcs_html_report doctest::doctest)
target_compile_definitions(pcs_report_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_report_tests)

# pcs report from the command line: what it writes and its exit codes (those of
# pcs eval --partners, README "Exit codes").
set(report_out ${CMAKE_CURRENT_BINARY_DIR}/report-cli)
file(MAKE_DIRECTORY ${report_out})
pcs_cli_test("report writes one HTML file, exit 0" 0
             "^pcs report: wrote [^ ]*report-cli/one\\.html \\([0-9]+ bytes\\)$"
             ${pcs_bin} report rulesets/2023-06 --partners examples/partners-csv --out ${report_out}/one.html)
pcs_cli_test("report of two versions writes the comparison, exit 0" 0
             "^pcs report: wrote [^ ]*report-cli/two\\.html \\([0-9]+ bytes\\)$"
             ${pcs_bin} report rulesets/2023-06 rulesets/2025-01 --partners examples/partners-csv --out ${report_out}/two.html)
pcs_cli_test("report without --out is a usage error, exit 2" 2 "--out is required"
             ${pcs_bin} report rulesets/2023-06 --partners examples/partners-csv)
pcs_cli_test("report to a folder that does not exist, exit 2" 2 "pcs report: cannot write '/nonexistent/r\\.html'"
             ${pcs_bin} report rulesets/2023-06 --partners examples/partners-csv --out /nonexistent/r.html)
pcs_cli_test("report of a broken ruleset exits 3 with its location" 3 "units\\.pcs:3:27: error\\[unit-mismatch\\]"
             ${pcs_bin} report ${bad}/ruleset --partners examples/partners-csv --out ${report_out}/bad.html)
pcs_cli_test("report of a folder that cannot be read, exit 4" 4
             "pcs report: the partners in 'no/such/folder' cannot be read; nothing was scored"
             ${pcs_bin} report rulesets/2023-06 --partners no/such/folder --out ${report_out}/none.html)
pcs_cli_test("report with partners not scored still writes the page, exit 5" 5
             "pcs report: wrote [^ ]*report-cli/partial\\.html"
             ${pcs_bin} report rulesets/2023-06 --partners tests/cli/hostile/over-range-csv --out ${report_out}/partial.html)
