"""`pcs lsp` survives what a client or the file system may throw at it:
malformed frames and messages, unknown methods and notifications, requests
about documents it does not have or positions past their end, a file open
in the editor deleted on disk, and an abrupt end of input. Each case checks
the exact reply, then that the server still answers.

Usage: test_lsp_robustness.py PCS_BINARY SOURCE_DIR
"""
import os
import shutil
import sys

from lsp_checks import Session, check, finish, uri
from lsp_client import Client

PCS, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def error_of(m):
    return (m.get("id"), m.get("error", {}).get("code"), m.get("error", {}).get("message"))


s = Session(PCS, SOURCE)
c = s.client
try:
    infra = s.path("2023-06", "infrastructure.pcs")
    text = s.open(infra)

    def alive(what):
        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(infra)}})
        check(r.get("result") and r["result"][0]["name"] == "infrastructure", "still answering after " + what)

    # Framing.
    c.send_raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n")
    check(error_of(c.next_message()) == (None, -32700, "a message without a Content-Length header"), "headers without Content-Length")
    c.send_raw(b"Content-Length: 999999999999\r\n\r\n")
    check(error_of(c.next_message()) == (None, -32700, "Content-Length 999999999999 is over the 64 MiB limit"), "an absurd Content-Length")
    alive("bad frames")

    # JSON that is not a request.
    for body, what in ((b"[1, 2]", "an array"), (b"42", "a number"), (b'{"jsonrpc": "2.0", "id": 7}', "an object without method")):
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        want_id = 7 if b'"id"' in body else None
        check(error_of(c.next_message()) == (want_id, -32600, "invalid request: no method"), "invalid request: " + what)
    body = '{"jsonrpc": "2.0", "id": 8, "method": 12}'.encode()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    check(error_of(c.next_message()) == (8, -32600, "invalid request: no method"), "invalid request: a method that is not a string")
    # A body in UTF-8 with a multi-byte character: Content-Length counts bytes.
    body = '{"jsonrpc": "2.0", "id": 9, "method": "pcs/zürich"}'.encode()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    check(error_of(c.next_message()) == (9, -32601, "method not found: pcs/zürich"), "Content-Length in bytes, not characters")
    alive("invalid requests")

    # Unknown notifications are ignored (no reply): the next message is the reply to the next request.
    c.notify("$/setTrace", {"value": "off"})
    c.notify("pcs/unknownNotification", {})
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri(infra)}, "position": {"line": 9999, "character": 9999}})
    check(r.get("result", "x") is None and r["id"] == c.next_id, "unknown notifications: no reply; a position past the end: no hover")
    r = c.request("textDocument/completion", {"textDocument": {"uri": uri(infra)}, "position": {"line": 9999, "character": 3}})
    check(isinstance(r.get("result"), list), "completion past the end: a list, no crash")

    # Documents the server does not have.
    ghost = s.path("2023-06", "never-opened.pcs")
    for method in ("textDocument/hover", "textDocument/definition"):
        r = c.request(method, {"textDocument": {"uri": uri(ghost)}, "position": {"line": 0, "character": 0}})
        check(r.get("result", "x") is None, method + " on a document never opened: null")
    r = c.request("textDocument/references", {"textDocument": {"uri": uri(ghost)}, "position": {"line": 0, "character": 0},
                                              "context": {"includeDeclaration": True}})
    check(r.get("result") == [], "references on a document never opened: []")
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(ghost)}})
    check(r.get("result") == [], "document symbols of a document never opened: []")
    r = c.request("textDocument/formatting", {"textDocument": {"uri": uri(ghost)}, "options": {"tabSize": 2, "insertSpaces": True}})
    check(error_of(r) == (c.next_id, -32602, "the document is not open"), "formatting a document never opened: an error")
    r = c.request("textDocument/hover", {"textDocument": {"uri": 12}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32602 and r["error"]["message"].startswith("invalid params: "), "a uri that is not a string")

    # The open file deleted on disk: the editor's buffer still stands in for it.
    os.remove(infra)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(infra), "type": 3}]})
    c.settle()
    check(c.diagnostics.get(uri(infra)) == [], "deleted on disk while open: the buffer is still checked, no diagnostics")
    alive("the open file's deletion")
    # Closed: the folder no longer has it, its diagnostics are cleared, the server goes on.
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(infra)}})
    c.settle()
    check(c.diagnostics.get(uri(infra)) == [], "closed after deletion: its diagnostics cleared")
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri(infra)}, "position": {"line": 3, "character": 25}})
    check(r.get("result", "x") is None, "hover on the deleted, closed file: null")
    # Its whole folder deleted, with a file of it open.
    data_ai = s.path("2023-06", "data-ai.pcs")
    data_text = open(data_ai, encoding="utf-8").read()
    s.open(data_ai, data_text)
    shutil.rmtree(s.path("2023-06"))
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(data_ai), "type": 3}]})
    c.settle()
    diags = c.diagnostics.get(uri(data_ai), [])
    check([(d["code"], d["message"], d["range"]["start"]["line"]) for d in diags]
          == [("io", "'%s' is not a ruleset folder" % s.path("2023-06"), 0)],
          "the folder deleted: said at the top of its open file: %s" % diags)
    r = c.request("textDocument/completion", {"textDocument": {"uri": uri(data_ai)}, "position": {"line": 1, "character": 2}})
    check(isinstance(r.get("result"), list), "completion in a folder that is gone: a list")
finally:
    s.close()

# `exit` without `shutdown`: exit code 1, as the protocol says.
c = Client(PCS, SOURCE)
c.request("initialize", {"processId": None, "capabilities": {}})
c.notify("exit", {})
check(c.proc.wait(timeout=10) == 1, "exit without shutdown: exit code 1")

# The input ends in the middle of a message: the server stops, no crash.
c = Client(PCS, SOURCE)
c.request("initialize", {"processId": None, "capabilities": {}})
c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
c.proc.stdin.close()
check(c.proc.wait(timeout=10) == 1, "end of input inside a message: exit code 1, no crash")
finish()
