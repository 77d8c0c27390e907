# The command line as a new user meets it: help, the main job, and broken
# inputs with their documented exit codes (cli/exit_codes.hpp).
set(expect ${CMAKE_CURRENT_SOURCE_DIR}/cli/expect.sh)
set(pcs_bin $<TARGET_FILE:pcs>)
set(src ${PROJECT_SOURCE_DIR})
set(bad ${CMAKE_CURRENT_SOURCE_DIR}/cli/bad)

function(pcs_cli_test name code pattern)
  add_test(NAME "cli: ${name}" COMMAND ${expect} ${code} "${pattern}" -- ${ARGN} WORKING_DIRECTORY ${src})
endfunction()

pcs_cli_test("help lists the eval command" 0 "eval +Score one partner" ${pcs_bin} --help)
pcs_cli_test("eval help shows its options" 0 "--explain" ${pcs_bin} eval --help)
pcs_cli_test("no command is a usage error" 2 "" ${pcs_bin})
pcs_cli_test("eval scores a sample partner" 0 "Solutions Partner for Infrastructure \\(Azure\\)"
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json)
pcs_cli_test("eval json follows the contract" 0 "\"designations\": \\["
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json --format json)
pcs_cli_test("eval explain names the figures" 0 "eligible_customers\\([0-9]{4}-[0-9]{2}\\) = "
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json --explain --designation data-ai)
pcs_cli_test("bad --as-of is a usage error" 2 "--as-of expects a month written YYYY-MM, got \"2024-13\""
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json --as-of 2024-13)
pcs_cli_test("unknown designation lists the known ones" 2 "has no designation 'securty'; it has: business-applications, data-ai"
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json --designation securty)
pcs_cli_test("unknown format is a usage error" 2 "format" 
             ${pcs_bin} eval rulesets/2023-06 examples/partners/all-three.json --format xml)
pcs_cli_test("a broken rule file exits 3 with its location" 3 "units.pcs:3:27: error\\[unit-mismatch\\]: cannot add people to USD"
             ${pcs_bin} eval ${bad}/ruleset examples/partners/all-three.json)
pcs_cli_test("a missing ruleset folder exits 3" 3 "'no/such/dir' is not a ruleset folder"
             ${pcs_bin} eval no/such/dir examples/partners/all-three.json)
pcs_cli_test("a broken partner file exits 4 with its JSON path" 4 "customers\\[0\\]\\.usage\\[0\\]\\.month: expected YYYY-MM, got \"2024-13\""
             ${pcs_bin} eval rulesets/2023-06 ${bad}/bad-month.json)
pcs_cli_test("a missing partner file exits 4" 4 "cannot read"
             ${pcs_bin} eval rulesets/2023-06 no-such-partner.json)
pcs_cli_test("a partner file that is not JSON exits 4" 4 "error\\[json-syntax\\]"
             ${pcs_bin} eval rulesets/2023-06 ${bad}/not-json.json)

# A ';' in a doctest name splits it for CTest, which then runs nothing and
# reports a pass: keep every test name free of it.
add_test(NAME "tests: no test name contains a semicolon"
         COMMAND ${expect} 1 "" -- grep -rnE "TEST_CASE\\(\"[^\"]*;" ${CMAKE_CURRENT_SOURCE_DIR})

# The sample partners are exactly what their generator writes.
find_program(PYTHON3 python3)
if(PYTHON3)
  add_test(NAME "examples: the sample partners match their generator"
           COMMAND ${PYTHON3} ${src}/examples/generate_partners.py --check WORKING_DIRECTORY ${src})
endif()

# The test cases beside the rulesets, run by `pcs test` as program managers do.
pcs_cli_test("pcs test runs the cases beside every program version" 0 "[1-9][0-9]* passed, 0 failed"
             ${pcs_bin} test rulesets)
pcs_cli_test("eval picks the version in force at the as-of month" 0 "as of 2022-12  ·  program 2022-10"
             ${pcs_bin} eval rulesets rulesets/2022-10/tests/microsoft-cloud.json --as-of 2022-12)
pcs_cli_test("eval with --program scores a named version" 0 "program 2022-05"
             ${pcs_bin} eval rulesets examples/partners/large.json --program 2022-05)
pcs_cli_test("the Microsoft Cloud badge is reported" 0 "Microsoft Cloud +EARNED"
             ${pcs_bin} eval rulesets/2022-10 rulesets/2022-10/tests/microsoft-cloud.json)

