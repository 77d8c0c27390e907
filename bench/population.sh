#!/usr/bin/env bash
# The population benchmark of issue 8 (prints figures; it is not a test).
#
# Generates, deterministically, exports of 5,000, 10,000 and 20,000 partners
# in the contract's CSV shape (rows of a partner adjacent) and a shuffled copy
# of the 10,000 (bench/population_generator.hpp), then prints the median of
# RUNS runs (default 5) of: reading the files with cat, `pcs eval --partners`
# at one thread and at every core (adjacent and shuffled), and `pcs diff
# rulesets/2023-06 rulesets/2025-01`; each with its peak resident size
# (/usr/bin/time), CPU time (user + system), partners/s, MB/s and its time as
# a multiple of cat's.
#
#   bench/population.sh [BUILD_DIR]      (default: build; run scripts/build.sh first)
#   PCS_BENCH_DIR=/tmp/pcs-bench  where the data goes (never in the repository)
#   RUNS=5  SIZES="5000 10000 20000"
#
# "cat" is `cat FILES | wc -c`: `cat FILES > /dev/null` is answered by the
# kernel without copying a byte, which is no baseline for reading the files.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
pcs="$build/pcs"
gen="$build/bench/pcs_population_gen"
data="${PCS_BENCH_DIR:-/tmp/pcs-bench}"
runs="${RUNS:-5}"
sizes="${SIZES:-5000 10000 20000}"
cores="$(nproc)"
[ -x /usr/bin/time ] || "$root/scripts/install-deps.sh"
for tool in "$pcs" "$gen"; do
  [ -x "$tool" ] || { echo "missing $tool: build first (scripts/build.sh default)"; exit 1; }
done
cd "$root"

generate() {  # generate N: adjacent for every size, shuffled for 10,000
  local n="$1" dir="$data/$1"
  if [ ! -f "$dir/adjacent/usage.csv" ]; then
    echo "generating $n partners in $dir ..." >&2
    rm -rf "$dir"
    local shuffled=()
    [ "$n" = 10000 ] && shuffled=(--shuffled "$dir/shuffled")
    "$gen" --partners "$n" --csv "$dir/adjacent" "${shuffled[@]}"
  fi
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME PARTNERS BYTES CMD...: prints one line of figures; sets $last_seconds.
cat_seconds=0
measure() {
  local name="$1" partners="$2" bytes="$3"
  shift 3
  local times=() rss=() cpus=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M %U %S" -o "$data/time.txt" bash -c "$* >/dev/null 2>&1 || [ \$? -le 5 ]"
    read -r t m u s <"$data/time.txt"
    times+=("$t")
    rss+=("$m")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
  done
  last_seconds="$(printf '%s\n' "${times[@]}" | median)"
  local kb cpu
  kb="$(printf '%s\n' "${rss[@]}" | median)"
  cpu="$(printf '%s\n' "${cpus[@]}" | median)"
  # CPU time (user + system, every thread) beside the wall time: on a machine
  # shared with other work the wall time says more about the load than about pcs.
  awk -v name="$name" -v s="$last_seconds" -v kb="$kb" -v p="$partners" -v b="$bytes" -v c="$cat_seconds" -v cpu="$cpu" 'BEGIN {
    if (c == 0) c = s
    printf "  %-44s %7.2f s %7.1fx cat %7.2f s CPU %7.0f MB RSS %9.0f partners/s %7.0f MB/s\n",
           name, s, s / c, cpu, kb / 1024, (s > 0 ? p / s : 0), (s > 0 ? b / 1e6 / s : 0) }'
}

echo "pcs population benchmark: $(date -u +%Y-%m-%d), $cores cores, medians of $runs runs"
for n in $sizes; do
  generate "$n"
  dir="$data/$n/adjacent"
  bytes="$(cat "$dir"/*.csv | wc -c)"
  rows="$(($(wc -l <"$dir/usage.csv") - 1))"
  echo
  echo "$n partners: $((bytes / 1000000)) MB of CSV, $rows usage rows"
  cat_seconds=0  # the cat line is its own baseline
  measure "cat (the files, piped to wc -c)" "$n" "$bytes" "cat $dir/*.csv | wc -c"
  cat_seconds="$last_seconds"
  measure "eval --partners, $cores threads" "$n" "$bytes" "$pcs eval rulesets/2023-06 --partners $dir"
  eval_seconds="$last_seconds"
  if [ "$n" = 10000 ]; then
    measure "eval --partners, 1 thread" "$n" "$bytes" "$pcs eval rulesets/2023-06 --partners $dir --threads 1"
    shuffled="$data/$n/shuffled"
    measure "eval --partners, shuffled rows, $cores threads" "$n" "$bytes" "$pcs eval rulesets/2023-06 --partners $shuffled"
    measure "eval --partners, shuffled rows, 1 thread" "$n" "$bytes" \
      "$pcs eval rulesets/2023-06 --partners $shuffled --threads 1"
    measure "diff 2023-06 2025-01, $cores threads" "$n" "$bytes" \
      "$pcs diff rulesets/2023-06 rulesets/2025-01 --partners $dir"
    awk -v d="$last_seconds" -v e="$eval_seconds" 'BEGIN { printf "  diff / eval: %.2fx\n", d / e }'
    ten_k="$eval_seconds"
  fi
  [ "$n" = 20000 ] && [ -n "${ten_k:-}" ] &&
    awk -v a="$eval_seconds" -v b="$ten_k" 'BEGIN { printf "  20,000 / 10,000 partners (eval, every core): %.2fx\n", a / b }'
done
