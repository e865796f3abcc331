// The extension's client logic with a stubbed `vscode` module and language client.
import { describe, expect, it, vi } from 'vitest';
import { activateWith, type Client, clientOptions, serverOptions, type VscodeApi } from '../src/client.js';

function stubs(editor?: { uri: string; line: number; character: number }) {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const opened: Array<{ language?: string; content?: string }> = [];
  const messages: string[] = [];
  const api = {
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        commands.set(id, run);
        return { dispose: () => commands.delete(id) };
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
    },
    workspace: {
      openTextDocument: async (options: { language?: string; content?: string }) => {
        opened.push(options);
        return { uri: 'untitled:1' };
      },
    },
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
  const context = { subscriptions, asAbsolutePath: (p: string) => `/ext/${p}` };
  return {
    api,
    client,
    commands,
    opened,
    messages,
    requests,
    subscriptions,
    context,
    answer: (a: unknown) => (answer = a),
  };
}

describe('extension client', () => {
  it('starts the bundled server over IPC for Markdown and plain text, file and untitled', async () => {
    const s = stubs();
    let created: unknown[] = [];
    await activateWith(s.api, s.context, (server, options) => {
      created = [server, options];
      return s.client;
    });
    expect(created[0]).toEqual(serverOptions('/ext/dist/server.js'));
    expect((created[0] as { run: { module: string; transport: number } }).run).toEqual({
      module: '/ext/dist/server.js',
      transport: 1,
    });
    expect(clientOptions().documentSelector).toEqual([
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', pattern: '**/*.{xlf,xliff,sdlxliff,mqxliff}' },
    ]);
    expect(s.client.start).toHaveBeenCalledTimes(1);
    expect([...s.commands.keys()]).toEqual([
      'nuance.fixAllInFile',
      'nuance.explainRuleAtCursor',
      'nuance.restartServer',
    ]);
  });

  it('runs fix all, explain and restart through the server', async () => {
    const s = stubs({ uri: 'file:///w/draft.md', line: 2, character: 5 });
    await activateWith(s.api, s.context, () => s.client);
    await s.commands.get('nuance.fixAllInFile')?.();
    expect(s.requests.at(-1)).toEqual([
      'workspace/executeCommand',
      { command: 'nuance.fixAll', arguments: ['file:///w/draft.md'] },
    ]);

    s.answer({ ruleId: 'korea-china/wushi-not-shiyong', markdown: '**korea-china/wushi-not-shiyong**' });
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    expect(s.requests.at(-1)).toEqual([
      'workspace/executeCommand',
      { command: 'nuance.explain', arguments: ['file:///w/draft.md', { line: 2, character: 5 }] },
    ]);
    expect(s.opened).toEqual([{ language: 'markdown', content: '**korea-china/wushi-not-shiyong**' }]);
    expect(s.api.window.showTextDocument).toHaveBeenCalledWith(
      { uri: 'untitled:1' },
      { viewColumn: -2, preview: true },
    );

    s.answer(null);
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    expect(s.messages).toEqual(['nuance: no finding or rule id at the cursor']);

    await s.commands.get('nuance.restartServer')?.();
    expect(s.client.restart).toHaveBeenCalledTimes(1);
    for (const d of s.subscriptions) d.dispose();
    expect(s.client.stop).toHaveBeenCalledTimes(1);
  });

  it('does nothing without an active editor', async () => {
    const s = stubs();
    await activateWith(s.api, s.context, () => s.client);
    await s.commands.get('nuance.fixAllInFile')?.();
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    expect(s.requests).toEqual([]);
  });
});
