import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { normalizeSettings } from '../src/settings.js';
import { PUSH_CAPABILITIES, uriOf, useTestResources } from './client.js';

const WUSHI = 'korea-china/wushi-not-shiyong';
const DRAFT = '韩国奉行实用外交。\n';
const { tempDir, client } = useTestResources('nuance-ls-config-');

const severities = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.severity}`);

describe('configuration', () => {
  it('reloads when the client reports a changed config (didChangeWatchedFiles)', async () => {
    const dir = tempDir();
    const capabilities = {
      ...PUSH_CAPABILITIES,
      workspace: { ...PUSH_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
    };
    const c = await client({ folders: [dir], capabilities });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, DRAFT);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 1`]);
    const config = path.join(dir, '.nuancerc.yaml');
    writeFileSync(config, `rules:\n  ${WUSHI}: hint\n`);
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(config), type: 1 }],
    });
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 4))).toEqual([`${WUSHI} 4`]);
  });

  it('reloads only for a file a config read: a pack file changed on disk', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'team.yaml');
    const teamPack = (severity: string) =>
      `pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: ${severity}\n    message: m\n    phrases: [实用外交]\n`;
    writeFileSync(path.join(dir, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
    writeFileSync(pack, teamPack('warning'));
    const capabilities = {
      ...PUSH_CAPABILITIES,
      workspace: { ...PUSH_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
    };
    const c = await client({ folders: [dir], capabilities });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, DRAFT);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual(['team/x 2']);
    writeFileSync(pack, teamPack('info'));
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(path.join(dir, 'other.yaml')), type: 2 }],
    });
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(pack), type: 2 }],
    });
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 3))).toEqual(['team/x 3']);
  });

  // Reported by the client, or seen by the server's own watcher (a client that cannot watch files).
  for (const own of [false, true]) {
    it(`changes nothing for a config no open document can have (${own ? 'own watcher' : 'didChangeWatchedFiles'})`, async () => {
      const root = tempDir();
      const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
      mkdirSync(a);
      mkdirSync(b);
      const configOf = (dir: string) => path.join(dir, '.nuancerc.yaml');
      writeFileSync(configOf(a), `rules:\n  ${WUSHI}: hint\n`);
      writeFileSync(configOf(b), `rules:\n  ${WUSHI}: info\n`);
      const jobs: unknown[] = [];
      const c = await client({
        folders: [root],
        capabilities: own
          ? PUSH_CAPABILITIES
          : { ...PUSH_CAPABILITIES, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
        initializationOptions: { debounce: 0, cacheFolder: tempDir() },
        server: {
          precompile: async (job) => {
            jobs.push(job);
          },
        },
      });
      const changed = async (file: string, text: string) => {
        writeFileSync(file, text);
        if (!own)
          await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: uriOf(file), type: 2 }],
          });
      };
      const [inA, inB] = [uriOf(path.join(a, 'draft.md')), uriOf(path.join(b, 'draft.md'))];
      await c.open(inB, DRAFT);
      expect(severities(await c.diagnostics(inB, (d) => d.length === 1))).toEqual([`${WUSHI} 3`]);
      await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: inB } });
      await c.open(inA, DRAFT);
      expect(severities(await c.diagnostics(inA, (d) => d.length === 1))).toEqual([`${WUSHI} 4`]);
      // The own watcher starts watching once the configs are loaded (after their problems are published).
      await new Promise((resolve) => setTimeout(resolve, 200));
      const pushed = c.log.filter((p) => p.uri === inA).length;

      // b's config changes while no document of b is open: nothing compiled, nothing re-linted.
      await changed(configOf(b), `rules:\n  ${WUSHI}: warning\n`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(jobs).toHaveLength(0);
      expect(c.log.filter((p) => p.uri === inA)).toHaveLength(pushed);
      // Its load was dropped all the same: a draft opened there again reads the new config.
      await c.open(inB, DRAFT);
      expect(severities(await c.diagnostics(inB, (d) => d.length === 1))).toEqual([`${WUSHI} 2`]);

      // a's own config: compiled (the precompile job), loaded again, re-linted.
      await changed(configOf(a), `rules:\n  ${WUSHI}: warning\n`);
      expect(severities(await c.diagnostics(inA, (d) => d[0]?.severity === 2))).toEqual([`${WUSHI} 2`]);
      expect(jobs).toHaveLength(1);
    });
  }

  it("compiles nothing for a pack only a closed draft's config reads, and reads it when the draft opens again", async () => {
    const root = tempDir();
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')];
    mkdirSync(a);
    mkdirSync(b);
    const pack = path.join(b, 'team.yaml');
    const teamPack = (severity: string) =>
      `pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: ${severity}\n    message: m\n    phrases: [实用外交]\n`;
    writeFileSync(path.join(b, '.nuancerc.yaml'), 'packs: [./team.yaml]\n');
    writeFileSync(pack, teamPack('warning'));
    const jobs: unknown[] = [];
    const c = await client({
      folders: [root],
      capabilities: {
        ...PUSH_CAPABILITIES,
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      initializationOptions: { debounce: 0, cacheFolder: tempDir() },
      server: {
        precompile: async (job) => {
          jobs.push(job);
        },
      },
    });
    const [inA, inB] = [uriOf(path.join(a, 'draft.md')), uriOf(path.join(b, 'draft.md'))];
    await c.open(inB, DRAFT);
    expect(severities(await c.diagnostics(inB, (d) => d.length === 1))).toEqual(['team/x 2']);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri: inB } });
    await c.open(inA, DRAFT);
    expect(severities(await c.diagnostics(inA, (d) => d.length === 1))).toEqual([`${WUSHI} 1`]);
    writeFileSync(pack, teamPack('info'));
    const pushed = c.log.filter((p) => p.uri === inA).length;
    await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(pack), type: 2 }],
    });
    // The load that read it is dropped (a's draft is linted again, with the config it had).
    await c.until(() => c.log.filter((p) => p.uri === inA).length > pushed, 'a re-lint');
    expect(jobs).toHaveLength(0);
    await c.open(inB, DRAFT);
    expect(severities(await c.diagnostics(inB, (d) => d.length === 1))).toEqual(['team/x 3']);
  });

  it('shows a broken config as diagnostics in that file and keeps linting with the last good one', async () => {
    const dir = tempDir();
    const config = path.join(dir, '.nuancerc.yaml');
    writeFileSync(config, `rules:\n  ${WUSHI}: warning\n`);
    const c = await client({ folders: [dir] });
    const uri = uriOf(path.join(dir, 'draft.md'));
    await c.open(uri, DRAFT);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 2`]);
    writeFileSync(config, `rules:\n  ${WUSHI}: [warning\naudience: martian!\n`);
    const problems = await c.until(() => {
      const p = c.published.get(uriOf(config));
      return p && p.diagnostics.length > 0 ? p.diagnostics : undefined;
    }, 'config diagnostics');
    expect(problems[0]?.code).toBe('pack/yaml-syntax');
    expect(problems[0]?.source).toBe('nuance');
    // Still linted, with the last good settings.
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 2`]);
    writeFileSync(config, 'rules:\n  korea-china/no-such-rule: off\n');
    const unknown = await c.until(() => {
      const d = c.published.get(uriOf(config))?.diagnostics ?? [];
      return d[0]?.code === 'pack/unknown-rule' ? d : undefined;
    }, 'unknown-rule diagnostic');
    expect(unknown[0]?.range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 26 } });
    writeFileSync(config, '');
    await c.until(() => c.published.get(uriOf(config))?.diagnostics.length === 0, 'problems cleared');
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 1))).toEqual([`${WUSHI} 1`]);
  });

  it('asks workspace/configuration: null means defaults, settings apply under the config file', async () => {
    const dir = tempDir();
    const answers: Record<string, unknown> = {};
    const capabilities = {
      ...PUSH_CAPABILITIES,
      workspace: { ...PUSH_CAPABILITIES.workspace, configuration: true },
    };
    const c = await client({
      folders: [dir],
      capabilities,
      configuration: (item) => (item.scopeUri ? (answers[item.scopeUri] ?? null) : null),
    });
    const plain = uriOf(path.join(dir, 'plain.md'));
    await c.open(plain, DRAFT);
    expect(severities(await c.diagnostics(plain, (d) => d.length === 1))).toEqual([`${WUSHI} 1`]);

    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    const withSettings = uriOf(path.join(sub, 'draft.md'));
    answers[withSettings] = { enable: null, rules: { [WUSHI]: 'info' }, packs: null, audience: 42 };
    await c.open(withSettings, DRAFT);
    expect(severities(await c.diagnostics(withSettings, (d) => d.length === 1))).toEqual([`${WUSHI} 3`]);

    // A config file wins over the editor settings for the keys it sets.
    writeFileSync(path.join(sub, '.nuancerc.yaml'), `rules:\n  ${WUSHI}: warning\n`);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(severities(await c.diagnostics(withSettings, (d) => d[0]?.severity === 2))).toEqual([
      `${WUSHI} 2`,
    ]);

    answers[withSettings] = { enable: false };
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(withSettings, (d) => d.length === 0);
  });

  it('works with no workspace folder, finding the config next to the file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.nuancerc.yaml'), `rules:\n  ${WUSHI}: info\nignore: ["archive/**"]\n`);
    const c = await client({ folders: [] });
    const uri = uriOf(path.join(dir, 'draft.txt'));
    await c.open(uri, DRAFT);
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 3`]);
    const archived = uriOf(path.join(dir, 'archive', 'old.md'));
    await c.open(archived, DRAFT);
    expect(await c.diagnostics(archived)).toEqual([]);
  });

  for (const workspaceFolders of [true, false]) {
    it(`follows workspace folder changes (workspaceFolders capability: ${workspaceFolders})`, async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '.nuancerc.yaml'), `rules:\n  ${WUSHI}: hint\n`);
      const capabilities = {
        ...PUSH_CAPABILITIES,
        workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders },
      };
      const c = await client({ folders: [], capabilities });
      // An unsaved document takes the config of the first workspace folder.
      const uri = 'untitled:folders';
      await c.open(uri, DRAFT);
      expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 1`]);
      const folder = { uri: uriOf(dir), name: 'drafts' };
      await c.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [folder], removed: [] },
      });
      expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 4))).toEqual([`${WUSHI} 4`]);
      await c.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [folder] },
      });
      expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 1))).toEqual([`${WUSHI} 1`]);
    });
  }

  it('takes settings from initializationOptions and didChangeConfiguration without workspace/configuration', async () => {
    const c = await client({
      initializationOptions: { debounce: 0, settings: { rules: { [WUSHI]: 'hint' } } },
    });
    const uri = 'untitled:settings';
    await c.open(uri, DRAFT, 'markdown');
    expect(severities(await c.diagnostics(uri, (d) => d.length === 1))).toEqual([`${WUSHI} 4`]);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { nuance: null } });
    expect(severities(await c.diagnostics(uri, (d) => d[0]?.severity === 1))).toEqual([`${WUSHI} 1`]);
  });

  it('has no `accept` setting: accepted phrases live in .nuancerc.yaml', () => {
    expect(normalizeSettings({ accept: ['实用外交'], lang: 'en', ignore: 'old/**' })).toEqual({
      enable: true,
      config: { lang: 'en', ignore: ['old/**'] },
    });
  });

  it('never crashes on bad input', async () => {
    const c = await client();
    const uri = 'untitled:bad';
    await c.open(uri, `\uD800 lone surrogate ${'x'.repeat(100_000)} \u0000 实用外交`, 'weird-language');
    expect((await c.diagnostics(uri, (d) => d.length === 1)).map((d) => d.code)).toEqual([WUSHI]);
    const requests: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } }],
      [
        'textDocument/hover',
        { textDocument: { uri: 'untitled:never-opened' }, position: { line: 0, character: 0 } },
      ],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: {
            diagnostics: [
              {
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
                message: '',
                code: 'x',
                data: {
                  nuance: 1,
                  actual: '',
                  suggestions: [{ from: -5, length: 99, old: 'no', text: 'y' }],
                },
              },
            ],
          },
        },
      ],
      ['workspace/executeCommand', { command: 'nuance.ignoreRule', arguments: [42] }],
      ['workspace/executeCommand', { command: 'nuance.explain', arguments: [uri, 'not a position'] }],
      ['workspace/executeCommand', { command: 'nuance.unknown' }],
    ];
    for (const [method, params] of requests) {
      await c.connection.sendRequest(method, params).catch(() => undefined);
    }
    await c.change(uri, [{ text: '实用路线' }]);
    expect((await c.diagnostics(uri, (d) => d.length === 1)).map((d) => d.range.end.character)).toEqual([4]);
  });

  it('keeps compiled packs in the folder the client gives, and a new server starts from them', async () => {
    const dir = tempDir();
    const storage = tempDir();
    writeFileSync(path.join(dir, '.nuancerc.yaml'), 'packs: [./team.yaml, korea-china]\n');
    writeFileSync(
      path.join(dir, 'team.yaml'),
      'pack: team\nrules:\n  - id: team/x\n    kind: caution\n    severity: warning\n    message: m\n    phrases: [奉行]\n',
    );
    const entries = () => readdirSync(path.join(storage, 'rule-sets')).filter((n) => n.endsWith('.rules'));
    const initializationOptions = { debounce: 0, cacheFolder: storage };
    const codes = async () => {
      const c = await client({ folders: [dir], initializationOptions });
      const uri = uriOf(path.join(dir, 'draft.md'));
      await c.open(uri, DRAFT);
      const found = (await c.diagnostics(uri, (d) => d.length === 2)).map((d) => d.code);
      await c.shutdown();
      return found;
    };
    expect(await codes()).toEqual(['team/x', WUSHI]);
    const [entry] = entries();
    expect(entries()).toHaveLength(1);
    const written = readFileSync(path.join(storage, 'rule-sets', entry ?? ''), 'utf8');
    // A second server reads the entry: the same diagnostics, the entry neither added to nor rewritten.
    expect(await codes()).toEqual(['team/x', WUSHI]);
    expect(entries()).toEqual([entry]);
    expect(readFileSync(path.join(storage, 'rule-sets', entry ?? ''), 'utf8')).toBe(written);
  });
});
