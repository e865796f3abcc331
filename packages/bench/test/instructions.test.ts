// The instructions suite: cachegrind's count read back, and the suite run end to end on a tiny
// corpus under valgrind (the count is a number, never compared with one: tests never time).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedCorpusPresent } from '../src/corpus.js';
import { instructionsOf, valgrindVersion } from '../src/instructions.js';
import { defaultShared, script } from '../src/paths.js';
import type { BenchResults } from '../src/results.js';

describe('instructionsOf', () => {
  it("reads the count from cachegrind's summary", () => {
    const stderr = [
      '==29339== Cachegrind, a cache and branch-prediction profiler',
      "==29339== brk segment overflow in thread #1: can't grow to 0x5ec4000",
      '==29339== ',
      '==29339== I   refs:      3,858,209,422',
      '',
    ].join('\n');
    expect(instructionsOf(stderr)).toBe(3_858_209_422);
  });

  it('says so when there is no summary (the program did not run under cachegrind)', () => {
    expect(() => instructionsOf('node: bad option: --single-threadd\n')).toThrow(
      /No instruction count in valgrind's output:\nnode: bad option/,
    );
  });
});

const valgrind = valgrindVersion();
const present = sharedCorpusPresent(defaultShared);
// In CI a missing valgrind is a failed install (.ci/run installs it), never a silent skip.
if (!valgrind && process.env.CI) {
  it('has what it needs in CI', () => {
    throw new Error(
      'valgrind is not installed, and CI must run the instructions suite (apt-get install valgrind)',
    );
  });
} else if (!valgrind)
  console.warn('valgrind is not installed: skipping the instructions suite (apt-get install valgrind)');
if (!present) {
  console.warn(
    `instructions suite skipped: ${path.join(defaultShared, 'corpus')} is absent (it lives beside the repository)`,
  );
}

describe.skipIf(!valgrind || !present)('pnpm bench --suites instructions on a tiny corpus', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'nuance-bench-instructions-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('counts the instructions of each vocabulary, with the findings of the table', async () => {
    const out = path.join(cache, 'results.json');
    const args = [
      '--suites',
      'instructions',
      '--size',
      '0.1',
      '--vocab',
      '24',
      '--runs',
      '1',
      '--cache',
      cache,
    ];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [script('main.js'), ...args, '--out', out],
      {
        maxBuffer: 16 << 20,
      },
    );
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;
    const [row] = results.instructions!.rows;
    expect(results.instructions!.valgrind).toBe(valgrind);
    expect(row).toMatchObject({ vocabulary: '24-terms', runs: 1, findings: expect.any(Number) });
    // A Node process that lints anything runs hundreds of millions of instructions.
    expect(row!.instructions).toBeGreaterThan(1e8);
    expect([row!.min, row!.max]).toEqual([row!.instructions, row!.instructions]);
    // Node's own start, counted the same way, is part of every row.
    const { node } = results.instructions!;
    expect(node.runs).toBe(1);
    expect(node.instructions).toBeGreaterThan(1e8);
    expect(node.instructions).toBeLessThan(row!.instructions);
    // Its own cache folder, filled by the first run: the table's is left alone.
    expect(
      readdirSync(path.join(cache, 'nuance-cache-instructions', '24-terms', 'nuance', 'rule-sets')),
    ).not.toEqual([]);
    expect(existsSync(path.join(cache, 'nuance-cache'))).toBe(false);
    expect(stdout).toContain('### Instructions (nuance `--jobs 1` under cachegrind, V8 single-threaded;');
  }, 240_000);
});
