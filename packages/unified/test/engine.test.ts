// End to end with the real engine: a small pack parsed and compiled by @nuance/core, linted
// through lintDocument and the plugin, and the pack's examples run as `nuance rules test` does.
import { compilePacks, type Finding, parsePack } from '@nuance/core';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import nuance, { lintDocument, runPackExamples } from '../src/index.js';

const PACK = `pack: demo
rules:
  - id: demo/wushi-not-shiyong
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    note: 实用 reads as opportunistic.
    url: https://example.org/wushi
    source: test
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
    examples:
      valid: [韩国奉行务实外交。]
      invalid:
        - text: 韩国奉行⟦实用外交⟧。
          output: 韩国奉行务实外交。
  - id: demo/partnership
    kind: caution
    severity: warning
    message: '\`{actual}\` reads differently to Chinese and Korean readers'
    source: test
    phrases: [strategic cooperative partnership]
    examples:
      valid: [a partnership]
      invalid:
        - text: A ⟦strategic cooperative partnership⟧ was agreed.
`;

function compile(yaml: string, file: string) {
  const parsed = parsePack(yaml, file);
  expect(parsed.problems).toEqual([]);
  const compiled = compilePacks([parsed.pack!]);
  expect(compiled.problems).toEqual([]);
  return { pack: parsed.pack!, ruleSet: compiled.ruleSet };
}

const { pack, ruleSet } = compile(PACK, 'demo.yaml');

function at(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`);
}

describe('lintDocument with the engine', () => {
  test('Markdown structure: emphasis, blockquote, list continuation, autolink, link text, code', () => {
    const text = [
      '# 标题',
      '',
      '> 韩国奉行**实用**外',
      '> 交。',
      '',
      '- 第一项实用',
      '  外交',
      '- 见 https://example.cn实用外交',
      '',
      'A [strategic *cooperative*',
      'partnership](https://example.org "实用外交").',
      '',
      '```',
      '实用外交',
      '```',
      '',
      '`实用外交` 实用`x`外交',
    ].join('\n');
    expect(at(lintDocument({ text, path: 'a.md', ruleSet }).findings)).toEqual([
      '3:9-4:4 demo/wushi-not-shiyong',
      '6:6-7:5 demo/wushi-not-shiyong',
      '8:23-8:27 demo/wushi-not-shiyong',
      '10:4-11:12 demo/partnership',
    ]);
  });

  test('a term whose first character is a character reference is still found', () => {
    const text = '韩国奉行&#23454;用外交。';
    const { findings } = lintDocument({ text, path: 'a.md', ruleSet });
    expect(at(findings)).toEqual(['1:5-1:16 demo/wushi-not-shiyong']);
    expect(findings[0]?.actual).toBe('实用外交');
    expect(findings[0]?.fix).toBeUndefined();
    // In plain text a reference is just text.
    expect(lintDocument({ text, path: 'a.txt', ruleSet }).findings).toEqual([]);
  });

  test('directives and an unknown rule id', () => {
    const text =
      '实用外交 <!-- nuance-disable-line demo/wushi-not-shiyong -->\n实用外交 <!-- nuance-disable-line demo/nope -->\n';
    expect(at(lintDocument({ text, path: 'a.md', ruleSet }).findings)).toEqual([
      '2:1-2:5 demo/wushi-not-shiyong',
      '2:31-2:40 nuance/unknown-rule-in-directive',
    ]);
  });

  test('plain text and CRLF', () => {
    const text = '\t韩国奉行实用\r\n\t外交。\r\n';
    const findings = lintDocument({ text, path: 'a.txt', ruleSet }).findings;
    expect(at(findings)).toEqual(['1:6-2:4 demo/wushi-not-shiyong']);
  });

  // A term wrapped over two lines: the fix replaces 实用 only and keeps the line break and the
  // continuation indentation (a terminology fix must not reflow the draft).
  test('a fix across a line break keeps the line break', () => {
    const text = '\t韩国奉行实用\r\n\t外交。\r\n';
    expect(lintDocument({ text, path: 'a.txt', ruleSet }).findings[0]?.fix).toEqual({
      start: 5,
      end: 7,
      text: '务实',
    });
    const wrapped = compile(
      PACK.replace('韩国奉行⟦实用外交⟧。', '"韩国奉行⟦实用\\n外交⟧。"').replace(
        '韩国奉行务实外交。\n',
        '"韩国奉行务实\\n外交。"\n',
      ),
      'wrapped.yaml',
    );
    const failures = runPackExamples(wrapped.pack, wrapped.ruleSet).filter((result) => !result.ok);
    expect(failures.map((failure) => `${failure.variant}: ${failure.message}`)).toEqual([]);
  });
});

test('the plugin reports engine findings as vfile messages', async () => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(nuance, { ruleSet });
  const file = new VFile({ path: 'a.md', value: '韩国奉行*实用*外交。' });
  await processor.run(processor.parse(file), file);
  expect(file.messages.map(String)).toEqual(['a.md:1:6-1:11: Use “务实外交” instead of “实用外交”']);
  expect(file.messages[0]).toMatchObject({
    ruleId: 'demo/wushi-not-shiyong',
    source: 'nuance',
    actual: '实用外交',
    expected: ['务实外交'],
    note: '实用 reads as opportunistic.',
    url: 'https://example.org/wushi',
    fatal: true,
  });
});

describe('runPackExamples with the engine', () => {
  test("a pack's examples pass in every variant", () => {
    const results = runPackExamples(pack, ruleSet);
    expect(results).toHaveLength(4 * 4);
    expect(results.filter((result) => !result.ok)).toEqual([]);
  });
});
