// What the block model parses for context conditions, over a stand-in engine (fake-engine.ts)
// whose one rule with a context condition needs the mention 韩 in its segment, the segment's
// structural context or the document head. Core's real condition is not there yet, so
// `needsContext` is stubbed: with it, the blocks a candidate's context can come from are parsed,
// and the findings and the structure core is given must be those of one full parse.

import type { Segment } from '@nuance/core';
import * as core from '@nuance/core';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import nuance, { lintDocument, MarkdownDocument, splitBlocks } from '../src/index.js';
import { fakeRuleSet } from './fake-engine.js';
import { inDocument, structureOf } from './helpers.js';

vi.mock('@nuance/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@nuance/core')>();
  const fake = await import('./fake-engine.js');
  return {
    ...actual,
    lintSegments: vi.fn(fake.fakeContextLintSegments),
    hasCandidate: vi.fn(fake.fakeHasCandidate),
    prefilterSafety: vi.fn(fake.fakePrefilterSafety),
    needsContext: vi.fn(() => true),
    segmentReach: vi.fn(() => 0),
    hasContextMention: vi.fn(fake.fakeHasContextMention),
    preCheck: vi.fn(fake.fakePreCheck),
  };
});

beforeEach(() => {
  vi.mocked(core.lintSegments).mockClear();
  vi.mocked(core.needsContext).mockReturnValue(true);
});

/** The segments the last lint gave core. */
function given(): Segment[] {
  return vi.mocked(core.lintSegments).mock.lastCall?.[0].segments.map(inDocument) ?? [];
}

function lint(text: string, options: { fullParse?: boolean; path?: string } = {}) {
  return lintDocument({ text, path: options.path ?? 'd.md', ruleSet: fakeRuleSet, ...options });
}

