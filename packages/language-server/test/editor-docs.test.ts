// What the VS Code extension relies on: rule ids linking to the built-in pack's README shipped
// with the client (`initializationOptions.packDocs`), that README never linted, a hover that does
// not repeat the diagnostic's message, and one lint per document at start-up.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { plainText } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { PUSH_CAPABILITIES, uriOf, useTestResources } from './client.js';

const WUSHI = 'korea-china/wushi-not-shiyong';
const README = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../rules/korea-china/README.md',
);
const { tempDir, client } = useTestResources('nuance-ls-docs-');

/** A packDocs folder as the extension ships it: `<pack>/README.md`. */
function packDocs(): string {
  const dir = path.join(tempDir(), 'packs');
  mkdirSync(path.join(dir, 'korea-china'), { recursive: true });
  copyFileSync(README, path.join(dir, 'korea-china/README.md'));
  return dir;
}

/** A temporary folder holding `files` (name -> text). */
function withFiles(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('rule documentation links', () => {
  it("link every built-in rule id to its pack's README at the rule's heading, in diagnostics and hovers", async () => {
    const docs = packDocs();
    const c = await client({ initializationOptions: { debounce: 0, packDocs: docs } });
    const uri = 'untitled:links';
    await c.open(uri, '韩国奉行实用外交。\n', 'markdown');
    const [diagnostic] = await c.diagnostics(uri, (d) => d.length === 1);
    const line = readFileSync(README, 'utf8').split('\n').indexOf(`## \`${WUSHI}\``) + 1;
    expect(line).toBeGreaterThan(1);
    const href = `${pathToFileURL(path.join(docs, 'korea-china/README.md')).href}#L${line}`;
    expect(diagnostic?.codeDescription).toEqual({ href });

    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 5 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value.split('\n')[0]).toBe(`[**${WUSHI}**](${href}) (error)`);
    // The draft is Chinese: the hover's own words are too.
    expect(value).toContain(`[规则说明](${href})`);
    // The editor shows the diagnostic's message above the hover: not twice.
    expect(value).not.toContain(diagnostic!.message);

    // Explain shows the message too, with the same links.
    const explained = (await c.connection.sendRequest('workspace/executeCommand', {
      command: 'nuance.explain',
      arguments: [uri, { line: 0, character: 5 }],
    })) as { ruleId: string; markdown: string };
    expect(explained.markdown.split('\n')[0]).toBe(`[**${WUSHI}**](${href}) (error)`);
    // Its Markdown has the message the Problems panel shows as plain text (terms in quotes).
    expect(plainText(explained.markdown, 'zh-Hans')).toContain(diagnostic!.message);
  });

  it('sends no link to a client that does not declare codeDescriptionSupport; its hover still links', async () => {
    const docs = packDocs();
    const capabilities = {
      ...PUSH_CAPABILITIES,
      textDocument: { ...PUSH_CAPABILITIES.textDocument, publishDiagnostics: { versionSupport: true } },
    };
    const c = await client({ capabilities, initializationOptions: { debounce: 0, packDocs: docs } });
    const uri = 'untitled:no-links';
    await c.open(uri, '韩国奉行实用外交。\n', 'markdown');
    const [diagnostic] = await c.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostic?.code).toBe(WUSHI);
    expect(diagnostic).not.toHaveProperty('codeDescription');
    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 5 },
    })) as Hover;
    const href = pathToFileURL(path.join(docs, 'korea-china/README.md')).href;
    const first = (hover.contents as { value: string }).value.split('\n')[0] ?? '';
    expect(first.startsWith(`[**${WUSHI}**](${href}#L`)).toBe(true);
    expect(first.endsWith(') (error)')).toBe(true);
  });

  it('never lints the shipped README, though it quotes the terms it warns about', async () => {
    const docs = packDocs();
    const c = await client({ initializationOptions: { debounce: 0, packDocs: docs } });
    const readme = uriOf(path.join(docs, 'korea-china/README.md'));
    const text = readFileSync(path.join(docs, 'korea-china/README.md'), 'utf8');
    expect(text).toContain('实用外交');
    await c.open(readme, text, 'markdown');
    expect(await c.diagnostics(readme)).toEqual([]);
    // The same text anywhere else is linted.
    const copy = uriOf(path.join(tempDir(), 'README.md'));
    await c.open(copy, text, 'markdown');
    expect((await c.diagnostics(copy, (d) => d.length > 0)).length).toBeGreaterThan(5);
  });

  it("links the tool's own rules to their README, as the extension writes it", async () => {
    const docs = packDocs();
    mkdirSync(path.join(docs, 'nuance'));
    writeFileSync(
      path.join(docs, 'nuance/README.md'),
      '# t\n\n## `nuance/unknown-rule-in-directive`\n\nhelp\n',
    );
    const c = await client({ initializationOptions: { debounce: 0, packDocs: docs } });
    const uri = 'untitled:tool';
    await c.open(
      uri,
      '<!-- nuance-disable-next-line korea-china/no-such-rule -->\n韩国奉行务实外交。\n',
      'markdown',
    );
    const [diagnostic] = await c.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostic?.code).toBe('nuance/unknown-rule-in-directive');
    expect(diagnostic?.codeDescription?.href).toBe(
      `${pathToFileURL(path.join(docs, 'nuance/README.md')).href}#L3`,
    );
    // Its hover explains it with the tool rule's help.
    const hover = (await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: diagnostic!.range.start,
    })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('The unknown id suppresses nothing.');
  });

  it("links a pack file's rule to its `id` line in that file", async () => {
    const dir = withFiles({
      '.nuancerc.yaml': 'packs: [./team.yaml]\n',
      'team.yaml':
        'pack: team\nrules:\n  - id: team/y\n    kind: caution\n    severity: info\n    message: m\n    phrases: [务实外交]\n' +
        '  - id: team/x\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [实用外交]\n',
    });
    const team = path.join(dir, 'team.yaml');
    const c = await client({ folders: [dir], initializationOptions: { debounce: 0, packDocs: packDocs() } });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, '韩国奉行实用外交。\n');
    const [diagnostic] = await c.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostic?.code).toBe('team/x');
    expect(diagnostic?.codeDescription).toEqual({ href: `${pathToFileURL(team).href}#L8` });
  });

  it('links a rule to the first pack that has it, a pack in flow style placed by its parsed YAML', async () => {
    const dir = withFiles({
      '.nuancerc.yaml': 'packs: [./flow.yaml, ./block.yaml]\n',
      // Its lines are not the block form: the server places team/x with the parsed pack, whose
      // rules leave out team/y (its severity is broken): team/x is still the file's second rule.
      'flow.yaml':
        'pack: team\nrules:\n  [\n    {id: team/y, kind: caution, severity: loud, message: m, phrases: [务实外交]},\n' +
        '    {id: team/x, kind: caution, severity: warning, message: m, phrases: [实用外交]},\n  ]\n',
      'block.yaml':
        'pack: other\nrules:\n  - id: other/z\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [战略合作伙伴关系]\n',
    });
    const [flow, block] = [path.join(dir, 'flow.yaml'), path.join(dir, 'block.yaml')];
    const c = await client({ folders: [dir], initializationOptions: { debounce: 0 } });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, '韩国奉行实用外交，恢复战略合作伙伴关系。\n');
    const diagnostics = await c.diagnostics(uri, (d) => d.length === 2);
    const hrefs = Object.fromEntries(diagnostics.map((d) => [d.code, d.codeDescription?.href]));
    expect(hrefs).toEqual({
      'team/x': `${pathToFileURL(flow).href}#L5`,
      'other/z': `${pathToFileURL(block).href}#L3`,
    });
  });

  it('gives no link without packDocs: the built-in pack has no url, and none is invented', async () => {
    const c = await client();
    const uri = 'untitled:nolink';
    await c.open(uri, '韩国奉行实用外交。\n', 'markdown');
    const [diagnostic] = await c.diagnostics(uri, (d) => d.length === 1);
    expect(diagnostic?.codeDescription).toBeUndefined();
  });
});

