import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { PUSH_CAPABILITIES, type TestClient, uriOf, useTestResources } from './client.js';

const WUSHI = 'korea-china/wushi-not-shiyong';
const PULL_CAPABILITIES = {
  ...PUSH_CAPABILITIES,
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: {} },
};
const { tempDir, client } = useTestResources('nuance-ls-');

function ranges(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
}

describe('diagnostics', () => {
  it('reports exact UTF-16 ranges after Hangul, CJK and emoji, with code, source and data', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'draft.md'));
    // Line 2: 3 Hangul + space + emoji (2 units) + space = 7 units, then 7 Han before 实用外交.
    await c.open(uri, '# 声明\n\n한국어 😀 韩国新政府奉行实用外交。\n');
    const diagnostics = await c.diagnostics(uri, (d) => d.length > 0);
    expect(ranges(diagnostics)).toEqual([`${WUSHI} 2:14-2:18`]);
    const [d] = diagnostics;
    expect(d?.source).toBe('nuance');
    expect(d?.severity).toBe(1);
    // A Chinese draft: the message is Chinese, plain text, the terms in Chinese quotation marks.
    expect(d?.message).toContain('请用“务实外交”');
    expect(d?.data).toEqual({
      nuance: 1,
      actual: '实用外交',
      at: { line: 2, character: 14 },
      span: 4,
      suggestions: [{ from: 0, length: 2, old: '实用', text: '务实' }],
      fixable: true,
    });
    expect(c.published.get(uri)?.version).toBe(1);
  });

  it('follows incremental edits, including ones before the flagged term', async () => {
    const c = await client();
    const uri = 'untitled:Untitled-1';
    await c.open(uri, 'First paragraph.\n\n韩国奉行实用外交。\n', 'markdown');
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 2:4-2:8`]);
    await c.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '😀😀' },
    ]);
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 2:4-2:8`]);
    await c.change(uri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '한 ' },
    ]);
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 2:6-2:10`]);
    await c.change(uri, [
      { range: { start: { line: 2, character: 6 }, end: { line: 2, character: 8 } }, text: '务实' },
    ]);
    expect(await c.diagnostics(uri)).toEqual([]);
    await c.change(uri, [{ text: '新的实用路线\n' }]);
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 0:2-0:6`]);
  });

  it('drops results made stale by a newer edit', async () => {
    const c = await client({ initializationOptions: { debounce: 30 } });
    const uri = 'untitled:stale';
    await c.open(uri, '韩国奉行务实外交。', 'markdown');
    await c.diagnostics(uri);
    const before = c.log.length;
    for (const text of ['韩国奉行实用外交。', '韩国奉行实用路线。', '韩国奉行务实路线。']) {
      await c.change(uri, [{ text }]);
    }
    expect(await c.diagnostics(uri)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    // Only the last version was published: the two intermediate ones never reached the client.
    expect(c.log.slice(before).map((p) => p.version)).toEqual([4]);
  });

  it('pulls diagnostics when the client supports it, and does not push', async () => {
    const c = await client({ capabilities: PULL_CAPABILITIES });
    const uri = 'untitled:pull';
    await c.open(uri, 'Seoul pursues 실용외교 and 实用外交.', 'markdown');
    const report = (await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      items: Diagnostic[];
    };
    expect(report.kind).toBe('full');
    expect(ranges(report.items)).toEqual([`${WUSHI} 0:23-0:27`]);
    expect(c.published.has(uri)).toBe(false);
  });

  it('says a pulled report is unchanged when an edit leaves the diagnostics as they were', async () => {
    const c = await client({ capabilities: PULL_CAPABILITIES });
    const uri = 'untitled:pull-unchanged';
    type Report = { kind: string; resultId?: string; items?: Diagnostic[] };
    const pull = (previousResultId?: string) =>
      c.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri },
        ...(previousResultId === undefined ? {} : { previousResultId }),
      }) as Promise<Report>;
    await c.open(uri, '# 声明\n\n韩国奉行实用外交。\n', 'markdown');
    const first = await pull();
    expect(first.kind).toBe('full');
    expect(ranges(first.items ?? [])).toEqual([`${WUSHI} 2:4-2:8`]);
    // A letter typed after the finding, on its line: nothing moves.
    await c.change(uri, [
      { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: '好' },
    ]);
    expect(await pull(first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // Without the id of what it holds, the client gets the whole report.
    const again = await pull();
    expect(again.kind).toBe('full');
    // A letter typed before it moves the finding: a new report with a new id.
    await c.change(uri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '好' },
    ]);
    const moved = await pull(again.resultId);
    expect(moved.kind).toBe('full');
    expect(moved.resultId).not.toBe(again.resultId);
    expect(ranges(moved.items ?? [])).toEqual([`${WUSHI} 2:5-2:9`]);
  });

  it('lints a 1 MB document and re-lints an edit in it', async () => {
    const c = await client();
    const uri = 'untitled:big.md';
    const para = 'The ministers discussed trade, culture and tourism at length during the meeting.\n\n';
    const big = `${para.repeat(Math.ceil(1_000_000 / para.length))}韩国奉行实用外交。\n`;
    expect(big.length).toBeGreaterThan(1_000_000);
    await c.open(uri, big, 'markdown');
    const lastLine = big.split('\n').length - 2;
    expect(ranges(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([
      `${WUSHI} ${lastLine}:4-${lastLine}:8`,
    ]);
    await c.change(uri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '实用路线 ' },
    ]);
    const after = await c.diagnostics(uri, (d) => d.length === 2);
    expect(ranges(after)[0]).toBe(`${WUSHI} 2:0-2:4`);
  });
});

