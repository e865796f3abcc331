// `pnpm bench` end to end on a tiny corpus, one run of everything: the report is well formed and
// every tool reports what it found. Never a timing: speed is measured by the bench itself, never
// asserted by a test. Needs `pnpm -s build` (the bench starts the built CLI, server and peers)
// and ../shared/corpus, without which it is skipped with a message.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedCorpusPresent } from '../src/corpus.js';
import { TOOL_IDS } from '../src/options.js';
import { defaultShared, script } from '../src/paths.js';
import type { BenchResults } from '../src/results.js';

const present = sharedCorpusPresent(defaultShared);
if (!present) {
  console.warn(
    `bench test skipped: ${path.join(defaultShared, 'corpus')} is absent (it lives beside the repository)`,
  );
}

const width = (line: string) => line.split(/(?<!\\)\|/).length;

describe.skipIf(!present)('pnpm bench --quick on a tiny corpus', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'nuance-bench-test-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('prints well-formed tables, writes the JSON, and reports findings for every tool', async () => {
    const out = path.join(cache, 'results.json');
    const args = ['--quick', '--size', '0.2', '--small-runs', '1', '--server-rounds', '2', '--cache', cache];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [script('main.js'), ...args, '--out', out],
      {
        maxBuffer: 16 << 20,
      },
    );
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

    const corpus = results.corpus!;
    expect(corpus.files).toBeGreaterThan(0);
    const table = results.table!;
    expect(new Set(table.map((r) => r.tool))).toEqual(new Set(TOOL_IDS));
    for (const row of table) {
      expect(row.runs).toHaveLength(1);
      expect(row.files, row.tool).toBe(corpus.files);
      if (row.tool === 'remark-parse') expect(row.findings).toBeNull();
      else expect(row.findings, `${row.tool} ${row.vocabulary}`).toEqual(expect.any(Number));
    }
    // The peers take a term list, not the built-in pack; nuance takes both.
    expect(table.filter((r) => r.vocabulary === 'korea-china').map((r) => r.tool)).toEqual([
      'nuance',
      'nuance-jobs-1',
      'nuance-cache',
    ]);
    // The results cache of each `--cache` case, filled by its first run and kept for its rounds.
    for (const vocabulary of ['24-terms', 'korea-china']) {
      const kept = path.join(cache, 'nuance-cache', `nuance-cache.${vocabulary}`, 'results.nuancecache');
      const files = JSON.parse(readFileSync(kept, 'utf8')).files as Record<string, unknown>;
      expect(Object.keys(files), vocabulary).toHaveLength(corpus.files);
    }
    // Each nuance case kept its compiled pack for its rounds (a case's cache folder, which nuance
    // makes no further than its parent, was once never made on a fresh machine: every round
    // compiled 10,000 terms again).
    for (const tool of ['nuance', 'nuance-jobs-1', 'nuance-cache']) {
      const kept = path.join(cache, 'nuance-cache', `${tool}.24-terms`, 'nuance', 'rule-sets');
      expect(
        readdirSync(kept).filter((f) => f.endsWith('.rules')),
        tool,
      ).toHaveLength(1);
    }
    expect(results.engine!.map((e) => [e.vocabulary, e.findings])).toEqual([
      ['24-terms', expect.any(Number)],
      ['korea-china', expect.any(Number)],
    ]);
    // Every file both ways, and none differs (the tests of unified compare the two on generated
    // documents; this is the corpus).
    expect(results.onePath!.map((p) => [p.vocabulary, p.files, p.differing])).toEqual([
      ['24-terms', corpus.files, 0],
      ['korea-china', corpus.files, 0],
    ]);
    expect(results.smallFile!.rows.map((r) => r.command)).toEqual(['node -e 0', 'nuance draft.md']);
    // Its own cache folder, filled by a first run outside the medians.
    expect(results.smallFile!.first.wallMs).toBeGreaterThan(0);
    expect(readdirSync(path.join(cache, 'nuance-cache', 'small-file', 'nuance'))).toContainEqual(
      expect.stringMatching(/\.code-cache$/),
    );
    expect(results.server!.map((s) => [s.mode, s.chars >= 100_000, s.dense])).toEqual([
      ['stdio', false, false],
      ['stdio', true, false],
      ['stdio', false, true],
      ['stdio', true, true],
      ['stdio', false, false],
      ['stdio', true, false],
      ['stdio', false, false],
      ['stdio', true, false],
      ['stdio', false, false],
      ['stdio', false, false],
      ['stdio-pull', false, false],
      ['stdio-pull', true, false],
      ['stdio-pull', false, true],
      ['stdio-pull', true, true],
      ['ipc-pull', false, false],
      ['ipc-pull', true, false],
      ['ipc-pull', false, true],
      ['ipc-pull', true, true],
      ['in-process', false, false],
      ['in-process', true, false],
      ['in-process', false, true],
      ['in-process', true, true],
    ]);
    // The fifth to seventh stdio rows edit a release set's Chinese, checked against its Korean
    // source on disk (20 K and 100 K, then the 20 K one in a folder of 1,000 other sets); the
    // eighth the typical 100 K draft saved ten folders down; the ninth and tenth the corpus's
    // Chinese, with the 24 seed terms and with 10,000 terms.
    expect(results.server!.slice(4, 7).map((row) => row.draft)).toEqual([
      expect.stringMatching(/^20 K, release set \(the Chinese of a Korean statement, \d+ K\)$/),
      expect.stringMatching(/^100 K, release set \(the Chinese of a Korean statement, \d+ K\)$/),
      expect.stringMatching(
        /^20 K, release set \(the Chinese of a Korean statement, \d+ K\), in a folder of 3,002 files$/,
      ),
    ]);
    expect(results.server!.map((row) => row.releaseSet === true)).toEqual(
      results.server!.map((_, i) => i >= 4 && i <= 6),
    );
    expect(results.server![7]).toMatchObject({
      draft: '100 K, typical (1 paragraph in 10 flagged), saved 10 folders down',
      savedDepth: 10,
    });
    const [seed, termbase] = [results.server![8]!, results.server![9]!];
    expect([seed.draft, termbase.draft]).toEqual([
      expect.stringMatching(/^\d+ K, the corpus's Chinese, 24 terms$/),
      expect.stringMatching(/^\d+ K, the corpus's Chinese, 10,000 terms$/),
    ]);
    expect(seed.chars).toBe(termbase.chars);
    expect(results.server!.map((s) => s.terms ?? 0).filter((t) => t > 0)).toEqual([24, 10_000]);
    expect(termbase.diagnostics).toBeGreaterThan(0);
    // Every draft of the built-in pack gives diagnostics (the seed's terms may be in no paragraph).
    expect(results.server!.filter((s) => s !== seed).every((s) => s.diagnostics > 0)).toBe(true);
    // A pulled report says `unchanged` at most once per timed edit.
    for (const s of results.server!.filter((row) => row.mode === 'stdio-pull' || row.mode === 'ipc-pull'))
      expect(s.unchanged).toBeLessThanOrEqual(s.rounds);
    // The last message's size and a client's parse of it: a push of a dense draft's diagnostics
    // is larger than that of a typical one of the same length.
    for (const s of results.server!) {
      expect(s.messageKb).toBeGreaterThan(0);
      expect(s.clientParseMs).toBeGreaterThanOrEqual(0);
    }
    const pushed = (dense: boolean) =>
      results.server!.find((s) => s.mode === 'stdio' && s.chars >= 100_000 && s.dense === dense)!.messageKb!;
    expect(pushed(true)).toBeGreaterThan(pushed(false));
    // The server's start: to `initialize`, then to the first draft's diagnostics, later still.
    const start = results.serverStart!;
    expect(start.runs).toBe(2);
    expect(start.initializeMs).toBeGreaterThan(0);
    expect(start.firstDiagnosticsMs).toBeGreaterThan(start.initializeMs);
    // The termbase saved while its draft is open: the keystroke right after is answered first.
    const saved = results.termbaseSave!;
    expect(saved.runs).toBe(2);
    expect(saved.terms).toBe(10_000);
    expect(saved.keystrokeMs).toBeGreaterThan(0);
    expect(saved.keystrokeMaxMs).toBeGreaterThanOrEqual(saved.keystrokeMs);
    expect(saved.newFindingsMs).toBeGreaterThanOrEqual(saved.keystrokeMs);
    expect(results.targets.length).toBeGreaterThan(0);

    // Every table: a header, a separator, then rows of the same width; one row per result.
    const tables = stdout.split('\n### ').slice(1);
    expect(tables.map((t) => t.split('\n')[0]!.replace(/ \(.*/, ''))).toEqual([
      'Side by side',
      'Engine alone',
      'One path',
      'One small file',
      'Language server',
      'Language server start-up',
      'Language server, the termbase saved while its draft is open',
      'Targets',
    ]);
    const counts = [table.length, 2, 2, 2, results.server!.length, 1, 1, results.targets.length];
    tables.forEach((t, i) => {
      const lines = t.split('\n').filter((line) => line.startsWith('|'));
      expect(lines[1]).toMatch(/^\| --- (\| --- )*\|$/);
      expect(new Set(lines.map(width)).size).toBe(1);
      expect(lines.length - 2).toBe(counts[i]);
    });
    // The side-by-side rows carry the JSON's findings, in the same order.
    const findings = tables[0]!
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .slice(2)
      .map((line) => line.split(' | ')[7]);
    expect(findings).toEqual(
      table.map((r) => (r.findings === null ? '— (no checks)' : r.findings.toLocaleString('en'))),
    );
  }, 300_000);
});
