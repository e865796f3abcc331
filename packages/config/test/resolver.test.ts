import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, unionRuleSet } from '../src/index.js';
import { packYaml, withDir, writeFiles } from './helpers.js';

const CONFIG = '.nuancerc.yaml';
const WUSHI = 'korea-china/wushi-not-shiyong';

const codes = (problems: readonly Problem[]) => problems.map((p) => p.code).sort();

describe('ConfigResolver: discovery', () => {
  it('gives each file its nearest .nuancerc.yaml, with no cascade', async () => {
    const files = { [CONFIG]: 'lang: en\naudience: zh\n', [`a/${CONFIG}`]: 'lang: ko\n', 'a/b/doc.md': '' };
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const deep = await resolver.forFile(path.join(dir, 'a', 'b', 'doc.md'));
      expect(deep.file).toBe(path.join(dir, 'a', CONFIG));
      expect(deep.baseDir).toBe(path.join(dir, 'a'));
      // The root's audience does not reach a/.
      expect(deep.loaded.config).toEqual({ lang: 'ko' });
      // Relative to cwd, and the document need not exist (stdin's name, an unsaved buffer).
      const top = await resolver.forFile('c/not-yet.md');
      expect(top.file).toBe(path.join(dir, CONFIG));
      expect(await resolver.configFileFor('a/b')).toBe(path.join(dir, 'a', CONFIG));
    });
  });

  it('uses an explicit config file for every document, and the defaults without one', async () => {
    await withDir({ 'team.yaml': 'lang: zh\n', [`a/${CONFIG}`]: 'lang: ko\n' }, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir, configFile: 'team.yaml' });
      const inA = await resolver.forFile(path.join(dir, 'a', 'doc.md'));
      expect(inA.file).toBe(path.join(dir, 'team.yaml'));
      expect(inA.loaded.config).toEqual({ lang: 'zh' });
      const none = await new ConfigResolver({ cwd: dir }).forConfigFile(undefined);
      expect(none.file).toBeUndefined();
      expect(none.baseDir).toBe(dir);
      expect(none.loaded.packs.map((p) => p.definition.pack)).toEqual(['korea-china']);
    });
  });

  it('remembers discovery until invalidated, unless told not to', async () => {
    await withDir({ [CONFIG]: 'lang: en\n', 'a/doc.md': '' }, async (dir) => {
      const cached = new ConfigResolver({ cwd: dir });
      const live = new ConfigResolver({ cwd: dir, cacheDiscovery: false });
      expect((await cached.forDir('a')).file).toBe(path.join(dir, CONFIG));
      expect((await live.forDir('a')).file).toBe(path.join(dir, CONFIG));
      const nearer = path.join(dir, 'a', CONFIG);
      await writeFile(nearer, 'lang: ko\n');
      expect((await live.forDir('a')).file).toBe(nearer);
      expect((await cached.forDir('a')).file).toBe(path.join(dir, CONFIG));
      // A new `.nuancerc.yaml` anywhere is relevant: discovery starts again.
      expect(cached.invalidate(nearer)).toBe(true);
      expect((await cached.forDir('a')).loaded.config).toEqual({ lang: 'ko' });
    });
  });
});