describe('context conditions', () => {
  it('relates a finding to the mentions that licensed it, in the diagnostic and the hover', async () => {
    const c = await client();
    const uri = 'untitled:context';
    await c.open(uri, '# 韩中外长会谈\n\n双方同意恢复战略合作伙伴关系。\n', 'markdown');
    const [d] = await c.diagnostics(uri, (list) => list.length === 1);
    expect(d?.code).toBe('korea-china/strategic-cooperative-partner');
    // One entry per mention, naming every set it licensed.
    expect(d?.relatedInformation).toEqual([
      {
        location: { uri, range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } } },
        message: '“韩中”提到了 korea和china，因此适用本规则',
      },
    ]);
    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 8 },
    })) as Hover;
    expect((hover.contents as { value: string }).value).toContain(
      '**适用原因**: `韩中`（korea，第1行）; `韩中`（china，第1行）',
    );
    const two = 'untitled:context-two';
    await c.open(
      two,
      'Seoul and Beijing agreed to restore the strategic cooperative partnership.\n',
      'markdown',
    );
    const [e] = await c.diagnostics(two, (list) => list.length === 1);
    expect(e?.relatedInformation?.map((r) => [r.location.range.start.character, r.message])).toEqual([
      [0, '“Seoul” names korea, so the rule applies'],
      [10, '“Beijing” names china, so the rule applies'],
    ]);
  });
  it('names the mentions only to a client that declares relatedInformation (LSP 3.18: also for pulled diagnostics)', async () => {
    const text = '# 韩中外长会谈\n\n双方同意恢复战略合作伙伴关系。\n';
    const bare = await client({
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await bare.open('untitled:bare', text, 'markdown');
    const [d] = await bare.diagnostics('untitled:bare', (list) => list.length === 1);
    expect(d?.code).toBe('korea-china/strategic-cooperative-partner');
    expect(d).not.toHaveProperty('relatedInformation');
    // The hover still says why the rule applies.
    const hover = (await bare.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'untitled:bare' },
      position: { line: 2, character: 8 },
    })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('**适用原因**');

    const pulling = await client({
      capabilities: { textDocument: { diagnostic: { relatedInformation: true } as object } },
    });
    await pulling.open('untitled:pulled', text, 'markdown');
    const report = (await pulling.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri: 'untitled:pulled' },
    })) as { items: Diagnostic[] };
    expect(report.items.map((i) => i.relatedInformation?.map((r) => r.message))).toEqual([
      ['“韩中”提到了 korea和china，因此适用本规则'],
    ]);
  });
});

describe('hover', () => {
  it('explains the flagged span: rule, preferred wording, note, readings and source', async () => {
    const c = await client();
    const uri = 'untitled:hover';
    await c.open(uri, '한국 韩国奉行实用外交。', 'markdown');
    await c.diagnostics(uri, (d) => d.length === 1);
    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 8 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(hover.range).toEqual({ start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
    expect(value.split('\n')[0]).toBe(`**${WUSHI}** (error)`);
    // The draft is Chinese (more Han than Hangul): the hover is Simplified Chinese throughout.
    expect(value).toContain('**建议用语**: `务实外交`');
    expect(value).toContain('- `zh`: 用“实用”形容外交路线带有物质主义和机会主义的色彩');
    expect(value).toContain('- `ko`: “실용외교”是韩国政府对自身路线的称呼');
    expect(value).toContain('**出处**: Jaeho Hwang, "A partnership with limits');
    expect(value).toContain('译成中文时必须用“务实”');
    const none = await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    expect(none).toBeNull();
  });
});

async function actionsFor(c: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const context: { diagnostics: Diagnostic[]; only?: string[] } = { diagnostics };
  if (only) context.only = only;
  return (await c.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context,
  })) as CodeAction[];
}

