// A large pack file whose digest the rule-set cache remembers is not read by a run whose rule set
// is cached (load-pack.ts, rememberedSource): every read of a file through text-file.ts is counted.
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileSources } from '../src/compile-sources.js';
import { DigestMemo } from '../src/digest-memo.js';
import { type LoadedConfig, loadConfig, RuleSetCache } from '../src/index.js';
import { type PackSource, readPackSource } from '../src/load-pack.js';
import { hashBytes } from '../src/node-crypto.js';
import { packYaml, withDir } from './helpers.js';

const reads: string[] = [];

vi.mock('../src/text-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/text-file.js')>();
  return {
    ...actual,
    readRegularFile: (file: string, maxBytes?: number) => {
      reads.push(file);
      return actual.readRegularFile(file, maxBytes);
    },
    readRegularFileSync: (
      file: string,
      ...rest: Parameters<typeof actual.readRegularFileSync> extends [string, ...infer R] ? R : never
    ) => {
      reads.push(file);
      return actual.readRegularFileSync(file, ...rest);
    },
  };
});

// Over 64 KB, where a digest is remembered (node-crypto.ts): the rules, then a comment to fill.
const pack = (name: string) => `${packYaml(name)}# ${'x'.repeat(70_000)}\n`;
const MTIME = 1_700_000_000;
const ids = (loaded: LoadedConfig) => ['one/x', 'two/x'].filter((id) => loaded.ruleSet.get(id));

