// The VS Code client of `pcs lsp`: starts the language server for *.pcs
// files (errors as you type, hover with a test partner's values, go to
// definition, references, completion, outline, formatting, quick fixes).
// The server is the `pcs` executable named by the `pcs.path` setting
// (default: `pcs` on the PATH). Bundled by esbuild into dist/.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("pcs");
  const command = config.get("path") || "pcs";
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "pcs" }],
    initializationOptions: { testPartner: config.get("testPartner") || "" },
    // fileEvents: a rule file changed or deleted outside the editor; configurationSection: pcs.testPartner changed.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.pcs"), configurationSection: "pcs" },
  };
  client = new LanguageClient("pcs", "pcs language server", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