# `pcs check` on rulesets built to hold each inconsistency, against golden output.
set(golden ${CMAKE_CURRENT_SOURCE_DIR}/cli/golden.sh)
add_test(NAME "cli: check reports every warning of a ruleset built for them"
         COMMAND ${golden} ${CMAKE_CURRENT_SOURCE_DIR}/check/inconsistent.expected 0 -- ${pcs_bin} check tests/check/inconsistent
         WORKING_DIRECTORY ${src})
add_test(NAME "cli: check reports errors with exit 3"
         COMMAND ${golden} ${CMAKE_CURRENT_SOURCE_DIR}/check/broken.expected 3 -- ${pcs_bin} check tests/check/broken
         WORKING_DIRECTORY ${src})
add_test(NAME "cli: check flags the 2025-01 deck's skilling table as printed"
         COMMAND ${golden} ${CMAKE_CURRENT_SOURCE_DIR}/check/deck-2025-01.expected 0 -- ${pcs_bin} check tests/check/deck-2025-01
         WORKING_DIRECTORY ${src})
pcs_cli_test("check --strict fails on warnings" 1 "warning\\[category-max\\]"
             ${pcs_bin} check --strict tests/check/deck-2025-01)
pcs_cli_test("check --strict: the shipped rulesets have no warnings" 0 "^0 errors, 0 warnings in 4 rulesets$"
             ${pcs_bin} check --strict rulesets)
pcs_cli_test("check --format json for editors" 0 "\"code\": \"unreachable-max\", \"file\": \"tests/check/deck-2025-01/program.pcs\", \"line\": 21"
             ${pcs_bin} check --format json tests/check/deck-2025-01)

# The VS Code extension's TextMate grammar, its scopes checked by
# vscode-tmgrammar-test (from the npm registry; see editors/vscode/).
add_test(NAME "editors: TextMate grammar scopes (vscode-tmgrammar-test)"
         COMMAND ${src}/editors/vscode/run-tests.sh WORKING_DIRECTORY ${src}/editors/vscode)

# `pcs diff`: 2023-06 against 2025-01 for Digital & App Innovation over the sample partners.
pcs_cli_test("diff names who loses the designation and why" 1 "lose it: adventure-works"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners --designation digital-app-innovation)
pcs_cli_test("diff explains a change by the metrics that moved" 1 "adventure-works +77 -> 67 \\(-10\\), attained yes -> no: path - -> enterprise; net_customer_adds 10 -> 0"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners --designation digital-app-innovation)
pcs_cli_test("diff of a version with itself exits 0" 0 "no partner's results changed"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2023-06 --partners examples/partners)
pcs_cli_test("diff --format json" 1 "\"lost\": \\[\"adventure-works\"\\]"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners --designation digital-app-innovation --format json)
pcs_cli_test("diff reports a bad partner file and compares the others" 0 "1 partner could not be loaded and is left out of the comparison"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2025-01 --partners ${bad}/population)
pcs_cli_test("diff reads the contract's CSV tables too" 1 "lose it: adventure-works"
             ${pcs_bin} diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners-csv --designation digital-app-innovation)

# Every shipped rule file is in the canonical layout of `pcs fmt`.
pcs_cli_test("fmt --check: the shipped rules are formatted" 0 "" ${pcs_bin} fmt --check stdlib rulesets tests/check)

