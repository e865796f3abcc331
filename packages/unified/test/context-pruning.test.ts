// Blocks whose candidates all wait on a context no part of the document may give are passed over
// (MarkdownDocument's liveBlocks, core's mayBeLicensed): the findings are those of one full parse,
// on documents of headings, lead-ins, lists, front matter and sentences that mention the parties
// or not, and after random edits of a kept document.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, parsePack, type RuleSet } from '@nuance/core';
import { describe, expect, test } from 'vitest';
import { documentTopic, lintDocument, MarkdownDocument } from '../src/index.js';
import { random } from './helpers.js';

function compile(text: string, file: string): RuleSet {
  const { pack } = parsePack(text, file);
  if (!pack) throw new Error(`${file} does not parse`);
  return compilePacks([pack]).ruleSet;
}

const here = dirname(fileURLToPath(import.meta.url));
const koreaPack = join(here, '..', '..', '..', 'rules', 'korea-china', 'pack.yaml');
const shapes = join(here, '..', '..', 'core', 'test', 'context-shapes.pack.yaml');
const ruleSets: [string, RuleSet][] = [
  ['test pack', compile(readFileSync(shapes, 'utf8'), shapes)],
  ['korea-china pack', compile(readFileSync(koreaPack, 'utf8'), koreaPack)],
];

// The core test's words (candidates of the test pack, mentions, neutral words), and candidates
// besides: the test pack's rule on the document head, and the built-in pack's.
const PIECES = [
  ...readFileSync(join(here, '..', '..', 'core', 'test', 'context-shapes.words.txt'), 'utf8')
    .split('\n')
    .filter((word) => word !== ''),
  '人工智能',
  'joint statement',
  '相互尊重',
  '中国的核心利益',
];
const ENDS = ['. ', '。', ' ', '! ', '다. ', '\n'];

function document(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(PIECES));
    const text = words.join(pick([' ', '', '，']));
    return (next() < 0.15 ? `**${text}**` : text) + pick(ENDS);
  };
  const paragraph = () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, sentence)
      .join('')
      .trim();
  const blocks = Array.from({ length: 1 + Math.floor(next() * 7) }, () => {
    const r = next();
    if (r < 0.2) return `${pick(['# ', '## ', '### '])}${next() < 0.5 ? pick(PIECES) : 'Section'}`;
    if (r < 0.35) return `${paragraph()}:\n\n- ${paragraph()}\n- ${paragraph()}`;
    if (r < 0.45) return `- ${paragraph()}`;
    if (r < 0.5) return '---';
    return paragraph();
  });
  let text = blocks.join(pick(['\n\n', '\n\n', '\n']));
  if (next() < 0.1) text = `---\ntopic: [${pick(['korea', 'china', 'cooperation'])}]\n---\n\n${text}`;
  return text;
}

describe('candidates no context can license', () => {
  for (const [name, ruleSet] of ruleSets) {
    test(`are passed over, with the findings of a full parse: 1,500 documents, the ${name}`, () => {
      const next = random(name.length * 104_729);
      let findings = 0;
      let passedOver = 0;
      let allPassedOver = 0;
      for (let round = 0; round < 1500; round++) {
        const text = document(next);
        const topic = next() < 0.1 ? ['china'] : undefined;
        const kept = new MarkdownDocument();
        kept.update(text);
        // The topic lintDocument gives it: the options' and the front matter's.
        const fast = kept.lint(ruleSet, { topic: documentTopic({ text, format: 'markdown', topic }) });
        const full = lintDocument({ text, path: 'd.md', ruleSet, topic, fullParse: true }).findings;
        const plain = lintDocument({ text, path: 'd.txt', ruleSet, topic }).findings;
        const plainFull = lintDocument({ text, path: 'd.txt', ruleSet, topic, fullParse: true }).findings;
        expect({ text, topic, fast }).toEqual({ text, topic, fast: full });
        expect({ text, topic, plain }).toEqual({ text, topic, plain: plainFull });
        findings += full.length;
        passedOver += kept.stats.unlicensed;
        if (kept.stats.unlicensed > 0 && kept.stats.parsed === 0) allPassedOver++;
      }
      expect(findings).toBeGreaterThan(500);
      expect(passedOver).toBeGreaterThan(300);
      expect(allPassedOver).toBeGreaterThan(50);
    });
  }

  test('after random edits, a kept document gives the findings of one full parse', () => {
    const [, ruleSet] = ruleSets[0] as [string, RuleSet];
    const next = random(31);
    let passedOver = 0;
    for (let round = 0; round < 60; round++) {
      const kept = new MarkdownDocument();
      let text = document(next);
      for (let step = 0; step < 20; step++) {
        const where = Math.floor(next() * (text.length + 1));
        const cut = next() < 0.4 ? Math.floor(next() * 12) : 0;
        const insert =
          next() < 0.6 ? (PIECES[Math.floor(next() * PIECES.length)] ?? '') : next() < 0.5 ? '\n\n' : '# ';
        text = text.slice(0, where) + insert + text.slice(where + cut);
        kept.update(text);
        const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
        const findings = kept.lint(ruleSet, { topic: documentTopic({ text, format: 'markdown' }) });
        expect({ text, findings }).toEqual({ text, findings: full });
      }
      passedOver += kept.stats.unlicensed;
    }
    expect(passedOver).toBeGreaterThan(100);
  });

  test('the essay’s semiconductor case: export figures alone give nothing to parse', () => {
    const [, ruleSet] = ruleSets[1] as [string, RuleSet];
    // Sensitive technology cooperation applies where cooperation is in the sentence; a paragraph
    // of export figures is passed over, and with no other candidate nothing is parsed.
    const figures = '# 수출 동향\n\n반도체 수출이 전년 대비 12% 늘었다.\n\n자동차 수출도 늘었다.';
    const kept = new MarkdownDocument();
    kept.update(figures);
    expect(kept.lint(ruleSet)).toEqual([]);
    expect(kept.stats).toMatchObject({ parsed: 0, unlicensed: 1 });
    // Cooperation with China, the Korean side named: the rule applies, and the block is parsed.
    const cooperation = '# 한중 관계\n\n한국은 중국과 반도체 협력을 확대하기로 했다.';
    const other = new MarkdownDocument();
    other.update(cooperation);
    const findings = other.lint(ruleSet);
    expect(findings.map((f) => f.ruleId)).toEqual(['korea-china/sensitive-technology-cooperation']);
    expect(findings).toEqual(
      lintDocument({ text: cooperation, path: 'd.md', ruleSet, fullParse: true }).findings,
    );
    expect(other.stats.unlicensed).toBe(0);
  });
});
