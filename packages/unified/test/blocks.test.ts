// The block model: a Markdown document's blocks each parse alone exactly as in the whole document,
// with the same structure once assembled (structure.ts), so parsing only the blocks that can give
// a finding, and re-parsing after an edit only the blocks it touched, gives exactly the findings of
// one full parse. Checked on fixed cases and on random
// documents built from the constructs that make splitting unsafe.
import {
  compilePacks,
  countLetters,
  hanScriptOfLetters,
  languageOfLetters,
  noLetters,
  parsePack,
  type Segment,
} from '@nuance/core';
import { describe, expect, it, test } from 'vitest';
import { blockShape } from '../src/block-shape.js';
import { splitBlocks } from '../src/blocks.js';
import { directivesOf } from '../src/directives.js';
import { lintDocument, MarkdownDocument, parseMarkdown, segmentsOf } from '../src/index.js';
import { partOf } from '../src/markdown-segments.js';
import { parseMarkdownBlock } from '../src/remark-parser.js';
import { assembleSegments, frontMatterSegment, type PlacedPart } from '../src/structure.js';
import { inDocument, random, structureOf } from './helpers.js';

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
  '```\nfence open\n\n实用外交 in it',
  '~~~\n\n实用外交\n~~~',
  '  ```\n  indented fence 实用外交\n\n  more\n  ```',
  '- ```\n  实用外交 in an item fence\n\n  ```\n实用外交 after it',
  '- item\n\n  ```\n  实用外交\n\n  ```',
  '1. step\n   ```\n   code 实用外交\n   ```',
  '2. second, 实用外交',
  '-',
  '2. ```\n   ```\n实用外交',
  '<custom>\n```\n\n实用外交',
  '<div>\n```\n\n实用外交\n\n```',
  'text <b>x</b>\n<!-- open\n\n实用外交 -->',
  '<script>\nlet x = "实用外交";\n\n</script>',
  '<?php 实用外交 ?>',
  '<!DOCTYPE html>',
  '[ref]: https://example.org',
  '[text][ref] with 实用外交',
  '实&#29992;外交 by reference',
  '&#23454;用外交 by reference',
  'China&rsquo;s core interests, by a named reference.',
  '**实用**外交 and *peripheral* diplomacy',
  'Plain neutral paragraph about trade and culture.',
  '中性的段落，讨论经贸合作。',
  '***',
  '---',
  '+++',
  '---\n韩国奉行实用外交。\n---',
  '+++\n韩国奉行实用外交。\n+++',
  'paragraph\n---',
  '<!-- nuance-disable-next-line -->\n韩国奉行实用外交。',
  '韩国奉行实用外交。 <!-- nuance-disable-line c/wushi -->',
  '<!-- nuance-disable c/wushi -->',
  '<!-- nuance-enable -->',
  '<!-- nuance-disable-line no/such-rule -->',
  '## Section',
  '### Deeper section',
  'Lead-in:',
  'Lead-in:\n- item',
  '- item',
  '* star item',
  '2) paren item',
  '- outer\n  - inner with 实用外交',
  '- # heading in an item',
  '> lead-in in a quote\n> - quoted item',
  '| 国家 | 路线 |\n|---|---|\n| 韩国 | 实用外交 |\n| 中国 | 务实外交 |',
];

function randomDocument(next: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 8);
  for (let i = 0; i < n; i++) parts.push(BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '');
  const sep = () => (next() < 0.75 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n');
  let text = parts.reduce((acc, p, i) => (i === 0 ? p : acc + sep() + p), '');
  if (next() < 0.15) text = `---\ntitle: t\n---\n${next() < 0.5 ? '\n' : ''}${text}`;
  else if (next() < 0.05) text = `+++\ntitle = "t"\n\n+++\n${text}`;
  if (next() < 0.2) text = text.replace(/\n/g, '\r\n');
  return text;
}

// Single lines that open, close or look like constructs spanning blank lines, and blank lines.
const LINES = [
  ...Array.from({ length: 14 }, () => ''),
  '  ',
  '\t',
  'text 实用外交',
  '  text',
  '    code',
  '\tx',
  '- item',
  '  - nested',
  '1. one',
  '2. two',
  '10. ten',
  '-',
  '1.',
  '* ',
  '> quote',
  '>',
  '> ```',
  '```',
  '```js',
  '``` `x`',
  '  ```',
  '   ```',
  '    ```',
  '\t```',
  '~~~',
  '  ~~~',
  '````',
  '- ```',
  '1. ```',
  '2. ```',
  '1)  ```',
  '-    ```',
  '  - ```',
  '<div>',
  '   <div>',
  '</div>',
  '<custom>',
  '<b>x</b> y',
  '<https://x.org>',
  '<!--',
  '-->',
  '<!-- x -->',
  '<!-->',
  '  <!--',
  'a -->',
  '- <!--',
  '<!-- nuance-disable -->',
  '<script>',
  '</script>',
  '<pre>',
  '<style>x</style>',
  '<?x',
  '?>',
  '<!X',
  '>',
  '---',
  '+++',
  '***',
  '===',
  '| a | b |',
  '| - | - |',
];

