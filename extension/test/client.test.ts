// The extension's client logic with a stubbed `vscode` module and language client.
import { describe, expect, it } from 'vitest';
import { activateWith, type clientOptions, serverOptions } from '../src/client.js';
import { EXPLAIN_SCHEME, explainPage } from '../src/explain-view.js';
import { type FakeUri, stubs } from './vscode-stub.js';

describe('extension client', () => {
  it('starts the bundled server over stdio for Markdown and plain text files and drafts only', async () => {
    const s = stubs();
    let created: unknown[] = [];
    await activateWith(s.api, s.context, (server, options) => {
      created = [server, options];
      return s.client;
    });
    expect(created[0]).toEqual(serverOptions('/ext/dist/server.js'));
    expect((created[0] as { run: { module: string; transport: number } }).run).toEqual({
      module: '/ext/dist/server.js',
      transport: 0,
    });
    const options = created[1] as ReturnType<typeof clientOptions>;
    expect(options.documentSelector).toEqual([
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', pattern: '**/*.{xlf,xliff,sdlxliff,mqxliff}' },
    ]);
    // The shipped pack READMEs, for the rule id links, and the global storage folder, where the
    // server keeps compiled packs; settings changes come through the server's own registration
    // only (a static `synchronize` section sent each one twice).
    expect(options.initializationOptions).toEqual({
      packDocs: '/ext/dist/packs',
      cacheFolder: '/storage/nuance',
    });
    expect(options.synchronize).toBeUndefined();
    expect(options.traceOutputChannel?.name).toBe('nuance (trace)');
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

    s.answer(null);
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    expect(s.requests.at(-1)).toEqual([
      'workspace/executeCommand',
      { command: 'nuance.explain', arguments: ['file:///w/draft.md', { line: 2, character: 5 }] },
    ]);
    expect(s.messages).toEqual(['nuance: no finding or rule id at the cursor']);

    await s.commands.get('nuance.restartServer')?.();
    expect(s.client.restart).toHaveBeenCalledTimes(1);
    for (const d of s.subscriptions) d.dispose();
    expect(s.client.stop).toHaveBeenCalledTimes(1);
    expect(s.providers.size).toBe(0);
  });
});

describe('Explain', () => {
  const markdown = '**korea-china/wushi-not-shiyong** (error)\n\nUse `务实外交` instead of `实用外交`';

  it('opens a read-only virtual page in the Markdown preview, beside the draft', async () => {
    const s = stubs({ uri: 'file:///w/draft.md', line: 0, character: 5 });
    await activateWith(s.api, s.context, () => s.client);
    s.answer({ ruleId: 'korea-china/wushi-not-shiyong', markdown });
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    const [command, [uri]] = s.executed.at(-1) as [string, [FakeUri]];
    expect(command).toBe('markdown.showPreviewToSide');
    expect(uri.toString()).toBe(`${EXPLAIN_SCHEME}:/korea-china/wushi-not-shiyong.md`);
    // A content provider's document: read-only, and nothing to save when it closes.
    expect(s.providers.get(EXPLAIN_SCHEME)?.provideTextDocumentContent(uri)).toBe(explainPage(markdown));
    expect(explainPage(markdown)).toBe(`<!-- nuance-disable -->\n\n${markdown}\n`);
    expect(s.opened).toEqual([]);
  });

  it('shows the read-only source beside the draft when the Markdown preview is not available', async () => {
    const s = stubs({ uri: 'file:///w/draft.md', line: 0, character: 5 });
    await activateWith(s.api, s.context, () => s.client);
    s.noPreview();
    s.answer({ ruleId: 'korea-china/wushi-not-shiyong', markdown });
    await s.commands.get('nuance.explainRuleAtCursor')?.();
    expect((s.opened[0] as FakeUri).scheme).toBe(EXPLAIN_SCHEME);
    expect(s.api.window.showTextDocument).toHaveBeenCalledWith(
      { uri: s.opened[0] },
      { viewColumn: -2, preview: true },
    );
  });
});

describe('nuance.trace.server', () => {
  it("sets the trace channel's log level, which is what vscode-languageclient traces by", async () => {
    const s = stubs();
    let channel: ReturnType<typeof clientOptions>['traceOutputChannel'];
    await activateWith(s.api, s.context, (_, options) => {
      channel = options.traceOutputChannel;
      return s.client;
    });
    expect(channel?.logLevel).toBe(3);
    const levels: number[] = [];
    channel?.onDidChangeLogLevel((level) => levels.push(level));
    s.setTrace('verbose');
    expect(channel?.logLevel).toBe(1);
    s.setTrace('off');
    expect(levels).toEqual([1, 3]);
    channel?.trace("[Trace - 10:00:00] Sending request 'initialize - (0)'.");
    expect(s.outputLines).toEqual(["[Trace - 10:00:00] Sending request 'initialize - (0)'."]);
  });
});
