import { describe, expect, test } from 'vitest';
import { parsePack } from '../src/pack/parse.js';
import type { PackDefinition } from '../src/pack/types.js';

const VALID_PACK = `# yaml-language-server: $schema=../../packages/core/schema/pack.schema.json
pack: demo
description: Demo pack
homepage: https://example.org/demo
contexts:
  korea:
    description: The Korean side
    phrases:
      en: [South Korea, Seoul]
    not: [North Korea]
  china:
    phrases: [China, 中国]
    lang: [zh]
rules:
  - id: demo/wushi-not-shiyong
    kind: term
    severity: error
    message: Use \`{expected}\` instead of \`{actual}\`
    note: 实用 reads as opportunism.
    source: Jaeho Hwang, 2025
    url: https://example.org/demo#wushi
    audiences:
      zh: 务实 is constructive
      ko: 실용 is neutral
    exceptions: [实用新型]
    terms:
      zh:
        - 务实外交
        - {text: 实用外交, status: deprecated, use: 务实外交, use-hant: 務實外交}
      en:
        - {text: neighbourhood diplomacy, status: admitted}
        - {pattern: 'peripheral\\s+diplomacy', status: forbidden, use: neighborhood diplomacy}
    examples:
      valid: [韩国奉行务实外交。]
      invalid:
        - text: 韩国奉行⟦实用外交⟧。
          output: 韩国奉行务实外交。
        - ⟦实用外交⟧
  - id: demo/strategic-partner
    kind: caution
    severity: warning
    message: '\`{actual}\` reads differently in Seoul and Beijing'
    phrases: [strategic cooperative partner, '战略合作伙伴[关系]']
    patterns:
      en: ['strategic\\s+partner']
    unless: [economic and diplomatic cooperation]
  - id: demo/core-interests
    kind: requires
    severity: info
    message: Pair \`{actual}\` with \`{expected}\`
    when:
      en: [China's core interests]
      ko: ['중국[의] 핵심 이익']
    require: [South Korea's core interests, '한국[의] 핵심 이익']
    lookahead: 1
    context: {sets: [korea]}
  - id: demo/pragmatic
    kind: consistency
    severity: hint
    message: Use \`{expected}\` throughout
    groups:
      - [practical diplomacy, pragmatic diplomacy]
  - id: demo/sentence-scope
    kind: requires
    severity: hint
    message: m
    scope: sentence
    when: [a]
    require: [b]
  - id: demo/fixed-consistency
    kind: consistency
    severity: hint
    message: m
    fix: true
    groups: [[x y, x-y, xy]]
`;

