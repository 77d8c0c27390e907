"""`pcs lsp`: find references (across files, into the stdlib), document
symbols and completion, driven by a scripted client on a copy of rulesets/.

Usage: test_lsp_navigation.py PCS_BINARY SOURCE_DIR
"""
import os
import re
import sys

from lsp_checks import Session, check, finish, line_with, range_of, uri

PCS, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
s = Session(PCS, SOURCE)
c = s.client
caps = s.init["result"]["capabilities"]
check(caps.get("referencesProvider") is True and caps.get("documentSymbolProvider") is True and "completionProvider" in caps,
      "initialize: references, document symbols and completion announced")


def where(locations):
    """(file relative to the workspace or the source tree, 0-based line, start, end character) of each location."""
    out = []
    for loc in locations:
        path = loc["uri"][len("file://"):]
        for base in (s.work, SOURCE):
            if path.startswith(base + "/"):
                path = path[len(base) + 1:]
        r = loc["range"]
        out.append((path, r["start"]["line"], r["start"]["character"], r["end"]["character"]))
    return out


def occurrences(rel, pattern):
    """Every match of `pattern` on the non-comment lines of a file, as (file, line, start, end)."""
    base = SOURCE if rel.startswith("stdlib/") else s.work
    found = []
    for i, l in enumerate(open(os.path.join(base, rel), encoding="utf-8").read().split("\n")):
        if l.lstrip().startswith("#"):
            continue
        for m in re.finditer(pattern, l.split("#")[0]):
            found.append((rel, i, m.start(), m.end()))
    return found


