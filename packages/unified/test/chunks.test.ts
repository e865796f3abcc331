// Parsing only the chunks that can hold a candidate must give exactly the findings of one full
// parse: checked on random documents built from the constructs that make chunking unsafe.
import { compilePacks, parsePack } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { markdownChunks } from '../src/chunks.js';
import { lintDocument } from '../src/index.js';

const PACK = `pack: c
rules:
  - id: c/wushi
    kind: term
    severity: error
    message: m
    terms:
      zh: [务实外交, {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}]
      en: [neighborhood diplomacy, {text: peripheral diplomacy, status: deprecated}]
  - id: c/partner
    kind: caution
    severity: warning
    message: m
    phrases: [strategic cooperative partner, 战略合作伙伴[关系]]
    unless: [economic cooperation]
  - id: c/doc
    kind: requires
    severity: warning
    scope: document
    message: m
    when: [China's core interests]
    require: [South Korea's core interests]
  - id: c/para
    kind: requires
    severity: warning
    scope: segment
    message: m
    when: [中国的核心利益]
    require: [韩国的核心利益]
  - id: c/same
    kind: consistency
    severity: warning
    message: m
    groups: [[practical diplomacy, pragmatic diplomacy]]
`;

const parsed = parsePack(PACK, 'c.yaml');
if (!parsed.pack) throw new Error('test pack does not parse');
const { ruleSet } = compilePacks([parsed.pack]);

const BLOCKS = [
  '韩国奉行实用外交。',
  'A strategic cooperative partner for economic cooperation.',
  'We respect China’s core interests.',
  'South Korea’s core interests matter too.',
  '中方维护中国的核心利益。',
  '韩方尊重中国的核心利益，也维护韩国的核心利益。',
  'The practical diplomacy of Seoul.',
  'Pragmatic diplomacy again, and peripheral diplomacy.',
  '# Heading with 实用外交',
  'Setext title with peripheral diplomacy\n===',
  '- item one with 实用外交\n- item two',
  '- loose item\n\n  continued with 战略合作伙伴关系',
  '1. first\n2. second with strategic cooperative partners',
  '> quoted 实用\n> 外交 across lines',
  '| a | b |\n| --- | --- |\n| 实用外交 | peripheral diplomacy |',
  '    indented code with 实用外交',
  '\t韩国奉行实用外交。',
  '<div>\nhtml block 实用外交\n</div>',
  '<!-- a comment -->',
  '<!-- a comment\n\nthat spans 实用外交 -->',
  '```\nfenced 实用外交\n```',
  '[ref]: https://example.org',
  '[text][ref] with 实用外交',
  '实&#29992;外交 by reference',
  '&#23454;用外交 by reference',
  '**实用**外交 and *peripheral* diplomacy',
  'Plain neutral paragraph about trade and culture.',
  '中性的段落，讨论经贸合作。',
  '***',
  '<script>\nlet x = "实用外交";\n\n</script>',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('chunked parsing', () => {
  test('splits at blank lines and keeps indented continuations with their chunk', () => {
    const text = '---\ntitle: x\n\nlang: zh\n---\n\n# T\n\npara\n\n- a\n\n  b\n\nlast';
    expect(markdownChunks(text)?.map((c) => text.slice(c.start, c.end))).toEqual([
      '---\ntitle: x\n\nlang: zh\n---\n',
      '# T',
      'para',
      '- a\n\n  b',
      'last',
    ]);
    expect(markdownChunks('a\n\n```\nx\n\ny\n```')).toBeUndefined();
    expect(markdownChunks('a\n\n[x]: https://e.org')).toBeUndefined();
    expect(markdownChunks('a\n\n<!-- open\n\nclose -->')).toBeUndefined();
  });

  test('gives exactly the findings of a full parse on 600 random documents', () => {
    const next = random(20261128);
    let chunked = 0;
    let withFindings = 0;
    for (let round = 0; round < 600; round++) {
      const parts: string[] = [];
      const n = 1 + Math.floor(next() * 8);
      for (let i = 0; i < n; i++) parts.push(BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '');
      const sep = () => (next() < 0.8 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n');
      let text = parts.reduce((acc, p, i) => (i === 0 ? p : acc + sep() + p), '');
      if (next() < 0.15) text = `---\ntitle: t\n---\n\n${text}`;
      if (next() < 0.2) text = text.replace(/\n/g, '\r\n');
      if (markdownChunks(text)) chunked++;
      const fast = lintDocument({ text, path: 'd.md', ruleSet }).findings;
      const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
      expect(fast, text).toEqual(full);
      if (full.length > 0) withFindings++;
    }
    expect(chunked).toBeGreaterThan(200);
    expect(withFindings).toBeGreaterThan(400);
  });
});
