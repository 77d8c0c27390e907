#!/bin/sh
# Runs browser test files (node's test runner) against Debian's chromium with
# playwright-core installed from package-lock.json. Usage: run-tests.sh FILE.test.mjs...
# The tests start and stop whatever they need (pcs serve, the browser) themselves.
set -u
case $0 in */*) cd "${0%/*}" || exit 1 ;; esac
if [ ! -x "${PCS_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "tests/browser: FAILED: no chromium at ${PCS_CHROMIUM:-/usr/bin/chromium} (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -d node_modules/playwright-core ]; then
  log=$(mktemp "${TMPDIR:-/tmp}/pcs-browser-npm-ci.XXXXXX") || exit 1
  # A lock file taken by a parallel ctest job is retried once.
  if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1 && ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "tests/browser: FAILED: npm ci could not install playwright-core" >&2
    exit 1
  fi
  rm -f "$log"
fi
exec node --test --test-reporter=spec "$@"
