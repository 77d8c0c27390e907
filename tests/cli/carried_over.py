#!/usr/bin/env python3
"""Checks that a later program version scores what it carries over exactly as
the earlier version does: the same partner, the same as-of month, scored
with --program OLD and --program NEW; the named designations, and the
specializations that build only on them, must be identical, figure for
figure and explanation for explanation.

    carried_over.py PCS RULESETS OLD NEW DESIGNATION,... PARTNER.json...

Each partner is scored at its default as-of month (its latest usage month).
"""
import json
import subprocess
import sys


def score(pcs, rulesets, program, partner):
    out = subprocess.run([pcs, "eval", rulesets, partner, "--program", program, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode == 2 and "no default as-of month" in out.stderr:
        return None  # a partner without usage has no month to compare at
    if out.returncode != 0:
        sys.exit(f"pcs eval --program {program} {partner} exited {out.returncode}:\n{out.stderr}")
    return json.loads(out.stdout)


def compare(pcs, rulesets, old, new, ids, partner):
    before, after = (score(pcs, rulesets, v, partner) for v in (old, new))
    if before is None:
        return 0, 0
    if after["program"] != new:
        sys.exit(f"expected program {new}, got {after['program']}")
    failures = 0
    for id in ids:
        a = [d for d in before["designations"] if d["id"] == id]
        b = [d for d in after["designations"] if d["id"] == id]
        if len(a) != 1 or len(b) != 1:
            print(f"{partner}: {id}: in {old} {len(a)} time(s), in {new} {len(b)} time(s)")
            failures += 1
        elif a != b:
            print(f"{partner}: {id}: {old} total {a[0]['total']}, {new} total {b[0]['total']}")
            failures += 1
    # Every specialization of OLD that builds only on these designations is
    # in NEW with the same verdict and explanation; NEW may add others.
    def only_on(r):
        return {s["id"]: s for s in r.get("specializations", []) if set(s["designation"].split(" or ")) <= set(ids)}
    sa, sb = only_on(before), only_on(after)
    for id, s in sa.items():
        if sb.get(id) != s:
            print(f"{partner}: specialization {id}: {old} passed {s['passed']}, {new} {sb[id]['passed'] if id in sb else 'missing'}")
            failures += 1
    return len(ids) + len(sa), failures


def main():
    pcs, rulesets, old, new, ids, *partners = sys.argv[1:]
    checked = failed = 0
    for partner in partners:
        c, f = compare(pcs, rulesets, old, new, ids.split(","), partner)
        checked, failed = checked + c, failed + f
    print(f"{len(partners)} partners, {checked} results carried over from {old} to {new}: "
          f"{checked - failed} identical, {failed} different")
    sys.exit(1 if failed or not partners else 0)


main()
