#!/usr/bin/env bash
# Installs, builds (warnings are errors) and runs every test through CTest;
# then builds again with clang's address and undefined-behaviour sanitizers
# (the `fuzz` preset, build-fuzz/), runs the whole suite under them, and runs
# each fuzz target for a short time (PCS_FUZZ_SECONDS, default 30) so that a
# regression shows. fuzz/run.sh runs the targets for longer.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
scripts/build.sh "$preset"
ctest --preset "$preset"
echo "== the test suite under address and undefined-behaviour sanitizers (build-fuzz/)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz
echo "== fuzz targets, ${PCS_FUZZ_SECONDS:-30} s each"
fuzz/run.sh "${PCS_FUZZ_SECONDS:-30}"
