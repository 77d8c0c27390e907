#!/usr/bin/env bash
# The main job: build, then score every sample partner with the program
# version in force at its latest month (one by one, then as a population from
# the contract's CSV tables, with the HTML report), check every bundled
# ruleset, run their test cases, and show what 2025-01 changes against 2023-06.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default
status=0
for partner in examples/partners/*.json; do
  echo
  echo "== build/pcs eval rulesets $partner"
  build/pcs eval rulesets "$partner" || status=$?
done
echo
echo "== build/pcs eval rulesets --partners examples/partners-csv --format csv   (the monthly population run)"
build/pcs eval rulesets --partners examples/partners-csv --format csv || status=$?
echo
echo "== build/pcs report rulesets/2023-06 rulesets/2025-01 --partners examples/partners-csv --out build/report.html"
build/pcs report rulesets/2023-06 rulesets/2025-01 --partners examples/partners-csv --out build/report.html || status=$?
echo
echo "== build/pcs check rulesets"
build/pcs check rulesets || status=$?
echo
echo "== build/pcs test rulesets"
build/pcs test rulesets || status=$?
echo
echo "== build/pcs diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners --designation digital-app-innovation"
# diff exits 1 when the versions score partners differently, as they do here.
build/pcs diff rulesets/2023-06 rulesets/2025-01 --partners examples/partners --designation digital-app-innovation || [ $? -eq 1 ]
exit "$status"