describe('ConfigResolver: precedence and cache', () => {
  it('puts request overrides over the resolver’s, over the file, over editor defaults', async () => {
    await withDir({ [CONFIG]: 'lang: en\naudience: zh\n' }, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir, overrides: { audience: ['ko'] } });
      const resolved = await resolver.forDir(dir, {
        defaults: { lang: 'ko', ignore: ['old/**'], rules: { [WUSHI]: 'hint' } },
        overrides: { lang: 'zh' },
      });
      expect(resolved.loaded.config).toEqual({
        lang: 'zh',
        audience: ['ko'],
        ignore: ['old/**'],
        rules: { [WUSHI]: 'hint' },
      });
      // A flag alone (the CLI's `--lang`) over the file; null is unset at every level.
      const flag = new ConfigResolver({ cwd: dir, overrides: { lang: 'ko', audience: null as never } });
      expect((await flag.forDir(dir)).loaded.config).toEqual({ lang: 'ko', audience: ['zh'] });
    });
  });

  it('loads a config once per set of layers, however many files use it', async () => {
    const files = { [CONFIG]: 'lang: en\n', 'sub/x.md': '', [`zh/${CONFIG}`]: 'lang: zh\n' };
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const a = await resolver.forFile(path.join(dir, 'x.md'));
      expect(await resolver.forFile(path.join(dir, 'sub', 'y.md'))).toBe(a);
      expect((await resolver.forFile(path.join(dir, 'zh', 'z.md'))).file).toBe(path.join(dir, 'zh', CONFIG));
      expect(await resolver.loadedConfigs()).toHaveLength(2);
      // Other layers are another load; the same settings in another order or with nulls are not.
      const layered = await resolver.forDir(dir, { defaults: { lang: 'ko', audience: ['ko'] } });
      expect(layered).not.toBe(a);
      expect(layered.loaded.config).toEqual({ lang: 'en', audience: ['ko'] });
      const same = { defaults: { audience: ['ko'], accept: null as never, lang: 'ko' } };
      expect(await resolver.forDir(dir, same)).toBe(layered);
      // The given config file without discovery: what a worker thread asks for.
      expect(await resolver.forConfigFile(path.join(dir, CONFIG))).toBe(a);
      expect(await resolver.loadedConfigs()).toHaveLength(3);
    });
  });

  it('resolves relative packs and ignore globs of a config-less load against the request cwd', async () => {
    await withDir({ 'ws/p.yaml': packYaml('p') }, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const request = { cwd: 'ws', defaults: { packs: ['./p.yaml'], ignore: ['drafts/'] } };
      const resolved = await resolver.forConfigFile(undefined, request);
      expect(resolved.loaded.problems).toEqual([]);
      expect(resolved.baseDir).toBe(path.join(dir, 'ws'));
      expect(resolved.loaded.ruleSet.has('p/x')).toBe(true);
      expect(resolved.isIgnored(path.join(dir, 'ws', 'drafts', 'a.md'))).toBe(true);
      expect(resolved.isIgnored(path.join(dir, 'drafts', 'a.md'))).toBe(false);
    });
  });
});

describe('ConfigResolver: watched files and invalidation', () => {
  it('lists the config, its pack files and the packs it names that are missing', async () => {
    const files = { [CONFIG]: 'packs: [korea-china, ./p.yaml, ./missing.yaml]\n', 'p.yaml': packYaml('p') };
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const resolved = await resolver.forDir(dir);
      const expected = [CONFIG, 'missing.yaml', 'p.yaml'].map((f) => path.join(dir, f));
      expect([...resolved.watched].sort()).toEqual(expected);
      expect((await resolver.watchedFiles()).sort()).toEqual(expected);
    });
  });

  it('drops only the loads that read a changed file, or all of them', async () => {
    const files = {
      [CONFIG]: 'packs: [./p.yaml]\n',
      'p.yaml': packYaml('p'),
      [`other/${CONFIG}`]: 'lang: ko\n',
    };
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const first = await resolver.forDir(dir);
      const other = await resolver.forDir('other');
      expect(first.loaded.ruleSet.get('p/x')?.severity).toBe('warning');
      await writeFile(path.join(dir, 'p.yaml'), packYaml('p', 'hint'));
      expect(resolver.invalidate(path.join(dir, 'unrelated.yaml'))).toBe(false);
      expect(await resolver.forDir(dir)).toBe(first);
      expect(resolver.invalidate(path.join(dir, 'p.yaml'))).toBe(true);
      const second = await resolver.forDir(dir);
      expect(second.loaded.ruleSet.get('p/x')?.severity).toBe('hint');
      expect(await resolver.forDir('other')).toBe(other);
      expect(resolver.invalidate()).toBe(true);
      expect(await resolver.forDir('other')).not.toBe(other);
      expect(await resolver.loadedConfigs()).toHaveLength(1);
    });
  });
});

