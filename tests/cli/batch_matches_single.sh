#!/usr/bin/env bash
# `pcs eval --partners` gives each sample partner, for every program version,
# the very JSON that `pcs eval RULESET FILE --format json` gives it (on one
# line), from the JSON folder and from the CSV tables; and the same bytes
# with one thread as with several.
#   batch_matches_single.sh PCS
set -u
pcs="$1"
status=0
for version in rulesets/*/; do
  version="${version%/}"
  for dir in examples/partners examples/partners-csv; do
    out=$("$pcs" eval "$version" --partners "$dir" --explain 2>/dev/null)
    one=$("$pcs" eval "$version" --partners "$dir" --explain --threads 1 2>/dev/null)
    if [ "$out" != "$one" ]; then echo "$version $dir: --threads 1 differs"; status=1; fi
    if [ "$(wc -l <<<"$out")" != 6 ]; then echo "$version $dir: expected 6 lines"; status=1; fi
    for f in examples/partners/*.json; do
      expected=$("$pcs" eval "$version" "$f" --format json | sed 's/^ *//' | tr -d '\n')
      if ! grep -Fxq -- "$expected" <<<"$out"; then echo "$version $dir: no line equals the result of $f"; status=1; fi
    done
  done
done
exit $status
