// The extension's logic, written against the few `vscode` and client calls it needs, so tests can
// drive it with stubs (VS Code itself cannot run here). `extension.ts` passes the real modules.
import type * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { type ExplainApi, ExplainView } from './explain-view.js';
import { type TraceApi, traceChannel } from './trace.js';

/** The part of the `vscode` module the extension uses. */
export interface VscodeApi extends ExplainApi, TraceApi {
  commands: Pick<typeof vscode.commands, 'registerCommand' | 'executeCommand'>;
  window: Pick<
    typeof vscode.window,
    'activeTextEditor' | 'showInformationMessage' | 'showTextDocument' | 'createOutputChannel'
  >;
  workspace: Pick<
    typeof vscode.workspace,
    | 'openTextDocument'
    | 'registerTextDocumentContentProvider'
    | 'getConfiguration'
    | 'onDidChangeConfiguration'
  >;
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

export interface ClientSetup {
  /** The built-in packs' READMEs shipped in the extension (`dist/packs/<pack>/README.md`). */
  packDocs: string;
  /** The extension's global storage folder: the server keeps compiled packs there. */
  cacheFolder?: string;
  traceOutputChannel?: vscode.LogOutputChannel;
}

export function clientOptions(setup: ClientSetup): LanguageClientOptions {
  const options: LanguageClientOptions = {
    // Real files and unsaved drafts only: never the Explain page (`nuance-explain:`), a diff's
    // `git:` side or another extension's virtual document.
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: BILINGUAL_FILES },
    ],
    // Settings changes reach the server through its own registration for the `nuance` section
    // (`synchronize.configurationSection` as well would send each change twice).
    initializationOptions: {
      packDocs: setup.packDocs,
      ...(setup.cacheFolder !== undefined ? { cacheFolder: setup.cacheFolder } : {}),
    },
  };
  if (setup.traceOutputChannel) options.traceOutputChannel = setup.traceOutputChannel;
  return options;
}

export function serverOptions(serverModule: string): ServerOptions {
  // Over stdio, as other editors start it: there the server writes each diagnostic's JSON once and
  // sends it again as bytes at every keystroke (json-encoder.ts), where Node's IPC channel makes
  // the JSON of every message again (a dense 100 K draft's keystroke: 15-16 ms of the server's CPU
  // over IPC, 6.6-6.9 over stdio). The server still exits with the extension host: its input
  // closes, and it watches the client's process id.
  return {
    run: { module: serverModule, transport: 0 /* TransportKind.stdio */ },
    debug: { module: serverModule, transport: 0, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
}

export async function activateWith(
  api: VscodeApi,
  context: {
    subscriptions: { dispose(): unknown }[];
    asAbsolutePath(p: string): string;
    globalStorageUri?: { scheme: string; fsPath: string };
  },
  create: CreateClient,
): Promise<Client> {
  const trace = traceChannel(api);
  const setup: ClientSetup = { packDocs: context.asAbsolutePath('dist/packs'), traceOutputChannel: trace };
  // A file folder only (VS Code for the Web has none): the server writes there itself.
  if (context.globalStorageUri?.scheme === 'file') setup.cacheFolder = context.globalStorageUri.fsPath;
  const client = create(serverOptions(context.asAbsolutePath('dist/server.js')), clientOptions(setup));
  const explain = new ExplainView(api);
  const editorUri = () => api.window.activeTextEditor?.document.uri.toString();
  context.subscriptions.push(
    trace,
    explain.register(),
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
      await explain.show(result.ruleId, result.markdown);
    }),
    api.commands.registerCommand('nuance.restartServer', () => client.restart()),
    { dispose: () => client.stop() },
  );
  await client.start();
  return client;
}
