import { describe, expect, it } from 'vitest';
import type { TableRow } from '../src/results.js';
import { checkTargets, verdictDigits } from '../src/targets.js';

function tableRow(tool: string, vocabulary: string | undefined, wall: number, maxRssMb = 80): TableRow {
  return {
    tool,
    label: tool,
    vocabulary,
    runs: [],
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
