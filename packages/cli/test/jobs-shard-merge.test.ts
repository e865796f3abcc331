// `--jobs`, `--shard`, `nuance merge` and the progress line, through the real CLI `main()`.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../src/args.js';
import { lintInParallel } from '../src/parallel/pool.js';
import { buildCli, FIXTURES, findingLines, run, withTempDir, writeTree } from './helpers.js';

// Spied on, so a test can tell the worker pool really ran (and that `--fix` kept away from it).
vi.mock('../src/parallel/pool.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/parallel/pool.js')>();
  return { ...original, lintInParallel: vi.fn(original.lintInParallel) };
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.resolve(repoRoot, '../shared/corpus');
const hasCorpus = existsSync(path.join(CORPUS, 'zh')) && existsSync(path.join(CORPUS, 'ko'));
if (!hasCorpus) console.warn(`--jobs corpus comparison skipped: ${CORPUS} (zh/ and ko/) is absent`);
/** The corpus's Chinese and Korean folders and its smallest English file: ~14.6 MB in 9 files. */
const CORPUS_PATHS = ['zh', 'ko', 'en/ungdc/ungdc_session75_2020.md'];

beforeAll(buildCli, 120_000);

beforeEach(() => {
  vi.mocked(lintInParallel).mockClear();
});

/** The JSON report's paths, in report order. */
function paths(json: string): string[] {
  return (JSON.parse(json) as { path: string }[]).map((r) => r.path);
}

describe('parsing --jobs, --shard and merge', () => {
  it('reads the values', () => {
    expect(parseCommand(['-j', '4', 'drafts'])).toEqual({
      name: 'check',
      paths: ['drafts'],
      format: 'stylish',
      jobs: 4,
    });
    expect(parseCommand(['--shard', '2/3', '-f', 'html'])).toEqual({
      name: 'check',
      paths: [],
      format: 'html',
      shard: { index: 2, count: 3 },
    });
    expect(parseCommand(['merge', 'a.json', 'b.json', '-f', 'sarif', '-o', 'all.sarif'])).toEqual({
      name: 'merge',
      files: ['a.json', 'b.json'],
      format: 'sarif',
      output: 'all.sarif',
    });
  });

  it('rejects bad values with the reason', () => {
    expect(() => parseCommand(['--jobs', '0'])).toThrow(
      'Unexpected value `0` for `--jobs`, expected a whole number from 1',
    );
    expect(() => parseCommand(['--jobs', 'two'])).toThrow('for `--jobs`, expected a whole number from 1');
    expect(() => parseCommand(['--shard', '3'])).toThrow(
      'Unexpected value `3` for `--shard`, expected `INDEX/COUNT` such as `1/3`',
    );
    expect(() => parseCommand(['--shard', '1/2', '--stdin'])).toThrow('not with `--stdin`');
    expect(() => parseCommand(['rules', 'list', '--jobs', '2'])).toThrow(
      '`--jobs` applies to `nuance check` only',
    );
    expect(() => parseCommand(['merge'])).toThrow('Missing reports: `nuance merge shard-1.json');
    expect(() => parseCommand(['merge', 'a.json', '-f', 'html'])).toThrow(
      'Unexpected value `html` for `--format`, expected `json` or `sarif`',
    );
    expect(() => parseCommand(['merge', 'a.json', '--shard', '1/2'])).toThrow(
      '`--shard` does not apply to `nuance merge`',
    );
  });
});