describe('a large pack the cache remembers', () => {
  afterEach(() => {
    vi.useRealTimers();
    reads.length = 0;
  });

  it('is not read by a run whose rule set is cached, and is read when its rule set must be compiled', async () => {
    await withDir({ '.nuancerc.yaml': 'packs: [./big.yaml]\n', 'big.yaml': pack('one') }, async (dir) => {
      const file = path.join(dir, 'big.yaml');
      const cacheDir = path.join(dir, 'cache');
      const load = (config = '.nuancerc.yaml') =>
        loadConfig({ configFile: config, cwd: dir, cache: new RuleSetCache({ dir: cacheDir, salt: 's' }) });
      await utimes(file, MTIME, MTIME);
      // Read as if the pack had been written long before (only `Date` is faked: files are real).
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 60_000);
      expect(ids(await load())).toEqual(['one/x']);
      expect(reads).toContain(file);
      reads.length = 0;
      // The next run: its digest remembered, its rule set cached. The pack is not read.
      const cached = await load();
      expect(ids(cached)).toEqual(['one/x']);
      expect(cached.problems).toEqual([]);
      expect(reads).not.toContain(file);
      // Another rule set of the same pack (a rule's severity set): compiled, so the pack is read, once.
      await writeFile(path.join(dir, 'other.yaml'), 'packs: [./big.yaml]\nrules:\n  one/x: error\n');
      const other = await load('other.yaml');
      expect(ids(other)).toEqual(['one/x']);
      expect(other.ruleSet.rules.find((rule) => rule.id === 'one/x')?.severity).toBe('error');
      expect(reads.filter((read) => read === file)).toHaveLength(1);
    });
  });

  it('keys the rule set compiled from a file that changed before it was read by what it was compiled from', async () => {
    const config = 'packs: [./big.yaml]\naccept: [zzz]\n';
    await withDir(
      { '.nuancerc.yaml': config, 'plain.yaml': 'packs: [./big.yaml]\n', 'big.yaml': pack('one') },
      async (dir) => {
        const file = path.join(dir, 'big.yaml');
        const cacheDir = path.join(dir, 'cache');
        const cache = () => new RuleSetCache({ dir: cacheDir, salt: 's' });
        await utimes(file, MTIME, MTIME);
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 60_000);
        // Remembered by a run without options.
        expect(ids(await loadConfig({ configFile: 'plain.yaml', cwd: dir, cache: cache() }))).toEqual([
          'one/x',
        ]);
        // Left unread, its digest the remembered one; then the file changes before the compile that
        // another set of options needs reads it.
        const memoCache = cache();
        const source = (await readPackSource('./big.yaml', dir, undefined, memoCache.digests)) as PackSource;
        await writeFile(file, pack('two'));
        const compiled = await compileSources([source], { accept: ['zzz'] }, memoCache);
        expect(compiled.ruleSet.get('two/x')).toBeDefined();
        // Stored under the key of what it holds: a run of the file as it is now, with those options,
        // finds it without reading the pack.
        reads.length = 0;
        expect(ids(await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir, cache: cache() }))).toEqual([
          'two/x',
        ]);
        expect(reads).not.toContain(file);
      },
    );
  });

  it('is a pack that cannot be read when it is gone or no pack by the time its text is needed', async () => {
    await withDir({ '.nuancerc.yaml': 'packs: [./big.yaml]\n', 'big.yaml': pack('one') }, async (dir) => {
      const file = path.join(dir, 'big.yaml');
      const cache = () => new RuleSetCache({ dir: path.join(dir, 'cache'), salt: 's' });
      await utimes(file, MTIME, MTIME);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 60_000);
      const first = await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir, cache: cache() });
      expect(ids(first)).toEqual(['one/x']);
      // From the cache, its packs asked for after the file is gone: none, and no error (an
      // editor's rule links ask long after the load).
      const cached = await loadConfig({ configFile: '.nuancerc.yaml', cwd: dir, cache: cache() });
      const source = (await readPackSource('./big.yaml', dir, undefined, cache().digests)) as PackSource;
      await writeFile(file, `secret: ${'y'.repeat(70_000)}\n`);
      expect(cached.packs).toEqual([]);
      // A compile that needs its text then: the pack's problem, as one read at once gives.
      const compiled = await compileSources([source], { accept: ['zzz'] }, cache());
      expect(compiled.parsed).toEqual([false]);
      expect(compiled.sourceProblems[0]?.map((p) => `${p.code} ${p.message}`)).toEqual([
        'unreadable-pack Cannot read pack `./big.yaml`: it is not a nuance pack (no top-level `pack:` key), so nothing of it is shown',
      ]);
      await rm(file);
      const gone = (await readPackSource('./big.yaml', dir, undefined, cache().digests)) as {
        problems?: { code: string }[];
      };
      expect(gone.problems?.map((p) => p.code)).toEqual(['unreadable-pack']);
    });
  });

  it('is read as it is now when it changed before its text is asked for, its digest made again', async () => {
    await withDir({ 'big.yaml': pack('one') }, async (dir) => {
      const file = path.join(dir, 'big.yaml');
      const memo = new DigestMemo(path.join(dir, 'digests.json'));
      await utimes(file, MTIME, MTIME);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 60_000);
      const first = (await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource;
      const digest = first.digest?.(memo);
      expect(digest).toBe(hashBytes(await readFile(file)));
      reads.length = 0;

      // Remembered: left unread until asked.
      const unread = (await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource;
      expect(reads).toEqual([]);
      await writeFile(file, pack('two'));
      expect(unread.text).toContain('pack: two');
      expect(unread.digest?.(memo)).toBe(hashBytes(await readFile(file)));

      // Its digest given from the memo, then the file changed: its text is what the file holds
      // now, and so is its digest when asked again (compileSources keys what it compiled by it).
      await writeFile(file, pack('one'));
      await utimes(file, MTIME, MTIME);
      vi.setSystemTime(Date.now() + 60_000);
      const again = (await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource;
      again.digest?.(memo);
      const remembered = (await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource;
      reads.length = 0;
      expect(remembered.digest?.(memo)).toBe(digest);
      expect(reads).toEqual([]);
      await writeFile(file, pack('two'));
      expect(remembered.text).toContain('pack: two');
      expect(remembered.digest?.(memo)).toBe(hashBytes(await readFile(file)));
      expect(remembered.digest?.(memo)).not.toBe(digest);

      // Changed into a file that is no pack before its text or digest is asked for: refused as a
      // pack read at once is, without a line of it.
      await writeFile(file, pack('one'));
      await utimes(file, MTIME, MTIME);
      vi.setSystemTime(Date.now() + 60_000);
      ((await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource).digest?.(memo);
      const replaced = (await readPackSource('./big.yaml', dir, undefined, memo)) as PackSource;
      await writeFile(file, `secret: ${'y'.repeat(70_000)}\n`);
      expect(() => replaced.text).toThrow(
        /it is not a nuance pack \(no top-level `pack:` key\), so nothing of it is shown$/,
      );
    });
  });
});
