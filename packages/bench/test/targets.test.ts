import { describe, expect, it } from 'vitest';
import type { ServerRow, TableRow } from '../src/results.js';
import { checkTargets, ISSUE_SCOPE, runSpread, verdictDigits } from '../src/targets.js';

function tableRow(
  tool: string,
  vocabulary: string | undefined,
  wall: number,
  maxRssMb = 80,
  walls: number[] = [],
): TableRow {
  return {
    tool,
    label: tool,
    vocabulary,
    runs: walls.map((w) => ({ wall: w, cpu: w, maxRssMb, files: 1246, findings: 4 })),
    wall,
    cpu: wall,
    mbPerSecond: 10 / wall,
    maxRssMb,
    files: 1246,
    findings: tool === 'remark-parse' ? null : 4,
  };
}

describe('verdictDigits', () => {
  const atMost = (bound: number) => (v: number) => v <= bound;

  it('keeps the digits asked for when rounding keeps the verdict', () => {
    expect(verdictDigits(0.184, 2, atMost(0.2))).toBe('0.18');
    expect(verdictDigits(2.3149, 2, atMost(1.5))).toBe('2.31');
    expect(verdictDigits(17.66, 1, atMost(20))).toBe('17.7');
  });

  it('shows more digits where rounding would read as the other verdict', () => {
    // Missed by 0.0004: "0.20" would read as met against "at most 0.2".
    expect(verdictDigits(0.2004, 2, atMost(0.2))).toBe('0.2004');
    expect(verdictDigits(0.2049, 2, atMost(0.2))).toBe('0.205');
    expect(verdictDigits(20.04, 1, atMost(20))).toBe('20.04');
    expect(verdictDigits(299.6, 0, (mb) => mb < 300)).toBe('299.6');
  });

  it('stops four digits past the ones asked for', () => {
    expect(verdictDigits(0.200001, 2, atMost(0.2))).toBe('0.200001');
    expect(verdictDigits(0.2000000001, 2, atMost(0.2))).toBe('0.200000');
  });

  it('rounds as toFixed does without a target', () => {
    expect(verdictDigits(0.2004, 2)).toBe('0.20');
  });
});

describe('checkTargets', () => {
  it('prints a ratio just over its bound with the digits that show the miss', () => {
    const table = [
      tableRow('remark-parse', undefined, 2),
      tableRow('nuance', '24-terms', 0.368),
      tableRow('nuance', 'korea-china', 0.4008),
    ];
    const targets = checkTargets({ table });
    const byName = (name: string) => targets.find((t) => t.target === name);
    expect(byName('24-terms: nuance default wall <= 0.2x remark-parse')).toMatchObject({
      measured: '0.18x (CPU 0.18x)',
      met: true,
    });
    expect(byName('korea-china: nuance default wall <= 0.2x remark-parse')).toMatchObject({
      measured: '0.2004x (CPU 0.20x)',
      met: false,
    });
  });

  it('prints a peak RSS just under its bound so that it reads as met', () => {
    const table = [tableRow('nuance', '24-terms', 0.36), tableRow('nuance', '10000-terms', 0.8, 299.6)];
    const rss = checkTargets({ table }).find((t) => t.target.startsWith('10000-terms: nuance peak RSS'));
    expect(rss).toMatchObject({ measured: '299.6 MB', met: true });
  });
});