const EXPECTED: PackDefinition = {
  pack: 'demo',
  description: 'Demo pack',
  homepage: 'https://example.org/demo',
  contexts: [
    {
      name: 'korea',
      description: 'The Korean side',
      phrases: [
        { phrase: 'South Korea', lang: 'en' },
        { phrase: 'Seoul', lang: 'en' },
      ],
      not: [{ phrase: 'North Korea' }],
      lang: [],
    },
    { name: 'china', phrases: [{ phrase: 'China' }, { phrase: '中国' }], not: [], lang: ['zh'] },
  ],
  rules: [
    {
      id: 'demo/wushi-not-shiyong',
      kind: 'term',
      severity: 'error',
      message: 'Use `{expected}` instead of `{actual}`',
      note: '实用 reads as opportunism.',
      source: 'Jaeho Hwang, 2025',
      url: 'https://example.org/demo#wushi',
      audiences: { zh: '务实 is constructive', ko: '실용 is neutral' },
      fix: true,
      keyTerm: true,
      consistent: false,
      exceptions: [{ phrase: '实用新型' }],
      terms: [
        { lang: 'zh', status: 'preferred', text: '务实外交' },
        { lang: 'zh', status: 'deprecated', text: '实用外交', use: '务实外交', useHant: '務實外交' },
        { lang: 'en', status: 'admitted', text: 'neighbourhood diplomacy' },
        {
          lang: 'en',
          status: 'forbidden',
          pattern: 'peripheral\\s+diplomacy',
          use: 'neighborhood diplomacy',
        },
      ],
      examples: {
        valid: ['韩国奉行务实外交。'],
        invalid: [{ text: '韩国奉行⟦实用外交⟧。', output: '韩国奉行务实外交。' }, { text: '⟦实用外交⟧' }],
      },
    },
    {
      id: 'demo/strategic-partner',
      kind: 'caution',
      severity: 'warning',
      message: '`{actual}` reads differently in Seoul and Beijing',
      phrases: [{ phrase: 'strategic cooperative partner' }, { phrase: '战略合作伙伴[关系]' }],
      patterns: [{ pattern: 'strategic\\s+partner', lang: 'en' }],
      unless: [{ phrase: 'economic and diplomatic cooperation' }],
      examples: { valid: [], invalid: [] },
    },
    {
      id: 'demo/core-interests',
      kind: 'requires',
      severity: 'info',
      message: 'Pair `{actual}` with `{expected}`',
      scope: 'segment',
      when: [
        { phrase: "China's core interests", lang: 'en' },
        { phrase: '중국[의] 핵심 이익', lang: 'ko' },
      ],
      patterns: [],
      require: [{ phrase: "South Korea's core interests" }, { phrase: '한국[의] 핵심 이익' }],
      lookahead: 1,
      context: [{ sets: ['korea'], within: ['paragraph', 'document'] }],
      examples: { valid: [], invalid: [] },
    },
    {
      id: 'demo/pragmatic',
      kind: 'consistency',
      severity: 'hint',
      message: 'Use `{expected}` throughout',
      fix: false,
      groups: [[{ phrase: 'practical diplomacy' }, { phrase: 'pragmatic diplomacy' }]],
      examples: { valid: [], invalid: [] },
    },
    {
      id: 'demo/sentence-scope',
      kind: 'requires',
      severity: 'hint',
      message: 'm',
      scope: 'sentence',
      when: [{ phrase: 'a' }],
      patterns: [],
      require: [{ phrase: 'b' }],
      lookahead: 0,
      examples: { valid: [], invalid: [] },
    },
    {
      id: 'demo/fixed-consistency',
      kind: 'consistency',
      severity: 'hint',
      message: 'm',
      fix: true,
      groups: [[{ phrase: 'x y' }, { phrase: 'x-y' }, { phrase: 'xy' }]],
      examples: { valid: [], invalid: [] },
    },
  ],
};

describe('parsePack: a valid pack', () => {
  test('every kind and shorthand parses to the normalized form', () => {
    const { pack, problems } = parsePack(VALID_PACK, 'rules/demo/pack.yaml');
    expect(problems).toEqual([]);
    expect(pack?.file).toBe('rules/demo/pack.yaml');
    expect(pack?.definition).toEqual(EXPECTED);
  });

  test('locate gives 1-based positions, falling back to the nearest existing ancestor', () => {
    const { pack } = parsePack(VALID_PACK, 'rules/demo/pack.yaml');
    expect(pack?.locate(['pack'])).toEqual({ line: 2, column: 7 });
    expect(pack?.locate(['rules', 0, 'terms', 'zh', 1])).toEqual({ line: 29, column: 11 });
    expect(pack?.locate(['rules', 0, 'terms', 'zh', 1, 'use-hant'])).toEqual({ line: 29, column: 65 });
    expect(pack?.locate(['rules', 1])).toEqual({ line: 39, column: 5 });
    expect(pack?.locate(['rules', 1, 'no-such-key'])).toEqual({ line: 39, column: 5 });
    expect(pack?.locate(['rules', 99])).toEqual({ line: 15, column: 3 });
  });
});

// A broken rule goes between two valid ones (lines 3-7 and after it): both must still load.
const HEAD = `pack: demo
rules:
  - id: demo/first
    kind: caution
    severity: info
    message: Say which scope
    phrases: [strategic partner]
`;
const TAIL = `  - id: demo/last
    kind: consistency
    severity: hint
    message: Use {expected}
    groups: [[a b, c d]]
`;

interface Case {
  name: string;
  rule: string;
  code: string;
  line: number;
  column: number;
  message: string;
}

