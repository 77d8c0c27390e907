"""End-to-end test of `pcs lsp` with a scripted client (no editor).

Usage: test_lsp.py PCS_BINARY SOURCE_DIR. Works on a copy of rulesets/ in a
temporary folder, edits buffers without saving them, and checks each
diagnostic's code, exact message and range, hover, go to definition into
the stdlib, formatting, a quick fix, malformed input and a deleted file.
"""
import os
import shutil
import sys
import tempfile

from lsp_client import Client

PCS, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []
UNIT_MESSAGE = "cannot compare people with USD"
SYNTAX_MESSAGE = "expected a value to compare with"


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def uri(path):
    return "file://" + path


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def range_of(text, line_no, needle):
    """The LSP range of `needle` on 0-based line `line_no`, in UTF-16 units."""
    line = text.split("\n")[line_no]
    col = line.index(needle)
    return {"start": {"line": line_no, "character": utf16(line[:col])},
            "end": {"line": line_no, "character": utf16(line[:col + len(needle)])}}


work = tempfile.mkdtemp(prefix="pcs-lsp-")
try:
    shutil.copytree(os.path.join(SOURCE, "rulesets"), os.path.join(work, "rulesets"))
    version = os.path.join(work, "rulesets", "2023-06")
    infra = os.path.join(version, "infrastructure.pcs")
    original = open(infra, encoding="utf-8").read()
    c = Client(PCS, work)
    init = c.request("initialize", {"processId": None, "rootUri": uri(work), "capabilities": {}})
    check(init["result"]["capabilities"]["textDocumentSync"] == 1, "initialize: full text synchronisation")
    c.notify("initialized", {})

    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(infra), "languageId": "pcs", "version": 1, "text": original}})
    c.settle()
    check(c.diagnostics.get(uri(infra)) == [], "a clean file has no diagnostics")

    version_no = [1]

    def edit(text):
        version_no[0] += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(infra), "version": version_no[0]},
                                            "contentChanges": [{"text": text}]})
        c.settle()
        return c.diagnostics.get(uri(infra), [])

    lines = original.split("\n")
    req = next(i for i, l in enumerate(lines) if "require people_holding(azure_administrator) >= 2 people" in l)

    # Unknown name with "did you mean", after non-ASCII text on the same line (UTF-16 columns).
    bad_line = '      require "Zürich — Genève" != "" and people_holding(azure_administrater) >= 2 people'
    text = "\n".join(lines[:req] + [bad_line] + lines[req + 1:])
    diags = edit(text)
    d = [x for x in diags if x["code"] == "unknown-name"]
    check(len(d) == 1, "unknown name: one diagnostic")
    if d:
        check(d[0]["message"] == "nothing named 'azure_administrater' is defined\nhint: did you mean 'azure_administrator'?",
              "unknown name: message and hint: " + d[0]["message"])
        check(d[0]["range"] == range_of(text, req, "azure_administrater"), "unknown name: range in UTF-16 units: %s" % d[0]["range"])
        check(d[0]["severity"] == 1, "unknown name: an error")
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(infra)}, "range": d[0]["range"],
                                                        "context": {"diagnostics": d}})["result"]
        check(len(actions) == 1 and actions[0]["title"] == "Replace with 'azure_administrator'", "code action: the quick fix")
        if actions:
            change = actions[0]["edit"]["changes"][uri(infra)][0]
            check(change == {"range": d[0]["range"], "newText": "azure_administrator"}, "code action: the edit")

    # Unit mismatch.
    text = original.replace("require people_holding(azure_administrator) >= 2 people",
                            "require people_holding(azure_administrator) >= 2 USD")
    diags = edit(text)
    d = [x for x in diags if x["code"] == "unit-mismatch"]
    check(len(d) == 1, "unit mismatch: one diagnostic: %s" % diags)
    if d:
        print("     " + d[0]["message"])
        check(d[0]["message"] == UNIT_MESSAGE, "unit mismatch: message")
        check(d[0]["range"] == range_of(text, req, "2 USD"), "unit mismatch: range: %s" % d[0]["range"])

    # Syntax error.
    text = original.replace("require people_holding(azure_administrator) >= 2 people",
                            "require people_holding(azure_administrator) >= >= 2 people")
    diags = edit(text)
    d = [x for x in diags if x["code"] == "syntax"]
    check(len(d) == 1, "syntax: one diagnostic: %s" % diags)
    if d:
        check(d[0]["message"] == SYNTAX_MESSAGE, "syntax: message: " + d[0]["message"])
        # The caret is on the second '>=' (one character: where the value was expected).
        check(d[0]["range"] == range_of(text, req, ">= 2")
              | {"end": {"line": req, "character": range_of(text, req, ">= 2")["start"]["character"] + 1}},
              "syntax: range: %s" % d[0]["range"])

    # Back to the file as saved: the diagnostics are cleared.
    check(edit(original) == [], "fixed: diagnostics cleared")

    # Hover: a certification (defined in the stdlib) and a metric.
    col = lines[req].index("azure_administrator") + 3
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri(infra)}, "position": {"line": req, "character": col}})["result"]
    value = h["contents"]["value"] if h else ""
    check('certification azure_administrator "Azure Administrator Associate" = AZ-104' in value, "hover: certification: " + value)
    metric_line = next(i for i, l in enumerate(lines) if "metric intermediate_certs" in l)
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri(infra)},
                                         "position": {"line": metric_line, "character": lines[metric_line].index("intermediate_certs") + 2}})["result"]
    value = h["contents"]["value"] if h else ""
    check("Scoring rule: `score 4 points per person`" in value, "hover: metric's scoring rule: " + value)

    # Hover: a let, with its unit and the document's sentence from its comment.
    att = next(i for i, l in enumerate(lines) if "attained when total >= minimum_total" in l)
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri(infra)},
                                         "position": {"line": att, "character": lines[att].index("minimum_total")}})["result"]
    value = h["contents"]["value"] if h else ""
    # (The values for the test partner follow a rule, `---`: tests/lsp/test_lsp_partner.py checks them.)
    value = value.split("\n\n---\n\n")[0]
    check(value == '```pcs\nlet minimum_total a number in points\n```\n\n "To attain a Solutions Partner designation, you must: Earn a minimum of 70\n'
                   ' points. Have one or more points for each of the following five metrics."\n', "hover: a let: " + repr(value))

    # Go to definition: into the stdlib.
    loc = c.request("textDocument/definition", {"textDocument": {"uri": uri(infra)}, "position": {"line": req, "character": col}})["result"]
    cert_lines = open(os.path.join(SOURCE, "stdlib", "certifications.pcs"), encoding="utf-8").read().split("\n")
    cert_line = next(i for i, l in enumerate(cert_lines) if l.startswith("certification azure_administrator "))
    check(loc and loc["uri"].endswith("/stdlib/certifications.pcs"), "definition: in the stdlib: %s" % loc)
    check(loc and loc["range"]["start"] == {"line": cert_line, "character": len("certification ")}, "definition: at the name")

    # Formatting: spacing undone is restored.
    messy = original.replace("score 4 points per person", "score  4   points per person", 1)
    edit(messy)
    edits = c.request("textDocument/formatting", {"textDocument": {"uri": uri(infra)}, "options": {"tabSize": 2, "insertSpaces": True}})["result"]
    check(len(edits) == 1 and edits[0]["newText"] == original, "formatting: the canonical layout")
    edit(original)

    # Malformed messages: the server answers and keeps going.
    c.send_raw(b"Content-Length: abc\r\n\r\n")
    m = c.next_message()
    check(m.get("error", {}).get("code") == -32700 and m["id"] is None, "bad Content-Length: parse error")
    body = b"{not json"
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    m = c.next_message()
    check(m.get("error", {}).get("code") == -32700 and m["error"]["message"] == "the message is not valid JSON", "invalid JSON: parse error")
    r = c.request("textDocument/noSuchThing", {})
    check(r.get("error", {}).get("code") == -32601 and r["error"]["message"] == "method not found: textDocument/noSuchThing",
          "unknown method: method not found")
    r = c.request("textDocument/hover", {"textDocument": 3})
    check(r.get("error", {}).get("code") == -32602, "bad params: invalid params")

    # A file deleted under the server: its import is reported, nothing crashes.
    os.remove(os.path.join(version, "azure-common.pcs"))
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(os.path.join(version, "azure-common.pcs")), "type": 3}]})
    c.settle()
    # Reported at the first file that imports it (data-ai.pcs, in name order).
    data_ai = os.path.join(version, "data-ai.pcs")
    diags = c.diagnostics.get(uri(data_ai), [])
    check([(x["code"], x["message"], x["range"]["start"]["line"]) for x in diags]
          == [("import", "cannot read rule file '%s'" % os.path.join(version, "azure-common.pcs"), 1)],
          "deleted file: the import is reported: %s" % diags)

    r = c.request("shutdown", {})
    check(r.get("result", "x") is None, "shutdown")
    c.notify("exit", {})
    check(c.proc.wait(timeout=10) == 0, "exit code 0 after shutdown")
finally:
    shutil.rmtree(work, ignore_errors=True)

sys.exit(1 if failures else 0)