# A later version scores what it carries over exactly as the earlier one:
# every designation it does not replace, and the specializations built only
# on them, figure for figure, on every test partner of the rulesets.
file(GLOB carried_partners_2022 ${src}/rulesets/2022-05/tests/*.json ${src}/rulesets/2022-10/tests/*.json ${src}/examples/partners/*.json)
add_test(NAME "cli: 2023-06 scores Modern Work, Security and Business Applications as 2022-10 does"
         COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/carried_over.py ${pcs_bin} rulesets 2022-10 2023-06
                 modern-work,security,business-applications ${carried_partners_2022}
         WORKING_DIRECTORY ${src})
file(GLOB carried_partners_2023 ${src}/rulesets/2022-10/tests/*.json ${src}/rulesets/2023-06/tests/*.json
     ${src}/rulesets/2025-01/tests/*.json ${src}/examples/partners/*.json)
add_test(NAME "cli: 2025-01 scores every designation but Digital & App Innovation as 2023-06 does"
         COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/cli/carried_over.py ${pcs_bin} rulesets 2023-06 2025-01
                 infrastructure,data-ai,modern-work,security,business-applications ${carried_partners_2023}
         WORKING_DIRECTORY ${src})
add_test(NAME "cli: eval rulesets shows the whole program in force at any month from 2022-05 on"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/whole_program.sh ${pcs_bin} rulesets/2022-10/tests/microsoft-cloud.json
                 2022-05 2022-09 2022-12 2023-06 2023-07 2024-12 2025-01 2025-03 2026-12
         WORKING_DIRECTORY ${src})
# `pcs eval --partners`: a whole population through the engine.
pcs_cli_test("eval --partners scores every sample partner from the CSV tables" 0
             "pcs eval: 6 partners read, 6 scored, 0 failed; business-applications attained by 0 of 6; data-ai attained by 2 of 6"
             ${pcs_bin} eval rulesets --partners examples/partners-csv)
pcs_cli_test("eval --partners writes JSON Lines sorted by partner id" 0 "^\\{\"partner\": \"adventure-works\",\"as_of\": \"2024-06\""
             ${pcs_bin} eval rulesets/2023-06 --partners examples/partners)
pcs_cli_test("eval --partners --format csv has a row per partner and designation" 0
             "partner,program,as_of,designation,path,total,attained,net_customer_adds"
             ${pcs_bin} eval rulesets/2023-06 --partners examples/partners-csv --format csv)
add_test(NAME "cli: eval --partners equals eval of each partner, every version, JSON and CSV, any threads"
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/batch_matches_single.sh ${pcs_bin} WORKING_DIRECTORY ${src})
pcs_cli_test("eval --partners exits 5 when some partners fail, and scores the others" 5
             "2 partners read, 1 scored, 1 failed"
             ${pcs_bin} eval rulesets/2023-06 --partners ${bad}/population)
pcs_cli_test("eval --partners names the bad row of a failed partner" 5
             "\"error\": \"[^\"]*bad-month.json:2:58: customers\\[0\\]\\.usage\\[0\\]\\.month: expected YYYY-MM"
             ${pcs_bin} eval rulesets/2023-06 --partners ${bad}/population)
pcs_cli_test("eval --partners stops at a broken partners.csv header" 4
             "partners.csv:1:24: error\\[partner-data\\]: duplicate column \"partner_id\""
             ${pcs_bin} eval rulesets/2023-06 --partners ${bad}/partners-header)
pcs_cli_test("eval needs a partner file or --partners" 2 "give a partner file, or --partners DIR"
             ${pcs_bin} eval rulesets/2023-06)

# The score simulator: `pcs plan` and `pcs what-if` (planner/).
pcs_cli_test("plan: zero-metric's Infrastructure is one new service away, verified" 0
             "verified: 84 / 100, attained"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json)
pcs_cli_test("plan: a designation no action can reach is said so" 0
             "usage_growth: its prerequisite `require baseline >= 50_000 units` \\(rulesets/2022-10/business-applications\\.pcs:138\\) is not met, and it reads only 2023-06, before the as-of month 2024-06: no action taken now can change a past month"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json --designation business-applications)
# Modern Work's usage metrics count tenants with an association type: existing
# tenants without rows get usage, and the plan is verified by scoring it.
pcs_cli_test("plan: Modern Work from zero is planned and the plan verified" 0
             "verified: 70 / 100, path smb, attained"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json --designation modern-work)
# Steps with no points of their own count together with the next step that
# brings points: at southridge (credits-and-churn, 2023-06) 50 USD more ACR
# makes one more customer at the 1,000 USD threshold, which only lifts net
# customer adds from -2 to -1 (still 0 points); with two new customers it is
# +1 (10 points), and their ACR raises usage growth (16 points): +26 for
# steps 1 and 2 together.
pcs_cli_test("plan: a step with no points of its own names the step it counts with" 0
             "^   1\\. add 50 USD of acr .* 0\\.4 h      with step 2  \\[net_customer_adds\\]$"
             ${pcs_bin} plan rulesets examples/partners/credits-and-churn.json --designation infrastructure)
pcs_cli_test("plan: the points of steps that count together are on the last one" 0
             "^   2\\. win 2 new customer tenants .* 344\\.7 h       \\+26 points  \\[net_customer_adds\\] \\(steps 1-2 together\\)$"
             ${pcs_bin} plan rulesets examples/partners/credits-and-churn.json --designation infrastructure)
pcs_cli_test("plan --format json: each action names the steps it counts with" 0
             "\"points\": 0, \"together\": \\{ \"first\": 1, \"last\": 2, \"points\": 26 \\}"
             ${pcs_bin} plan rulesets examples/partners/credits-and-churn.json --format json --designation infrastructure)
pcs_cli_test("plan: the badge names the designations it misses" 0
             "Microsoft Cloud badge: not attained; it needs infrastructure"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json)
pcs_cli_test("plan --format json carries the actions as one edits document" 0
             "\"edits\": \\{"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json --format json --designation infrastructure)
pcs_cli_test("plan --specializations lists the unmet requirements" 0
             "requirement NOT met: count\\(people holding PL-200\\) >= 5 people"
             ${pcs_bin} plan rulesets/2022-10 examples/partners/zero-metric.json --specializations --designation business-applications --designation digital-app-innovation)
# Each unmet requirement of a specialization with what its own rule reads.
pcs_cli_test("plan --specializations: a certification requirement says which people would meet it" 0
             "^    would meet it: more people holding MB-800 \\(numbers in its rule: 5\\)$"
             ${pcs_bin} plan rulesets/2022-10 examples/partners/zero-metric.json --specializations --designation business-applications)
pcs_cli_test("plan --specializations: an attested requirement is said to be out of reach of the data" 0
             "^    would meet it: partner\\.attributes\\.business_central_appsource_offer is attested by the partner: no action of the data can set it$"
             ${pcs_bin} plan rulesets/2022-10 examples/partners/zero-metric.json --specializations --designation business-applications)
pcs_cli_test("plan --specializations: a usage requirement names the usage its rule counts" 0
             "^    would meet it: more usage: mau \\(product in \\{Dynamics 365 Business Central\\}; offer not in \\{Trial\\}; association in \\{CPOR, CPOR-RevRec, CSP1, CSP2, DPOR\\}\\) \\(numbers in its rule: 12, 50\\)$"
             ${pcs_bin} plan rulesets/2022-10 examples/partners/zero-metric.json --specializations --designation business-applications)
pcs_cli_test("plan --format json: each unmet requirement of a specialization with what would meet it" 0
             "\\{ \"requirement\": \"count\\(people holding AZ-400\\) >= 3 people\", \"at\": \"rulesets/2022-10/specializations-digital-app-innovation\\.pcs:66\", \"would_meet\": \\[\"more people holding AZ-400 \\(numbers in its rule: 3\\)\"\\] \\}"
             ${pcs_bin} plan rulesets/2022-10 examples/partners/zero-metric.json --format json --designation digital-app-innovation)
pcs_cli_test("plan --costs: a bad costs file is located" 4
             "bad-costs.json:2:20: error\\[costs\\]: certification: expected a number, 0 or more"
             ${pcs_bin} plan rulesets examples/partners/zero-metric.json --costs tests/planner/bad-costs.json)
pcs_cli_test("plan --partners: per designation attained, within the cost, the cheapest" 0
             "vanarsdel: 16 h in all; first: add 0.01 USD of acr"
             ${pcs_bin} plan rulesets --partners examples/partners --within 80h --designation infrastructure)
pcs_cli_test("plan --within in another unit is a usage error" 2 "--within expects a cost in h"
             ${pcs_bin} plan rulesets --partners examples/partners --within 3d)
pcs_cli_test("what-if: one more eligible service, before and after" 0
             "Deployments +0 services +0/10 +1 service +2/10 +\\+2"
             ${pcs_bin} what-if rulesets examples/partners/zero-metric.json tests/planner/one-more-service.json --designation infrastructure)
pcs_cli_test("what-if: the total and the verdict side by side" 0
             "Total +82/100 +84/100 +\\+2"
             ${pcs_bin} what-if rulesets examples/partners/zero-metric.json tests/planner/one-more-service.json --designation infrastructure)
pcs_cli_test("what-if --format json" 0 "\"moved\": true"
             ${pcs_bin} what-if rulesets examples/partners/zero-metric.json tests/planner/one-more-service.json --format json)
pcs_cli_test("what-if: a bad edits file is located like a partner file" 4
             "bad-edits.json:3:48: error\\[partner-data\\]: add_customers\\[0\\].usage\\[0\\].month: expected YYYY-MM"
             ${pcs_bin} what-if rulesets examples/partners/zero-metric.json tests/planner/bad-edits.json)
include(${CMAKE_CURRENT_SOURCE_DIR}/cli/hostile_tests.cmake)