/** 1 to 14 lines of LINES, one time in ten with CRLF line endings. */
function randomLines(next: () => number): string {
  const lines = Array.from(
    { length: 1 + Math.floor(next() * 14) },
    () => LINES[Math.floor(next() * LINES.length)],
  );
  return lines.join(next() < 0.1 ? '\r\n' : '\n');
}

/**
 * Every block parsed alone, its segments assembled with their structure as MarkdownDocument does,
 * gives the segments (roles, context, head) and directives of one full parse.
 */
function expectBlocksParseAsWhole(text: string): void {
  const { blocks, whole } = splitBlocks(text);
  if (whole) return;
  const parts: PlacedPart[] = [];
  const directives = [];
  let frontMatter: Segment | undefined;
  for (const [index, block] of blocks.entries()) {
    if (block.frontMatter) {
      frontMatter = frontMatterSegment(text, block.start, block.end);
      continue;
    }
    const source = text.slice(block.start, block.end);
    const tree = parseMarkdownBlock(source);
    const follows = index > 0 && !blocks[index - 1]?.frontMatter;
    parts.push({ part: partOf(tree, source), offset: block.start, follows });
    for (const d of directivesOf(tree, source))
      directives.push({ ...d, start: d.start + block.start, end: d.end + block.start, line: 0 });
  }
  const segments = assembleSegments(parts, frontMatter).map(inDocument);
  const tree = parseMarkdown(text);
  const full = segmentsOf(tree, text);
  expect({ text, structure: structureOf(segments, text) }).toEqual({
    text,
    structure: structureOf(full, text),
  });
  expect({ text, segments }).toEqual({ text, segments: full });
  expect({ text, directives }).toEqual({
    text,
    directives: directivesOf(tree, text).map((d) => ({ ...d, line: 0 })),
  });
}

