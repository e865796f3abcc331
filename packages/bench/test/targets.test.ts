import { describe, expect, it } from 'vitest';
import type { TableRow } from '../src/results.js';
import { checkTargets, runSpread, verdictDigits } from '../src/targets.js';

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
