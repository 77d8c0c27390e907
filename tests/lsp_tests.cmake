# The language server (`pcs lsp`, lsp/) driven by a scripted client, and the
# VS Code extension's .vsix (editors/vscode/), built and listed.
add_test(NAME "lsp: scripted client (diagnostics, hover, definition, formatting, quick fix, malformed input)"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/lsp/test_lsp.py $<TARGET_FILE:pcs> ${PROJECT_SOURCE_DIR})
set_tests_properties("lsp: scripted client (diagnostics, hover, definition, formatting, quick fix, malformed input)"
                     PROPERTIES TIMEOUT 120)
# Both npm-install into editors/vscode/node_modules, so they run one at a time.
add_test(NAME "editors: VS Code extension .vsix (vsce package)"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/editors/vscode/check-vsix.py)
set_tests_properties("editors: VS Code extension .vsix (vsce package)" PROPERTIES RESOURCE_LOCK pcs_vscode_npm TIMEOUT 600)
set_tests_properties("editors: TextMate grammar scopes (vscode-tmgrammar-test)" PROPERTIES RESOURCE_LOCK pcs_vscode_npm)
add_test(NAME "lsp: find references, document symbols, completion (scripted client)"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/lsp/test_lsp_navigation.py $<TARGET_FILE:pcs> ${PROJECT_SOURCE_DIR})
set_tests_properties("lsp: find references, document symbols, completion (scripted client)" PROPERTIES TIMEOUT 120)
add_test(NAME "lsp: hover values for a test partner (scripted client, against pcs eval and the .expect case)"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/lsp/test_lsp_partner.py $<TARGET_FILE:pcs> ${PROJECT_SOURCE_DIR})
set_tests_properties("lsp: hover values for a test partner (scripted client, against pcs eval and the .expect case)" PROPERTIES TIMEOUT 120)
add_test(NAME "lsp: robustness (malformed frames and requests, unknown methods, missing documents, files and folders deleted, abrupt end)"
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/lsp/test_lsp_robustness.py $<TARGET_FILE:pcs> ${PROJECT_SOURCE_DIR})
set_tests_properties("lsp: robustness (malformed frames and requests, unknown methods, missing documents, files and folders deleted, abrupt end)"
                     PROPERTIES TIMEOUT 120)
