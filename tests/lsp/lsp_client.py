"""A scripted LSP client: starts `pcs lsp`, speaks JSON-RPC over its pipes.

Messages the server sends on its own (publishDiagnostics) are kept in
`self.diagnostics` by URI; requests wait for the reply with their id.
"""
import json
import subprocess
import threading
import queue


class Client:
    def __init__(self, pcs, cwd):
        self.proc = subprocess.Popen([pcs, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.diagnostics = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.inbox.put(json.loads(out.read(length)))

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def next_message(self, timeout=20):
        m = self.inbox.get(timeout=timeout)
        if m is None:
            raise AssertionError("the server closed its output")
        if m.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[m["params"]["uri"]] = m["params"]["diagnostics"]
        return m

    def wait_reply(self, id_):
        while True:
            m = self.next_message()
            if "method" not in m and m.get("id") == id_:
                return m

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait_reply(self.next_id)

    def settle(self):
        """Waits until every diagnostic published so far is read: the server
        answers in order, so the reply to a (deliberately unknown) request
        comes after them."""
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": "pcs/ping", "params": {}})
        return self.wait_reply(self.next_id)
