import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePacks, lintSegments, serializeRuleSet, serialRecordsAt } from '@nuance/core';
import { describe, expect, it, vi } from 'vitest';
import {
  ConfigResolver,
  type LoadedConfig,
  loadConfig,
  loadPack,
  RuleSetCache,
  ruleSetFromShared,
} from '../src/index.js';
import { withDir } from './helpers.js';

const CONFIG = '.nuancerc.yaml';
const PACK = [
  'pack: p',
  'locales: {ko: locales/ko.yaml, zh-Hans: locales/missing.yaml}',
  'rules:',
  '  - id: p/x',
  '    kind: caution',
  '    severity: warning',
  '    message: Check `{actual}`',
  '    phrases: [미한, abc]',
  '  - id: p/y',
  '    kind: caution',
  '    severity: info',
  '    message: Check `{actual}`',
  '    phrases: [xyz]',
  '  - id: p/z',
  '    kind: caution',
  '    severity: loud',
  '    message: m',
  '    phrases: [zzz]',
  '',
].join('\n');
const TEXT = '미한 abc xyz 实用外交';
const KO = 'locale: ko\nrules:\n  p/x:\n    message: "`{actual}`를 확인하십시오"\n';
const FILES = {
  [CONFIG]: 'packs: [./p.yaml, korea-china]\nlocale: ko\nrules:\n  p/y: off\n  p/nope: error\n',
  'p.yaml': PACK,
  'locales/ko.yaml': KO,
};

/** What a load gives that a cached load must give too: the rule set as data, the problems, the files. */
function observed(loaded: LoadedConfig) {
  return {
    ruleSet: serializeRuleSet(loaded.ruleSet),
    problems: loaded.problems,
    packFiles: loaded.packFiles,
    rulePackFiles: loaded.rulePackFiles,
    findings: lintSegments(
      { text: TEXT, segments: [{ pieces: [{ start: 0, end: TEXT.length }] }] },
      loaded.ruleSet,
    ),
  };
}

async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.rules'));
}