describe('--jobs', () => {
  it('gives with 2 worker threads the bytes of --jobs 1 on the fixtures, in every format', async () => {
    for (const format of ['json', 'sarif', 'stylish', 'html']) {
      const one = await run(['--jobs', '1', '--format', format], FIXTURES);
      expect(lintInParallel).not.toHaveBeenCalled();
      const two = await run(['--jobs', '2', '--format', format], FIXTURES);
      expect(lintInParallel).toHaveBeenCalledTimes(1);
      expect(vi.mocked(lintInParallel).mock.calls[0]![1]).toMatchObject({ jobs: 2 });
      vi.mocked(lintInParallel).mockClear();

      expect(two.stdout, format).toBe(one.stdout);
      expect(two.stderr, format).toBe(one.stderr);
      // The broken configs among the fixtures make it 2 either way.
      expect([one.code, two.code]).toEqual([2, 2]);
      if (format === 'json') {
        expect(findingLines(two.stdout)).toEqual(
          expect.arrayContaining([
            'basic/b.txt:1:5 korea-china/wushi-not-shiyong',
            // Each file under its nearest config, loaded again in the workers.
            'configs/local-pack/docs/deep/doc.md:1:4 local/no-ally',
            'configs/root.md:3:11 team/utilitarian',
            'configs/zh/doc.md:1:5 korea-china/wushi-not-shiyong',
          ]),
        );
      }
    }
  });

  it.skipIf(!hasCorpus)(
    'gives with 2 worker threads the bytes of --jobs 1 on the zh and ko corpus and an en file',
    async () => {
      for (const format of ['json', 'sarif', 'stylish']) {
        const one = await run(['--jobs', '1', '--format', format, ...CORPUS_PATHS], CORPUS);
        const two = await run(['--jobs', '2', '--format', format, ...CORPUS_PATHS], CORPUS);
        expect(two.stdout === one.stdout, `${format}: --jobs 2 differs from --jobs 1`).toBe(true);
        expect(two.code).toBe(one.code);
        if (format === 'json') {
          expect(paths(one.stdout)).toEqual([
            'zh/cpc_central_documents_2020.md',
            'zh/cpc_national_congress_reports.md',
            'zh/cpcnews_senior_leadership_news_2020.md',
            'zh/peoples_daily_important_commentary_2020.md',
            'zh/peoples_daily_theory_intl_diplomacy_2019-2020.md',
            'zh/prc_government_work_reports_1954-2025.md',
            'ko/rok_president_park_geun_hye_speeches_2013-2016.md',
            'ko/rok_president_yoon_suk_yeol_speeches_2022-2024.md',
            'en/ungdc/ungdc_session75_2020.md',
          ]);
          // Every finding the corpus test counts for these files (rules/test/corpus-counts.json).
          expect(findingLines(one.stdout)).toHaveLength(committedCount(CORPUS_PATHS));
        }
      }
      expect(lintInParallel).toHaveBeenCalledTimes(3);
    },
    300_000,
  );

  it('keeps --fix on this thread whatever --jobs says, and fixes every file', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, { 'a.txt': '韩国奉行实用外交。\n', 'b.txt': '他说实用外交。\n' });
      const fixed = await run(['--fix', '--jobs', '2', '--format', 'json'], dir);
      expect(lintInParallel).not.toHaveBeenCalled();
      expect(fixed.code).toBe(0);
      expect(findingLines(fixed.stdout)).toEqual([]);
      expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('韩国奉行务实外交。\n');
      expect(await readFile(path.join(dir, 'b.txt'), 'utf8')).toBe('他说务实外交。\n');
    });
  });
});

