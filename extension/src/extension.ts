// The VS Code entry point: the real `vscode` module and LanguageClient into the testable logic.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { activateWith, type Client } from './client.js';

let client: Client | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Client> {
  client = await activateWith(vscode, context, (serverOptions, clientOptions) => {
    return new LanguageClient('nuance', 'nuance', serverOptions, clientOptions);
  });
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
