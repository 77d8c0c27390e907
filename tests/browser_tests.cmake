# Browser tests (tests/browser/): node's test runner drives Debian's chromium
# through playwright-core. Each *.test.mjs is one CTest test; they share the
# npm install, so they run one at a time (RESOURCE_LOCK).
set(PCS_BROWSER_DIR ${CMAKE_CURRENT_SOURCE_DIR}/browser)
function(pcs_browser_test name file)
  add_test(NAME browser:${name}
           COMMAND ${PCS_BROWSER_DIR}/run-tests.sh ${PCS_BROWSER_DIR}/${file})
  set_tests_properties(browser:${name} PROPERTIES
    RESOURCE_LOCK pcs_browser TIMEOUT 600
    ENVIRONMENT "PCS_BIN=$<TARGET_FILE:pcs>;PCS_SOURCE_DIR=${PROJECT_SOURCE_DIR};PCS_ARTEFACTS=${CMAKE_BINARY_DIR}/browser-artefacts")
endfunction()
# pcs_browser_test(report report.test.mjs)   -- one line per test file
pcs_browser_test(report report.test.mjs)
pcs_browser_test(serve serve.test.mjs)
