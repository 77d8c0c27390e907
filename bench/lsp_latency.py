#!/usr/bin/env python3
"""Latency of `pcs lsp` as an editor feels it (prints figures; not a test).

Opens rulesets/2023-06/infrastructure.pcs (a copy) with the scripted client
of tests/lsp and prints the median of RUNS (default 9) of each request, in
milliseconds, and as a multiple of a reference measured in the same run:
one `pcs check rulesets/2023-06` process (load, check, lint). "didChange"
is a full re-check and publication of the folder's diagnostics; hover is on
a metric, with the values for the test partner of tests/all-three.expect.
Peak memory: the server's resident size at the end (VmHWM).

    bench/lsp_latency.py [BUILD_DIR]      (default: build)
"""
import os
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "lsp"))
from lsp_checks import Session, line_with  # noqa: E402

pcs = os.path.join(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")), "pcs")
runs = int(os.environ.get("RUNS", "9"))


def median_ms(fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


s = Session(pcs, root)
try:
    f = s.path("2023-06", "infrastructure.pcs")
    t = s.open(f)
    metric = line_with(t, "metric intermediate_certs")
    use = line_with(t, "people_holding(azure_administrator)")
    col = t.split("\n")[use].index("azure_administrator") + 3
    figures = [
        ("didChange (check + publish)", median_ms(lambda: s.change(f, t))),
        ("hover: a metric, partner values", median_ms(lambda: s.at("textDocument/hover", f, metric, 12))),
        ("references: a stdlib certification", median_ms(
            lambda: s.at("textDocument/references", f, use, col, context={"includeDeclaration": True}))),
        ("completion", median_ms(lambda: s.at("textDocument/completion", f, use, col))),
        ("documentSymbol", median_ms(lambda: s.client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file://" + f}}))),
    ]
    status = open("/proc/%d/status" % s.client.proc.pid).read()
    peak = next(l.split()[1] for l in status.split("\n") if l.startswith("VmHWM"))
    reference = median_ms(lambda: subprocess.run([pcs, "check", s.path("2023-06")], capture_output=True))
finally:
    s.close()
print("reference: one `pcs check rulesets/2023-06` process: %.1f ms (median of %d)" % (reference, runs))
for name, ms in figures:
    print("%-38s %7.1f ms  %5.2fx the reference" % (name, ms, ms / reference))
print("server peak resident size: %.1f MB" % (int(peak) / 1024))
