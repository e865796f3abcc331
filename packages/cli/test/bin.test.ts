// The built bin (dist/bin.cjs) and the bundle it runs (dist/nuance.cjs), as a user's shell runs them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintInParallel } from '../src/parallel/index.js';
import { buildCli, FIXTURES, withTempDir } from './helpers.js';

const DIST = path.join(FIXTURES, '..', '..', 'dist');
const BIN = path.join(DIST, 'bin.cjs');
const BUNDLE = path.join(DIST, 'nuance.cjs');
/** A code cache file's key: the bundle's SHA-1, Node's version and the architecture, padded. */
const KEY = 64;

beforeAll(buildCli, 120_000);

/** The modules a bundle's code requires, each once. */
function requiredBy(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string))];
}

/** Run a bin; the code cache goes to `cacheHome` (a temp folder), never the tester's own. */
function runBin(
  bin: string,
  args: string[],
  cwd: string,
  cacheHome: string,
  env: Record<string, string> = {},
) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, ...env },
    // A cache folder that cannot be made must not hang the run (Node's recursive mkdir can loop).
    timeout: 60_000,
  });
}

describe('the built bin', () => {
  const nuance = (args: string[], cacheHome: string) =>
    runBin(BIN, args, path.join(FIXTURES, 'basic'), cacheHome);

  it('prints only its own output and the exit code', async () => {
    await withTempDir(async (cache) => {
      const version = nuance(['--version'], cache);
      expect(version.status).toBe(0);
      expect(version.stderr).toBe('');
      expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);

      const check = nuance(['a.md', '--config', 'nuance.yaml'], cache);
      expect(check.stderr).toBe('');
      expect(check.status).toBe(1);
      expect(check.stdout).toContain('  3:11  error');
      expect(check.stdout).toContain('✖ 2 problems (1 error, 1 warning, 0 infos)');
    });
  });

  it('exits 2 for a missing path', async () => {
    await withTempDir(async (cache) => {
      const result = nuance(['missing.md'], cache);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('nuance: No such file or folder: `missing.md`\n');
    });
  });
});

