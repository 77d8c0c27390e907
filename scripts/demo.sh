#!/usr/bin/env bash
# The main job: build, then score every sample partner against the bundled
# 2023-06 rulesets and print the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh default
status=0
for partner in examples/partners/*.json; do
  echo
  echo "== $partner"
  build/pcs eval rulesets/2023-06 "$partner" || status=$?
done
exit "$status"
