// A whole document's segments through the blocks (plain ones without remark) are the segments of
// one full parse with remark: what a release set's alignment and checks read.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { directivesOf, MarkdownDocument, parseMarkdown, segmentsOf } from '../src/index.js';
import { corpus, corpusPresent, drafts, inDocument, random } from './helpers.js';

function expectSameAsFullParse(text: string): { remark: number } {
  const doc = new MarkdownDocument();
  doc.update(text);
  const fast = doc.allSegments();
  const tree = parseMarkdown(text);
  expect(fast.segments.map(inDocument), JSON.stringify(text)).toEqual(segmentsOf(tree, text));
  expect(fast.directives, JSON.stringify(text)).toEqual(directivesOf(tree, text));
  return { remark: doc.remarkParsed };
}

const LINES = [
  '# 联合声明',
  '## 성명 **전문**',
  'Both sides support the *denuclearization* of the Korean Peninsula.',
  '双方同意继续推进战略合作伙伴关系。',
  '양국은 `한반도` 비핵화를 지지한다.',
  '- 第一条：加强交流',
  '- item with [a link](https://x.org) and <b>html</b>',
  '1. 첫째, 협력을 확대한다.',
  '   continued item text',
  '> 引用的段落',
  '| 항목 | 내용 |',
  '| --- | --- |',
  '| 예산 | 3억 달러 |',
  '```',
  'code 实用外交',
  '    indented code',
  '<!-- nuance-disable korea-china/numbers -->',
  'Setext heading',
  '===',
  '***',
  'A line with a hard break  ',
  'Escaped \\*star\\* and &amp; entity',
  '[ref]: https://x.org',
  'Term[^1] with a footnote',
];

function generated(next: () => number): string {
  const blocks = Array.from({ length: 2 + Math.floor(next() * 10) }, () => {
    const lines = Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => LINES[Math.floor(next() * LINES.length)],
    );
    return lines.join('\n');
  });
  let text = blocks.join(next() < 0.8 ? '\n\n' : '\n');
  if (next() < 0.1) text = `---\ntopic: [korea]\n---\n\n${text}`;
  if (next() < 0.1) text = text.replace(/\n/g, '\r\n');
  return `${text}\n`;
}

describe('all the segments of a document, through its blocks', () => {
  test('are those of one full parse, on 1,500 generated documents', () => {
    const next = random(4242);
    let plain = 0;
    for (let round = 0; round < 1500; round++) {
      const text = generated(next);
      const blocks = text.split(/\n\n/).length;
      if (expectSameAsFullParse(text).remark < blocks) plain++;
    }
    // Most documents have blocks segmented without remark: the comparison covers that path.
    expect(plain).toBeGreaterThan(1000);
  });
});

const present = corpusPresent;
if (!present) console.warn(`Skipping the corpus comparison of all segments: ${corpus} is absent`);

describe.skipIf(!present)('all the segments of a real document, through its blocks', () => {
  test('are those of one full parse: the corpus cut into documents of about 20,000 characters', () => {
    let documents = 0;
    for (const file of drafts(corpus).filter((name) => name.endsWith('.md'))) {
      const blocks = readFileSync(file, 'utf8').split(/\n\n+/);
      for (let at = 0, k = 0; at < blocks.length; k++) {
        let text = '';
        while (at < blocks.length && text.length < 20_000) text += `${blocks[at++]}\n\n`;
        if (k % 5 !== 0) continue;
        expectSameAsFullParse(text);
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(100);
  }, 300_000);
});
