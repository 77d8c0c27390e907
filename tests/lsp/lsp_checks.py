"""Helpers of the scripted LSP tests: the check/report loop, URIs, ranges in
UTF-16 units, and a workspace copy of rulesets/ with a server opened on it."""
import os
import shutil
import sys
import tempfile

from lsp_client import Client

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def uri(path):
    return "file://" + path


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def range_of(text, line_no, needle, nth=0):
    """The LSP range of the nth `needle` on 0-based line `line_no`, in UTF-16 units."""
    line = text.split("\n")[line_no]
    col = -1
    for _ in range(nth + 1):
        col = line.index(needle, col + 1)
    return {"start": {"line": line_no, "character": utf16(line[:col])},
            "end": {"line": line_no, "character": utf16(line[:col + len(needle)])}}


def line_with(text, needle):
    return next(i for i, l in enumerate(text.split("\n")) if needle in l)


class Session:
    """A copy of rulesets/ in a temporary folder and `pcs lsp` started in it."""

    def __init__(self, pcs, source, init_options=None):
        self.work = tempfile.mkdtemp(prefix="pcs-lsp-")
        shutil.copytree(os.path.join(source, "rulesets"), os.path.join(self.work, "rulesets"))
        # The sample partners some test cases name (../../../examples/partners/...).
        shutil.copytree(os.path.join(source, "examples", "partners"), os.path.join(self.work, "examples", "partners"))
        self.client = Client(pcs, self.work)
        params = {"processId": None, "rootUri": uri(self.work), "capabilities": {}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        self.init = self.client.request("initialize", params)
        self.client.notify("initialized", {})
        self.versions = {}

    def path(self, *parts):
        return os.path.join(self.work, "rulesets", *parts)

    def open(self, path, text=None):
        if text is None:
            text = open(path, encoding="utf-8").read()
        self.versions[path] = 1
        self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "pcs", "version": 1, "text": text}})
        self.client.settle()
        return text

    def change(self, path, text):
        self.versions[path] += 1
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": self.versions[path]},
                                                      "contentChanges": [{"text": text}]})
        self.client.settle()
        return self.client.diagnostics.get(uri(path), [])

    def at(self, method, path, line, character, **extra):
        params = {"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}}
        params.update(extra)
        return self.client.request(method, params)

    def close(self):
        try:
            r = self.client.request("shutdown", {})
            check(r.get("result", "x") is None, "shutdown")
            self.client.notify("exit", {})
            check(self.client.proc.wait(timeout=10) == 0, "exit code 0 after shutdown")
        finally:
            shutil.rmtree(self.work, ignore_errors=True)


def finish():
    sys.exit(1 if failures else 0)
