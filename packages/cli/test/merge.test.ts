import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@nuance/config';
import { describe, expect, it } from 'vitest';
import { collectFiles, displayPath } from '../src/files.js';
import { formatMergedJson, formatMergedSarif, mergeJson, mergeSarif, runMerge } from '../src/merge.js';
import { type LintTask, lintInParallel } from '../src/parallel/index.js';
import { formatJson } from '../src/reporters/json.js';
import { formatSarif } from '../src/reporters/sarif.js';
import { selectShard } from '../src/shard.js';
import { run, withTempDir } from './helpers.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../rules/korea-china/samples');

/** Drafts in three languages, two unreadable and two with an unknown rule in a directive. */
async function makeDrafts(dir: string): Promise<void> {
  const names = [
    'briefing.ko.md',
    'press-release.en.md',
    'remarks.zh.txt',
    'statement-hant.zh.md',
    'statement.zh.md',
  ];
  for (let i = 0; i < 24; i++) {
    const folder = path.join(dir, i % 2 ? 'zh' : 'mixed', i % 3 ? '' : 'old');
    await mkdir(folder, { recursive: true });
    await copyFile(
      path.join(samples, names[i % names.length]!),
      path.join(folder, `${i}-${names[i % names.length]}`),
    );
  }
  await writeFile(path.join(dir, 'mixed', 'a-broken.md'), Buffer.from([0xc3, 0x28]));
  await writeFile(path.join(dir, 'zh', 'z-broken.txt'), Buffer.from([0x00, 0x01]));
  const directive = '<!-- nuance-disable-next-line korea-china/no-such-rule -->\n韩国奉行实用外交。\n';
  await writeFile(path.join(dir, 'mixed', 'b-directive.md'), directive);
  await writeFile(path.join(dir, 'zh', 'y-directive.zh.md'), directive);
}

async function lintAll(dir: string, tasks: readonly LintTask[]) {
  const results = await lintInParallel(tasks, { jobs: 1, cwd: dir });
  return results.map((r, i) => {
    const out: { path: string; messages: typeof r.findings; text?: string } = {
      path: tasks[i]!.displayPath,
      messages: r.findings,
    };
    if (r.text !== undefined) out.text = r.text;
    return out;
  });
}