const CASES: Case[] = [
  {
    name: 'bad YAML',
    rule: '  - id: demo/x\n    kind: caution\n    severity: info\n    message: a: b\n    phrases: [a]\n',
    code: 'yaml-syntax',
    line: 11,
    column: 14,
    message: 'Nested mappings are not allowed in compact mappings',
  },
  {
    name: 'an unknown key',
    rule: '  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrase: [a]\n    phrases: [b]\n',
    code: 'unknown-key',
    line: 12,
    column: 5,
    message: 'Unknown key `phrase`',
  },
  {
    name: 'severity loud',
    rule: '  - id: demo/x\n    kind: caution\n    severity: loud\n    message: m\n    phrases: [b]\n',
    code: 'invalid-value',
    line: 10,
    column: 15,
    message: 'Unexpected value `loud` for `severity`, expected `error`, `warning`, `info` or `hint`',
  },
  {
    name: 'a duplicate id',
    rule: '  - id: demo/first\n    kind: caution\n    severity: error\n    message: m\n    phrases: [b]\n',
    code: 'duplicate-id',
    line: 8,
    column: 9,
    message: 'Duplicate rule id `demo/first` (first defined on line 3); this one is ignored',
  },
  {
    name: 'a bad regular expression',
    rule: "  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b]\n    patterns: ['a(b']\n",
    code: 'bad-pattern',
    line: 13,
    column: 16,
    message: 'Invalid regular expression `a(b`: Unterminated group',
  },
  {
    name: 'an unsafe regular expression',
    rule:
      '  - id: demo/x\n    kind: term\n    severity: info\n    message: m\n    terms:\n      en:\n' +
      "        - {pattern: '(a+)+b', status: forbidden}\n",
    code: 'unsafe-pattern',
    line: 14,
    column: 21,
    message:
      'Pattern `(a+)+b` may backtrack too much: `a+` can give back characters that what follows it can also ' +
      'match, so a failed match retries every split; make the two exclude each other, or bound it (`{0,50}`)',
  },
  {
    name: 'a phrase with an unclosed [',
    rule: "  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b, 'c[d']\n",
    code: 'bad-phrase',
    line: 12,
    column: 20,
    message: 'Unclosed `[`',
  },
  {
    name: 'a phrase expanding to more than 64 literals',
    rule:
      '  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases:\n' +
      "      en: ['{a|b}{c|d}{e|f}{g|h}{i|j}{k|l}{m|n}']\n",
    code: 'bad-phrase',
    line: 13,
    column: 13,
    message: 'Phrase `{a|b}{c|d}{e|f}{g|h}{i|j}{k|l}{m|n}` expands to more than 64 literals',
  },
  {
    name: 'a missing message',
    rule: '  - id: demo/x\n    kind: caution\n    severity: info\n    phrases: [b]\n',
    code: 'missing-key',
    line: 8,
    column: 5,
    message: 'Missing key `message`',
  },
  {
    name: 'an unknown kind',
    rule: '  - id: demo/x\n    kind: warn\n',
    code: 'invalid-value',
    line: 9,
    column: 11,
    message:
      'Unexpected value `warn` for `kind`, expected `term`, `caution`, `requires`, `consistency`, `confusable` or `numbers`',
  },
  {
    name: 'an unknown placeholder',
    rule: '  - id: demo/x\n    kind: caution\n    severity: info\n    message: Use {foo} not {actual}\n    phrases: [b]\n',
    code: 'invalid-value',
    line: 11,
    column: 18,
    message: 'Unexpected placeholder `{foo}` in `message`, expected `{actual}` or `{expected}`',
  },
  {
    name: 'an id from another pack',
    rule: '  - id: other/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b]\n',
    code: 'invalid-value',
    line: 8,
    column: 9,
    message: 'Unexpected value `other/x` for `id`, expected an id starting with `demo/`',
  },
  {
    name: 'an invalid example without marks',
    rule:
      '  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b]\n' +
      '    examples:\n      invalid: [a b c]\n',
    code: 'bad-example',
    line: 14,
    column: 17,
    message: 'An invalid example marks every expected finding with `⟦…⟧`; this one has none',
  },
  {
    name: 'an invalid example with unbalanced marks',
    rule:
      '  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b]\n' +
      '    examples:\n      invalid:\n        - {text: "⟦b", output: b}\n',
    code: 'bad-example',
    line: 15,
    column: 18,
    message: 'Unbalanced `⟦…⟧` marks: `⟦` without `⟧`',
  },
  {
    name: 'a term with both text and pattern',
    rule:
      '  - id: demo/x\n    kind: term\n    severity: info\n    message: m\n    terms:\n' +
      "      en: [{text: a, pattern: 'b'}]\n",
    code: 'invalid-value',
    line: 13,
    column: 22,
    message: 'A term has `text` or `pattern`, not both',
  },
  {
    name: 'a term entry of the wrong type',
    rule: '  - id: demo/x\n    kind: term\n    severity: info\n    message: m\n    terms:\n      en: [a, 5]\n',
    code: 'invalid-value',
    line: 13,
    column: 15,
    message: 'Unexpected value `5` for an item of `en`, expected a string or a mapping',
  },
  {
    name: 'a bad language key',
    rule: '  - id: demo/x\n    kind: caution\n    severity: info\n    message: m\n    phrases: {zh_CN: [b]}\n',
    code: 'invalid-value',
    line: 12,
    column: 15,
    message: 'Unexpected key `zh_CN`, expected a BCP 47 language tag such as `en`, `zh` or `zh-Hant`',
  },
];