const at = (text: string) =>
  lintDocument({ text, path: 'd.md', ruleSet }).findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`);

describe('splitting into blocks', () => {
  const slices = (text: string) =>
    splitBlocks(text).blocks.map((b) =>
      b.frontMatter ? `fm:${text.slice(b.start, b.end)}` : text.slice(b.start, b.end),
    );

  test('cuts at blank lines, keeps indented continuations and front matter (with its blank lines) whole', () => {
    const text = '---\ntitle: x\n\nlang: zh\n---\n# T\n\npara\n\n- a\n\n  b\n\n\nlast  \n\n';
    expect(slices(text)).toEqual([
      'fm:---\ntitle: x\n\nlang: zh\n---',
      '# T',
      'para',
      '- a\n\n  b',
      'last  ',
    ]);
  });

  test('front matter only at offset 0: a later `---` or `+++` block is an ordinary block', () => {
    expect(slices('Press release.\n\n---\n韩国奉行实用外交。\n---\n')).toEqual([
      'Press release.',
      '---\n韩国奉行实用外交。\n---',
    ]);
    expect(slices('\n---\na: 1\n---\n')).toEqual(['---\na: 1\n---']);
    // An opening fence that never closes is no front matter, but remark then reads no block quote
    // or list anywhere in the document: it is parsed whole.
    expect(splitBlocks('---\na: 1\n\n> q')).toEqual({ blocks: [{ start: 0, end: 13 }], whole: true });
    expect(slices('+++\r\na = 1\r\n+++ \r\nbody')).toEqual(['fm:+++\r\na = 1\r\n+++ ', 'body']);
  });

  test('fenced code and open HTML blocks run on over blank lines', () => {
    expect(slices('a\n\n```\nx\n\ny\n```\n\nb')).toEqual(['a', '```\nx\n\ny\n```', 'b']);
    expect(slices('a\n\n<!-- open\n\nclose -->\n\nb')).toEqual(['a', '<!-- open\n\nclose -->', 'b']);
    expect(slices('a\n\n<pre>\n\n</pre>\n\nb')).toEqual(['a', '<pre>\n\n</pre>', 'b']);
    expect(slices('- ```\n  x\n\n  ```\n\nb')).toEqual(['- ```\n  x\n\n  ```', 'b']);
    // HTML (type 6 or 7) ends at a blank line, and so does a paragraph.
    expect(slices('<div>\nx\n\ny')).toEqual(['<div>\nx', 'y']);
  });

  test('where it cannot tell what a line is, the rest of the document is one block', () => {
    // An indented fence may be in a list item (closed when the item ends) or at the top level.
    expect(slices('a\n\n  ```\nx\n\ny\n  ```\n\nb')).toEqual(['a\n\n  ```\nx\n\ny\n  ```\n\nb']);
    // `<custom>` after paragraph text is paragraph text, before a fence that then opens.
    expect(slices('a\n\np\n<custom>\n```\n\nb')).toEqual(['a', 'p\n<custom>\n```\n\nb']);
  });

  test('after indented code, a list item that cannot interrupt stays in its block, as micromark reads it', () => {
    // micromark still counts the indented code as open at `2.`, which makes it paragraph text.
    expect(slices('    code\n\n2. two\n\n- a')).toEqual(['    code\n\n2. two', '- a']);
  });

  test('a document with a link or footnote definition is one block', () => {
    const text = 'a\n\n[x]: https://e.org\n\nb';
    expect(splitBlocks(text)).toEqual({ blocks: [{ start: 0, end: text.length }], whole: true });
  });
});

describe('the document at offset 0 alone has front matter', () => {
  test.each([
    ['---', 'Press release.\n\n---\n韩国奉行实用外交。\n---\n'],
    ['+++', 'Press release.\n\n+++\n韩国奉行实用外交。\n+++\n'],
  ])('a later `%s` block is checked as in a full parse: 4:5', (_, text) => {
    expect(at(text)).toEqual(['c/wushi 4:5']);
    expect(lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings).toEqual(
      lintDocument({ text, path: 'd.md', ruleSet }).findings,
    );
  });

  test('front matter itself is never prose', () => {
    expect(at('---\ntitle: 实用外交\n---\n\n务实外交')).toEqual([]);
  });
});

describe('random documents', () => {
  test('every block parsed alone gives the segments and directives of one full parse', () => {
    const next = random(7);
    for (let round = 0; round < 500; round++) expectBlocksParseAsWhole(randomDocument(next));
  });

  test('so do the blocks of 2,000 documents of random lines', () => {
    const next = random(3);
    for (let round = 0; round < 2000; round++) {
      expectBlocksParseAsWhole(randomLines(next));
    }
  });

  test("no letter lies outside the blocks: a document's letters are those of its blocks", () => {
    const next = random(5);
    for (let round = 0; round < 1000; round++) {
      const text = round % 2 === 0 ? randomDocument(next) : randomLines(next);
      const gaps: string[] = [];
      let at = 0;
      for (const block of splitBlocks(text).blocks) {
        gaps.push(text.slice(at, block.start));
        at = block.end;
      }
      gaps.push(text.slice(at));
      expect({ text, letters: gaps.filter((gap) => /\p{L}|\p{N}/u.test(gap)) }).toEqual({
        text,
        letters: [],
      });
    }
  });

  test('linting the blocks gives exactly the findings of a full parse on 600 documents', () => {
    const next = random(20261128);
    let split = 0;
    let withFindings = 0;
    for (let round = 0; round < 600; round++) {
      const text = randomDocument(next);
      if (splitBlocks(text).blocks.length > 1) split++;
      const blocks = lintDocument({ text, path: 'd.md', ruleSet }).findings;
      const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
      expect(blocks, text).toEqual(full);
      if (full.length > 0) withFindings++;
    }
    expect(split).toBeGreaterThan(250);
    expect(withFindings).toBeGreaterThan(400);
  });

  test('after random edits, the re-split equals a fresh split and the findings a full parse', () => {
    const next = random(12);
    let partial = 0;
    for (let round = 0; round < 30; round++) {
      const document = new MarkdownDocument();
      let text = randomDocument(next);
      for (let step = 0; step < 20; step++) {
        const where = Math.floor(next() * (text.length + 1));
        const cut = next() < 0.4 ? Math.floor(next() * 8) : 0;
        const insert =
          next() < 0.7
            ? (BLOCKS[Math.floor(next() * BLOCKS.length)] ?? '')
            : (['\n', '\n\n', ' ', '`'][Math.floor(next() * 4)] ?? '');
        text = text.slice(0, where) + insert + text.slice(where + cut);
        document.update(text);
        expect({ text, blocks: document.blocks }).toEqual({ text, blocks: splitBlocks(text).blocks });
        const full = lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings;
        expect({ text, findings: document.lint(ruleSet) }).toEqual({ text, findings: full });
      }
      partial += document.stats.partial;
    }
    expect(partial).toBeGreaterThan(300);
  });
});

