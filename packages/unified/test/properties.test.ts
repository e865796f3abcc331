// Property tests (fast-check) over the library: any text, Markdown or plain, lints without an
// exception into findings that lie inside the text at the line and column their offsets give; and
// the fast path (blocks, the raw pre-check, plain blocks) gives exactly the findings of one whole
// parse. Fixed seed and short counts here and in CI; `pnpm fuzz` runs the long counts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePacks, createLineIndex, type Finding, parsePack, type RuleSet } from '@nuance/core';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCounter, fuzzRuns } from '../../core/test/fuzz-options.js';
import { lintDocument } from '../src/index.js';
import { needsGfm } from '../src/remark-parser.js';

const here = dirname(fileURLToPath(import.meta.url));
const packFile = join(here, '..', '..', '..', 'rules', 'korea-china', 'pack.yaml');
const ruleSet: RuleSet = compilePacks([parsePack(readFileSync(packFile, 'utf8'), packFile).pack!]).ruleSet;

// Pieces that give findings and context, and every construct that changes what is prose.
const PIECES = [
  '韩国奉行实用外交。',
  '實用外交',
  '中韩战略合作伙伴关系',
  '한중 전략적 협력 동반자 관계',
  '우리 정부는 실용외교를 추진한다.',
  '실용외교(實用外交)',
  'South Korea and China restore the strategic cooperative partnership.',
  'mutual respect for core interests',
  'US-ROK alliance',
  '---\n',
  '+++\n',
  'topic: [korea, china]\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '# ',
  '- ',
  '1. ',
  '> ',
  '    ',
  '```\n',
  '~~~',
  '`',
  '**',
  '_',
  '[',
  '](x)',
  '[a]: http://x\n',
  '<!-- nuance-disable-next-line -->',
  '<!-- nuance-disable korea-china/wushi-not-shiyong -->',
  '<br>',
  '&#23454;',
  '&amp;',
  '|',
  'a | b\n--|--\n',
  '~~x~~',
  'www.example.org',
  'https://example.org',
  'press@example.org',
  '- [ ] ',
  '- [x] ',
  '[^1]',
  '[^1]: note\n',
  '\\',
  '\uFEFF',
  '\u0000',
  '😀',
  '\uD800',
];
const document = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

function checkPlaces(text: string, findings: Finding[]): void {
  const lines = createLineIndex(text);
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect({ line: f.line, column: f.column }).toEqual(lines.position(f.start));
    expect({ line: f.endLine, column: f.endColumn }).toEqual(lines.position(f.end));
  }
}

const key = (f: Finding) => `${f.ruleId} ${f.start}-${f.end} ${f.message} ${f.fix?.text ?? ''}`;

describe('the library on any input', () => {
  it('keeps positions after a leading byte order mark, with and without the fast path', () => {
    for (const text of [
      '\uFEFF- 韩国奉行实用外交。',
      '\uFEFF[a]: http://x\n\n韩国奉行实用外交。',
      '\uFEFF---\ntitle: 实用\n---\n\n韩国奉行实用外交。',
    ]) {
      for (const fullParse of [false, true]) {
        const [finding] = lintDocument({ text, path: 'd.md', ruleSet, fullParse }).findings;
        expect(text.slice(finding!.start, finding!.end)).toBe('实用外交');
      }
    }
  });

  const places = fuzzCounter('library: places, Markdown and plain text');
  const paths = fuzzCounter('library: fast path = one whole parse');
  afterAll(() => {
    places.report();
    paths.report();
  });

  it('reads a leading byte order mark as remark does: `\\uFEFF```` opens a code fence', () => {
    const text = '\uFEFF```\n\r\n韩国奉行实用外交。';
    expect(lintDocument({ text, path: 'd.md', ruleSet }).findings).toEqual([]);
    expect(lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings).toEqual([]);
  });

  it('lints without an exception; every finding lies inside the text, at its line and column', () => {
    fc.assert(
      fc.property(document, (text) => {
        places.count();
        for (const path of ['d.md', 'd.txt'])
          checkPlaces(text, lintDocument({ text, path, ruleSet }).findings);
      }),
      fuzzRuns(300, 100_000),
    );
  });

  it('the fast path gives the findings of one whole parse with no pre-check', () => {
    fc.assert(
      fc.property(document, (text) => {
        paths.count();
        const fast = lintDocument({ text, path: 'd.md', ruleSet }).findings.map(key);
        expect(fast).toEqual(
          lintDocument({ text, path: 'd.md', ruleSet, fullParse: true }).findings.map(key),
        );
      }),
      fuzzRuns(300, 50_000),
    );
  });

  it('reads a text with nothing GFM adds syntax for as CommonMark alone, to the same tree', () => {
    const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
    const commonmark = unified().use(remarkParse).freeze();
    let compared = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (needsGfm(text)) return;
        compared++;
        expect(commonmark.parse(text)).toEqual(gfm.parse(text));
      }),
      fuzzRuns(300, 50_000),
    );
    // The generator gives both kinds: the comparison is not empty.
    expect(compared).toBeGreaterThan(20);
  });
});
