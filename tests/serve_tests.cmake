# pcs serve: the request handlers, without sockets.
add_executable(pcs_serve_tests
  test_main.cpp
  serve/test_playground.cpp
)
target_link_libraries(pcs_serve_tests PRIVATE pcs_serve doctest::doctest)
target_compile_definitions(pcs_serve_tests PRIVATE PCS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
doctest_discover_tests(pcs_serve_tests)
