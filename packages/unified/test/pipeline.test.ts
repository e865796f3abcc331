// lintDocument, the plugin and the example runner over a stand-in matcher (test/fake-engine.ts):
// these tests pin the adapter's own work (segments, directives, fast path, message fields).
import type { ParsedPack, TermRule } from '@nuance/core';
import * as core from '@nuance/core';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import nuance, { lintDocument, runPackExamples } from '../src/index.js';
import { fakeRuleSet } from './fake-engine.js';

vi.mock('@nuance/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@nuance/core')>();
  const fake = await import('./fake-engine.js');
  return {
    ...actual,
    lintSegments: vi.fn(fake.fakeLintSegments),
    hasCandidate: vi.fn(fake.fakeHasCandidate),
    preCheck: vi.fn(fake.fakePreCheck),
    prefilterSafety: vi.fn(fake.fakePrefilterSafety),
    needsContext: vi.fn(() => false),
    segmentReach: vi.fn(() => 0),
  };
});

beforeEach(() => {
  vi.mocked(core.lintSegments).mockClear();
});

function at(text: string, findings: core.Finding[]): string[] {
  return findings.map(
    (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${text.slice(f.start, f.end)}`,
  );
}

describe('lintDocument', () => {
  test('Markdown: a term across emphasis and a blockquote line break; code is skipped', () => {
    const text = '---\nlang: zh\n---\n\n> 韩国奉行**实用**外\n> 交。\n\n```\n实用外交\n```\n';
    const result = lintDocument({ text, path: 'draft.md', ruleSet: fakeRuleSet });
    expect(result.lang).toBe('zh');
    expect(at(text, result.findings)).toEqual(['5:9-6:4 demo/wushi 实用**外\n> 交']);
  });

  test('plain text: a tab-indented paragraph is prose, Markdown syntax is not markup', () => {
    const text = '\t韩国奉行实用外交。\n\n    `实用外交`\n';
    const result = lintDocument({ text, path: 'draft.ko.txt', ruleSet: fakeRuleSet, lang: 'en' });
    expect(result.lang).toBe('ko');
    expect(at(text, result.findings)).toEqual([
      '1:6-1:10 demo/wushi 实用外交',
      '3:6-3:10 demo/wushi 实用外交',
    ]);
  });

  test('stdin without a name is plain text; the option gives the language', () => {
    const text = '实用外交 `x`';
    const result = lintDocument({ text, ruleSet: fakeRuleSet, lang: 'en' });
    expect(result).toEqual({ lang: 'en', findings: [expect.objectContaining({ start: 0, end: 4 })] });
  });

  test('directives apply, and an unknown rule id is reported', () => {
    const text =
      '实用外交 <!-- nuance-disable-line demo/wushi -->\n实用外交 <!-- nuance-disable-line demo/nope -->\n';
    const result = lintDocument({ text, path: 'a.md', ruleSet: fakeRuleSet });
    expect(at(text, result.findings)).toEqual([
      '2:1-2:5 demo/wushi 实用外交',
      '2:31-2:40 nuance/unknown-rule-in-directive demo/nope',
    ]);
  });

  test('fast path: no candidate and no directive means no parse and no lint', () => {
    const result = lintDocument({ text: '# 务实外交\n\nNothing here.', path: 'a.md', ruleSet: fakeRuleSet });
    expect(result).toEqual({ findings: [] });
    expect(core.lintSegments).not.toHaveBeenCalled();
  });

  test('no candidate but a directive: the directive is still checked', () => {
    const text = 'Nothing here. <!-- nuance-disable-line demo/nope -->';
    const result = lintDocument({ text, path: 'a.md', ruleSet: fakeRuleSet });
    expect(at(text, result.findings)).toEqual(['1:40-1:49 nuance/unknown-rule-in-directive demo/nope']);
    expect(core.lintSegments).not.toHaveBeenCalled();
  });
});

describe('the unified plugin', () => {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(nuance, { ruleSet: fakeRuleSet });

  test('one message per finding, with the structured fields and fatal per severity', async () => {
    const value = '韩国奉行*实用*外交。\n\nstrategic partnership 备注 提示\n';
    const file = new VFile({ path: 'draft.md', value });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map(String)).toEqual([
      'draft.md:1:6-1:11: Found “实用外交”',
      'draft.md:3:1-3:22: Found “strategicpartnership”',
      'draft.md:3:23-3:25: Found “备注”',
      'draft.md:3:26-3:28: Found “提示”',
    ]);
    const [error, warning, info, hint] = file.messages;
    expect(error).toMatchObject({
      ruleId: 'demo/wushi',
      source: 'nuance',
      place: { start: { line: 1, column: 6, offset: 5 }, end: { line: 1, column: 11, offset: 10 } },
      actual: '实用外交',
      expected: ['务实外交'],
      note: 'Why demo/wushi',
      url: 'https://example.org/demo/wushi',
      fatal: true,
    });
    expect(warning?.fatal).toBe(false);
    expect(info?.fatal).toBeUndefined();
    expect(hint?.fatal).toBeUndefined();
  });

  test('an error finding never fails the file', async () => {
    const file = new VFile({ path: 'a.md', value: '实用外交' });
    await expect(processor.run(processor.parse(file), file)).resolves.toBeDefined();
    expect(file.messages.map((message) => message.fatal)).toEqual([true]);
  });

  test('offsets count from after a BOM, as remark positions do', async () => {
    const file = new VFile({ path: 'a.md', value: '\uFEFF# 实用外交' });
    await processor.run(processor.parse(file), file);
    expect(file.messages[0]?.place).toEqual({
      start: { line: 1, column: 3, offset: 2 },
      end: { line: 1, column: 7, offset: 6 },
    });
  });

  test('directives work in the plugin too', async () => {
    const file = new VFile({ path: 'a.md', value: '<!-- nuance-disable -->\n\n实用外交\n' });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toEqual([]);
  });

  test('options are checked', () => {
    expect(() =>
      unified()
        .use(nuance, {} as never)
        .freeze(),
    ).toThrow('Missing `ruleSet` in options');
  });
});

function demoPack(examples: TermRule['examples']): ParsedPack {
  const rule: TermRule = {
    id: 'demo/wushi',
    kind: 'term',
    severity: 'error',
    message: 'Use `{expected}`',
    fix: true,
    consistent: false,
    exceptions: [],
    terms: [],
    examples,
  };
  return {
    file: 'demo.yaml',
    definition: { pack: 'demo', rules: [rule] },
    locate: () => ({ line: 1, column: 1 }),
  };
}

describe('runPackExamples', () => {
  test('valid and invalid examples pass in all four variants, multi-line spans included', () => {
    const pack = demoPack({
      valid: ['韩国奉行务实外交。'],
      invalid: [
        { text: '韩国奉行⟦实用外交⟧。', output: '韩国奉行务实外交。' },
        { text: '第一句。\n⟦实用\n外交⟧与⟦实用外交⟧。', output: '第一句。\n务实\n外交与务实外交。' },
      ],
    });
    const results = runPackExamples(pack, fakeRuleSet);
    expect(results.map((r) => `${r.variant} ${r.kind} ${r.ok}`)).toEqual(
      ['plain', 'crlf', 'after-heading', 'list-item'].flatMap((v) => [
        `${v} valid true`,
        `${v} invalid true`,
        `${v} invalid true`,
      ]),
    );
    expect(
      results.filter((r) => r.kind === 'invalid' && r.text.includes('第一句')).map((r) => r.text),
    ).toEqual([
      '第一句。\n实用\n外交与实用外交。',
      '第一句。\r\n实用\r\n外交与实用外交。',
      '# Heading\n\n第一句。\n实用\n外交与实用外交。',
      '- first line\n  第一句。\n  实用\n  外交与实用外交。',
    ]);
  });

  test('a wrong span, a wrong output and a finding in a valid example are reported', () => {
    const pack = demoPack({
      valid: ['韩国奉行实用外交。'],
      invalid: [{ text: '韩国奉行⟦实用⟧外交。', output: '韩国奉行实用外交。' }, { text: '⟦实用外交' }],
    });
    const plain = runPackExamples(pack, fakeRuleSet).filter((r) => r.variant === 'plain');
    expect(plain.map((r) => [r.kind, r.ok, r.message])).toEqual([
      ['valid', false, 'Expected no finding from `demo`, got demo/wushi at 1:5'],
      ['invalid', false, 'Expected findings at 1:5-1:7, got 1:5-1:9'],
      ['invalid', false, 'Missing `⟧` in `⟦实用外交`'],
    ]);
    const listItem = runPackExamples(pack, fakeRuleSet).filter(
      (r) => r.variant === 'list-item' && r.kind === 'invalid',
    );
    expect(listItem[0]?.message).toBe('Expected findings at 2:7-2:9, got 2:7-2:11');
  });

  test('a fix that does not give the output is reported', () => {
    const pack = demoPack({ valid: [], invalid: [{ text: '⟦实用外交⟧', output: '务实路线' }] });
    const [result] = runPackExamples(pack, fakeRuleSet);
    expect(result).toMatchObject({ ok: false, message: 'Expected "务实路线" after fixes, got "务实外交"' });
  });
});