describe('start-up', () => {
  it('lints a document once although vscode-languageclient sends two unchanged settings notifications', async () => {
    const dir = tempDir();
    let answer: unknown = null;
    // vscode-languageclient's capabilities: pull diagnostics, refresh, workspace/configuration.
    const capabilities = {
      ...PUSH_CAPABILITIES,
      textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
      workspace: {
        ...PUSH_CAPABILITIES.workspace,
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
      },
    };
    let asked = 0;
    const c = await client({
      folders: [dir],
      capabilities,
      configuration: () => {
        asked++;
        return answer;
      },
    });
    // `synchronize.configurationSection`: sent right after `initialized`.
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, '韩国奉行实用外交。\n');
    const pull = () =>
      c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{
        items: unknown[];
      }>;
    expect((await pull()).items).toHaveLength(1);
    // The server's own registration for the section: the client sends the settings again.
    await c.until(() => c.registrations.includes('workspace/didChangeConfiguration'), 'registration');
    const before = asked;
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.until(() => asked > before || c.refreshes > 0, 'the settings asked again');
    // A request after the notification is answered after it was handled.
    await c.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.refreshes).toBe(0);

    // A real change still re-lints.
    answer = { rules: { [WUSHI]: 'hint' } };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.until(() => c.refreshes === 1, 'a refresh');
  });
});
