"""Builds the .vsix (build-vsix.sh) and checks its contents: the manifest,
the bundled client that starts `pcs lsp`, the grammar; no node_modules."""
import glob
import json
import os
import subprocess
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
for old in glob.glob(os.path.join(here, "*.vsix")):
    os.remove(old)
subprocess.run([os.path.join(here, "build-vsix.sh")], check=True)
version = json.load(open(os.path.join(here, "package.json")))["version"]
vsix = os.path.join(here, "pcs-language-%s.vsix" % version)
names = sorted(zipfile.ZipFile(vsix).namelist())
print("\n".join(names))
expected = ["[Content_Types].xml", "extension.vsixmanifest", "extension/dist/extension.js",
            "extension/language-configuration.json", "extension/package.json", "extension/readme.md",
            "extension/syntaxes/pcs.tmLanguage.json"]
ok = names == sorted(expected)
bundle = zipfile.ZipFile(vsix).read("extension/dist/extension.js").decode()
manifest = json.loads(zipfile.ZipFile(vsix).read("extension/package.json"))
checks = [
    (ok, "the .vsix holds exactly %s" % expected),
    ('"lsp"' in bundle and "pcs language server" in bundle, "the bundle starts `pcs lsp`"),
    ("textDocument/publishDiagnostics" in bundle, "the bundle holds vscode-languageclient"),
    (manifest["main"] == "./dist/extension.js", "package.json names the bundle"),
    ("pcs.path" in manifest["contributes"]["configuration"]["properties"], "the pcs.path setting"),
]
for good, what in checks:
    print(("ok   " if good else "FAIL ") + what)
sys.exit(0 if all(g for g, _ in checks) else 1)