try:
    v = "2023-06"
    infra, common = s.path(v, "infrastructure.pcs"), s.path(v, "azure-common.pcs")
    infra_text = s.open(infra)
    common_text = s.open(common)

    # --- find references -------------------------------------------------------
    # A let declared in azure-common.pcs and used by the three designation files.
    att = line_with(infra_text, "attained when total >= minimum_total")
    col = range_of(infra_text, att, "minimum_total")["start"]["character"] + 3
    expected_uses = sorted(occurrences("rulesets/%s/%s" % (v, f), r"\bminimum_total\b")[0]
                           for f in ("data-ai.pcs", "digital-app-innovation.pcs", "infrastructure.pcs"))
    declaration = occurrences("rulesets/%s/azure-common.pcs" % v, r"(?<=^let )minimum_total\b")
    r = s.at("textDocument/references", infra, att, col, context={"includeDeclaration": True})["result"]
    check(where(r) == sorted(declaration + expected_uses), "references: a let, with its declaration: %s" % where(r))
    r = s.at("textDocument/references", infra, att, col, context={"includeDeclaration": False})["result"]
    check(where(r) == expected_uses, "references: a let, uses only: %s" % where(r))
    decl_line = declaration[0][1]
    r = s.at("textDocument/references", common, decl_line, declaration[0][2] + 1, context={"includeDeclaration": False})["result"]
    check(where(r) == expected_uses, "references: asked at the declaration itself")

    # A certification declared in the stdlib: its name and its exam code AZ-104,
    # in every file the ruleset reads: 2023-06, the version it imports whole
    # (2022-10) and the 2022-05 files 2022-10 imports (not 2022-05/data-ai.pcs,
    # which 2022-10 replaces).
    req = line_with(infra_text, "require people_holding(azure_administrator) >= 2 people")
    col = range_of(infra_text, req, "azure_administrator")["start"]["character"] + 5
    files = ["rulesets/%s/%s" % (d, f) for d in ("2023-06", "2022-10") for f in sorted(os.listdir(s.path(d))) if f.endswith(".pcs")]
    files += ["rulesets/2022-05/infrastructure.pcs", "rulesets/2022-05/digital-app-innovation.pcs", "rulesets/2022-05/azure-common.pcs",
              "rulesets/2022-05/common.pcs"]
    expected = [o for f in files for o in occurrences(f, r"\bazure_administrator\b|\bAZ-104\b")]
    expected += occurrences("stdlib/certifications.pcs", r"(?<=^certification )azure_administrator\b")
    r = s.at("textDocument/references", infra, req, col, context={"includeDeclaration": True})["result"]
    check(sorted(where(r)) == sorted(expected), "references: a stdlib certification by name and code, %d places: %s"
          % (len(expected), sorted(set(where(r)) ^ set(expected))))
    check(len(expected) > 20 and any(e[0].startswith("stdlib/") for e in expected), "references: the oracle is not empty")

    # A function parameter: its uses in the body only.
    fn_line = line_with(common_text, "fn eligible_customers(m)")
    r = s.at("textDocument/references", common, fn_line, common_text.split("\n")[fn_line].index("(m)") + 1,
             context={"includeDeclaration": True})["result"]
    line = common_text.split("\n")[fn_line]
    check(where(r) == [("rulesets/%s/azure-common.pcs" % v, fn_line, m.start(), m.end()) for m in re.finditer(r"\bm\b", line)],
          "references: a parameter: %s" % where(r))

    # Nothing there: an empty list.
    r = s.at("textDocument/references", infra, 0, 0, context={"includeDeclaration": True})["result"]
    check(r == [], "references: on a comment, none")

    # --- document symbols -----------------------------------------------------
    def shape(symbols):
        return [(x["name"], x["kind"], x["selectionRange"]["start"]["line"], x["selectionRange"]["start"]["character"],
                 shape(x.get("children", []))) for x in symbols]

    def sym(text, line_needle, name, kind, children=()):
        i = line_with(text, line_needle)
        return (name, kind, i, range_of(text, i, name)["start"]["character"], list(children))

    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(infra)}})["result"]
    t = infra_text
    check(shape(r) == [sym(t, "designation infrastructure", "infrastructure", 5, [
        sym(t, "category skilling", "skilling", 3, [sym(t, "metric intermediate_certs", "intermediate_certs", 7),
                                                    sym(t, "metric advanced_certs", "advanced_certs", 7)])])],
          "document symbols: designation > category > metrics: %s" % shape(r))
    check(r and r[0]["detail"] == 'designation "Solutions Partner for Infrastructure (Azure)"', "document symbols: the title as detail")
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(common)}})["result"]
    top = [(x["name"], x["kind"]) for x in r]
    want = [(m.group(2), {"let": 13, "fn": 12, "category": 3}[m.group(1)])
            for m in re.finditer(r"^(let|fn|category) (\w+)", common_text, re.M)]
    check(top == want, "document symbols: azure-common's lets, functions and categories in order: %s" % top)
    cats = {x["name"]: [y["name"] for y in x.get("children", [])] for x in r if x["kind"] == 3}
    perf_from = common_text.index("category performance")
    perf_block = common_text[perf_from:common_text.index("\n}", perf_from)]
    check(cats.get("performance") == re.findall(r"^\s*metric (\w+)", perf_block, re.M), "document symbols: a shared category's metrics")

    # --- completion -----------------------------------------------------------
    def complete(path, text, line, character):
        items = s.at("textDocument/completion", path, line, character)["result"]
        return items

    # An exam code from the catalogue, while the buffer does not parse.
    typed = infra_text.replace("require people_holding(azure_administrator) >= 2 people",
                               "require count(people holding any of {AZ-", 1)
    s.change(infra, typed)
    col = range_of(typed, req, "AZ-")["end"]["character"]
    items = complete(infra, typed, req, col)
    catalogue = open(os.path.join(SOURCE, "stdlib", "certifications.pcs"), encoding="utf-8").read()
    codes = sorted({m for l in catalogue.split("\n") if l.startswith("certification ")
                    for m in re.findall(r"\b[A-Z]{2,3}-\d{3}\b", l.split("=", 1)[1]) if m.startswith("AZ-")})
    check(sorted(i["label"] for i in items) == codes and all(i["kind"] == 21 for i in items),
          "completion: the exam codes AZ-... of the catalogue: %s vs %s" % ([i["label"] for i in items], codes))
    az104 = [i for i in items if i["label"] == "AZ-104"]
    check(az104 and az104[0]["detail"] == 'exam of azure_administrator "Azure Administrator Associate"', "completion: the code's certification")
    check(az104 and az104[0]["textEdit"] == {"range": range_of(typed, req, "AZ-"), "newText": "AZ-104"},
          "completion: the edit replaces what was typed")

    # Names in scope: a metric's own let, not another metric's.
    local = infra_text.replace("      require people_holding(azure_administrator) >= 2 people",
                               "      let admins_needed = 2 people\n      require people_holding(azure_administrator) >= admins_needed", 1)
    local = local.replace("require people_holding(azure_solutions_architect) >= 2 people",
                          "require people_holding(azure_solutions_architect) >= admins_needed", 1)
    s.change(infra, local)
    i = line_with(local, ">= admins_needed")
    col = range_of(local, i, "admins_needed")["start"]["character"] + len("admins_")
    check([(x["label"], x["kind"]) for x in complete(infra, local, i, col)] == [("admins_needed", 6)],
          "completion: the metric's own let is in scope")
    i = line_with(local, "people_holding(azure_solutions_architect) >= admins_needed")
    col = range_of(local, i, "admins_needed")["start"]["character"] + len("admins_")
    check(complete(infra, local, i, col) == [], "completion: another metric's let is not")
    # Go to definition follows the checker's resolution: the metric's own let.
    i = line_with(local, ">= admins_needed")
    loc = s.at("textDocument/definition", infra, i, range_of(local, i, "admins_needed")["start"]["character"] + 2)["result"]
    d = line_with(local, "let admins_needed")
    check(loc == {"uri": uri(infra), "range": range_of(local, d, "admins_needed")}, "definition: a metric's own let: %s" % loc)
    s.change(infra, infra_text)

    # A function's parameter inside its body only.
    line = common_text.split("\n")[fn_line]
    col = line.index("m - 1") + 1
    check(("m", 6) in [(x["label"], x["kind"]) for x in complete(common, common_text, fn_line, col)], "completion: a parameter in its body")
    loc = s.at("textDocument/definition", common, fn_line, col - 1)["result"]
    check(loc == {"uri": uri(common), "range": range_of(common_text, fn_line, "(m)") | {
        "start": {"line": fn_line, "character": line.index("(m)") + 1}, "end": {"line": fn_line, "character": line.index("(m)") + 2}}},
          "definition: a parameter: %s" % loc)
    i = line_with(common_text, "let minimum_total")
    check("m" not in [x["label"] for x in complete(common, common_text, i, len("let m"))], "completion: not outside it")

    # Measures, top-level names from the stdlib, native functions.
    i = line_with(common_text, "usage(acr)")
    col = common_text.split("\n")[i].index("usage(acr)") + len("usage(ac")
    check([(x["label"], x["detail"]) for x in complete(common, common_text, i, col)] == [("acr", "measure in USD")],
          "completion: a measure")
    col = common_text.split("\n")[i].index("usage(acr)") + len("us")
    labels = [(x["label"], x["kind"]) for x in complete(common, common_text, i, col)]
    check(("usage", 3) in labels, "completion: a native function: %s" % labels)
    col = common_text.split("\n")[i].index("eligible_usage") + len("eligible_u")
    check([x["label"] for x in complete(common, common_text, i, col)] == ["eligible_usage"], "completion: a stdlib function")

    # Keywords: exactly the grammar's PCS_KEYWORD words (an empty line: no prefix).
    grammar = open(os.path.join(SOURCE, "grammar", "grammar.hpp"), encoding="utf-8").read()
    words = sorted(set(re.findall(r'^PCS_KEYWORD\(\w+, "(\w+)"\);', grammar, re.M)))
    empty = common_text.split("\n").index("")
    items = complete(common, common_text, empty, 0)
    check(sorted(x["label"] for x in items if x["kind"] == 14) == words, "completion: the grammar's %d keywords" % len(words))
    check(len(words) > 50, "completion: the keyword oracle is not empty")
    check({"partner.", "tenant", "people", "M"} <= {x["label"] for x in items}, "completion: partner, a row field, builtins")
    i = line_with(common_text, "usage(acr)")
    typed = common_text.replace("usage(acr)", "usage(partner.ma)", 1)
    s.change(common, typed)
    col = typed.split("\n")[i].index("partner.ma") + len("partner.ma")
    check([x["label"] for x in complete(common, typed, i, col)] == ["partner.market"], "completion: a partner field")
    s.change(common, common_text)
finally:
    s.close()
finish()
