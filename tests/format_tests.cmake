# `pcs fmt`: the formatter's golden pairs and properties (tests/format), and
# the command line's exit codes.
add_executable(pcs_format_tests
  test_main.cpp
  format/test_formatter.cpp
)
target_link_libraries(pcs_format_tests PRIVATE pcs_format doctest::doctest)
target_compile_definitions(pcs_format_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_format_tests)

set(fmt_expect ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect.sh)
set(fmt_dir ${CMAKE_CURRENT_SOURCE_DIR}/format)
add_test(NAME "cli: fmt --check passes a formatted file"
         COMMAND ${fmt_expect} 0 "^$" -- $<TARGET_FILE:pcs> fmt --check ${fmt_dir}/spacing.pcs.formatted)
add_test(NAME "cli: fmt --check lists an unformatted file and exits 1"
         COMMAND ${fmt_expect} 1 "spacing\\.pcs" -- $<TARGET_FILE:pcs> fmt --check ${fmt_dir}/spacing.pcs)
add_test(NAME "cli: fmt refuses a file that does not parse and exits 3"
         COMMAND ${fmt_expect} 3 "unclosed\\.pcs:2:15: error\\[syntax\\]: expected '\\)'"
                 -- $<TARGET_FILE:pcs> fmt ${fmt_dir}/errors)
add_test(NAME "cli: fmt of a missing path is a usage error"
         COMMAND ${fmt_expect} 2 "'no/such/path' is not a file or folder" -- $<TARGET_FILE:pcs> fmt no/such/path)
add_test(NAME "cli: fmt rewrites a file in place and lists it"
         COMMAND sh -c "cp \"$1\" \"$2\" && \"$3\" fmt \"$2\" | grep -q copy.pcs && cmp \"$2\" \"$1.formatted\""
                 fmt-test ${fmt_dir}/where_chains.pcs ${CMAKE_CURRENT_BINARY_DIR}/copy.pcs $<TARGET_FILE:pcs>)