describe('ConfigResolver: a change while a load is under way', () => {
  const files = {
    [CONFIG]: 'packs: [./p.yaml]\n',
    'p.yaml': packYaml('p'),
  };

  it('keeps the load when the file is not one it read, and returns what it loaded', async () => {
    await withDir(files, async (dir) => {
      let loads = 0;
      const resolver = new ConfigResolver({ cwd: dir, onLoad: () => loads++ });
      // Without discovery (forConfigFile), so that the load is under way at once.
      const loading = resolver.forConfigFile(path.join(dir, CONFIG));
      // Not known yet to be unread: the change is said to matter to it...
      expect(resolver.dependsOn(path.join(dir, 'q.yaml'))).toBe(true);
      // ...but invalidating it forgets nothing (the load has given nothing yet).
      expect(resolver.invalidate(path.join(dir, 'q.yaml'))).toBe(false);
      const loaded = await loading;
      expect(await resolver.forConfigFile(path.join(dir, CONFIG))).toBe(loaded);
      await Promise.resolve();
      expect(loads).toBe(1);
    });
  });

  it('loads again when a file it read changed, and its callers get the new load', async () => {
    await withDir(files, async (dir) => {
      let loads = 0;
      const resolver = new ConfigResolver({ cwd: dir, onLoad: () => loads++ });
      const loading = resolver.forConfigFile(path.join(dir, CONFIG));
      await writeFile(path.join(dir, 'p.yaml'), packYaml('p', 'hint'));
      expect(resolver.invalidate(path.join(dir, 'p.yaml'))).toBe(false);
      const loaded = await loading;
      expect(loaded.loaded.ruleSet.get('p/x')?.severity).toBe('hint');
      expect(await resolver.forConfigFile(path.join(dir, CONFIG))).toBe(loaded);
      await Promise.resolve();
      expect(loads).toBe(2);
    });
  });

  it('drops a load that failed at the next change of any file', async () => {
    await withDir(files, async (dir) => {
      let fail = true;
      const resolver = new ConfigResolver({
        cwd: dir,
        fallbackLocale: () => {
          if (fail) throw new Error('a loader bug');
          return undefined;
        },
      });
      await expect(resolver.forDir(dir)).rejects.toThrow('a loader bug');
      fail = false;
      expect(resolver.invalidate(path.join(dir, 'unrelated.yaml'))).toBe(true);
      expect((await resolver.forDir(dir)).loaded.ruleSet.get('p/x')?.severity).toBe('warning');
    });
  });
});

describe('ConfigResolver: problems', () => {
  it('reports each problem once across the loads that share it', async () => {
    await withDir({ [CONFIG]: 'packs: [./missing.yaml]\ncolour: red\n' }, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      await resolver.forDir(dir, { defaults: { lang: 'en' } });
      await resolver.forDir(dir, { defaults: { lang: 'ko' } });
      expect(await resolver.loadedConfigs()).toHaveLength(2);
      expect(codes(await resolver.problems())).toEqual(['unknown-key', 'unreadable-pack']);
    });
  });

  it('gives a config file that cannot be read its own code, at 1:1 of that file', async () => {
    await withDir({ 'folder.yaml/x': '' }, async (dir) => {
      for (const [name, why] of [
        ['nope.yaml', 'no such file or folder'],
        ['folder.yaml', 'it is a folder'],
      ] as const) {
        const file = path.join(dir, name);
        const resolved = await new ConfigResolver({ cwd: dir, configFile: name }).forDir(dir);
        expect(resolved.loaded.problems).toEqual([
          {
            code: 'unreadable-config',
            message: `Cannot read config file \`${file}\`: ${why}`,
            file,
            line: 1,
            column: 1,
            severity: 'error',
          },
        ]);
        // Linting goes on with the defaults.
        expect(resolved.loaded.ruleSet.has(WUSHI)).toBe(true);
      }
    });
  });

  it('places an unknown rule id on its key, from the one parse of the file', async () => {
    const text = `# team\nrules:\n  ${WUSHI}: off\n  "korea-china/nope": warning\n`;
    await withDir({ [CONFIG]: text }, async (dir) => {
      const file = path.join(dir, CONFIG);
      const resolver = new ConfigResolver({ cwd: dir });
      expect((await resolver.forDir(dir)).loaded.problems).toEqual([
        {
          code: 'unknown-rule',
          message: 'Unknown rule `korea-china/nope`: no loaded pack has it',
          file,
          line: 4,
          column: 3,
          severity: 'error',
        },
      ]);
      // An id from the overrides has no key in the file: the nearest place there is.
      const overridden = await resolver.forDir(dir, { overrides: { rules: { 'x/y': 'off' } } });
      expect(overridden.loaded.problems).toMatchObject([
        {
          code: 'unknown-rule',
          message: 'Unknown rule `x/y`: no loaded pack has it',
          file,
          line: 3,
          column: 3,
        },
      ]);
    });
  });
});

