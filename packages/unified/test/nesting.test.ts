// Deep Markdown (issue "Hardening"): 6,000 nested `- ` took 26 s and then overflowed the stack,
// 10,000 nested `>` overflowed, and the file dropped out of the report. A block nested deeper than
// MAX_NESTING is now read as plain text, with a warning, and the draft's other findings stay.
import { compilePacks, type Finding, parsePack } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { lintDocument, MarkdownDocument } from '../src/index.js';
import { excessNesting, MAX_NESTING } from '../src/nesting.js';

const PACK = `pack: demo
rules:
  - id: demo/wushi-not-shiyong
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    source: test
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated}
`;
const ruleSet = compilePacks([parsePack(PACK, 'demo.yaml').pack!]).ruleSet;

function at(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
}

const HEAD = '韩国奉行实用外交。\n\n';

describe('excessNesting', () => {
  test('counts quote and list markers and the indentation before a marker', () => {
    expect(excessNesting('>'.repeat(101) + ' a')).toBe(101);
    expect(excessNesting('>'.repeat(100) + ' a')).toBeUndefined();
    expect(excessNesting('- '.repeat(150) + 'a')).toBe(150);
    expect(excessNesting('1. '.repeat(120) + 'a')).toBe(120);
    expect(excessNesting(`${' '.repeat(300)}- a`)).toBe(151);
    expect(excessNesting('> - '.repeat(60) + 'a', 100)).toBe(120);
    // Lines split on every line ending.
    expect(excessNesting(`a\r${'>'.repeat(200)}`)).toBe(200);
  });

  test('leaves ordinary Markdown alone: long lines, code indentation, hyphens in prose', () => {
    expect(excessNesting(`- ${'a - b '.repeat(100)}`)).toBeUndefined();
    expect(excessNesting(`${' '.repeat(300)}code`)).toBeUndefined();
    expect(excessNesting('> quote\n> - item\n>   - nested\n'.repeat(100))).toBeUndefined();
    expect(excessNesting('-'.repeat(500))).toBeUndefined();
  });
});

describe('a too-deep block', () => {
  test('6,000 nested `- ` on one line: its term is found as plain text, with a warning', () => {
    const text = `${HEAD}${'- '.repeat(6000)}实用外交\n`;
    const { findings } = lintDocument({ text, path: 'deep.md', ruleSet });
    expect(at(findings)).toEqual([
      '1:5-1:9 demo/wushi-not-shiyong',
      '3:1-3:12005 nuance/markdown-too-deep',
      '3:12001-3:12005 demo/wushi-not-shiyong',
    ]);
    expect(findings[1]!.message).toBe(
      'This block nests 6000 levels deep (more than 100), so it was checked as plain text, not as Markdown',
    );
    expect(findings[1]!.severity).toBe('warning');
  });

  test('10,000 nested `>`', () => {
    const text = `${HEAD}${'>'.repeat(10_000)} 实用外交\n\n务实外交。\n`;
    const { findings } = lintDocument({ text, path: 'deep.md', ruleSet });
    expect(at(findings)).toEqual([
      '1:5-1:9 demo/wushi-not-shiyong',
      '3:1-3:10006 nuance/markdown-too-deep',
      '3:10002-3:10006 demo/wushi-not-shiyong',
    ]);
  });

  test('300 list items each indented one level more', () => {
    const list = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- 实用外交`).join('\n');
    const text = `${HEAD}${list}\n`;
    const { findings } = lintDocument({ text, path: 'deep.md', ruleSet });
    expect(findings.filter((f) => f.ruleId === 'nuance/markdown-too-deep')).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === 'demo/wushi-not-shiyong')).toHaveLength(301);
  });

  test('a deep block without a candidate is not parsed and gives nothing', () => {
    const text = `${HEAD}${'>'.repeat(10_000)} nothing here\n`;
    expect(at(lintDocument({ text, path: 'deep.md', ruleSet }).findings)).toEqual([
      '1:5-1:9 demo/wushi-not-shiyong',
    ]);
  });

  test('only the deep block is plain text; a document parsed as one block is plain text as a whole', () => {
    const text = `${HEAD}${'> '.repeat(MAX_NESTING + 1)}实用外交\n\n- a\n  - 实用外交\n`;
    const whole = new MarkdownDocument({ wholeDocument: true });
    whole.update(text);
    expect(at(whole.lint(ruleSet))).toEqual([
      '1:1-1:10 nuance/markdown-too-deep',
      '1:5-1:9 demo/wushi-not-shiyong',
      '3:203-3:207 demo/wushi-not-shiyong',
      '6:5-6:9 demo/wushi-not-shiyong',
    ]);
    const blocks = new MarkdownDocument();
    blocks.update(text);
    expect(at(blocks.lint(ruleSet))).toEqual([
      '1:5-1:9 demo/wushi-not-shiyong',
      '3:1-3:207 nuance/markdown-too-deep',
      '3:203-3:207 demo/wushi-not-shiyong',
      '6:5-6:9 demo/wushi-not-shiyong',
    ]);
  });
});
