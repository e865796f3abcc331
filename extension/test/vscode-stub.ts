// A stubbed `vscode` module and language client for the extension's tests (VS Code itself cannot
// run here): records the commands, documents, previews and output the client asks for.
import { vi } from 'vitest';
import type { Client, VscodeApi } from '../src/client.js';

/** vscode.EventEmitter's behaviour, enough for the client. */
class Emitter<T> {
  private listeners: Array<(value: T) => void> = [];
  event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T) {
    for (const l of this.listeners) l(value);
  }
  dispose() {
    this.listeners = [];
  }
}

export interface FakeUri {
  scheme: string;
  path: string;
  toString(): string;
}

export function stubs(editor?: { uri: string; line: number; character: number }) {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const opened: unknown[] = [];
  const messages: string[] = [];
  const executed: Array<[string, unknown[]]> = [];
  const providers = new Map<string, { provideTextDocumentContent(uri: FakeUri): string }>();
  const outputLines: string[] = [];
  const settings: Record<string, unknown> = { 'trace.server': 'off' };
  const configurationChanged = new Emitter<{ affectsConfiguration(section: string): boolean }>();
  let previewAvailable = true;
  const api = {
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        commands.set(id, run);
        return { dispose: () => commands.delete(id) };
      },
      executeCommand: async (id: string, ...args: unknown[]) => {
        executed.push([id, args]);
        if (!previewAvailable) throw new Error(`command '${id}' not found`);
      },
    },
    window: {
      activeTextEditor: editor && {
        document: { uri: { toString: () => editor.uri } },
        selection: { active: { line: editor.line, character: editor.character } },
      },
      showInformationMessage: async (message: string) => {
        messages.push(message);
        return undefined;
      },
      showTextDocument: vi.fn(async () => ({})),
      createOutputChannel: (name: string) => ({
        name,
        append: (v: string) => outputLines.push(v),
        appendLine: (v: string) => outputLines.push(v),
        replace: () => {},
        clear: () => {},
        show: () => {},
        hide: () => {},
        dispose: () => {},
      }),
    },
    workspace: {
      openTextDocument: async (uri: FakeUri) => {
        opened.push(uri);
        return { uri };
      },
      registerTextDocumentContentProvider: (
        scheme: string,
        provider: { provideTextDocumentContent(uri: FakeUri): string },
      ) => {
        providers.set(scheme, provider);
        return { dispose: () => providers.delete(scheme) };
      },
      getConfiguration: (section: string) => ({
        get: (key: string, fallback: unknown) =>
          section === 'nuance' ? (settings[key] ?? fallback) : fallback,
      }),
      onDidChangeConfiguration: configurationChanged.event,
    },
    EventEmitter: Emitter,
    Uri: {
      from: ({ scheme, path }: { scheme: string; path: string }): FakeUri => ({
        scheme,
        path,
        toString: () => `${scheme}:${path}`,
      }),
    },
    LogLevel: { Trace: 1, Info: 3 },
    ViewColumn: { Beside: -2 },
  } as unknown as VscodeApi;
  const requests: Array<[string, unknown]> = [];
  let answer: unknown = null;
  const client = {
    start: vi.fn(async () => {}),
    stop: vi.fn(async () => {}),
    restart: vi.fn(async () => {}),
    sendRequest: async (method: string, params: unknown) => {
      requests.push([method, params]);
      return answer;
    },
  } satisfies Client;
  const subscriptions: { dispose(): unknown }[] = [];
  const context = {
    subscriptions,
    asAbsolutePath: (p: string) => `/ext/${p}`,
    globalStorageUri: { scheme: 'file', fsPath: '/storage/nuance' },
  };
  return {
    api,
    client,
    commands,
    opened,
    messages,
    requests,
    executed,
    providers,
    outputLines,
    subscriptions,
    context,
    answer: (a: unknown) => (answer = a),
    noPreview: () => (previewAvailable = false),
    setTrace: (value: string) => {
      settings['trace.server'] = value;
      configurationChanged.fire({ affectsConfiguration: (s) => 'nuance.trace.server'.startsWith(s) });
    },
  };
}
