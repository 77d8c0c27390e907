"""`pcs lsp` hover with a test partner: the value a let, a metric, a
category, a designation evaluates to, with the evaluator's explanation.

The oracles are independent of the server: the `.expect` case's own
hand-computed expectations, and `pcs eval --format json` for the same
partner and month (the results contract's explanation lines).

Usage: test_lsp_partner.py PCS_BINARY SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys

from lsp_checks import Session, check, finish, line_with, range_of, uri

PCS, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SEPARATOR = "\n\n---\n\n"


def bullets(lines):
    out = ""
    for l in lines:
        depth = len(l) - len(l.lstrip(" "))
        out += " " * depth + "- " + l.lstrip(" ") + "\n"
    return out


def pcs_eval(work, partner, as_of=None):
    cmd = [PCS, "eval", os.path.join(work, "rulesets", "2023-06"), partner, "--format", "json"]
    if as_of:
        cmd += ["--as-of", as_of]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def designation(result, id_):
    return next(d for d in result["designations"] if d["id"] == id_)


def points(n):
    return "%s point%s" % (n, "" if n == 1 else "s")


def hover_values(s, path, text, needle, nth=0, offset=1):
    i = line_with(text, needle) if nth == 0 else [k for k, l in enumerate(text.split("\n")) if needle in l][nth]
    col = text.split("\n")[i].index(needle) + offset
    h = s.at("textDocument/hover", path, i, col)["result"]
    value = h["contents"]["value"] if h else ""
    return value.split(SEPARATOR, 1)[1] if SEPARATOR in value else None


# 1. No setting: the first .expect case of tests/ beside the file (all-three.expect).
s = Session(PCS, SOURCE)
try:
    v = s.path("2023-06")
    infra = os.path.join(v, "infrastructure.pcs")
    text = s.open(infra)
    case = open(os.path.join(v, "tests", "all-three.expect"), encoding="utf-8").read()
    check(sorted(f for f in os.listdir(os.path.join(v, "tests")) if f.endswith(".expect"))[0] == "all-three.expect",
          "the case beside the file is all-three.expect")
    as_of = re.search(r"^as-of (\S+)", case, re.M).group(1)
    partner_file = os.path.normpath(os.path.join(v, "tests", re.search(r"^partner (\S+)", case, re.M).group(1)))
    partner_id = json.load(open(partner_file))["partner"]["id"]
    header = "**For partner %s** (all-three.expect, as of %s):\n\n" % (partner_id, as_of)
    oracle = pcs_eval(s.work, partner_file, as_of)
    infra_result = designation(oracle, "infrastructure")

    # The designation: the .expect case's hand-computed total and verdict.
    total = re.search(r"^expect infrastructure total (\S+)", case, re.M).group(1)
    attained = re.search(r"^expect infrastructure attained (\S+)", case, re.M).group(1)
    got = hover_values(s, infra, text, "designation infrastructure", offset=len("designation i"))
    check(got == header + "attained: %s, total %s of %s\n\n" % (attained, points(total), points(infra_result["max"]))
          + bullets(infra_result["explain"]), "designation: the case's total %s and verdict, with the explanation: %r" % (total, got))

    # A metric: its value, points and the explanation lines of the results contract.
    m = next(x for x in infra_result["metrics"] if x["id"] == "intermediate_certs")
    got = hover_values(s, infra, text, "metric intermediate_certs", offset=len("metric in"))
    want = header + "infrastructure: value %s people, %s of %s\n\n" % (m["value"], points(m["points"]), points(m["max"])) \
        + bullets(m["explain"]) + "\n"
    check(got == want, "metric: value, points and explanation: %r" % got)
    check(m["explain"] and m["points"] > 0, "metric: the oracle explains a scored metric")

    # A category: its points in the designation.
    cat = next(x for x in infra_result["categories"] if x["id"] == "skilling")
    got = hover_values(s, infra, text, "category skilling", offset=len("category sk"))
    check(got == header + "- infrastructure: %s of %s\n" % (points(cat["points"]), points(cat["max"])), "category: %r" % got)

    # A shared category's metric (azure-common.pcs), hovered at a use in
    # another file's attainment rule is not a metric; at its declaration it
    # is listed once per designation that uses it.
    common = os.path.join(v, "azure-common.pcs")
    common_text = s.open(common)
    got = hover_values(s, common, common_text, "metric net_customer_adds", offset=len("metric ne"))
    want = header
    for d in oracle["designations"]:
        for x in d["metrics"]:
            if x["id"] == "net_customer_adds" and d["id"] in ("data-ai", "digital-app-innovation", "infrastructure"):
                want += "%s: value %s customers, %s of %s\n\n" % (d["id"], x["value"], points(x["points"]), points(x["max"])) \
                    + bullets(x["explain"]) + "\n"
    check(got == want, "shared metric: one section per designation using it: %r" % got)

    # A top-level let: its value and the figures it was computed from, as the
    # metric explanations list them (the line "eligible_acr = ..." and the
    # indented lines under it).
    explain = next(x for x in designation(oracle, "data-ai")["metrics"] if x["id"] == "usage_growth")["explain"]
    k = explain.index(next(l for l in explain if l.startswith("eligible_acr = ")))
    inputs = []
    for l in explain[k + 1:]:
        if not l.startswith("  "):
            break
        inputs.append(l[2:])
    got = hover_values(s, common, common_text, "let eligible_acr", offset=len("let el"))
    check(got == header + "`%s`\n\n" % explain[k] + bullets(inputs), "let: value and inputs: %r" % got)
    check(len(inputs) == 3, "let: the oracle has its inputs")
    lit = re.search(r"^let minimum_total = (.*)$", common_text, re.M).group(1)
    got = hover_values(s, common, common_text, "let minimum_total", offset=len("let mi"))
    check(got == header + "`minimum_total = %s`\n\n" % lit, "let: a constant: %r" % got)

    # Names without a value of their own: no partner section.
    req = "require people_holding(azure_administrator)"
    check(hover_values(s, infra, text, req, offset=len("require people_holding(az")) is None, "certification: no value section")

    # While the rules do not check, the section says so.
    broken = text.replace("require people_holding(azure_administrator) >= 2 people",
                          "require people_holding(azure_administrator) >= 2 USD")
    s.change(infra, broken)
    got = hover_values(s, infra, broken, "metric intermediate_certs", offset=len("metric in"))
    check(got == "No values for the test partner while the rules have errors.", "rules with errors: %r" % got)
    s.change(infra, text)

    # The setting, changed while running: an .expect case of another partner.
    other = "rulesets/2023-06/tests/attainment-minimum-70.expect"
    c2 = open(os.path.join(s.work, other), encoding="utf-8").read()
    s.client.notify("workspace/didChangeConfiguration", {"settings": {"pcs": {"testPartner": os.path.join(s.work, other)}}})
    got = hover_values(s, os.path.join(v, "data-ai.pcs"), s.open(os.path.join(v, "data-ai.pcs")), "designation data-ai",
                       offset=len("designation d"))
    want_total = re.search(r"^expect data-ai total (\S+)", c2, re.M).group(1)
    partner2 = os.path.join(v, "tests", "attainment-minimum-70.json")
    r2 = designation(pcs_eval(s.work, partner2, re.search(r"^as-of (\S+)", c2, re.M).group(1)), "data-ai")
    check(got is not None and got.startswith("**For partner %s** (attainment-minimum-70.expect, as of %s):\n\nattained: yes, total %s of %s\n\n"
                                             % (json.load(open(partner2))["partner"]["id"], re.search(r"^as-of (\S+)", c2, re.M).group(1),
                                                points(want_total), points(r2["max"]))),
          "didChangeConfiguration: another case, its expected total %s: %r" % (want_total, got))

    # A partner file that does not exist: said, not crashed.
    s.client.notify("workspace/didChangeConfiguration", {"settings": {"pcs": {"testPartner": "no/such.json"}}})
    got = hover_values(s, infra, text, "metric intermediate_certs", offset=len("metric in"))
    check(got == "The test partner %s cannot be read: cannot read partner file: No such file or directory"
          % os.path.join(s.work, "no/such.json"), "a missing partner file (relative to the workspace): %r" % got)
finally:
    s.close()

# 2. initializationOptions: a partner JSON, relative to the workspace; no as-of: its latest month.
rel = "rulesets/2023-06/tests/attainment-68-not-attained.json"
s = Session(PCS, SOURCE, {"testPartner": rel})
try:
    infra = s.path("2023-06", "infrastructure.pcs")
    text = s.open(infra)
    oracle = pcs_eval(s.work, os.path.join(s.work, rel))
    r = designation(oracle, "infrastructure")
    got = hover_values(s, infra, text, "designation infrastructure", offset=len("designation i"))
    want = "**For partner %s** (pcs.testPartner, as of %s):\n\nattained: %s, total %s of %s\n\n" % (
        oracle["partner"], oracle["as_of"], "yes" if r["attained"] else "no", points(r["total"]), points(r["max"])) + bullets(r["explain"])
    check(got == want, "initializationOptions: a partner file, scored at its latest month: %r" % got)
finally:
    s.close()
finish()
