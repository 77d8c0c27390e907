# pcs report's data preparation (report/report_data.*): histogram bins, the
# minimum total, near misses.
add_executable(pcs_report_tests
  test_main.cpp
  report/test_report_data.cpp
)
target_link_libraries(pcs_report_tests PRIVATE pcs_html_report doctest::doctest)
target_compile_definitions(pcs_report_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_report_tests)