describe('ConfigResolver: last good config (keepLastGood)', () => {
  it('keeps the last good load while the YAML is broken, with the new problems', async () => {
    await withDir({ [CONFIG]: `lang: ko\nrules:\n  ${WUSHI}: warning\n` }, async (dir) => {
      const file = path.join(dir, CONFIG);
      let loads = 0;
      const resolver = new ConfigResolver({ cwd: dir, keepLastGood: true, onLoad: () => loads++ });
      const good = await resolver.forDir(dir);
      await writeFile(file, `lang: ko\nrules:\n  ${WUSHI}: [warning\n`);
      resolver.invalidate(file);
      const broken = await resolver.forDir(dir);
      expect(broken.loaded.config).toEqual(good.loaded.config);
      expect(broken.loaded.ruleSet.get(WUSHI)?.severity).toBe('warning');
      expect(codes(broken.loaded.problems)).toEqual(['yaml-syntax']);
      expect(codes(await resolver.problems())).toEqual(['yaml-syntax']);
      // Problems other than a broken file: what the file says now.
      await writeFile(file, 'lang: ko\ncolour: red\n');
      resolver.invalidate(file);
      const now = await resolver.forDir(dir);
      expect(now.loaded.config).toEqual({ lang: 'ko' });
      expect(codes(now.loaded.problems)).toEqual(['unknown-key']);
      expect(loads).toBe(3);
    });
  });

  it('keeps it while the config file or a pack cannot be read; without the option, the files win', async () => {
    await withDir({ 'team.yaml': 'lang: ko\npacks: [./p.yaml]\n', 'p.yaml': packYaml('p') }, async (dir) => {
      const file = path.join(dir, 'team.yaml');
      const keep = new ConfigResolver({ cwd: dir, configFile: 'team.yaml', keepLastGood: true });
      const plain = new ConfigResolver({ cwd: dir, configFile: 'team.yaml' });
      await Promise.all([keep.forDir(dir), plain.forDir(dir)]);

      await rm(path.join(dir, 'p.yaml'));
      for (const r of [keep, plain]) r.invalidate(path.join(dir, 'p.yaml'));
      expect((await keep.forDir(dir)).loaded.ruleSet.has('p/x')).toBe(true);
      expect((await plain.forDir(dir)).loaded.ruleSet.has('p/x')).toBe(false);

      const text = await readFile(file, 'utf8');
      await rm(file);
      for (const r of [keep, plain]) r.invalidate(file);
      const kept = await keep.forDir(dir);
      expect(kept.loaded.config).toEqual({ lang: 'ko', packs: ['./p.yaml'] });
      expect(kept.loaded.problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([
        'unreadable-config 1:1',
      ]);
      // Still watching the pack that went missing, so its return is noticed.
      expect(kept.watched).toContain(path.join(dir, 'p.yaml'));
      expect((await plain.forDir(dir)).loaded.config).toEqual({});

      await writeFiles(dir, { 'team.yaml': text.replace('ko', 'zh'), 'p.yaml': packYaml('p') });
      keep.invalidate();
      expect((await keep.forDir(dir)).loaded.config.lang).toBe('zh');
    });
  });
});

describe('unionRuleSet', () => {
  it('holds every rule of several configs, described by the first that has it', async () => {
    const files = { 'a.yaml': 'packs: [./p.yaml]\nrules:\n  p/x: error\n', 'p.yaml': packYaml('p', 'hint') };
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir });
      const a = await resolver.forConfigFile('a.yaml');
      const b = await resolver.forConfigFile(undefined, { defaults: { packs: ['korea-china', './p.yaml'] } });
      const union = unionRuleSet([a.loaded.ruleSet, b.loaded.ruleSet]);
      expect(union.has(WUSHI) && union.has('p/x')).toBe(true);
      expect(union.rules.filter((r) => r.id === 'p/x')).toHaveLength(1);
      expect(union.get('p/x')?.severity).toBe('error');
      expect(unionRuleSet([a.loaded.ruleSet])).toBe(a.loaded.ruleSet);
    });
  });
});