describe('a kept document across edits', () => {
  test('its language follows the edits: findings in the locale a fresh lint gives', () => {
    const document = new MarkdownDocument();
    const english = 'The ministers discussed trade, culture and tourism at length in Seoul.';
    const steps = [
      `# 声明\n\n韩国奉行实用外交。\n\n${english}\n\n${english}`,
      // The English paragraphs go: the draft is Chinese now.
      '# 声明\n\n韩国奉行实用外交。\n',
      // A long English block is typed in: the draft reads as English again.
      `# 声明\n\n韩国奉行实用外交。\n\n${english} ${english} ${english}\n`,
      `# 声明\n\n韩国奉行实用外交。\n\n${english}\n`,
    ];
    const locales: (string | undefined)[] = [];
    for (const text of steps) {
      document.update(text);
      const kept = document.lint(ruleSet);
      expect({ text, kept }).toEqual({ text, kept: lintDocument({ text, path: 'd.md', ruleSet }).findings });
      locales.push(kept[0]?.locale);
    }
    expect(document.stats.partial).toBe(3);
    expect(locales).toEqual(['en', 'zh-Hans', 'en', 'en']);
  });
});

describe("a document's language for its messages", () => {
  // The blocks' letters are summed only until the language (and a Chinese text's script) can no
  // longer change: the locale must be the one the whole text's letters give.
  test("is the whole text's, however its blocks mix scripts", () => {
    const next = random(23);
    const pool = [
      '韩国奉行实用外交。',
      '韓國奉行實用外交，兩國關係發展。',
      '两国关系不断发展，合作日益加深。',
      '양국은 상호 존중을 바탕으로 관계를 발전시켜야 한다.',
      'We pursue peripheral diplomacy with every neighbour.',
      'The ministers discussed trade, culture and tourism.',
      '- 韩国 and Korea 한국',
      '> 1234 —— !!!',
    ];
    const expected = (text: string): string => {
      const counts = countLetters(noLetters(), text);
      const lang = languageOfLetters(counts);
      if (lang === 'zh') return hanScriptOfLetters(counts) === 'hant' ? 'zh-Hant' : 'zh-Hans';
      return lang ?? 'en';
    };
    let checked = 0;
    const seen = new Set<string>();
    for (let round = 0; round < 300; round++) {
      const blocks = Array.from({ length: 1 + Math.floor(next() * 8) }, () => {
        const paragraph = pool[Math.floor(next() * pool.length)] as string;
        return paragraph.repeat(1 + Math.floor(next() * 4));
      });
      // One block that gives a finding whatever the language: the messages' locale shows.
      blocks.splice(
        Math.floor(next() * (blocks.length + 1)),
        0,
        next() < 0.5 ? '韩国奉行实用外交。' : 'peripheral diplomacy',
      );
      const text = blocks.join('\n\n');
      const document = new MarkdownDocument();
      document.update(text);
      const locales = new Set(document.lint(ruleSet).map((f) => f.locale));
      expect({ text, locales: [...locales] }).toEqual({ text, locales: [expected(text)] });
      seen.add(expected(text));
      checked++;
    }
    expect(checked).toBe(300);
    expect([...seen].sort()).toEqual(['en', 'ko', 'zh-Hans', 'zh-Hant']);
  });
});

describe('re-splitting after an edit', () => {
  test('an edit in the first line of a block can join it to the block before', () => {
    const document = new MarkdownDocument();
    document.update('    code\n\n- x\n\nb');
    expect(document.blocks.map((b) => b.start)).toEqual([0, 10, 15]);
    // An empty item cannot start a list right after indented code (micromark): it is text there.
    document.update('    code\n\n- \n\nb');
    expect(document.blocks).toEqual([
      { start: 0, end: 12 },
      { start: 14, end: 15 },
    ]);
  });

  test('equals a fresh split after 12,000 random edits of documents of random lines', () => {
    const next = random(8);
    const line = () => LINES[Math.floor(next() * LINES.length)] ?? '';
    let partial = 0;
    for (let round = 0; round < 300; round++) {
      const document = new MarkdownDocument();
      let text = Array.from({ length: 30 }, line).join('\n');
      for (let step = 0; step < 40; step++) {
        const where = Math.floor(next() * (text.length + 1));
        const cut = next() < 0.4 ? Math.floor(next() * 10) : 0;
        text = text.slice(0, where) + (next() < 0.5 ? `\n${line()}` : line()) + text.slice(where + cut);
        document.update(text);
        expect({ text, blocks: document.blocks }).toEqual({ text, blocks: splitBlocks(text).blocks });
      }
      partial += document.stats.partial;
    }
    expect(partial).toBeGreaterThan(9000);
  });
});

