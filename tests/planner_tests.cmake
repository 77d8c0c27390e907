# The score simulator (planner/): hand-computed plans, what-if, and every plan
# verified on a generated population of every version.
add_executable(pcs_planner_tests
  test_main.cpp
  planner/test_planner.cpp
  planner/test_population.cpp
)
target_link_libraries(pcs_planner_tests PRIVATE pcs_planner doctest::doctest)
target_compile_definitions(pcs_planner_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_planner_tests)
