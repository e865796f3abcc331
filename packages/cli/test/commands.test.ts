import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '@nuance/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { didYouMean } from '../src/commands/rule-catalog.js';
import { FIXTURES, run, withTempDir, writeTree } from './helpers.js';

describe('nuance init', () => {
  it('writes a commented starter config that loads with the defaults and no problems', async () => {
    await withTempDir(async (dir) => {
      const result = await run(['init'], dir);
      expect(result).toEqual({ code: 0, stdout: 'Wrote .nuancerc.yaml\n', stderr: '' });
      const text = await readFile(path.join(dir, '.nuancerc.yaml'), 'utf8');
      for (const key of ['packs:', 'audience:', 'lang:', 'rules:', 'accept:', 'ignore:']) {
        expect(text).toContain(key);
      }
      const loaded = await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir });
      expect(loaded.problems).toEqual([]);
      expect(loaded.config).toEqual({ packs: ['korea-china'] });
    });
  });

  it('refuses to overwrite an existing config: exit 2', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'lang: en\n');
      const result = await run(['init'], dir);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: 'nuance: `.nuancerc.yaml` already exists here; not overwriting it\n',
      });
      expect(await readFile(path.join(dir, '.nuancerc.yaml'), 'utf8')).toBe('lang: en\n');
    });
  });
});

describe('nuance explain', () => {
  it('shows kind, severity, message, note, readings, source and examples', async () => {
    const result = await run(['explain', 'korea-china/wushi-not-shiyong'], FIXTURES);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'korea-china/wushi-not-shiyong',
      '',
      '  kind      term',
      '  severity  error',
      '  fixable   yes',
      '  pack      korea-china',
    ]);
    for (const heading of ['Why', 'Readings by audience', 'Source', 'Examples'])
      expect(lines).toContain(heading);
    expect(lines).toContain('  ✗ 韩国新政府奉行⟦实用外交⟧。');
    expect(lines).toContain('    → 韩国新政府奉行务实外交。');
    expect(lines.some((l) => l.startsWith('  zh: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  ko: '))).toBe(true);
  });

  it('says a glossary rule gives no finding instead of calling it fixable', async () => {
    const result = await run(['explain', 'korea-china/thaad'], FIXTURES);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[4]).toBe('  fixable   glossary only');
    expect(lines[5]).toContain('no finding on its own');
  });

  it('lists what the rule matches, as its pack README does, with a termbase concept that is no key term', async () => {
    const result = await run(['explain', 'korea-china/wushi-not-shiyong'], FIXTURES);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('Terms');
    expect(lines).toContain('  `zh` `实用外交` (deprecated: use `务实外交` / `務實外交`)');
    expect(lines).toContain('Exceptions (a candidate inside one of these is no match)');
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'terms.csv'), 'id,en,zh-Hans\nthaad,THAAD,萨德\n');
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'packs: [./terms.csv]\n');
      const imported = await run(['explain', 'terms/thaad'], dir);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('  `en` `THAAD` (preferred)\n');
      expect(imported.stdout).toContain(
        '  Not a key term: no missing-term or inconsistent findings in translations.\n',
      );
    });
  });

  it('keeps only the readings for --audience', async () => {
    const result = await run(['explain', 'korea-china/wushi-not-shiyong', '--audience', 'ko'], FIXTURES);
    const lines = result.stdout.split('\n');
    expect(lines.some((l) => l.startsWith('  ko: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('  zh: '))).toBe(false);
  });

  it('describes a rule the config turns off', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'rules:\n  korea-china/thaad: off\n');
      const result = await run(['explain', 'korea-china/thaad'], dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('  severity  off (turned off by the config)\n');
    });
  });

  it('exits 2 for an unknown rule with a did-you-mean', async () => {
    const result = await run(['explain', 'korea-china/wushi-not-shiyon'], FIXTURES);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'nuance: Unknown rule `korea-china/wushi-not-shiyon`; did you mean `korea-china/wushi-not-shiyong`?\n' +
        'Run `nuance rules list` for the rules in effect.\n',
    });
    const far = await run(['explain', 'nothing-like-it/at-all'], FIXTURES);
    expect(far.stderr.split('\n')[0]).toBe('nuance: Unknown rule `nothing-like-it/at-all`');
  });

  it("explains the tool's own rules from core's registry, with no config loaded", async () => {
    await withTempDir(async (dir) => {
      // A broken config: a pack rule could not be explained here without a problem report.
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'packs: [no-such-pack]\n');
      const result = await run(['explain', 'nuance/file-ignored'], dir);
      expect([result.code, result.stderr]).toEqual([0, '']);
      const lines = result.stdout.split('\n');
      expect(lines.slice(0, 5)).toEqual([
        'nuance/file-ignored',
        '',
        '  kind      tool (nuance reports it about the run; no pack or config sets it)',
        '  severity  info',
        '  fixable   no',
      ]);
      expect(lines).toContain('What to do');
      const typo = await run(['explain', 'nuance/fix-not-aplied'], FIXTURES);
      expect(typo.stderr.split('\n')[0]).toBe(
        'nuance: Unknown rule `nuance/fix-not-aplied`; did you mean `nuance/fix-not-applied`?',
      );
    });
  });

  it("gives a rule of a pack file from that rule alone what the whole pack's parse gives", async () => {
    const team = await readFile(path.join(FIXTURES, 'team.yaml'), 'utf8');
    const ids = [...team.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1] as string);
    expect(ids.length).toBeGreaterThan(3);
    await withTempDir(async (dir) => {
      // The same pack as YAML in block style (its rule alone is parsed) and with its rules as a
      // flow list (the whole pack is), beside the built-in pack.
      await writeTree(dir, {
        'block/.nuancerc.yaml': 'packs: [korea-china, ./team.yaml]\n',
        'block/team.yaml': team,
        'flow/.nuancerc.yaml': 'packs: [korea-china, ./team.yaml]\n',
        'flow/team.yaml': Object.entries(parse(team) as object)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
          .join(''),
      });
      for (const id of [...ids, 'korea-china/wushi-not-shiyong', 'korea-china/thaad']) {
        const block = await run(['explain', id], path.join(dir, 'block'));
        const flow = await run(['explain', id], path.join(dir, 'flow'));
        expect(block.code, id).toBe(0);
        expect(block, id).toEqual(flow);
        expect(block.stdout, id).toMatch(/\n(Terms|Phrases|What it matches|Where it applies)/);
      }
    });
  });

  it('suggests by the name alone and by edit distance', () => {
    const ids = ['korea-china/thaad', 'korea-china/korean-wave', 'team/tone'];
    expect(didYouMean('thaad', ids)).toBe('korea-china/thaad');
    expect(didYouMean('korea-china/korean-wav', ids)).toBe('korea-china/korean-wave');
    expect(didYouMean('tone', ids)).toBe('team/tone');
    expect(didYouMean('zzzzzz', ids)).toBeUndefined();
  });
});