describe('what is parsed', () => {
  test('only blocks that can give a finding; an edit re-parses only the block it touched', () => {
    const document = new MarkdownDocument();
    const text = `${'A paragraph about trade.\n\n'.repeat(50)}韩国奉行实用外交。\n`;
    document.update(text);
    expect(document.lint(ruleSet).map((f) => f.start)).toEqual([1304]);
    expect(document.stats).toEqual({ full: 1, partial: 0, parsed: 1, parsedLength: 9, unlicensed: 0 });
    document.update(`A paragraph about 实用外交 trade.\n\n${text.slice(26)}`);
    expect(document.lint(ruleSet).map((f) => f.start)).toEqual([18, 1309]);
    expect(document.stats).toEqual({ full: 1, partial: 1, parsed: 2, parsedLength: 38, unlicensed: 0 });
    // Opening a fence changes everything after it: the one block left is parsed whole.
    document.update(`\`\`\`\n${text}`);
    expect(document.lint(ruleSet)).toEqual([]);
    expect(document.stats.parsed).toBe(3);
  });

  test('a document with no candidate is not parsed at all', () => {
    const document = new MarkdownDocument();
    document.update('A paragraph about trade.\n\n'.repeat(20));
    expect(document.lint(ruleSet)).toEqual([]);
    expect(document.stats.parsed).toBe(0);
  });
});

describe('assembling the segments of parts parsed once', () => {
  const partFrom = (source: string) => partOf(parseMarkdownBlock(source), source);
  // Fresh parses of the same sources: what assembling must give, whatever was assembled before.
  const fresh = (sources: string[], offsets: number[]) =>
    assembleSegments(sources.map((s, i) => ({ part: partFrom(s), offset: offsets[i] ?? 0, follows: true })));

  test('gives the segments placed before again where nothing of them changed, new ones where anything did', () => {
    const sources = ['# Title', 'Lead in:', '- one\n- two', '| a | b |\n| - | - |\n| c | d |'];
    const parts = sources.map(partFrom);
    const place = (order: number[], offsets: number[]) =>
      assembleSegments(
        order.map((k, i) => ({
          part: parts[k] as PlacedPart['part'],
          offset: offsets[i] ?? 0,
          follows: true,
        })),
      );
    const first = place([0, 1, 2, 3], [0, 10, 20, 40]);
    const again = place([0, 1, 2, 3], [0, 10, 20, 40]);
    expect(again).toEqual(fresh(sources, [0, 10, 20, 40]));
    expect(again.every((segment, i) => segment === first[i])).toBe(true);
    // The last two parts moved by an edit above them: new segments, the same context arrays.
    const moved = place([0, 1, 2, 3], [0, 10, 21, 41]);
    expect(moved).toEqual(fresh(sources, [0, 10, 21, 41]));
    expect(moved.slice(0, 2).every((segment, i) => segment === again[i])).toBe(true);
    expect(moved.slice(2).some((segment, i) => segment === again[i + 2])).toBe(false);
    expect(moved.map((s) => s.context)).toEqual(again.map((s) => s.context));
    expect(moved[5]?.context).toBe(again[5]?.context);
    // Without the title, nothing is under a heading and the lead-in is the head: every context differs.
    const headless = place([1, 2, 3], [10, 20, 40]);
    expect(headless).toEqual(fresh(sources.slice(1), [10, 20, 40]));
    expect(headless.map((s) => s.context)).not.toEqual(again.slice(1).map((s) => s.context));
  });
});

describe('blockShape', () => {
  it('finds a heading line of each kind in a block, and none in prose without #, = or -', () => {
    const headings = [
      '# 关于恢复中韩关系的声明',
      'prose\n## Heading',
      '> ### quoted',
      '- # in a list item',
      '1. ## in an ordered item',
      'Setext\n===',
      'Setext\n---',
      'text\n  ---  ',
    ];
    for (const block of headings) expect(blockShape(block).heading, block).toBe(true);
    const prose = [
      '双方就经贸、人文、旅游等领域的合作深入交换了意见。',
      'The ministers met in Seoul.\nThey talked at length.',
      'well-known text without a heading line',
      '#hashtag is no heading',
      'a = b is no underline',
    ];
    for (const block of prose) expect(blockShape(block).heading, block).toBe(false);
  });
});
