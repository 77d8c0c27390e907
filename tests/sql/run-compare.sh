#!/bin/sh
# One equality test of the SQL compiler: generates (once) a population of
# PCS_SQL_PARTNERS partners (default 600) in the contract's CSV tables, installs
# @duckdb/node-api from package-lock.json, and runs compare.mjs, which runs
# `pcs sql` on DuckDB (in process) or PostgreSQL (a server it starts and
# stops itself) and compares every result with `pcs eval --partners`.
# Usage: run-compare.sh duckdb|postgres RULESET [--as-of M] [--designation ID]... [--population DIR]
# Environment: PCS_BIN (pcs), PCS_POPULATION_GEN (pcs_population_gen), PCS_SQL_DATA (where the data goes).
set -u
case $0 in */*) cd "${0%/*}" || exit 1 ;; esac
engine=$1; shift
partners=${PCS_SQL_PARTNERS:-600}
data=${PCS_SQL_DATA:-${TMPDIR:-/tmp}/pcs-sql-data}/p$partners
if [ ! -f "$data/usage.csv" ]; then
  mkdir -p "$data.tmp" && "$PCS_POPULATION_GEN" --partners "$partners" --seed 13 --csv "$data.tmp" >/dev/null &&
    rm -rf "$data" && mv "$data.tmp" "$data" || { echo "tests/sql: FAILED: could not generate the population" >&2; exit 1; }
fi
if [ ! -d node_modules/@duckdb/node-api ]; then
  log=$(mktemp "${TMPDIR:-/tmp}/pcs-sql-npm-ci.XXXXXX") || exit 1
  if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1 && ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "tests/sql: FAILED: npm ci could not install @duckdb/node-api" >&2
    exit 1
  fi
  rm -f "$log"
fi
case $engine in
  # A --population DIR among the arguments replaces the generated one.
  duckdb|postgres) ruleset=$1; shift; exec node compare.mjs "$PCS_BIN" "$ruleset" --population "$data" "$@" --engine "$engine" ;;
  *) echo "tests/sql: unknown engine $engine" >&2; exit 2 ;;
esac