describe('ConfigResolver: bounded memory', () => {
  it('shares one load among folders without a config when their folder does not matter', async () => {
    await withDir({ 'p/team.yaml': packYaml('team') }, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir, cacheDiscovery: false });
      for (let i = 0; i < 50; i++) {
        const folder = path.join(dir, `f${i}`);
        const resolved = await resolver.forConfigFile(undefined, { cwd: folder });
        expect(resolved.baseDir).toBe(folder);
      }
      expect(await resolver.loadedConfigs()).toHaveLength(1);
      // Relative packs (or ignore globs) resolve against the folder: one load each.
      await resolver.forConfigFile(undefined, {
        cwd: path.join(dir, 'p'),
        defaults: { packs: ['./team.yaml'] },
      });
      await resolver.forConfigFile(undefined, { cwd: dir, defaults: { packs: ['./p/team.yaml'] } });
      expect(await resolver.loadedConfigs()).toHaveLength(3);
    });
  });

  it('gives a folder without a config the same object each time, whichever folder loaded first', async () => {
    // The language server keys what it keeps of a document's last lint (its diagnostics, their
    // JSON) by the config object: a new one at each keystroke made all of them again.
    await withDir({}, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir, cacheDiscovery: false });
      const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
      const first = await resolver.forConfigFile(undefined, { cwd: a });
      const inB = await resolver.forConfigFile(undefined, { cwd: b });
      expect(inB.baseDir).toBe(b);
      expect(await resolver.forConfigFile(undefined, { cwd: b })).toBe(inB);
      expect(await resolver.forDir(b, { cwd: b })).toBe(inB);
      expect(await resolver.forConfigFile(undefined, { cwd: a })).toBe(first);
      // Still one load, whose rule set both share.
      expect(inB.loaded).toBe(first.loaded);
      expect(await resolver.loadedConfigs()).toHaveLength(1);
    });
  });

  it('keeps at most maxLoads loads, the least recently used dropped and loaded again when needed', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`c${i}/${CONFIG}`] = `rules:\n  ${WUSHI}: ${i % 2 ? 'hint' : 'info'}\n`;
    await withDir(files, async (dir) => {
      const resolver = new ConfigResolver({ cwd: dir, maxLoads: 3 });
      const severityIn = async (i: number) =>
        (await resolver.forDir(path.join(dir, `c${i}`))).loaded.ruleSet.get(WUSHI)?.severity;
      for (let i = 0; i < 6; i++) expect(await severityIn(i)).toBe(i % 2 ? 'hint' : 'info');
      const loaded = await resolver.loadedConfigs();
      expect(loaded.map((r) => path.basename(path.dirname(r.file!)))).toEqual(['c3', 'c4', 'c5']);
      expect(await severityIn(0)).toBe('info');
      expect((await resolver.loadedConfigs()).map((r) => path.basename(path.dirname(r.file!)))).toEqual([
        'c4',
        'c5',
        'c0',
      ]);
    });
  });
});

describe('ConfigResolver: a pack’s locale files', () => {
  const pack = [
    'pack: p',
    'locales: {ko: locales/ko.yaml, zh-Hans: locales/missing.yaml}',
    'rules:',
    '  - id: p/x',
    '    kind: caution',
    '    severity: warning',
    '    message: Check `{actual}`',
    '    phrases: [미한]',
    '',
  ].join('\n');
  const ko = 'locale: ko\nrules:\n  p/x:\n    message: "`{actual}`를 확인하십시오"\n';

  it('reads them beside the pack, watches them, and reports one that cannot be read on its entry', async () => {
    const files = { [CONFIG]: 'packs: [./p.yaml]\nlocale: ko\n', 'p.yaml': pack, 'locales/ko.yaml': ko };
    await withDir(files, async (dir) => {
      const resolved = await new ConfigResolver({ cwd: dir }).forDir(dir);
      expect(resolved.loaded.ruleSet.get('p/x')?.locales?.ko?.message).toBe('`{actual}`를 확인하십시오');
      expect(resolved.loaded.config.locale).toBe('ko');
      expect(resolved.watched).toContain(path.join(dir, 'locales', 'ko.yaml'));
      expect(resolved.loaded.problems).toMatchObject([
        { code: 'unreadable-pack', file: path.join(dir, 'p.yaml'), line: 2, column: 41 },
      ]);
      expect(resolved.loaded.problems[0]?.message).toContain(
        'Cannot read locale file `locales/missing.yaml`',
      );
    });
  });
});
