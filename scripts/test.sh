#!/usr/bin/env bash
# Installs, builds (warnings are errors) and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
scripts/build.sh "$preset"
ctest --preset "$preset"
