# The batch engine: one recipe, populations streamed through buckets, bad rows.
add_executable(pcs_engine_tests
  test_main.cpp
  engine/test_population.cpp
  engine/test_bad_rows.cpp
  engine/test_streaming_diff.cpp
)
target_link_libraries(pcs_engine_tests PRIVATE pcs_report pcs_engine pcs_compare doctest::doctest)
target_include_directories(pcs_engine_tests PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(pcs_engine_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_engine_tests)
