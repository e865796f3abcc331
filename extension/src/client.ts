// The extension's logic, written against the few `vscode` and client calls it needs, so tests can
// drive it with stubs (VS Code itself cannot run here). `extension.ts` passes the real modules.
import type * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** The part of the `vscode` module the extension uses. */
export interface VscodeApi {
  commands: Pick<typeof vscode.commands, 'registerCommand'>;
  window: Pick<typeof vscode.window, 'activeTextEditor' | 'showInformationMessage' | 'showTextDocument'>;
  workspace: Pick<typeof vscode.workspace, 'openTextDocument'>;
  ViewColumn: Pick<typeof vscode.ViewColumn, 'Beside'>;
}

/** The part of a LanguageClient the extension uses. */
export interface Client {
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export type CreateClient = (serverOptions: ServerOptions, clientOptions: LanguageClientOptions) => Client;

export const LANGUAGES = ['markdown', 'plaintext'];
/** Bilingual files, whatever language VS Code gives them (XLIFF is `xml`): the server checks the
 *  targets against their sources. */
export const BILINGUAL_FILES = '**/*.{xlf,xliff,sdlxliff,mqxliff}';

export function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: BILINGUAL_FILES },
    ],
    // Lets the server ask `workspace/configuration` for the `nuance` section.
    synchronize: { configurationSection: 'nuance' },
  };
}

export function serverOptions(serverModule: string): ServerOptions {
  // IPC: the server exits with the extension host; `--stdio` is for other editors.
  return {
    run: { module: serverModule, transport: 1 /* TransportKind.ipc */ },
    debug: { module: serverModule, transport: 1, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

export async function activateWith(
  api: VscodeApi,
  context: { subscriptions: { dispose(): unknown }[]; asAbsolutePath(p: string): string },
  create: CreateClient,
): Promise<Client> {
  const client = create(serverOptions(context.asAbsolutePath('dist/server.js')), clientOptions());
  const editorUri = () => api.window.activeTextEditor?.document.uri.toString();
  context.subscriptions.push(
    api.commands.registerCommand('nuance.fixAllInFile', async () => {
      const uri = editorUri();
      if (uri)
        await client.sendRequest('workspace/executeCommand', { command: 'nuance.fixAll', arguments: [uri] });
    }),
    api.commands.registerCommand('nuance.explainRuleAtCursor', async () => {
      const editor = api.window.activeTextEditor;
      if (!editor) return;
      const { line, character } = editor.selection.active;
      const result = await client.sendRequest<{ ruleId: string; markdown: string } | null>(
        'workspace/executeCommand',
        { command: 'nuance.explain', arguments: [editor.document.uri.toString(), { line, character }] },
      );
      if (!result) {
        await api.window.showInformationMessage('nuance: no finding or rule id at the cursor');
        return;
      }
      const document = await api.workspace.openTextDocument({
        language: 'markdown',
        content: result.markdown,
      });
      await api.window.showTextDocument(document, { viewColumn: api.ViewColumn.Beside, preview: true });
    }),
    api.commands.registerCommand('nuance.restartServer', () => client.restart()),
    { dispose: () => client.stop() },
  );
  await client.start();
  return client;
}