describe('merging shards', () => {
  it('gives the bytes of the unsharded run, in JSON and in SARIF', async () => {
    await withTempDir(async (dir) => {
      await makeDrafts(dir);
      const { files } = await collectFiles([], dir, { gitignore: false });
      const tasks = files.map((file, index) => ({
        index,
        path: file,
        displayPath: displayPath(file, dir),
        keepText: true,
      }));
      const { ruleSet } = await loadConfig({ cwd: dir });
      const whole = await lintAll(dir, tasks);
      const wholeJson = formatJson(whole);
      const wholeSarif = formatSarif(whole, { ruleSet, cwd: dir });
      // The merge is checked against what the CLI itself prints, not only against the reporters.
      expect((await run(['--format', 'json', '.'], dir)).stdout).toBe(wholeJson);
      expect((await run(['--format', 'sarif', '.'], dir)).stdout).toBe(wholeSarif);

      const shardJson: unknown[] = [];
      const shardSarif: unknown[] = [];
      // Last shard first: the merge must not depend on the order the reports are given in.
      for (const index of [3, 1, 2]) {
        const part = await lintAll(
          dir,
          selectShard(tasks, { index, count: 3 }, (t) => t.displayPath),
        );
        expect(part.length).toBeGreaterThan(3);
        shardJson.push(JSON.parse(formatJson(part)));
        shardSarif.push(JSON.parse(formatSarif(part, { ruleSet, cwd: dir })));
      }
      expect(formatMergedJson(mergeJson(shardJson))).toBe(wholeJson);
      expect(formatMergedSarif(mergeSarif(shardSarif))).toBe(wholeSarif);

      const sarif = JSON.parse(wholeSarif);
      const toolRules = sarif.runs[0].tool.driver.rules
        .map((r: { id: string }) => r.id)
        .filter((id: string) => id.startsWith('nuance/'));
      expect(toolRules).toEqual(['nuance/unreadable-file', 'nuance/unknown-rule-in-directive']);
    });
  });

  it('leaves its inputs unchanged', () => {
    const log = sarifLog([{ id: 'p/a' }, { id: 'p/b' }], [{ ruleId: 'p/b', ruleIndex: 1, uri: 'b.md' }]);
    const other = sarifLog([{ id: 'p/b' }], [{ ruleId: 'p/b', ruleIndex: 0, uri: 'a.md' }]);
    const before = JSON.stringify([log, other]);
    const merged = mergeSarif([log, other]) as ReturnType<typeof sarifLog>;
    expect(JSON.stringify([log, other])).toBe(before);
    expect(
      merged.runs[0]!.results.map(
        (r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.ruleIndex}`,
      ),
    ).toEqual(['a.md 1', 'b.md 1']);
  });
});

function sarifLog(rules: { id: string }[], results: { ruleId: string; ruleIndex: number; uri: string }[]) {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'nuance', version: '0.1.0', rules } },
        results: results.map(({ ruleId, ruleIndex, uri }) => ({
          ruleId,
          ruleIndex,
          locations: [{ physicalLocation: { artifactLocation: { uri } } }],
        })),
      },
    ],
  };
}

describe('mergeJson and mergeSarif input checks', () => {
  it('names the file and what was expected', () => {
    expect(() => mergeJson([{}], ['a.json'])).toThrow(
      'a.json: expected a `nuance --format json` report (an array of file results), got an object',
    );
    expect(() => mergeJson([[{ path: 'x.md', messages: [], errorCount: 0 }]], ['a.json'])).toThrow(
      'a.json: item 0 (`x.md`): expected `warningCount` to be a whole number, got undefined `undefined`',
    );
    const one = { path: 'x.md', messages: [], errorCount: 0, warningCount: 0 };
    expect(() => mergeJson([[one], [one]], ['a.json', 'b.json'])).toThrow(
      'b.json: `x.md` is also in a.json; were the shards given the same `--shard`?',
    );
    expect(() => mergeSarif([{ version: '2.1.0', runs: [] }], ['a.sarif'])).toThrow(
      'a.sarif: expected a `nuance --format sarif` log with one run, got 0 runs',
    );
    expect(() =>
      mergeSarif([{ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } } }] }], ['a.sarif']),
    ).toThrow(
      "a.sarif: expected a `nuance --format sarif` log; its run's `tool.driver.name` is not `nuance`",
    );
    const newer = sarifLog([], []);
    newer.runs[0]!.tool.driver.version = '0.2.0';
    expect(() => mergeSarif([sarifLog([], []), newer], ['a.sarif', 'b.sarif'])).toThrow(
      'b.sarif: made by nuance 0.2.0, but a.sarif by nuance 0.1.0; run every shard with the same version',
    );
  });
});

function captureIo(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io = {
    cwd,
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
  };
  return { io, out };
}

describe('runMerge', () => {
  it('prints the merged report, or writes it to --output', async () => {
    await withTempDir(async (dir) => {
      const a = [{ path: 'b.md', messages: [], errorCount: 0, warningCount: 0 }];
      const b = [{ path: 'a.md', messages: [], errorCount: 0, warningCount: 0 }];
      await writeFile(path.join(dir, 'a.json'), JSON.stringify(a));
      await writeFile(path.join(dir, 'b.json'), JSON.stringify(b));
      const { io, out } = captureIo(dir);
      expect(await runMerge(['a.json', 'b.json'], io)).toBe(0);
      expect(out.stdout).toBe(`${JSON.stringify([...b, ...a])}\n`);
      expect(await runMerge(['a.json', 'b.json'], io, { output: 'merged.json' })).toBe(0);
      expect(await readFile(path.join(dir, 'merged.json'), 'utf8')).toBe(out.stdout);
      expect(out.stderr).toBe('');
    });
  });

  it('exits 2 with a message naming the bad input', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, 'ok.json'), '[]');
      await writeFile(path.join(dir, 'bad.json'), '{"runs": ');
      await writeFile(path.join(dir, 'log.sarif'), JSON.stringify(sarifLog([], [])));
      const cases: [string[], { format?: 'json' | 'sarif' }, string][] = [
        [
          [],
          {},
          'nuance: Nothing to merge: expected report files, as in `nuance merge shard-1.json shard-2.json`\n',
        ],
        [
          ['ok.json', 'missing.json'],
          {},
          'nuance: missing.json: cannot read the report (no such file or folder)\n',
        ],
        [
          ['ok.json', 'log.sarif'],
          {},
          'nuance: log.sarif: a sarif report, but ok.json is json; merge reports of one format\n',
        ],
        [
          ['ok.json'],
          { format: 'sarif' },
          'nuance: ok.json: expected a `nuance --format sarif` log (an object with `version: "2.1.0"` and `runs`), got an array\n',
        ],
      ];
      for (const [files, options, message] of cases) {
        const { io, out } = captureIo(dir);
        expect(await runMerge(files, io, options)).toBe(2);
        expect(out.stderr).toBe(message);
        expect(out.stdout).toBe('');
      }
      const { io, out } = captureIo(dir);
      expect(await runMerge(['bad.json'], io)).toBe(2);
      expect(out.stderr).toMatch(
        /^nuance: bad\.json: not JSON \(.+\); expected the output of `nuance --format json` or `--format sarif`\n$/,
      );
    });
  });
});
