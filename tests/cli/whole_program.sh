#!/usr/bin/env bash
# `pcs eval rulesets PARTNER --as-of M` shows the whole program in force at
# every month: the six designations, the Microsoft Cloud badge and, from
# 2022-10 on, the specializations.
#   whole_program.sh PCS PARTNER MONTH...
set -u
pcs="$1"; partner="$2"; shift 2
failed=0
for month in "$@"; do
  out=$("$pcs" eval rulesets "$partner" --as-of "$month" 2>&1)
  code=$?
  [ "$code" -le 1 ] || { echo "$month: exit $code"; echo "$out"; failed=1; continue; }
  for title in "Solutions Partner for Infrastructure (Azure)" "Solutions Partner for Data & AI (Azure)" \
               "Solutions Partner for Digital & App Innovation (Azure)" "Solutions Partner for Modern Work" \
               "Solutions Partner for Security" "Solutions Partner for Business Applications" "Microsoft Cloud"; do
    grep -qF -- "$title" <<<"$out" || { echo "$month: no '$title' in the output"; failed=1; }
  done
  program=$(sed -n '1s/.*program //p' <<<"$out")
  if [ "$program" != "2022-05" ]; then
    grep -q "^Specializations" <<<"$out" || { echo "$month (program $program): no specializations"; failed=1; }
  fi
  echo "$month: program $program"
done
exit "$failed"
