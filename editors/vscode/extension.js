// A minimal VS Code client for `goalpost lsp`: install its dependency with `npm install` in this
// folder, then run it with "Developer: Install Extension from Location..." or package it with vsce.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate() {
  const config = vscode.workspace.getConfiguration('goalpost');
  const [command, ...args] = config.get('command', 'npx goalpost').split(' ');
  client = new LanguageClient(
    'goalpost',
    'goalpost',
    { command, args: [...args, 'lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'file', pattern: '**/*.csv' }],
      initializationOptions: { goalsPath: config.get('path', 'goals') },
    },
  );
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
