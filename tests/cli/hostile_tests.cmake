# Hostile data through the command line (issue 11): the exact message and exit code.
set(hostile ${CMAKE_CURRENT_SOURCE_DIR}/cli/hostile)
# An exact sum that would pass the 64-bit limit names the rule AND the data row where it overflows.
pcs_cli_test("hostile: a JSON sum past the exact limit names the rule and the row, exit 1" 1
  "error: metric usage_growth: stdlib/usage\\.pcs:12:29: number too large: adding the usage row at [^ ]*tests/cli/hostile/overflow\\.json: customers\\[0\\]\\.usage\\[1\\] \\(tenant t-1, 2024-06, acr 9223372036854\\.775807\\) takes the sum above 9223372036854\\.775807, the limit of an exact sum$"
  ${pcs_bin} eval rulesets/2023-06 ${hostile}/overflow.json --designation data-ai)
pcs_cli_test("hostile: a group total past the exact limit names the row, exit 1" 1
  "error: stdlib/usage\\.pcs:30:79: number too large: adding the usage row at [^ ]*overflow\\.json: customers\\[0\\]\\.usage\\[1\\] \\(tenant t-1, 2024-06, acr 9223372036854\\.775807\\) takes its group's total above 9223372036854\\.775807, the limit of an exact sum$"
  ${pcs_bin} eval rulesets/2023-06 ${hostile}/overflow.json --designation data-ai)
pcs_cli_test("hostile: a CSV sum past the exact limit names usage.csv and its line, exit 1" 1
  "\"error\": \"metric usage_growth: stdlib/usage\\.pcs:12:29: number too large: adding the usage row at [^ ]*tests/cli/hostile/overflow-csv/usage\\.csv:4 \\(tenant t-1, 2024-06, acr 9223372036854\\.775807\\) takes the sum above 9223372036854\\.775807, the limit of an exact sum\""
  ${pcs_bin} eval rulesets/2023-06 --partners ${hostile}/overflow-csv --designation data-ai)
# Numbers beyond the contract's range are data errors, in JSON and in CSV.
pcs_cli_test("hostile: a JSON value beyond the range is a data error, exit 4" 4
  "over-range\\.json:4:54: error\\[partner-data\\]: customers\\[0\\]\\.usage\\[0\\]\\.value: number too large"
  ${pcs_bin} eval rulesets/2023-06 ${hostile}/over-range.json)
pcs_cli_test("hostile: a CSV value beyond the range fails its partner only, exit 5" 5
  "\"errors\": \\[\"[^\"]*over-range-csv/usage\\.csv:2:21: value: number too large\"\\]}$"
  ${pcs_bin} eval rulesets/2023-06 --partners ${hostile}/over-range-csv --designation data-ai)
