import { readdirSync } from 'node:fs';
import { cp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { identityOf, RACY_MS, siblingFiles } from '@nuance/config';
import { describe, expect, it } from 'vitest';
import { recordOf } from '../src/cache/record.js';
import { ResultsCache } from '../src/cache/results-cache.js';
import { run, withTempDir, writeTree } from './helpers.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../rules/korea-china/samples');

const PACK = (deprecated: string) =>
  `pack: t\nrules:\n  - id: t/wushi\n    kind: term\n    severity: error\n    message: Use \`{expected}\`\n    terms:\n      zh:\n        - 务实外交\n        - { text: ${deprecated}, status: deprecated }\n`;

const TREE = {
  '.nuancerc.yaml': 'packs: [korea-china, ./t.yaml]\n',
  't.yaml': PACK('实用外交'),
  'drafts/a.md': '# 声明\n\n韩国奉行实用外交。\n',
  'drafts/b.md': '# Statement\n\nSeoul and Beijing upgraded their strategic cooperative partnership.\n',
};

interface Cached {
  files: Record<string, { findings: { ruleId: string; message: string }[] }>;
}

/**
 * Write `marker` as the message of every finding the cache keeps: a run that reports it took the
 * finding from the cache, one that does not linted the file again.
 */
async function doctor(dir: string, marker = 'FROM THE CACHE', file = '.nuancecache'): Promise<void> {
  const cached = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Cached;
  for (const entry of Object.values(cached.files)) for (const f of entry.findings) f.message = marker;
  await writeFile(path.join(dir, file), JSON.stringify(cached));
}

/** Per file of a JSON report: whether its findings came from the doctored cache. */
async function reused(dir: string, args: string[] = []): Promise<Record<string, boolean>> {
  const result = await run(['--format', 'json', '--cache', ...args, '.'], dir);
  const files = JSON.parse(result.stdout) as { path: string; messages: { message: string }[] }[];
  return Object.fromEntries(
    files
      .filter((f) => f.messages.length > 0)
      .map((f) => [f.path, f.messages.every((m) => m.message === 'FROM THE CACHE')]),
  );
}