describe('checkTargets, in a run on other terms than the issue sets', () => {
  const table = [
    tableRow('remark-parse', undefined, 0.3),
    tableRow('nuance', '24-terms', 0.1),
    tableRow('nuance-jobs-1', '24-terms', 0.1),
    tableRow('nuance', '10000-terms', 0.12, 80),
    tableRow('nuance-jobs-1', '10000-terms', 0.12, 80),
  ];
  const server = (dense: boolean, p95: number): ServerRow => ({
    mode: 'stdio',
    draft: dense ? '100 K, dense' : '100 K, typical',
    chars: 100_000,
    dense,
    diagnostics: dense ? 1411 : 160,
    rounds: 10,
    p50: p95 / 2,
    p95,
    max: p95,
    cpuPerEdit: 3,
    messageKb: 100,
    clientParseMs: 1,
  });
  const measured = { table, server: [server(false, 18), server(true, 23.3)] };
  const byName = (targets: ReturnType<typeof checkTargets>, name: string) =>
    targets.find((t) => t.target === name);

  it("gives a --quick run's timing targets no verdict, and says why", () => {
    const targets = checkTargets(measured, { sizeMb: 1, runs: 1, serverRounds: 10 });
    // 0.33x of remark-parse on 1 MB, start-up outweighing the corpus: no verdict.
    expect(byName(targets, '24-terms: nuance default wall <= 0.2x remark-parse')).toEqual({
      target: '24-terms: nuance default wall <= 0.2x remark-parse',
      measured:
        '0.33x (CPU 0.33x); no verdict: set for the 10 MB corpus and 3 runs or more, measured on 1 MB and 1 run',
      met: undefined,
    });
    expect(
      byName(targets, '10000-terms: nuance peak RSS < 300 MB, first run with an empty cache included')?.met,
    ).toBe(undefined);
    expect(byName(targets, 'server over stdio, typical 100 K draft: p95 <= 8 ms')).toEqual({
      target: 'server over stdio, typical 100 K draft: p95 <= 8 ms',
      measured: '18.0 ms; no verdict: set for 100 edits or more, measured over 10',
      met: undefined,
    });
    // What the findings are holds at any size.
    expect(byName(targets, '24-terms: the same findings with and without --jobs 1')?.met).toBe(true);
  });

  it('gives a verdict in a run of the 10 MB corpus with fewer runs or edits only where those are enough', () => {
    const fewRuns = checkTargets(measured, { sizeMb: 10, runs: 2, serverRounds: 100 });
    expect(byName(fewRuns, '24-terms: nuance default wall <= 0.2x remark-parse')?.met).toBe(undefined);
    expect(byName(fewRuns, 'server over stdio, dense 100 K draft: p95 <= 20 ms')?.met).toBe(false);
    const otherSize = checkTargets(measured, { sizeMb: 20, runs: 5, serverRounds: 50 });
    expect(byName(otherSize, '10000-terms: nuance wall <= 1.5x its 24-terms wall')?.met).toBe(undefined);
    expect(byName(otherSize, 'server over stdio, dense 100 K draft: p95 <= 20 ms')?.met).toBe(undefined);
  });

  it("gives every verdict in a run of the issue's terms", () => {
    const targets = checkTargets(measured, ISSUE_SCOPE);
    expect(byName(targets, '24-terms: nuance default wall <= 0.2x remark-parse')).toMatchObject({
      measured: '0.33x (CPU 0.33x)',
      met: false,
    });
    expect(byName(targets, '10000-terms: nuance wall <= 1.5x its 24-terms wall')?.met).toBe(true);
    expect(byName(targets, 'server over stdio, typical 100 K draft: p95 <= 8 ms')).toMatchObject({
      measured: '18.0 ms',
      met: false,
    });
  });
});

describe('runSpread', () => {
  const atMost = (bound: number) => (r: number) => r <= bound;

  it("gives the range of a row's runs over the other's median and how many meet the target", () => {
    const remark = tableRow('remark-parse', undefined, 2);
    const kc = tableRow('nuance', 'korea-china', 0.42, 80, [0.38, 0.41, 0.42, 0.44, 0.4]);
    expect(runSpread(kc, remark, atMost(0.2))).toBe('; runs 0.19-0.22x, 2 of 5 met');
  });

  it('says nothing of a row with fewer than two runs', () => {
    const remark = tableRow('remark-parse', undefined, 2);
    expect(runSpread(tableRow('nuance', '24-terms', 0.36, 80, [0.36]), remark, atMost(0.2))).toBe('');
  });

  it('shows in the targets table beside the ratio of the medians', () => {
    const table = [
      tableRow('nuance', '24-terms', 0.36, 80, [0.35, 0.36, 0.37]),
      tableRow('nuance', '10000-terms', 0.83, 80, [0.81, 0.83, 0.9]),
    ];
    const ratio = checkTargets({ table }).find(
      (t) => t.target === '10000-terms: nuance wall <= 1.5x its 24-terms wall',
    );
    expect(ratio).toMatchObject({ measured: '2.31x (CPU 2.31x; runs 2.25-2.50x, 0 of 3 met)', met: false });
  });
});
