# The language tests: parser, checker, evaluator, worked examples, CLI.
add_executable(pcs_lang_tests
  test_main.cpp
  lang/test_grammar.cpp
)
target_link_libraries(pcs_lang_tests PRIVATE pcs_lang doctest::doctest)
target_compile_definitions(pcs_lang_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_lang_tests)
