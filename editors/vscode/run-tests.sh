#!/bin/sh
# Tests the TextMate grammar of the VS Code extension (syntaxes/pcs.tmLanguage.json)
# against tests/*.test.pcs with vscode-tmgrammar-test, installed from package-lock.json.
# Exits non-zero when a test fails. Skips (exit 0) only when npm is not installed.
set -u
case $0 in */*) cd "${0%/*}" || exit 1 ;; esac

if ! command -v npm >/dev/null 2>&1; then
  echo "editors/vscode: SKIPPED: npm is not installed, so the grammar tests were not run (install nodejs and npm)."
  exit 0
fi

log=$(mktemp "${TMPDIR:-/tmp}/pcs-vscode-npm-ci.XXXXXX") || exit 1
if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "editors/vscode: FAILED: npm ci could not install the test tool" >&2
  exit 1
fi
rm -f "$log"

if ! npm test --loglevel=error; then
  echo "editors/vscode: FAILED: grammar tests" >&2
  exit 1
fi