describe('parsePack: a broken rule is dropped, the others still load', () => {
  test.each(CASES)('$name', ({ rule, code, line, column, message }) => {
    const { pack, problems } = parsePack(HEAD + rule + TAIL, 'rules/demo/pack.yaml');
    expect(problems).toEqual([
      { code, line, column, message, file: 'rules/demo/pack.yaml', severity: 'error' },
    ]);
    expect(pack?.definition.rules.map((r) => r.id)).toEqual(['demo/first', 'demo/last']);
    // Where each rule kept is in the file's list: the last is the file's third rule.
    expect(pack?.ruleSource).toEqual([0, 2]);
    expect(pack?.locate(['rules', pack.ruleSource?.[1] ?? 1, 'id']).line).toBe(
      (HEAD + rule).split('\n').length,
    );
  });

  test('a pack that keeps every rule gives no ruleSource', () => {
    const { pack } = parsePack(HEAD + TAIL, 'p.yaml');
    expect(pack?.definition.rules).toHaveLength(2);
    expect(pack).not.toHaveProperty('ruleSource');
  });

  test('the first of two duplicate ids is the one kept', () => {
    const { pack } = parsePack(HEAD + CASES[3]?.rule + TAIL, 'p.yaml');
    expect(pack?.definition.rules[0]?.severity).toBe('info');
  });
});

describe('parsePack: pack-level problems', () => {
  test('a bad pack name and bad top-level values keep what can be kept', () => {
    const text =
      'pack: Demo_Pack\nbogus: 1\ndescription: 5\nrules:\n  - id: demo/a\n    kind: caution\n    severity: info\n    message: m\n    phrases: [b]\n';
    const { pack, problems } = parsePack(text, 'rules/demo/pack.yaml');
    expect(problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      [
        'invalid-value',
        1,
        7,
        'Unexpected value `Demo_Pack` for `pack`, expected a kebab-case name such as `korea-china`',
      ],
      ['unknown-key', 2, 1, 'Unknown key `bogus`'],
      ['invalid-value', 3, 14, 'Unexpected value `5` for `description`, expected a string'],
    ]);
    expect(pack?.definition.pack).toBe('Demo_Pack');
    expect(pack?.definition.description).toBeUndefined();
    expect(pack?.definition.rules.map((r) => r.id)).toEqual(['demo/a']);
  });

  test('a missing pack name falls back to the folder name; missing rules is a problem', () => {
    const { pack, problems } = parsePack('description: x\n', 'rules/team-terms/pack.yaml');
    expect(problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      ['missing-key', 1, 1, 'Missing key `pack`'],
      ['missing-key', 1, 1, 'Missing key `rules`'],
    ]);
    expect(pack?.definition).toEqual({ pack: 'team-terms', description: 'x', rules: [] });
  });

  test('a document that is not a mapping gives no pack', () => {
    expect(parsePack('- a\n- b\n', 'p.yaml')).toEqual({
      pack: undefined,
      problems: [
        {
          code: 'invalid-value',
          message: 'Unexpected list for the document, expected a mapping with `pack` and `rules`',
          file: 'p.yaml',
          line: 1,
          column: 1,
          severity: 'error',
        },
      ],
    });
    expect(parsePack('', 'p.yaml').problems.map((p) => p.code)).toEqual(['missing-key']);
  });

  test('an unresolvable alias makes the document unusable', () => {
    const { pack, problems } = parsePack('pack: *nope\n', 'p.yaml');
    expect(pack).toBeUndefined();
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['yaml-syntax', 1, 7]]);
  });
});
