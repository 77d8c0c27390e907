#!/bin/sh
# Parses Spark SQL scripts with a Spark SQL grammar (dt-sql-parser, pinned in
# package-lock.json next to this file and installed here by npm ci): every
# syntax error is printed as FILE:LINE:COL: message. The golden files of
# tests/sql/golden are what `pcs sql --dialect spark` prints (golden.sh), so
# parsing them checks the compiler's Spark output without a Spark cluster.
#   tests/sql/spark/run.sh SCRIPT.sql...      exit 0: every script parses; 1: one does not
# A whole version's script (hundreds of lines) takes minutes to parse: CTest
# parses the golden files; docs/sql.md says how to parse a whole version.
set -u
scripts=""
for f in "$@"; do scripts="$scripts $(cd "$(dirname "$f")" && pwd)/$(basename "$f")"; done
cd "$(dirname "$0")" || exit 2
if [ ! -d node_modules/dt-sql-parser ]; then
  log=$(mktemp "${TMPDIR:-/tmp}/pcs-spark-npm-ci.XXXXXX") || exit 2
  if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1 && ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "tests/sql/spark: FAILED: npm ci could not install dt-sql-parser" >&2
    exit 2
  fi
  rm -f "$log"
fi
# shellcheck disable=SC2086 # the paths are the project's own, without spaces
exec node check.mjs $scripts