describe('--cache', () => {
  it('gives the report a run without it gives, from the cache on the next run', async () => {
    await withTempDir(async (dir) => {
      await cp(samples, path.join(dir, 'samples'), { recursive: true });
      for (const format of ['json', 'sarif', 'html', 'stylish', 'github']) {
        const plain = await run(['--format', format, 'samples'], dir);
        const first = await run(['--format', format, '--cache', 'samples'], dir);
        const second = await run(['--format', format, '--cache', 'samples'], dir);
        expect(first.code).toBe(1);
        expect([first.stdout, first.code, second.stdout, second.code]).toEqual([
          plain.stdout,
          plain.code,
          plain.stdout,
          plain.code,
        ]);
      }
      expect((await stat(path.join(dir, '.nuancecache'))).isFile()).toBe(true);
    });
  });

  it('reuses the findings of unchanged files and lints the changed ones', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      await run(['--cache', '.'], dir);
      await doctor(dir);
      expect(await reused(dir)).toEqual({ 'drafts/a.md': true, 'drafts/b.md': true });
      // The same bytes written again (a checkout, a copy): found by their digest.
      await writeFile(path.join(dir, 'drafts/b.md'), TREE['drafts/b.md']);
      await writeFile(path.join(dir, 'drafts/a.md'), '# 声明\n\n中韩奉行实用外交。\n');
      expect(await reused(dir)).toEqual({ 'drafts/a.md': false, 'drafts/b.md': true });
    });
  });

  it('lints again under another config, pack or option', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      const changes: [string, () => Promise<unknown>, string[]?][] = [
        ['the config', () => writeFile(path.join(dir, '.nuancerc.yaml'), 'packs: [./t.yaml, korea-china]\n')],
        ['a pack', () => writeFile(path.join(dir, 't.yaml'), PACK('实用 外交'))],
        ['--lang', async () => {}, ['--lang', 'zh']],
        ['--locale', async () => {}, ['--locale', 'ko']],
        ['--max-file-size', async () => {}, ['--max-file-size', '1M']],
      ];
      for (const [what, change, args = []] of changes) {
        await run(['--cache', '.'], dir);
        await doctor(dir);
        await change();
        expect([what, await reused(dir, args)]).toEqual([
          what,
          { 'drafts/a.md': false, 'drafts/b.md': false },
        ]);
      }
    });
  });

  it('trusts a file by its identity only when it was left alone before it was read', async () => {
    const stats = await stat(samples);
    const settled = recordOf(Buffer.from('x'), stats, Math.max(stats.mtimeMs, stats.ctimeMs) + RACY_MS);
    expect(settled.identity).toEqual(identityOf(stats));
    const racy = recordOf(Buffer.from('x'), stats, Math.max(stats.mtimeMs, stats.ctimeMs) + RACY_MS - 1);
    expect([racy.identity, racy.size, racy.digest]).toEqual([null, 1, settled.digest]);
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      await run(['--cache', '.'], dir);
      await doctor(dir);
      // Its identity as it is now and a digest of other bytes: a cache that trusts the identity
      // reuses the findings without reading the file.
      const file = path.join(dir, '.nuancecache');
      const cached = JSON.parse(await readFile(file, 'utf8'));
      const entry = cached.files['drafts/b.md'];
      entry.identity = identityOf(await stat(path.join(dir, 'drafts/b.md')));
      entry.digest = 'another digest';
      await writeFile(file, JSON.stringify(cached));
      expect(await reused(dir)).toEqual({ 'drafts/a.md': true, 'drafts/b.md': true });
      await doctor(dir);
      // Touched: another identity, and bytes other than the digest says.
      await utimes(path.join(dir, 'drafts/b.md'), new Date(), new Date(Date.now() - 5000));
      expect(await reused(dir)).toEqual({ 'drafts/a.md': true, 'drafts/b.md': false });
    });
  });

  it('lints a release set target again when its source or its members change', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        'statement.en.md': '# Statement\n\nThe budget is $30 million.\n',
        'statement.ko.md': '# 성명\n\n예산은 3억 달러이다.\n',
      });
      await run(['--cache', '.'], dir);
      await doctor(dir);
      expect(await reused(dir)).toEqual({ 'statement.en.md': true });
      await writeFile(path.join(dir, 'statement.ko.md'), '# 성명\n\n예산은 4억 달러이다.\n');
      expect(await reused(dir)).toEqual({ 'statement.en.md': false });
      await doctor(dir);
      // A Chinese member: not the source (Korean is), but the set is another one now.
      await writeFile(path.join(dir, 'statement.zh.md'), '# 声明\n\n预算为3亿美元。\n');
      expect((await reused(dir))['statement.en.md']).toBe(false);
    });
  });

  it('never writes over a file that is not its own, and starts a damaged one afresh', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { ...TREE, 'notes.txt': 'my notes\n' });
      const refused = await run(['--format', 'json', '--cache-location', 'notes.txt', 'drafts'], dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('notes.txt` is not a nuance results cache, so it is not written over');
      expect(JSON.parse(refused.stdout)).toHaveLength(2);
      expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');

      // Cut short, or empty (what a crash can leave of a file renamed into place unsynced).
      for (const damaged of ['{"nuance":"results-cache","format":1,"files":{"dr', '']) {
        await writeFile(path.join(dir, '.nuancecache'), damaged);
        const plain = await run(['--format', 'json', 'drafts'], dir);
        const fresh = await run(['--format', 'json', '--cache', 'drafts'], dir);
        expect([fresh.code, fresh.stdout, fresh.stderr]).toEqual([plain.code, plain.stdout, '']);
        const files = JSON.parse(await readFile(path.join(dir, '.nuancecache'), 'utf8')).files;
        expect(Object.keys(files)).toEqual(['drafts/a.md', 'drafts/b.md']);
      }
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  });

  it('keeps the cache where --cache-location says, and forgets files that are gone', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      await run(['--cache-location', 'cache/', '.'], dir);
      const file = path.join(dir, 'cache', '.nuancecache');
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).files)).toEqual([
        '../drafts/a.md',
        '../drafts/b.md',
      ]);
      await run(['--cache-location', 'cache', '.'], dir);
      await rm(path.join(dir, 'drafts/b.md'));
      await writeFile(path.join(dir, 'drafts/a.md'), '# 声明\n\n韩国。\n');
      // A name a draft could have: the cache is not linted.
      const named = await run(['--format', 'json', '--cache-location', 'drafts/cache.md', 'drafts'], dir);
      expect((JSON.parse(named.stdout) as { path: string }[]).map((r) => r.path)).toEqual(['drafts/a.md']);
      expect(
        (
          JSON.parse(
            (await run(['--format', 'json', '--cache-location', 'drafts/cache.md', 'drafts'], dir)).stdout,
          ) as { path: string }[]
        ).map((r) => r.path),
      ).toEqual(['drafts/a.md']);
      await rm(path.join(dir, 'drafts/cache.md'));
      await run(['--cache-location', 'cache/results.json', 'drafts'], dir);
      await run(['--cache-location', 'cache', 'drafts'], dir);
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).files)).toEqual(['../drafts/a.md']);
    });
  });

  it('fixes a cached file with a fix, and reuses one with nothing to fix', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      await run(['--cache', '.'], dir);
      await doctor(dir);
      const fixed = await run(['--format', 'json', '--cache', '--fix', '.'], dir);
      expect(await readFile(path.join(dir, 'drafts/a.md'), 'utf8')).toBe('# 声明\n\n韩国奉行务实外交。\n');
      const files = JSON.parse(fixed.stdout) as { path: string; messages: { message: string }[] }[];
      expect(files.find((f) => f.path === 'drafts/b.md')?.messages[0]?.message).toBe('FROM THE CACHE');
      expect(files.find((f) => f.path === 'drafts/a.md')?.messages).toEqual([]);
    });
  });

  it("keeps every shard's files: a run over all of them after the shards lints none", async () => {
    await withTempDir(async (dir) => {
      const tree: Record<string, string> = { ...TREE };
      for (let i = 0; i < 6; i++) tree[`drafts/more-${i}.md`] = `# 声明 ${i}\n\n韩国奉行实用外交。\n`;
      await writeTree(dir, tree);
      await run(['--cache', '--shard', '1/2', '.'], dir);
      await run(['--cache', '--shard', '2/2', '.'], dir);
      const file = path.join(dir, '.nuancecache');
      expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).files).sort()).toEqual(
        Object.keys(tree)
          .filter((name) => name.endsWith('.md'))
          .sort(),
      );
      await doctor(dir);
      const all = await reused(dir);
      expect(Object.keys(all)).toHaveLength(8);
      expect(Object.values(all).every(Boolean)).toBe(true);
    });
  });

  it('keeps what another run wrote meanwhile (two runs at once: neither drops the other)', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.md': 'A\n', 'b.md': 'B\n', 'c.md': 'C\n' });
      const file = path.join(dir, '.nuancecache');
      const host = siblingFiles({ cacheFolders: false });
      const recordFor = async (name: string) => {
        const full = path.join(dir, name);
        return recordOf(await readFile(full), await stat(full), Date.now());
      };
      const one = ResultsCache.open(file, 'b', host);
      one.store(path.join(dir, 'c.md'), 'k', await recordFor('c.md'), []);
      expect(one.save()).toBeUndefined();
      // Two runs open the cache at once; each lints a file of its own; one drops c.md (--fix).
      const first = ResultsCache.open(file, 'b', host);
      const second = ResultsCache.open(file, 'b', host);
      first.store(path.join(dir, 'a.md'), 'k', await recordFor('a.md'), []);
      second.store(path.join(dir, 'b.md'), 'k', await recordFor('b.md'), []);
      second.forget(path.join(dir, 'c.md'));
      expect(second.save()).toBeUndefined();
      expect(first.save()).toBeUndefined();
      const kept = JSON.parse(await readFile(file, 'utf8')).files as Record<string, unknown>;
      // c.md: dropped by the second run; the first, which read it before, left it alone.
      expect(Object.keys(kept).sort()).toEqual(['a.md', 'b.md']);
      const last = ResultsCache.open(file, 'b', host);
      for (const name of ['a.md', 'b.md'])
        expect(last.lookup(path.join(dir, name), 'k', false)).toEqual({ findings: [] });
    });
  });

  it('is not for standard input', async () => {
    const result = await run(['--stdin', '--cache'], process.cwd(), { stdin: 'x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`--cache` keeps the findings of files: not with `--stdin`');
  });

  it('is started afresh for another build of nuance', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, TREE);
      await run(['--cache', '.'], dir);
      await doctor(dir);
      expect(await reused(dir)).toEqual({ 'drafts/a.md': true, 'drafts/b.md': true });
      const file = path.join(dir, '.nuancecache');
      const cached = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...cached, build: 'another build' }));
      expect(await reused(dir)).toEqual({ 'drafts/a.md': false, 'drafts/b.md': false });
    });
  });
});
