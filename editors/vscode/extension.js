// Starts `medlint lsp` for Markdown, HTML and plain-text files; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("medlint").get("command", ["medlint", "lsp"]);
  client = new LanguageClient(
    "medlint",
    "medlint",
    { command, args },
    {
      documentSelector: ["markdown", "html", "plaintext"].map((language) => ({ scheme: "file", language })),
    },
  );
  context.subscriptions.push(client);
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `medlint: cannot start '${command} ${args.join(" ")}' (${error.message || error}); ` +
        "install medlint with the lsp extra, or set medlint.command",
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