describe('the rule-set cache', () => {
  it('gives from its entry exactly what compiling gives, problems and locale texts included', async () => {
    await withDir(FILES, async (dir) => {
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 'build-1' });
      const plain = await loadConfig({ configFile: CONFIG, cwd: dir });
      const first = await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(await entries(cache.options.dir)).toHaveLength(1);
      const second = await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(observed(first)).toEqual(observed(plain));
      expect(observed(second)).toEqual(observed(plain));
      // The problems: the locale file that cannot be read (on its entry in the pack), the bad
      // severity, and the unknown rule id (p/y is off, not unknown).
      expect(second.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.code}`)).toEqual(
        plain.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.code}`),
      );
      expect(second.problems.map((p) => p.code)).toContain('unknown-rule');
      expect(second.packFiles).toEqual([
        path.join(dir, 'p.yaml'),
        path.join(dir, 'locales/ko.yaml'),
        path.join(dir, 'locales/missing.yaml'),
      ]);
      // The pack files alone: not the built-in pack, not the locale files.
      expect(second.rulePackFiles).toEqual([path.join(dir, 'p.yaml')]);
      // The packs themselves are parsed when asked for, and are the packs the files hold.
      expect(second.packs.map((p) => p.definition.pack)).toEqual(['p', 'korea-china']);
      expect(second.ruleSet.get('p/x')?.locales?.ko?.message).toBe('`{actual}`를 확인하십시오');
      // The cache reads the bytes before the records, into a buffer of their own: the automaton's
      // arrays are views of it, not copies; the records are read when their rules are used, from
      // the entry's file. The worker threads get those bytes in shared memory, and the file.
      const whole = first.shared();
      const shared = second.shared();
      if (!(whole instanceof Uint8Array) || typeof shared === 'string' || shared instanceof Uint8Array)
        throw new Error('expected the compiled bytes, then the bytes and file of the entry');
      const base = (loaded: Pick<LoadedConfig, 'ruleSet'>) =>
        (loaded.ruleSet as unknown as { automaton: { tables: { base: Int32Array } } }).automaton.tables.base;
      expect(base(second).buffer.byteLength).toBe(shared.bytes.length);
      expect(base(second).buffer).not.toBeInstanceOf(SharedArrayBuffer);
      expect(shared.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(second.shared()).toBe(shared);
      expect(shared.bytes.length).toBe(serialRecordsAt(whole));
      expect(shared.bytes.length).toBeLessThan(whole.length);
      expect([...shared.bytes]).toEqual([...whole.subarray(0, shared.bytes.length)]);
      expect(base(first).buffer).not.toBe(base(second).buffer);
      // What a worker thread rebuilds from either: the same rule set, its arrays read in place.
      for (const from of [whole, shared]) {
        const rebuilt = ruleSetFromShared(from).ruleSet;
        expect(base({ ruleSet: rebuilt }).buffer).toBe(
          from instanceof Uint8Array ? from.buffer : from.bytes.buffer,
        );
        expect(observed({ ...plain, ruleSet: rebuilt })).toEqual(observed(plain));
      }
      expect(first.shared()).toBe(whole);
    });
  });

  it('compiles again when a pack, a locale file, an option or the salt changes', async () => {
    await withDir(FILES, async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const cache = new RuleSetCache({ dir: cacheDir, salt: 'build-1' });
      const load = (c = cache) => loadConfig({ configFile: CONFIG, cwd: dir, cache: c });
      await load();
      // A locale file edited: the entry is stale, and the new text is what the rule set says.
      await writeFile(path.join(dir, 'locales/ko.yaml'), KO.replace('확인하십시오', '검토하십시오'));
      expect((await load()).ruleSet.get('p/x')?.locales?.ko?.message).toBe('`{actual}`를 검토하십시오');
      // The locale file that was missing appears.
      await writeFile(path.join(dir, 'locales/missing.yaml'), 'locale: zh-Hans\nrules: {}\n');
      expect((await load()).problems.map((p) => p.code)).not.toContain('unreadable-pack');
      // The pack edited.
      await writeFile(path.join(dir, 'p.yaml'), PACK.replace('severity: warning', 'severity: error'));
      expect((await load()).ruleSet.get('p/x')?.severity).toBe('error');
      // An option (the config's rules).
      await writeFile(path.join(dir, CONFIG), FILES[CONFIG].replace('p/y: off', 'p/y: warning'));
      const reloaded = await load();
      expect(reloaded.ruleSet.get('p/y')?.severity).toBe('warning');
      // Another build of nuance: its own entry.
      const before = (await entries(cacheDir)).length;
      await load(new RuleSetCache({ dir: cacheDir, salt: 'build-2' }));
      expect(await entries(cacheDir)).toHaveLength(before + 1);
    });
  });

  it('ignores an entry it cannot read and replaces it', async () => {
    await withDir(FILES, async (dir) => {
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 'b' });
      const good = observed(await loadConfig({ configFile: CONFIG, cwd: dir, cache }));
      const [name] = await entries(cache.options.dir);
      const file = path.join(cache.options.dir, name ?? '');
      const whole = await readFile(file);
      for (const junk of [
        '',
        'not json\n{}',
        // The text form of a rule set, as entries were before they were bytes.
        '{"ruleIds":"[]","locales":[],"sourceProblems":[]}\n{"format":0}',
        // A header of an earlier layout, its rule ids a list.
        '{"ruleIds":[],"locales":[],"sourceProblems":[]}\n{"format":0}',
        // An entry cut short: in its records (read only when a rule is used), its arrays, its JSON.
        whole.subarray(0, whole.length - 9),
        whole.subarray(
          0,
          whole.indexOf(0x0a) + 1 + serialRecordsAt(whole.subarray(whole.indexOf(0x0a) + 1)) - 9,
        ),
        whole.subarray(0, whole.indexOf(0x0a) + 40),
      ]) {
        await writeFile(file, junk);
        expect(observed(await loadConfig({ configFile: CONFIG, cwd: dir, cache }))).toEqual(good);
        // Replaced by the good entry.
        expect(await readFile(file)).toEqual(whole);
      }
    });
  });

  it('reads the rule ids of an entry only when a config asks, and falls back on the rule set when they do not parse', async () => {
    await withDir(FILES, async (dir) => {
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 'ids' });
      const plain = await loadConfig({ configFile: CONFIG, cwd: dir });
      await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      const [name] = await entries(cache.options.dir);
      const file = path.join(cache.options.dir, name ?? '');
      const whole = await readFile(file);
      const line = whole.subarray(0, whole.indexOf(0x0a)).toString();
      const header = JSON.parse(line) as { ruleIds: string };
      expect(JSON.parse(header.ruleIds)).toContain('p/y');
      // The ids' text damaged in place (the bytes after it stay where they are): the entry is
      // used, and the unknown-rule check reads the rule set's own list (p/y is off, not unknown).
      const at = whole.indexOf('"ruleIds":"[') + '"ruleIds":"'.length;
      const damaged = Buffer.from(whole);
      damaged[at] = '{'.charCodeAt(0);
      await writeFile(file, damaged);
      const second = await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(await readFile(file)).toEqual(damaged);
      expect(second.problems.map((p) => `${p.code} ${p.message}`)).toEqual(
        plain.problems.map((p) => `${p.code} ${p.message}`),
      );
      expect(second.problems.map((p) => p.code)).toContain('unknown-rule');
    });
  });

  it('keeps at most maxBytes of entries, the least recently used dropped first', async () => {
    await withDir(FILES, async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const size = async () =>
        (await readFile(path.join(cacheDir, (await entries(cacheDir))[0] ?? ''))).length;
      const first = new RuleSetCache({ dir: cacheDir, salt: 'a' });
      await loadConfig({ configFile: CONFIG, cwd: dir, cache: first });
      const one = await size();
      const [oldest] = await entries(cacheDir);
      await utimes(path.join(cacheDir, oldest ?? ''), new Date(1e12), new Date(1e12));
      await loadConfig({
        configFile: CONFIG,
        cwd: dir,
        cache: new RuleSetCache({ dir: cacheDir, salt: 'b', maxBytes: one * 1.5 }),
      });
      const kept = await entries(cacheDir);
      expect(kept).toHaveLength(1);
      expect(kept).not.toContain(oldest);
    });
  });

  it('knows a termbase by its bytes: a run that finds its rule set never decodes the file', async () => {
    const tsv = 'id\ten\tzh-Hans\tstatus\nc1\tpragmatic diplomacy\t务实外交\tpreferred\n';
    await withDir({ [CONFIG]: 'packs: [./terms.tsv]\n', 'terms.tsv': tsv }, async (dir) => {
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 's' });
      const size = Buffer.byteLength(tsv);
      // How config's decodeText makes text of these bytes (not ASCII, well-formed): transcoded to
      // UTF-16, a buffer of two bytes a unit, then read; TextDecoder only for bytes that are not
      // well-formed. (A Latin-1 string of the bytes is their digest's input, not their text.)
      const decode = vi.spyOn(TextDecoder.prototype, 'decode');
      const toText = vi.spyOn(Buffer.prototype, 'toString');
      const decodedTermbase = () =>
        decode.mock.calls.filter(([input]) => input?.byteLength === size).length +
        toText.mock.contexts.filter(
          (buffer, i) => toText.mock.calls[i]?.[0] === 'ucs2' && buffer.byteLength === 2 * tsv.length,
        ).length;
      try {
        const first = await loadConfig({ configFile: CONFIG, cwd: dir, cache });
        expect(decodedTermbase()).toBe(1);
        decode.mockClear();
        toText.mockClear();
        const second = await loadConfig({ configFile: CONFIG, cwd: dir, cache });
        expect(decodedTermbase()).toBe(0);
        expect(observed(second)).toEqual(observed(first));
        expect(second.ruleSet.has('terms/c1')).toBe(true);
        // The packs, when asked for, decode it then.
        expect(second.packs[0]?.definition.rules.map((r) => r.id)).toEqual(['terms/c1']);
        expect(decodedTermbase()).toBe(1);
      } finally {
        decode.mockRestore();
        toText.mockRestore();
      }
      // Other bytes, another entry (a BOM is enough: the key is the bytes, not the text).
      await writeFile(path.join(dir, 'terms.tsv'), `\ufeff${tsv}`);
      await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(await entries(cache.options.dir)).toHaveLength(2);
    });
  });

  it('makes its folder two levels up when a fresh home has none of them', async () => {
    await withDir(FILES, async (dir) => {
      const cache = new RuleSetCache({
        dir: path.join(dir, 'home', '.cache', 'nuance', 'rule-sets'),
        salt: 's',
      });
      await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(await entries(cache.options.dir)).toHaveLength(0);
      await mkdir(path.join(dir, 'home'));
      await loadConfig({ configFile: CONFIG, cwd: dir, cache });
      expect(await entries(cache.options.dir)).toHaveLength(1);
    });
  });

  it('is used by the resolver, and the built-in pack alone comes compiled from the build', async () => {
    await withDir(FILES, async (dir) => {
      const cache = new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 's' });
      const resolved = await new ConfigResolver({ cwd: dir, cache }).forDir(dir);
      expect(resolved.watched).toContain(path.join(dir, 'locales/ko.yaml'));
      expect(await entries(cache.options.dir)).toHaveLength(1);
      // No config: the built-in pack with no option, which needs no cache at all.
      const builtin = await loadConfig({ cwd: path.join(dir, 'locales'), cache });
      const pack = (await loadPack('korea-china', dir)).pack;
      if (!pack) throw new Error('korea-china did not load');
      const compiled = compilePacks([pack]);
      expect(serializeRuleSet(builtin.ruleSet)).toBe(serializeRuleSet(compiled.ruleSet));
      expect(builtin.problems).toEqual([]);
      expect(await entries(cache.options.dir)).toHaveLength(1);
    });
  });
});