const at = (text: string) => lint(text).findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`);

describe('context conditions see the structure of the whole document', () => {
  test('a mention in the nearest heading, the lead-in, the table, the head or the front matter licenses', () => {
    expect(at('# Title\n\nNeutral.\n\n## 韩国\n\n实用外交')).toEqual(['demo/wushi 7:1']);
    expect(at('# Title\n\nNeutral.\n\n## Other\n\n实用外交')).toEqual([]);
    expect(at('Neutral.\n\n## Other\n\n韩国 lead-in:\n\n- x\n\n- 实用外交')).toEqual(['demo/wushi 9:3']);
    expect(at('Neutral.\n\n| 国家 | 路线 |\n|---|---|\n| 韩国 | 实用外交 |')).toEqual(['demo/wushi 5:8']);
    expect(at('# 韩国 and China\n\nNeutral.\n\n## Other\n\n实用外交')).toEqual(['demo/wushi 7:1']);
    expect(at('---\ntitle: 韩国\n---\n\nNeutral.\n\n实用外交')).toEqual(['demo/wushi 7:1']);
    // The title is the head's, not a section's: a mention in a later paragraph licenses nothing.
    expect(at('# Title\n\nNeutral.\n\nAbout 韩国.\n\n实用外交')).toEqual([]);
  });

  test('the front matter declares a topic, and so do the options', () => {
    expect(at('---\ntopic: [korea, china]\n---\n\nNeutral.\n\n实用外交')).toEqual(['demo/wushi 7:1']);
    expect(lint('Neutral.\n\n实用外交').findings).toEqual([]);
    const text = 'Neutral.\n\n实用外交';
    expect(lintDocument({ text, path: 'd.md', ruleSet: fakeRuleSet, topic: ['korea'] })).toMatchObject({
      topic: ['korea'],
      findings: [{ ruleId: 'demo/wushi', line: 3 }],
    });
    expect(
      lintDocument({ text, path: 'd.txt', ruleSet: fakeRuleSet, topic: ['korea'] }).findings,
    ).toHaveLength(1);
    expect(vi.mocked(core.lintSegments).mock.lastCall?.[0].topic).toEqual(['korea']);
  });

  test('the plugin takes `topic` and `voice` and reads the front matter', async () => {
    const run = async (value: string, options: { topic?: string[]; voice?: string } = {}) => {
      const processor = unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkFrontmatter, ['yaml', 'toml'])
        .use(nuance, { ruleSet: fakeRuleSet, ...options });
      const file = new VFile({ path: 'd.md', value });
      await processor.run(processor.parse(file), file);
      return { messages: file.messages.length, topic: vi.mocked(core.lintSegments).mock.lastCall?.[0].topic };
    };
    expect(await run('Neutral.\n\n实用外交')).toEqual({ messages: 0, topic: undefined });
    expect(await run('Neutral.\n\n实用外交', { topic: ['korea'], voice: 'rok' })).toEqual({
      messages: 1,
      topic: ['korea', 'rok-voice'],
    });
    expect(await run('---\nvoice: rok\n---\n\n## 韩国\n\n实用外交')).toEqual({
      messages: 1,
      topic: ['rok-voice'],
    });
  });

  test('plain text: the first block is the head, and the second too after a title line', () => {
    const text = 'Seoul and Beijing: a reset\n\n韩国 opened the talks.\n\nNeutral.\n\n实用外交';
    expect(lint(text, { path: 'd.txt' }).findings).toHaveLength(1);
    expect(structureOf(given(), text)).toEqual([
      'paragraph (head): Seoul and Beijing: a reset',
      'paragraph (head): 韩国 opened the talks.',
      'paragraph: Neutral.',
      'paragraph: 实用外交',
    ]);
    const sentence = 'The talks opened.\n\n韩国 spoke.\n\n实用外交';
    expect(lint(sentence, { path: 'd.txt' }).findings).toEqual([]);
    expect(given().map((segment) => segment.head === true)).toEqual([true, false, false]);
  });
});

describe('what is parsed for context conditions', () => {
  const stats = (text: string) => {
    const document = new MarkdownDocument();
    document.update(text);
    document.lint(fakeRuleSet);
    return { parsed: document.stats.parsed, given: structureOf(given(), text) };
  };

  test('candidates, headings, the head and lead-ins with a mention; not the other blocks', () => {
    const text =
      '# Title\n\nIntro.\n\nNeutral.\n\n## Section\n\nMore.\n\nOn 韩国.\n\n```\ncode\n```\n\n实用外交';
    // A body paragraph's mention licenses only its own segment: it is not parsed.
    expect(stats(text)).toEqual({
      parsed: 4,
      given: [
        'heading (head): Title',
        'paragraph (head): Intro. <- Title',
        'heading: Section <- Title',
        'paragraph: 实用外交 <- Section',
      ],
    });
    // Followed by a list, it may be the list's lead-in.
    expect(stats('# Title\n\nIntro.\n\nOn 韩国:\n\n- 实用外交').given).toEqual([
      'heading (head): Title',
      'paragraph (head): Intro. <- Title',
      'paragraph: On 韩国: <- Title',
      'paragraph: 实用外交 <- Title | On 韩国:',
    ]);
  });

  test('a list going on over blank lines: its blocks up to the lead-in', () => {
    const text = 'Intro.\n\nNeutral.\n\n韩国:\n\n- one\n\n- two\n\n- 实用外交';
    expect(stats(text).given).toEqual([
      'paragraph (head): Intro.',
      'paragraph: 韩国:',
      'paragraph: one <- 韩国:',
      'paragraph: two <- 韩国:',
      'paragraph: 实用外交 <- 韩国:',
    ]);
    // Another bullet is another list, with no lead-in: still parsed, as it cannot be told apart.
    expect(at('Intro.\n\n韩国:\n\n- one\n\n* 实用外交')).toEqual([]);
  });

  test('no candidate: nothing is parsed; without context conditions, only the candidates', () => {
    expect(stats('# 韩国\n\nText about 韩国.').parsed).toBe(0);
    vi.mocked(core.needsContext).mockReturnValue(false);
    expect(stats('# 韩国\n\nText about 韩国.\n\n实用外交')).toEqual({
      parsed: 1,
      given: ['paragraph (head): 实用外交'],
    });
  });
});

const BLOCKS = [
  '实用外交',
  '韩国奉行实用外交。',
  '韩国',
  'Neutral paragraph.',
  '# Title',
  '# 韩国 title',
  '## Section',
  '## Section on 韩国',
  '### Deeper',
  'Setext\n---',
  'Setext 韩国\n===',
  'Lead-in:',
  '韩国 lead-in:',
  'Lead-in:\n- item',
  '- item',
  '- item 实用外交',
  '- 韩国 item',
  '* star 实用外交',
  '1. one 实用外交',
  '2. two',
  '1) paren 实用外交',
  '- outer 韩国\n  - inner 实用外交',
  '- outer\n\n  - inner 实用外交',
  '  continued 实用外交',
  '- # heading in an item\n  实用外交',
  '> quoted 韩国\n> - 实用外交',
  '> - quoted item 实用外交',
  '| 国家 | 路线 |\n|---|---|\n| 韩国 | 实用外交 |',
  '| a | b |\n|---|---|\n| 实用外交 | x |',
  '```\n韩国\n```',
  '    indented 韩国',
  '<div>\n韩国\n</div>',
  '<!-- 韩国 -->',
  '---',
  '![only an image](x.png)',
  '&#38889;国 by reference',
  '实用外交 <!-- nuance-disable-line demo/wushi -->',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomDocument(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 10);
  for (let i = 0; i < n; i++) parts.push(BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '');
  const sep = () => (next() < 0.8 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n');
  let text = parts.reduce((acc, p, i) => (i === 0 ? p : acc + sep() + p), '');
  if (next() < 0.15) text = `---\ntitle: ${next() < 0.5 ? '韩国' : 't'}\n---\n\n${text}`;
  if (next() < 0.1) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** A segment's identity in both lists: where it starts. */
const idOf = (segment: Segment | undefined) => segment?.pieces[0]?.start ?? -1;

/**
 * The segments of the blocks parsed alone against those of one full parse: each is in both, with
 * the same role and head; its context is the full parse's, less segments that hold no mention;
 * and every segment of the full parse that a condition can read is there: the candidates, the
 * head, the headings (the structure), and the context of each (checked above).
 */
function expectSameStructure(text: string, blocks: Segment[], full: Segment[]): void {
  const prose = (segment: Segment) =>
    segment.pieces.map((p) => (p.separator ? '\uFFFC' : (p.text ?? text.slice(p.start, p.end)))).join('');
  const byId = new Map(full.map((segment) => [idOf(segment), segment]));
  const mentionIds = new Set(full.filter((segment) => prose(segment).includes('韩')).map(idOf));
  for (const segment of blocks) {
    const same = byId.get(idOf(segment));
    expect({ text, missing: same === undefined ? prose(segment) : undefined }).toEqual({ text });
    expect({ text, segment }).toEqual({ text, segment: { ...segment, ...same, context: segment.context } });
    const context = (segment.context ?? []).map((i) => idOf(blocks[i]));
    const fullContext = (same?.context ?? []).map((i) => idOf(full[i]));
    expect(fullContext).toEqual(expect.arrayContaining(context));
    expect(context).toEqual(expect.arrayContaining(fullContext.filter((id) => mentionIds.has(id))));
  }
  const kept = new Set(blocks.map(idOf));
  const needed = full.filter(
    (s) => s.head || s.role === 'heading' || /实用/.test(prose(s)) || s.role === 'context',
  );
  expect({ text, missing: needed.filter((s) => !kept.has(idOf(s))).map(prose) }).toEqual({
    text,
    missing: [],
  });
}

describe('random documents', () => {
  test('the blocks give the findings and the structure of one full parse, parsing less', () => {
    const next = random(10);
    let split = 0;
    let licensed = 0;
    let unlicensed = 0;
    let skipped = 0;
    for (let round = 0; round < 800; round++) {
      const text = randomDocument(next);
      if (splitBlocks(text).blocks.length > 2) split++;
      vi.mocked(core.lintSegments).mockClear();
      const full = lint(text, { fullParse: true }).findings;
      const fullSegments = given();
      vi.mocked(core.lintSegments).mockClear();
      const document = new MarkdownDocument();
      document.update(text);
      const findings = document.lint(fakeRuleSet);
      expect({ text, findings }).toEqual({ text, findings: full });
      // A full parse has no pre-check; the blocks skip core when no block has a candidate.
      if (vi.mocked(core.lintSegments).mock.calls.length === 0) continue;
      expectSameStructure(text, given(), fullSegments);
      const candidates = (text.match(/实用外交/g) ?? []).length;
      if (full.some((f) => f.ruleId === 'demo/wushi')) licensed++;
      if (full.filter((f) => f.ruleId === 'demo/wushi').length < candidates) unlicensed++;
      if (document.stats.parsed < document.blocks.filter((b) => !b.frontMatter).length) skipped++;
    }
    expect(split).toBeGreaterThan(400);
    expect(licensed).toBeGreaterThan(200);
    expect(unlicensed).toBeGreaterThan(100);
    expect(skipped).toBeGreaterThan(100);
  });

  test('after random edits, a kept document gives the findings of one full parse', () => {
    const next = random(11);
    for (let round = 0; round < 40; round++) {
      const document = new MarkdownDocument();
      let text = randomDocument(next);
      for (let step = 0; step < 15; step++) {
        const where = Math.floor(next() * (text.length + 1));
        const cut = next() < 0.4 ? Math.floor(next() * 8) : 0;
        const insert =
          next() < 0.7 ? (BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '') : next() < 0.5 ? '\n\n' : '韩';
        text = text.slice(0, where) + insert + text.slice(where + cut);
        document.update(text);
        const full = lint(text, { fullParse: true }).findings;
        expect({ text, findings: document.lint(fakeRuleSet) }).toEqual({ text, findings: full });
      }
    }
  });
});
