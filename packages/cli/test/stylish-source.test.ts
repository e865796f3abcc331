// The stylish line under a target finding shows its source unit's start, not all of it: a unit of
// a release set can be a long paragraph, and the line is printed under every finding in it.
import type { Finding } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../src/reporters/stylish.js';

const finding = (text: string): Finding => ({
  ruleId: 'korea-china/numbers',
  severity: 'warning',
  message: 'The target has no `300`',
  start: 0,
  end: 3,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 4,
  source: {
    check: 'number',
    lang: 'ko',
    path: 'statement.ko.md',
    text,
    start: 0,
    end: text.length,
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 1 + text.length,
  },
});

const sourceLine = (text: string) =>
  formatStylish([{ path: 'statement.zh.md', messages: [finding(text)] }], { color: false })
    .split('\n')
    .find((l) => l.includes('source ('))
    ?.trim();

describe('the source line of a stylish report', () => {
  it('shows a short unit whole, its whitespace runs as one space', () => {
    expect(sourceLine('예산은\n  3억 달러이다.')).toBe(
      'source (ko, statement.ko.md, 3:1): 예산은 3억 달러이다.',
    );
  });

  it('shows the first 200 characters of a long unit and an ellipsis', () => {
    const long = `${'가'.repeat(150)} ${'나'.repeat(5000)}`;
    const line = sourceLine(long)!;
    expect(line).toBe(`source (ko, statement.ko.md, 3:1): ${'가'.repeat(150)} ${'나'.repeat(49)}…`);
    // Characters beyond the BMP count once and are never cut in half.
    const astral = sourceLine('𠀀'.repeat(300))!;
    expect(astral).toBe(`source (ko, statement.ko.md, 3:1): ${'𠀀'.repeat(200)}…`);
  });
});
