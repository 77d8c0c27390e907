# The language tests: parser, checker, evaluator, worked examples.
add_executable(pcs_lang_tests
  test_main.cpp
  lang/test_grammar.cpp
  lang/test_parse_errors.cpp
  lang/test_check_errors.cpp
  lang/test_edge_cases.cpp
  lang/test_language.cpp
  lang/test_report.cpp
  lang/test_outcomes.cpp
  lang/test_tester.cpp
  lang/test_versions.cpp
  lang/test_limits.cpp
)
target_link_libraries(pcs_lang_tests PRIVATE pcs_report pcs_tester doctest::doctest)
target_compile_definitions(pcs_lang_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_lang_tests)

# The command line, run as a user would.
include(${CMAKE_CURRENT_SOURCE_DIR}/cli_tests.cmake)
