#!/usr/bin/env bash
# The SQL benchmark of issue 13 (prints figures; it is not a test): the
# script of `pcs sql rulesets/2023-06` run on DuckDB (in process, through
# @duckdb/node-api, loading the CSV tables itself) against `pcs eval
# --partners` on the same export, with the median of RUNS runs, peak
# resident memory (/usr/bin/time) and each time as a multiple of reading the
# files (`cat FILES | wc -c`, measured in the same run).
#
#   bench/sql.sh [BUILD_DIR]       (default: build; build first)
#   SIZE=10000  RUNS=3  RULESET=rulesets/2023-06  PCS_BENCH_DIR=/tmp/pcs-bench
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
size="${SIZE:-10000}"
runs="${RUNS:-3}"
ruleset="${RULESET:-rulesets/2023-06}"
data="${PCS_BENCH_DIR:-/tmp/pcs-bench}/$size/adjacent"
[ -x /usr/bin/time ] || "$root/scripts/install-deps.sh"
cd "$root"
if [ ! -f "$data/usage.csv" ]; then
  echo "generating $size partners in $data ..." >&2
  mkdir -p "$data" && "$build/bench/pcs_population_gen" --partners "$size" --csv "$data" >/dev/null
fi
[ -d tests/sql/node_modules/@duckdb/node-api ] || (cd tests/sql && npm ci --no-audit --no-fund --loglevel=error)
script="$(mktemp "${TMPDIR:-/tmp}/pcs-sql-bench.XXXXXX.sql")"
trap 'rm -f "$script"' EXIT
"$build/pcs" sql "$ruleset" --dialect duckdb > "$script"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() {  # measure NAME COMMAND...: prints "NAME median_seconds peak_MB"
  local name="$1"; shift
  local times=() mem=0 tf failed=""
  tf="$(mktemp)"
  for _ in $(seq "$runs"); do
    # A failed run (out of memory, say) is reported, never timed as if it had worked.
    /usr/bin/time -f "%e %M" -o "$tf" "$@" >/dev/null 2>&1 || failed=" (FAILED: exit $?)"
    local out; out="$(tail -1 "$tf")"
    times+=("${out% *}")
    local kb="${out#* }"; [ "$kb" -gt "$mem" ] && mem="$kb"
  done
  rm -f "$tf"
  echo "$name $(printf '%s\n' "${times[@]}" | median) $((mem / 1024))$failed"
}
files=("$data"/*.csv)
results=()
results+=("$(measure cat sh -c "cat ${files[*]} | wc -c")")
results+=("$(measure "pcs-eval" "$build/pcs" eval "$ruleset" --partners "$data" --format csv)")
results+=("$(measure "pcs-eval-1-thread" "$build/pcs" eval "$ruleset" --partners "$data" --format csv --threads 1)")
results+=("$(measure "duckdb-sql" node bench/sql-duckdb.mjs "$script" "$data")")
base="$(echo "${results[0]}" | awk '{print $2}')"
echo "$ruleset, $size partners ($(du -sh "$data" | cut -f1) of CSV), median of $runs runs, $(nproc) cores:"
for r in "${results[@]}"; do
  echo "$r" | awk -v base="$base" '{ printf "  %-20s %8.2f s  %6.1f x cat  peak %5d MB", $1, $2, (base > 0 ? $2 / base : 0), $3;
    for (i = 4; i <= NF; i++) printf " %s", $i; printf "\n" }'
done