describe('--shard and nuance merge', () => {
  it('merges shards 1/3, 2/3 and 3/3 into the bytes of the unsharded run, in json and sarif', async () => {
    await withTempDir(async (out) => {
      for (const format of ['json', 'sarif']) {
        const whole = await run(['--format', format], FIXTURES);
        const shards: string[] = [];
        for (const i of [1, 2, 3]) {
          const file = path.join(out, `shard-${i}.${format}`);
          await run(['--shard', `${i}/3`, '--format', format, '--output', file], FIXTURES);
          shards.push(file);
        }
        const merged = await run(['merge', ...shards], FIXTURES);
        expect(merged.stderr).toBe('');
        expect(merged.code).toBe(0);
        expect(merged.stdout === whole.stdout, `${format}: merged shards differ from the whole run`).toBe(
          true,
        );
        const explicit = await run(['merge', '--format', format, ...shards], FIXTURES);
        expect(explicit.stdout === whole.stdout).toBe(true);
      }
      // A stable split by path: these files are in these shards on any machine.
      const shardPaths = await Promise.all(
        [1, 2, 3].map(async (i) => paths(await readFile(path.join(out, `shard-${i}.json`), 'utf8'))),
      );
      expect(shardPaths[0]).toContain('basic/clean.md');
      expect(shardPaths[1]).toEqual(expect.arrayContaining(['basic/b.txt', 'configs/root.md']));
      expect(shardPaths[2]).toEqual(expect.arrayContaining(['basic/a.md', 'configs/sub/note.txt']));
    });
  });

  it('gives an empty report for an empty shard', async () => {
    await withTempDir(async (dir) => {
      // a.md is in shard 2 of 2.
      await writeTree(dir, { 'a.md': '韩国奉行实用外交。\n' });
      expect(findingLines((await run(['--shard', '2/2', '-f', 'json'], dir)).stdout)).toEqual([
        'a.md:1:5 korea-china/wushi-not-shiyong',
      ]);
      expect(await run(['--shard', '1/2', '-f', 'json'], dir)).toEqual({
        code: 0,
        stdout: '[]\n',
        stderr: '',
      });
      expect(await run(['--shard', '1/2'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      const sarif = await run(['--shard', '1/2', '-f', 'sarif'], dir);
      expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    });
  });

  it('makes --shard 0/3 a usage error', async () => {
    expect(await run(['--shard', '0/3'], FIXTURES)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'nuance: Unexpected shard index 0 in `--shard 0/3`, expected 1 to 3 (shards are numbered from 1)\n' +
        'Run `nuance --help` for usage.\n',
    });
  });

  it('exits 2 with a message naming the bad input of merge', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, {
        'ok.json': '[]\n',
        'stylish.txt': 'a.md\n  1:5  error  Use ...\n',
        'object.json': '{"files": []}\n',
        'ok.sarif': (await run(['--shard', '1/2', '-f', 'sarif'], FIXTURES)).stdout,
      });
      const merge = (...args: string[]) => run(['merge', ...args], dir);
      expect(await merge('ok.json', 'missing.json')).toEqual({
        code: 2,
        stdout: '',
        stderr: 'nuance: missing.json: cannot read the report (no such file or folder)\n',
      });
      const notJson = await merge('stylish.txt');
      expect(notJson.code).toBe(2);
      expect(notJson.stderr).toMatch(
        /^nuance: stylish\.txt: not JSON \(.*\); expected the output of `nuance --format json` or `--format sarif`\n$/s,
      );
      expect(await merge('--format', 'json', 'object.json')).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'nuance: object.json: expected a `nuance --format json` report (an array of file results), got an object\n',
      });
      expect(await merge('ok.json', 'ok.sarif')).toEqual({
        code: 2,
        stdout: '',
        stderr: 'nuance: ok.sarif: a sarif report, but ok.json is json; merge reports of one format\n',
      });
      const twice = await merge('ok.sarif', 'ok.sarif');
      expect(twice.code).toBe(2);
      expect(twice.stderr).toMatch(
        /^nuance: ok\.sarif: results for `[^`]+` are also in ok\.sarif; were the shards given the same `--shard`\?\n$/,
      );
      expect(await merge()).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'nuance: Missing reports: `nuance merge shard-1.json shard-2.json ...`\nRun `nuance --help` for usage.\n',
      });
    });
  });
});

describe('the progress line', () => {
  const drafts = { 'a.md': '韩国奉行实用外交。\n', 'b.md': 'Clean.\n', 'c.txt': '实用外交\n' };

  it('is not printed when stderr is not a terminal, or in CI', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, drafts);
      for (const jobs of ['1', '2']) {
        expect((await run(['--jobs', jobs], dir)).stderr).toBe('');
        expect((await run(['--jobs', jobs], dir, { stderrTty: true, env: { CI: 'true' } })).stderr).toBe('');
      }
    });
  });

  it('is drawn on a terminal and cleared before the report', async () => {
    await withTempDir(async (dir) => {
      await writeTree(dir, drafts);
      const clear = '\r\x1b[2K';
      const one = await run(['--jobs', '1'], dir, { stderrTty: true });
      // The first file is drawn at once; the last count always (redraws between are time-limited).
      expect(one.stderr.startsWith(`${clear}nuance: 0/3 files  a.md`)).toBe(true);
      expect(one.stderr.endsWith(`${clear}nuance: 3/3 files${clear}`)).toBe(true);
      const two = await run(['--jobs', '2'], dir, { stderrTty: true });
      expect(two.stderr.startsWith(`${clear}nuance: 0/3 files`)).toBe(true);
      expect(two.stderr.endsWith(`${clear}nuance: 3/3 files${clear}`)).toBe(true);
      expect(two.stdout).toBe(one.stdout);
    });
  });
});

/** The findings the corpus test commits for the files under these corpus paths. */
function committedCount(paths: readonly string[]): number {
  const counts = JSON.parse(
    readFileSync(path.join(FIXTURES, '..', '..', '..', '..', 'rules', 'test', 'corpus-counts.json'), 'utf8'),
  ) as Record<string, Record<string, number>>;
  let total = 0;
  for (const [file, perRule] of Object.entries(counts)) {
    if (!paths.some((p) => file === p || file.startsWith(`${p}/`))) continue;
    for (const n of Object.values(perRule)) total += n;
  }
  return total;
}
