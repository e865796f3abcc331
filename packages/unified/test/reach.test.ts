// Rules that read the paragraphs after a match (`requires`' lookahead) read them whether or not
// they hold anything: the blocks the fast path leaves out must not change what such a rule finds.
import { compilePacks, parsePack, segmentReach } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { lintDocument, MarkdownDocument } from '../src/index.js';
import { random } from './helpers.js';

const PACK = `
pack: r
rules:
  - id: r/two-on
    kind: requires
    severity: warning
    message: Say what the other side does
    scope: segment
    lookahead: 2
    when: [we will open]
    require: [in return]
  - id: r/next
    kind: requires
    severity: warning
    message: Name the partner
    scope: segment
    lookahead: 1
    when: [core interests]
    require: [both sides]
  - id: r/sentence
    kind: requires
    severity: info
    message: Give the date
    scope: sentence
    lookahead: 1
    when: [the summit]
    require: [in June]
`;

const parsed = parsePack(PACK, 'r.yaml');
if (!parsed.pack) throw new Error('test pack did not parse');
const { ruleSet } = compilePacks([parsed.pack]);

// Paragraphs and blocks of every kind a chain of paragraphs can meet.
const BLOCKS = [
  'We will open the market.',
  'China respects core interests.',
  'The summit ended.',
  'In return they cut tariffs.',
  'Both sides agreed.',
  'It was held in June.',
  'The talks went on.',
  '—',
  '…',
  '# A heading',
  '- an item\n- in return, another',
  '---',
  '```\ncode in return\n```',
  '> quoted: both sides',
  '| a | b |\n| - | - |\n| in June | x |',
  'Two lines,\nwe will open them.',
];

const at = (text: string, fullParse = false) =>
  lintDocument({ text, path: 'd.md', ruleSet, fullParse }).findings.map((f) => `${f.ruleId} ${f.line}`);

describe('rules that read the paragraphs after a match', () => {
  test('the rule set says how far they read', () => {
    expect(segmentReach(ruleSet)).toBe(2);
  });

  test('a paragraph of no match between counts as one of them (found while writing it)', () => {
    // The dash is the paragraph after the promise: the reciprocity two paragraphs on is too far
    // for `r/next`, and within reach of `r/two-on`.
    const text = 'China respects core interests.\n\n—\n\nBoth sides agreed.\n';
    expect(at(text)).toEqual(['r/next 1']);
    expect(at(text)).toEqual(at(text, true));
    const plain = 'We will open the market.\n\nThe talks went on.\n\nIn return they cut tariffs.\n';
    expect(at(plain)).toEqual([]);
    expect(at(plain, true)).toEqual([]);
  });

  test('the blocks give the findings of one full parse on 500 random documents, and after edits', () => {
    const next = random(2026);
    let withFindings = 0;
    for (let round = 0; round < 500; round++) {
      const count = 2 + Math.floor(next() * 9);
      const blocks = Array.from({ length: count }, () => BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '');
      const text = `${blocks.join('\n\n')}\n`;
      const fast = at(text);
      expect({ text, fast }).toEqual({ text, fast: at(text, true) });
      if (fast.length > 0) withFindings++;
    }
    expect(withFindings).toBeGreaterThan(150);

    const document = new MarkdownDocument();
    let text = `${BLOCKS.join('\n\n')}\n`;
    for (let step = 0; step < 100; step++) {
      const where = Math.floor(next() * (text.length + 1));
      const insert = next() < 0.5 ? `\n\n${BLOCKS[Math.floor(next() * BLOCKS.length)]}\n\n` : '';
      const cut = insert === '' ? Math.floor(next() * 30) : 0;
      text = text.slice(0, where) + insert + text.slice(where + cut);
      document.update(text);
      const kept = document.lint(ruleSet).map((f) => `${f.ruleId} ${f.line}`);
      expect({ text, kept }).toEqual({ text, kept: at(text, true) });
    }
  });
});
