import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestMemo, type FileIdentity, RACY_MS } from '../src/digest-memo.js';
import { type LoadedConfig, loadConfig, RuleSetCache } from '../src/index.js';
import { packYaml, withDir } from './helpers.js';

const IDENTITY: FileIdentity = { dev: 1, ino: 2, size: 3, mtimeMs: 1000.5, ctimeMs: 1000.75 };
const LATER = IDENTITY.ctimeMs + RACY_MS;

/** A `compute` that counts its calls. */
function counted(digest: string) {
  const compute = vi.fn(() => digest);
  return compute;
}

describe('the digest memo', () => {
  it('remembers the digest of a file left alone, for every later run, while the file is the one it was', async () => {
    await withDir({}, async (dir) => {
      const file = path.join(dir, 'memo.json');
      const first = counted('d1');
      expect(new DigestMemo(file).digestOf('/p.yaml', IDENTITY, LATER, first)).toBe('d1');
      expect(first).toHaveBeenCalledTimes(1);
      // Another run (a new memo reads the file): not hashed again.
      const second = counted('other');
      expect(new DigestMemo(file).digestOf('/p.yaml', IDENTITY, LATER + 60_000, second)).toBe('d1');
      expect(second).not.toHaveBeenCalled();
      // Any part of the identity changed: hashed again, and that digest remembered instead.
      for (const key of Object.keys(IDENTITY) as (keyof FileIdentity)[]) {
        const changed = { ...IDENTITY, [key]: IDENTITY[key] + 1 };
        const compute = counted(`after ${key}`);
        expect(new DigestMemo(file).digestOf('/p.yaml', changed, LATER + 60_000, compute)).toBe(
          `after ${key}`,
        );
        expect(compute).toHaveBeenCalledTimes(1);
      }
      // Another path with the same identity is another file.
      const elsewhere = counted('d2');
      expect(new DigestMemo(file).digestOf('/q.yaml', IDENTITY, LATER, elsewhere)).toBe('d2');
      expect(elsewhere).toHaveBeenCalledTimes(1);
    });
  });

  it('does not remember a file modified or changed just before it was read', async () => {
    await withDir({}, async (dir) => {
      const file = path.join(dir, 'memo.json');
      for (const readAt of [IDENTITY.ctimeMs, LATER - 1]) {
        const memo = new DigestMemo(file);
        expect(memo.digestOf('/p.yaml', IDENTITY, readAt, counted('d1'))).toBe('d1');
        const again = counted('d1');
        new DigestMemo(file).digestOf('/p.yaml', IDENTITY, readAt, again);
        expect(again).toHaveBeenCalledTimes(1);
      }
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('reads a damaged memo as an empty one and writes it anew; keeps at most 256 files', async () => {
    await withDir({ 'memo.json': '{"/p.yaml": {"digest": 5}, "/q.yaml": ' }, async (dir) => {
      const file = path.join(dir, 'memo.json');
      const compute = counted('d1');
      expect(new DigestMemo(file).digestOf('/p.yaml', IDENTITY, LATER, compute)).toBe('d1');
      expect(compute).toHaveBeenCalledTimes(1);
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')))).toEqual(['/p.yaml']);
      const memo = new DigestMemo(file);
      for (let i = 0; i < 300; i++) memo.digestOf(`/f${i}`, IDENTITY, LATER, () => `d${i}`);
      const kept = Object.keys(JSON.parse(await readFile(file, 'utf8')));
      expect(kept).toHaveLength(256);
      expect(kept.at(-1)).toBe('/f299');
      expect(kept).not.toContain('/p.yaml');
      // Nothing left behind by the atomic writes.
      expect(await readdir(dir)).toEqual(['memo.json']);
    });
  });
});

describe('the rule-set cache with a large pack', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // Over 64 KB, where a digest takes SHA-256 (node-crypto.ts): the rules, then a comment to fill.
  const pack = (name: string) => `${packYaml(name)}# ${'x'.repeat(70_000)}\n`;
  const MTIME = 1_700_000_000;
  const ids = (loaded: LoadedConfig) => ['one/x', 'two/x'].filter((id) => loaded.ruleSet.get(id));
  const FILES = { '.nuancerc.yaml': 'packs: [./big.yaml]\n', 'big.yaml': pack('one') };

  it('keys a pack by its digest as remembered, and hashes it again once the file changed', async () => {
    await withDir(FILES, async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const load = () =>
        loadConfig({
          configFile: '.nuancerc.yaml',
          cwd: dir,
          cache: new RuleSetCache({ dir: cacheDir, salt: 's' }),
        });
      const entries = async () => (await readdir(cacheDir)).filter((name) => name.endsWith('.rules'));
      // A modification time that can be set again exactly (whole seconds).
      await utimes(path.join(dir, 'big.yaml'), MTIME, MTIME);
      // Read as if the pack had been written long before (only `Date` is faked: files are real).
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 60_000);
      expect(ids(await load())).toEqual(['one/x']);
      const memoFile = path.join(cacheDir, 'pack-digests.json');
      const memo = JSON.parse(await readFile(memoFile, 'utf8')) as Record<string, { digest: string }>;
      const remembered = memo[path.join(dir, 'big.yaml')];
      expect(remembered?.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(await entries()).toHaveLength(1);

      // The remembered digest is what the next run keys the pack by: made to name nothing cached,
      // it sends the run to compile the pack and store it under a second key.
      await writeFile(
        memoFile,
        JSON.stringify({ [path.join(dir, 'big.yaml')]: { ...remembered, digest: '0'.repeat(64) } }),
      );
      expect(ids(await load())).toEqual(['one/x']);
      expect(await entries()).toHaveLength(2);

      // The pack rewritten with a text of the same size, its modification time put back: its change
      // time moved, so it is hashed again and its new rules are the ones used.
      const file = path.join(dir, 'big.yaml');
      const before = await stat(file);
      await writeFile(file, pack('two'));
      await utimes(file, MTIME, MTIME);
      const after = await stat(file);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
      vi.setSystemTime(Math.max(Date.now(), after.ctimeMs) + 60_000);
      expect(ids(await load())).toEqual(['two/x']);
    });
  });
});