async function run(c: TestClient, action: CodeAction, uri: string): Promise<void> {
  const edits = action.edit?.changes?.[uri];
  if (edits) await c.applyEdits(uri, edits);
  if (action.command) await c.connection.sendRequest('workspace/executeCommand', action.command);
}

describe('code actions', () => {
  it('offers each suggestion, disable-line, ignore and accept; each applied and re-linted', async () => {
    const dir = tempDir();
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'draft.md'));
    const text = '# 声明\n\n韩国奉行实用外交。\n';
    await c.open(uri, text);
    const diagnostics = await c.diagnostics(uri, (d) => d.length === 1);
    // The client drops `source` and the message (as Neovim 0.7 does): data alone must do.
    const stripped = diagnostics.map(({ source: _s, message: _m, ...rest }) => ({ ...rest, message: '' }));
    const actions = await actionsFor(c, uri, stripped);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace with `务实外交`', 'quickfix', true],
      [`Disable \`${WUSHI}\` for this line`, 'quickfix', false],
      [`Ignore \`${WUSHI}\` in this workspace`, 'quickfix', false],
      ['Accept `实用外交` in this workspace', 'quickfix', false],
      ['Fix all nuance problems', 'source.fixAll.nuance', false],
    ]);
    const [replace, disable, ignore, accept] = actions as [CodeAction, CodeAction, CodeAction, CodeAction];

    await run(c, replace, uri);
    expect(c.text(uri)).toBe('# 声明\n\n韩国奉行务实外交。\n');
    expect(await c.diagnostics(uri)).toEqual([]);

    await c.change(uri, [{ text }]);
    await c.diagnostics(uri, (d) => d.length === 1);
    await run(c, disable, uri);
    expect(c.text(uri)).toBe(`# 声明\n\n韩国奉行实用外交。 <!-- nuance-disable-line ${WUSHI} -->\n`);
    expect(await c.diagnostics(uri)).toEqual([]);

    await c.change(uri, [{ text }]);
    await c.diagnostics(uri, (d) => d.length === 1);
    await run(c, ignore, uri);
    const config = path.join(dir, '.nuancerc.yaml');
    expect(readFileSync(config, 'utf8')).toBe(`rules:\n  ${WUSHI}: off\n`);
    // The server watches the folder itself (this client cannot watch files) and reloads.
    await c.diagnostics(uri, (d) => d.length === 0);

    writeFileSync(config, '# team settings\npacks: [korea-china] # built-in\n');
    await c.diagnostics(uri, (d) => d.length === 1);
    await run(c, accept, uri);
    expect(readFileSync(config, 'utf8')).toBe(
      '# team settings\npacks: [korea-china] # built-in\naccept:\n  - 实用外交\n',
    );
    await c.diagnostics(uri, (d) => d.length === 0);
  });

  it('fixes all: source.fixAll.nuance and the nuance.fixAll command', async () => {
    const c = await client();
    const uri = 'untitled:fix-all.md';
    await c.open(uri, '韩国奉行实用外交。\n\n新政府坚持实用路线，推进实用外交政策。\n', 'markdown');
    const diagnostics = await c.diagnostics(uri, (d) => d.length === 3);
    const [fixAll] = await actionsFor(c, uri, diagnostics, ['source.fixAll']);
    expect(fixAll?.kind).toBe('source.fixAll.nuance');
    await run(c, fixAll as CodeAction, uri);
    expect(c.text(uri)).toBe('韩国奉行务实外交。\n\n新政府坚持务实路线，推进务实外交政策。\n');
    expect(await c.diagnostics(uri)).toEqual([]);

    await c.change(uri, [{ text: '实用外交 and 实用路线' }]);
    await c.diagnostics(uri, (d) => d.length === 2);
    expect(
      await c.connection.sendRequest('workspace/executeCommand', {
        command: 'nuance.fixAll',
        arguments: [uri],
      }),
    ).toEqual({
      applied: true,
    });
    await c.until(() => c.text(uri) === '务实外交 and 务实路线', 'the fixed text');
    expect(await c.diagnostics(uri)).toEqual([]);
  });

  it('explains the rule at a position through nuance.explain', async () => {
    const c = await client();
    const uri = 'untitled:explain.md';
    await c.open(uri, '韩国奉行实用外交。', 'markdown');
    await c.diagnostics(uri, (d) => d.length === 1);
    const result = (await c.connection.sendRequest('workspace/executeCommand', {
      command: 'nuance.explain',
      arguments: [uri, { line: 0, character: 5 }],
    })) as { ruleId: string; markdown: string };
    expect(result.ruleId).toBe(WUSHI);
    expect(result.markdown).toContain('**建议用语**: `务实外交`');
  });
});
