#!/usr/bin/env bash
# Installs missing dependencies, then configures and builds with a CMake preset
# (default: "default", leaving the executable at build/pcs).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
