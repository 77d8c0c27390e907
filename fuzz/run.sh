#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, address + undefined-behaviour
# sanitizers) and runs each for SECONDS (default 60), starting from the
# committed seed corpus. A crash stops with the reproducer's path; turn it
# into a regression test (tests/) before fixing it.
#   fuzz/run.sh 60            every target for a minute (CI runs it for 30 s each)
#   fuzz/run.sh 3600 fuzz_rule_eval   one target for an hour
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_rule_parser fuzz_rule_eval fuzz_partner_json fuzz_csv_tables fuzz_batch_population fuzz_expect_file fuzz_formatter fuzz_edits fuzz_costs)
scripts/install-deps.sh
command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}" >/dev/null
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for t in "${targets[@]}"; do
  dict=fuzz/pcs.dict
  case "$t" in fuzz_partner_json | fuzz_csv_tables | fuzz_batch_population | fuzz_edits | fuzz_costs) dict=fuzz/data.dict ;; esac
  work="build-fuzz/corpus/$t"          # the growing corpus stays out of git
  mkdir -p "$work" "build-fuzz/crashes/$t"
  echo "== $t: $seconds s"
  if ! build-fuzz/fuzz/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -dict="$dict" -artifact_prefix="build-fuzz/crashes/$t/" -print_final_stats=1 \
       "$work" "fuzz/corpus/$t" 2>"build-fuzz/$t.log"; then
    tail -40 "build-fuzz/$t.log"
    echo "fuzz/run.sh: $t FAILED; reproducer in build-fuzz/crashes/$t/" >&2
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "build-fuzz/$t.log" | tr '\n' ' '; echo
  fi
done
exit "$status"
