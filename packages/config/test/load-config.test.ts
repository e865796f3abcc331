import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '@nuance/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPackNames, findConfigFile, loadConfig, loadPack, mergeConfig } from '../src/index.js';

const PROJECT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'project');

/** `file:line:col code` with the file relative to the project: the readable form compared. */
const located = (problems: readonly Problem[]) =>
  problems.map((p) => `${path.relative(PROJECT, p.file)}:${p.line}:${p.column} ${p.code}`);

describe('loadConfig', () => {
  it('turns on the built-in korea-china pack when there is no config file', async () => {
    const loaded = await loadConfig({ cwd: PROJECT });
    expect(loaded.file).toBeUndefined();
    expect(loaded.problems).toEqual([]);
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china']);
    expect(loaded.ruleSet.has('korea-china/wushi-not-shiyong')).toBe(true);
    expect(loaded.ruleSet.rules.every((r) => r.pack === 'korea-china')).toBe(true);
  });

  it('loads built-in and local packs, paths relative to the config file', async () => {
    const loaded = await loadConfig({ configFile: 'project/.nuancerc.yaml', cwd: path.dirname(PROJECT) });
    expect(loaded.problems).toEqual([]);
    expect(loaded.file).toBe(path.join(PROJECT, '.nuancerc.yaml'));
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china', 'team']);
    expect(loaded.config).toEqual({
      packs: ['korea-china', './packs/team.yaml'],
      audience: ['zh'],
      lang: 'en',
      rules: { 'team/partner-scope': 'off' },
      accept: ['strategic partner of 2008'],
    });
    expect(loaded.ruleSet.get('team/utilitarian')?.severity).toBe('error');
  });

  it('reports config and pack problems with positions and keeps what is valid', async () => {
    const loaded = await loadConfig({ configFile: 'broken.yaml', cwd: PROJECT });
    expect(located(loaded.problems).sort()).toEqual(
      [
        'broken.yaml:3:5 unreadable-pack',
        'broken.yaml:4:5 unreadable-pack',
        'broken.yaml:5:1 unknown-key',
        'broken.yaml:8:3 unknown-rule',
      ].sort(),
    );
    const messages = loaded.problems.map((p) => p.message);
    expect(messages).toContainEqual('Cannot read pack `./packs/missing.yaml`: no such file or folder');
    expect(messages).toContainEqual(expect.stringContaining('`no-such-builtin`'));
    expect(messages).toContainEqual(expect.stringContaining('`team/unknown`'));
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['team']);
    expect(loaded.ruleSet.get('team/utilitarian')?.severity).toBe('info');
  });

  it('reports a config file that cannot be read and falls back to the defaults', async () => {
    const loaded = await loadConfig({ configFile: 'nope.yaml', cwd: PROJECT });
    expect(located(loaded.problems)).toEqual(['nope.yaml:1:1 unreadable-config']);
    expect(loaded.problems[0]!.message).toBe(
      `Cannot read config file \`${path.join(PROJECT, 'nope.yaml')}\`: no such file or folder`,
    );
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china']);
  });

  it('applies overrides over the file and ignores unset ones', async () => {
    const loaded = await loadConfig({
      configFile: '.nuancerc.yaml',
      cwd: PROJECT,
      overrides: { packs: ['./packs/team.yaml'], lang: 'ko' },
    });
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['team']);
    expect(loaded.config.lang).toBe('ko');
    expect(loaded.config.audience).toEqual(['zh']);
    expect(mergeConfig({ lang: 'en' }, { lang: undefined as unknown as string })).toEqual({ lang: 'en' });
  });

  it('loads a pack named twice once', async () => {
    const loaded = await loadConfig({
      cwd: PROJECT,
      overrides: { packs: ['./packs/team.yaml', 'packs/team.yaml', 'korea-china', 'korea-china'] },
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.packs.map((p) => p.definition.pack)).toEqual(['team', 'korea-china']);
  });
});

describe('loadPack', () => {
  it('loads a built-in pack by name', async () => {
    expect(builtinPackNames()).toContain('korea-china');
    const { pack, problems } = await loadPack('korea-china', '/nowhere');
    expect(problems).toEqual([]);
    expect(pack?.definition.pack).toBe('korea-china');
  });

  it('loads a pack file with a BOM relative to the base folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nuance-config-'));
    try {
      await writeFile(
        path.join(dir, 'p.yaml'),
        '\uFEFFpack: p\nrules:\n  - id: p/x\n    kind: caution\n    severity: hint\n    message: m\n    phrases: [abc]\n',
      );
      const { pack, problems } = await loadPack('./p.yaml', dir);
      expect(problems).toEqual([]);
      expect(pack?.file).toBe(path.join(dir, 'p.yaml'));
      expect(pack?.definition.rules.map((r) => r.id)).toEqual(['p/x']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports an unknown built-in name and a missing file', async () => {
    const unknown = await loadPack('nope', PROJECT);
    expect(unknown.pack).toBeUndefined();
    expect(unknown.problems).toMatchObject([{ code: 'unreadable-pack', line: 1, column: 1 }]);
    expect(unknown.problems[0]!.message).toContain('Unknown built-in pack `nope`, expected `korea-china`');
    const missing = await loadPack('packs/none.yaml', PROJECT);
    expect(missing.problems).toMatchObject([
      { code: 'unreadable-pack', file: path.join(PROJECT, 'packs', 'none.yaml'), line: 1, column: 1 },
    ]);
  });
});

describe('findConfigFile', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nuance-find-'));
    await mkdir(path.join(root, 'a', 'b', 'c'), { recursive: true });
    await writeFile(path.join(root, '.nuancerc.yaml'), 'lang: en\n');
    await writeFile(path.join(root, 'a', '.nuancerc.yaml'), 'lang: zh\n');
    // A folder with the config's name is not a config file.
    await mkdir(path.join(root, 'a', 'b', '.nuancerc.yaml'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds the nearest file up from a folder, and only that one', async () => {
    expect(await findConfigFile(path.join(root, 'a', 'b', 'c'))).toBe(path.join(root, 'a', '.nuancerc.yaml'));
    expect(await findConfigFile(path.join(root, 'a'))).toBe(path.join(root, 'a', '.nuancerc.yaml'));
    expect(await findConfigFile(root)).toBe(path.join(root, '.nuancerc.yaml'));
  });

  it('goes on up past a folder it cannot look in', async () => {
    // A path through a file (ENOTDIR, as a folder without permission gives EACCES): not an error.
    await writeFile(path.join(root, 'a', 'notes.txt'), 'x');
    expect(await findConfigFile(path.join(root, 'a', 'notes.txt', 'b'))).toBe(
      path.join(root, 'a', '.nuancerc.yaml'),
    );
  });
});
