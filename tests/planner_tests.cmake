# The score simulator (planner/): hand-computed plans, what-if, and every plan
# verified on a generated population of every version.
add_executable(pcs_planner_tests
  test_main.cpp
  planner/test_planner.cpp
  planner/test_population.cpp
  planner/plans_2022_05.cpp
  planner/plans_2022_10.cpp
  planner/plans_2023_06.cpp
  planner/plans_2025_01.cpp
  planner/plans_new_version.cpp
)
target_link_libraries(pcs_planner_tests PRIVATE pcs_planner doctest::doctest)
target_compile_definitions(pcs_planner_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
# "Every plan verifies" on the issue's 200 generated partners per version in
# the ordinary build (about 100 s per version on the 2-core machine); 24 under
# the sanitizers (PCS_FUZZ), which are some 15 times slower.
if(PCS_FUZZ)
  set(pcs_plan_population 24)
else()
  set(pcs_plan_population 200)
endif()
doctest_discover_tests(pcs_planner_tests PROPERTIES ENVIRONMENT "PCS_PLAN_POPULATION=${pcs_plan_population}")