describe('the bundle', () => {
  it("has a bin of one file, which needs nothing but Node's own modules (its code cache inlined)", async () => {
    const code = await readFile(BIN, 'utf8');
    const required = requiredBy(code);
    expect(required.filter((name) => !isBuiltin(name))).toEqual([]);
    expect(required).toContain('node:vm');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('is one file and its parts in dist/lib, which need nothing at run time but Node itself', async () => {
    const code = await readFile(BUNDLE, 'utf8');
    const required = requiredBy(code);
    // The libraries bundled apart (scripts/apart.mjs), each a file beside the bundle.
    const parts = required.filter((name) => name.startsWith('./lib/'));
    expect(required.filter((name) => !isBuiltin(name) && !parts.includes(name))).toEqual([]);
    expect(parts.sort()).toEqual(
      (await readdir(path.join(DIST, 'lib'))).map((file) => `./lib/${file}`).sort(),
    );
    for (const part of parts) {
      expect({
        part,
        needs: requiredBy(await readFile(path.join(DIST, part), 'utf8')).filter((n) => !isBuiltin(n)),
      }).toEqual({ part, needs: [] });
    }
    expect(code).not.toMatch(/\bimport\(/);
    // Nothing of the workspace is left to resolve: no package name, no path into the repository.
    expect(code).not.toMatch(/require\("@nuance\//);
    expect(required.length).toBeGreaterThan(0);
  });

  it('reads its parts in dist/lib only for what needs them: a check with its packs compiled reads none', async () => {
    await withTempDir(async (dir) => {
      const dist = path.join(dir, 'package', 'dist');
      await mkdir(dist, { recursive: true });
      await copyFile(BIN, path.join(dist, 'bin.cjs'));
      await copyFile(BUNDLE, path.join(dist, 'nuance.cjs'));
      await cp(path.join(DIST, 'lib'), path.join(dist, 'lib'), { recursive: true });
      const drafts = path.join(dir, 'drafts');
      await mkdir(drafts);
      // Every key a config usually has; the rule settings, `accept`, `audience` and `locale` make
      // the built-in pack compiled again, once (the compiled-pack cache keeps it).
      await writeFile(
        path.join(drafts, '.nuancerc.yaml'),
        [
          'packs: [korea-china]',
          'topic: [korea, china]',
          'voice: rok',
          'lang: zh',
          'source-language: ko',
          'audience: [zh, ko]',
          'locale: zh-Hans',
          'rules:',
          '  korea-china/mutual-respect: off',
          '  korea-china/wushi-not-shiyong: warning',
          'accept: [务实合作]',
          'ignore: [archive/**]',
          '',
        ].join('\n'),
      );
      await writeFile(path.join(drafts, 'a.md'), '# 声明\n\n韩国奉行实用外交，中韩关系。\n');
      const cache = path.join(dir, 'cache');
      const run = () => runBin(path.join(dist, 'bin.cjs'), ['-f', 'json', '.'], drafts, cache);
      const first = run();
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const report = JSON.parse(first.stdout) as { messages: { ruleId: string; severity: string }[] }[];
      expect(report[0]?.messages.map((m) => [m.ruleId, m.severity])).toEqual([
        ['korea-china/wushi-not-shiyong', 'warning'],
      ]);
      // Without dist/lib, a part the run asked for would fail it: the same run, from the caches.
      await rm(path.join(dist, 'lib'), { recursive: true });
      const again = run();
      expect(again.stderr).toBe('');
      expect(again.stdout).toBe(first.stdout);
      // What needs a part asks for it: a config value the quick path leaves to zod.
      await writeFile(path.join(drafts, '.nuancerc.yaml'), 'lang: zh_CN\n');
      expect(run().stderr).toContain("Cannot find module './lib/zod.cjs'");
      // And a named character reference in a draft, the table of names.
      await writeFile(path.join(drafts, '.nuancerc.yaml'), 'lang: zh\n');
      await writeFile(path.join(drafts, 'a.md'), '韩国奉行实用外交&nbsp;。\n');
      expect(run().stderr).toContain("Cannot find module './lib/entities.cjs'");
    });
  });

  it('runs from a copy with no node_modules, its worker threads too', async () => {
    await withTempDir(async (dir) => {
      const dist = path.join(dir, 'package', 'dist');
      await mkdir(dist, { recursive: true });
      await writeFile(path.join(dir, 'package', 'package.json'), '{"type": "module"}\n');
      await copyFile(BIN, path.join(dist, 'bin.cjs'));
      await copyFile(BUNDLE, path.join(dist, 'nuance.cjs'));
      await cp(path.join(DIST, 'lib'), path.join(dist, 'lib'), { recursive: true });
      const drafts = path.join(dir, 'drafts');
      await mkdir(drafts);
      await writeFile(path.join(drafts, 'a.zh.md'), '# 声明\n\n韩国奉行实用外交。\n');
      await writeFile(path.join(drafts, 'b.txt'), '他说实用外交。\n');
      await writeFile(path.join(drafts, 'c.md'), 'Clean.\n');
      const cache = path.join(dir, 'cache');

      const expected = [
        ['a.zh.md', ['korea-china/wushi-not-shiyong']],
        ['b.txt', ['korea-china/wushi-not-shiyong']],
        ['c.md', []],
      ];
      for (const jobs of ['1', '2']) {
        const result = runBin(path.join(dist, 'bin.cjs'), ['--jobs', jobs, '-f', 'json', '.'], drafts, cache);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(1);
        const report = JSON.parse(result.stdout) as { path: string; messages: { ruleId: string }[] }[];
        expect(report.map((r) => [r.path, r.messages.map((m) => m.ruleId)])).toEqual(expected);
      }
      // The copy's worker threads (workers only: this thread would lint such a small run itself).
      const tasks = ['a.zh.md', 'b.txt', 'c.md'].map((name, index) => ({
        index,
        path: path.join(drafts, name),
        displayPath: name,
      }));
      const results = await lintInParallel(tasks, {
        jobs: 2,
        cwd: drafts,
        lintHere: false,
        workerFile: path.join(dist, 'bin.cjs'),
      });
      expect(
        results.map((r, i) => [tasks[i]!.displayPath, r.error ?? r.findings.map((f) => f.ruleId)]),
      ).toEqual(expected);
      // The pack's YAML (a rule's source), read from the end of the bundle.
      const explain = runBin(
        path.join(dist, 'bin.cjs'),
        ['explain', 'korea-china/wushi-not-shiyong'],
        drafts,
        cache,
      );
      expect(explain.status).toBe(0);
      expect(explain.stdout).toContain('Jaeho Hwang, "A partnership with limits');
    });
  });

  it('keeps the built-in packs after its code, where bin.cjs does not compile them', async () => {
    const file = await readFile(BUNDLE);
    const trailer = /\/\/nuance-data (\d{12})\n$/.exec(file.subarray(-27).toString('latin1'));
    expect(trailer).not.toBeNull();
    const data = Number(trailer![1]);
    const code = file.subarray(0, file.length - 27 - data).toString('latin1');
    // Not in the code: the pack's YAML, nor its compiled rule set (the source each rule cites).
    expect(code).not.toContain('A partnership with limits');
    expect(file.subarray(file.length - 27 - data, file.length - 27).toString('latin1')).toMatch(
      /^\/\*nuance-data [\s\S]*\*\/\n$/,
    );
    // What the published package's `require` reads: the whole file, as Node compiles it.
    const loaded = spawnSync(
      process.execPath,
      ['-e', `const m = require(${JSON.stringify(BUNDLE)}); console.log(typeof m.main, typeof m.start)`],
      { encoding: 'utf8' },
    );
    expect([loaded.status, loaded.stdout.trim(), loaded.stderr]).toEqual([0, 'function function', '']);
  });
});

describe('the code cache', () => {
  const draft = path.join(FIXTURES, 'basic');
  const args = ['a.md', 'b.txt', '--config', 'nuance.yaml', '-f', 'json'];

  it('is written to the user cache folder once, and a run with it prints the same', async () => {
    await withTempDir(async (cache) => {
      const first = runBin(BIN, args, draft, cache);
      const files = (await readdir(path.join(cache, 'nuance'))).filter((name) =>
        name.endsWith('.code-cache'),
      );
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^[0-9a-f]{16}\.code-cache$/);
      const written = await readFile(path.join(cache, 'nuance', files[0]!));

      const second = runBin(BIN, args, draft, cache);
      expect([second.status, second.stdout, second.stderr]).toEqual([
        first.status,
        first.stdout,
        first.stderr,
      ]);
      // Accepted, so not written again.
      expect(await readFile(path.join(cache, 'nuance', files[0]!))).toEqual(written);
      // Beside it: the compiled packs, and the word segmenter's answers (b.txt is Chinese).
      expect(await readdir(path.join(cache, 'nuance'))).toEqual(
        [...files, `han-words-icu-${process.versions.icu}.tsv`, 'rule-sets'].sort(),
      );
    });
  });

  it('is written again by the first check after a run of less use, and not after', async () => {
    await withTempDir(async (cache) => {
      const file = async () => {
        const [name] = (await readdir(path.join(cache, 'nuance'))).filter((each) =>
          each.endsWith('.code-cache'),
        );
        return readFile(path.join(cache, 'nuance', name!));
      };
      // `--version` first (or `init`): a cache of its code, marked as of no use to a check.
      expect(runBin(BIN, ['--version'], draft, cache).status).toBe(0);
      const version = await file();
      expect(version[KEY]).toBe(0);
      const first = runBin(BIN, args, draft, cache);
      const checked = await file();
      expect(checked[KEY]).toBe(1);
      // It holds the code the check compiled besides the top level.
      expect(checked.length).toBeGreaterThan(version.length);
      // Neither a run of less use nor another check writes it again; the check prints the same.
      expect(runBin(BIN, ['--version'], draft, cache).status).toBe(0);
      const second = runBin(BIN, args, draft, cache);
      expect([second.status, second.stdout, second.stderr]).toEqual([
        first.status,
        first.stdout,
        first.stderr,
      ]);
      expect(await file()).toEqual(checked);
    });
  });

  it('is replaced when it does not fit, and the run is the same', async () => {
    await withTempDir(async (cache) => {
      const first = runBin(BIN, args, draft, cache);
      const [name] = (await readdir(path.join(cache, 'nuance'))).filter((each) =>
        each.endsWith('.code-cache'),
      );
      const file = path.join(cache, 'nuance', name!);
      const written = await readFile(file);
      // The right key with damaged code (V8 refuses it), then another bundle's key.
      const damaged = Buffer.concat([written.subarray(0, KEY), Buffer.alloc(written.length - KEY, 7)]);
      const foreign = Buffer.concat([Buffer.alloc(KEY, 1), written.subarray(KEY)]);
      for (const bad of [damaged, foreign, Buffer.from('x')]) {
        await writeFile(file, bad);
        const again = runBin(BIN, args, draft, cache);
        expect([again.status, again.stdout, again.stderr]).toEqual([
          first.status,
          first.stdout,
          first.stderr,
        ]);
        const replaced = await readFile(file);
        expect(replaced.equals(bad)).toBe(false);
        expect(replaced.subarray(0, KEY)).toEqual(written.subarray(0, KEY));
      }
    });
  });

  it("is keyed by the bundle's SHA-1 and Node, read beside the bundle or hashed when that file does not fit", async () => {
    const bundle = await readFile(BUNDLE);
    const sha1 = createHash('sha1').update(bundle).digest('hex');
    const keyOf = async (cache: string) => {
      const [name] = (await readdir(path.join(cache, 'nuance'))).filter((each) =>
        each.endsWith('.code-cache'),
      );
      return (await readFile(path.join(cache, 'nuance', name!))).subarray(0, KEY).toString('latin1');
    };
    const expected = `${sha1} ${process.version} ${process.arch}`.padEnd(KEY);
    // As built: the build wrote the hash and size beside the bundle.
    expect(await readFile(`${BUNDLE}.sha1`, 'latin1')).toBe(`${sha1} ${bundle.length}\n`);
    await withTempDir(async (cache) => {
      runBin(BIN, ['--version'], draft, cache);
      expect(await keyOf(cache)).toBe(expected);
    });
    await withTempDir(async (dir) => {
      const dist = path.join(dir, 'dist');
      await mkdir(dist);
      await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
      await copyFile(BIN, path.join(dist, 'bin.cjs'));
      await copyFile(BUNDLE, path.join(dist, 'nuance.cjs'));
      const sidecar = path.join(dist, 'nuance.cjs.sha1');
      const wrong = `${'0'.repeat(40)} ${bundle.length}\n`;
      // None; one of another size; one older than the bundle: each time the bundle is hashed.
      const cases: Array<() => Promise<void>> = [
        async () => {},
        async () => writeFile(sidecar, `${'0'.repeat(40)} ${bundle.length + 1}\n`),
        async () => {
          await writeFile(sidecar, wrong);
          const past = new Date(Date.now() - 60_000);
          await utimes(sidecar, past, past);
        },
      ];
      for (const [index, arrange] of cases.entries()) {
        await arrange();
        const cache = path.join(dir, `cache-${index}`);
        const run = runBin(path.join(dist, 'bin.cjs'), ['--version'], draft, cache);
        expect(run.status).toBe(0);
        expect({ index, key: await keyOf(cache) }).toEqual({ index, key: expected });
      }
    });
  });

  it('keeps the compiled packs beside it, for this build only, unless NUANCE_NO_CACHE is set', async () => {
    await withTempDir(async (cache) => {
      const first = runBin(BIN, args, draft, cache);
      const folder = path.join(cache, 'nuance', 'rule-sets');
      const entries = await readdir(folder);
      expect(entries).toEqual([expect.stringMatching(/^(?:[0-9a-f]{32}){1,2}\.rules$/)]);
      const entry = path.join(folder, entries[0]!);
      const written = await readFile(entry, 'utf8');
      // The second run reads the entry (an entry that is used is not written again) and prints the same.
      const second = runBin(BIN, args, draft, cache);
      expect([second.status, second.stdout, second.stderr]).toEqual([
        first.status,
        first.stdout,
        first.stderr,
      ]);
      expect(await readFile(entry, 'utf8')).toBe(written);
      expect(await readdir(folder)).toEqual(entries);
      // Without a cache: the same report, and nothing written.
      const off = path.join(cache, 'off');
      const plain = runBin(BIN, args, draft, off, { NUANCE_NO_CACHE: '1' });
      expect([plain.status, plain.stdout, plain.stderr]).toEqual([first.status, first.stdout, first.stderr]);
      expect(await readdir(off).catch(() => [])).toEqual([]);
    });
  });

  it("keeps the word segmenter's answers for Chinese, per ICU version, and the next run reads them", async () => {
    await withTempDir(async (cache) => {
      const dir = path.join(cache, 'drafts');
      await mkdir(dir);
      // 实用外交 after 奉行: whether it starts a word is the segmenter's answer (6: its offset).
      await writeFile(path.join(dir, 'zh.md'), '韩国政府奉行实用外交。\n');
      const run = () => runBin(BIN, ['zh.md', '-f', 'json'], dir, cache);
      const first = run();
      expect(first.status).toBe(1);
      const file = path.join(cache, 'nuance', `han-words-icu-${process.versions.icu}.tsv`);
      expect(await readFile(file, 'utf8')).toBe('1\t6:韩国政府奉行实用外交\n');
      // Read, not made again: the same report, and the file as it was.
      const second = run();
      expect([second.status, second.stdout, second.stderr]).toEqual([
        first.status,
        first.stdout,
        first.stderr,
      ]);
      expect(await readFile(file, 'utf8')).toBe('1\t6:韩国政府奉行实用外交\n');
      // What the file says is what the run goes by (an answer flipped: no finding), and lines that
      // are not answers are passed over.
      await writeFile(file, 'junk\n0\t6:韩国政府奉行实用外交\n\t\n2\tx\n');
      const flipped = run();
      expect([flipped.status, JSON.parse(flipped.stdout)[0].messages]).toEqual([0, []]);
      // The --jobs worker threads read them too (they do not write them: the main thread does).
      await writeFile(path.join(dir, 'zh2.md'), '韩国政府奉行实用外交。\n');
      const previous = process.env.XDG_CACHE_HOME;
      process.env.XDG_CACHE_HOME = cache;
      try {
        const tasks = ['zh.md', 'zh2.md'].map((name, index) => ({
          index,
          path: path.join(dir, name),
          displayPath: name,
        }));
        const results = await lintInParallel(tasks, { jobs: 2, cwd: dir, lintHere: false, workerFile: BIN });
        expect(results.map((r) => r.error ?? r.findings.map((f) => f.ruleId))).toEqual([[], []]);
      } finally {
        if (previous === undefined) delete process.env.XDG_CACHE_HOME;
        else process.env.XDG_CACHE_HOME = previous;
      }
      // Without a cache folder, nothing is kept and the segmenter answers.
      const off = path.join(cache, 'off');
      const plain = runBin(BIN, ['zh.md', '-f', 'json'], dir, off, { NUANCE_NO_CACHE: '1' });
      expect([plain.status, plain.stdout]).toEqual([first.status, first.stdout]);
      expect(await readdir(off).catch(() => [])).toEqual([]);
    });
  });

  it('goes to the platform cache folder in the home folder without an absolute XDG_CACHE_HOME', async () => {
    await withTempDir(async (home) => {
      const folder =
        process.platform === 'win32'
          ? path.join(home, 'nuance', 'Cache')
          : process.platform === 'darwin'
            ? path.join(home, 'Library', 'Caches', 'nuance')
            : path.join(home, '.cache', 'nuance');
      if (process.platform === 'darwin') await mkdir(path.join(home, 'Library'));
      const result = runBin(BIN, ['--version'], draft, 'relative/cache', { HOME: home, LOCALAPPDATA: home });
      expect(result.stderr).toBe('');
      expect(await readdir(folder)).toEqual([expect.stringMatching(/\.code-cache$/)]);
    });
  });

  it('is silently left out when the cache folder cannot be made', async () => {
    await withTempDir(async (dir) => {
      const notAFolder = path.join(dir, 'file');
      await writeFile(notAFolder, '');
      const expected = runBin(BIN, args, draft, path.join(dir, 'cache'));
      const homes = [notAFolder];
      if (process.platform === 'linux') homes.push('/proc/nuance-cannot-be-here');
      for (const home of homes) {
        const result = runBin(BIN, args, draft, home);
        expect(result.error).toBeUndefined();
        expect([result.status, result.stdout, result.stderr]).toEqual([
          expected.status,
          expected.stdout,
          expected.stderr,
        ]);
      }
      expect(await readFile(notAFolder, 'utf8')).toBe('');
    });
  });
});