describe('nuance rules list', () => {
  it('lists id, kind, severity and fixable, with the config applied', async () => {
    const result = await run(['rules', 'list'], path.join(FIXTURES, 'configs'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'rule                kind     severity  fixable',
        'team/utilitarian    term     error     yes',
        'team/zh-term        term     error     yes',
        'team/partner-scope  caution  warning   no',
        'team/tone           term     warning   yes',
        '',
        '4 rules',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with --format json and lists rules turned off', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, '.nuancerc.yaml'), 'rules:\n  korea-china/thaad: off\n');
      const result = await run(['rules', 'list', '--format', 'json'], dir);
      const rows = JSON.parse(result.stdout) as {
        id: string;
        severity: string;
        kind: string;
        fixable: boolean;
        glossary: boolean;
      }[];
      expect(rows[0]).toEqual({
        id: 'korea-china/wushi-not-shiyong',
        pack: 'korea-china',
        kind: 'term',
        severity: 'error',
        fixable: true,
        glossary: false,
        description: "务实, not 实用, for Korea's pragmatic diplomacy in Chinese",
      });
      const thaad = rows.find((r) => r.id === 'korea-china/thaad');
      expect(thaad?.severity).toBe('off');
      // A glossary concept gives no finding: it is neither fixable nor not.
      expect(thaad).toMatchObject({ fixable: false, glossary: true });
    });
  });

  it('exits 2 after listing when the config has a problem', async () => {
    const result = await run(['rules', 'list', '--config', 'broken-config/nuance.yaml'], FIXTURES);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pack/unknown-key');
    expect(result.stdout).toContain('team/utilitarian');
  });
});
