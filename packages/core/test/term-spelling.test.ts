// Terms of one rule that read the same to the match view (they differ only in case, spacing or a
// hyphen): a match of one is a match of each, so its spelling tells which term it is, and the
// order the terms are listed in never matters. And a plural through the `ie` stem, which either
// spelling may take, reads as a whole word in the message.
import { describe, expect, it } from 'vitest';
import { deserializeRuleSet, serializeRuleSet } from '../src/index.js';
import { lintText, rows, ruleSetFromYaml } from './helpers.js';

type Term = string;

/** A pack of one term rule with these terms, in this order. */
function pack(terms: Record<string, Term[]>, extra = ''): string {
  const lines = Object.entries(terms).map(
    ([lang, list]) => `      ${lang}:\n${list.map((t) => `        - ${t}`).join('\n')}`,
  );
  return `pack: s
rules:
  - id: s/term
    kind: term
    severity: warning
    message: "Use \`{expected}\` instead of \`{actual}\`"
    fix: true${extra}
    terms:
${lines.join('\n')}
`;
}

/** The rule's findings as rows, with each order of the terms (they must agree). */
function bothOrders(lang: string, preferred: Term, deprecated: Term, text: string, extra = ''): string[] {
  const first = lintText(text, ruleSetFromYaml(pack({ [lang]: [preferred, deprecated] }, extra)));
  const second = lintText(text, ruleSetFromYaml(pack({ [lang]: [deprecated, preferred] }, extra)));
  expect(rows(second)).toEqual(rows(first));
  expect(second.map((f) => f.expected)).toEqual(first.map((f) => f.expected));
  return rows(first);
}

const HYPHEN = [
  '"great-magnitude"',
  '{ text: "great magnitude", status: deprecated, use: "great-magnitude" }',
] as const;
const CASE = [
  '"Korean Peninsula"',
  '{ text: "Korean peninsula", status: deprecated, use: "Korean Peninsula" }',
] as const;
const SPACING = ['"실용 외교"', '{ text: "실용외교", status: deprecated, use: "실용 외교" }'] as const;

describe('terms that differ only in case, spacing or a hyphen', () => {
  it('report the spelling of the term to avoid, never the preferred one, in either order', () => {
    const text = 'An event of great magnitude. A great-magnitude event.';
    expect(bothOrders('en', ...HYPHEN, text)).toEqual(['1:13-1:28 s/term great magnitude']);
  });

  it('go by the spelling of the words, then by their letters whatever the case', () => {
    expect(bothOrders('en', ...HYPHEN, 'GREAT MAGNITUDE and Great-Magnitude.')).toEqual([
      '1:1-1:16 s/term GREAT MAGNITUDE',
    ]);
    const [finding] = lintText('GREAT MAGNITUDE.', ruleSetFromYaml(pack({ en: [...HYPHEN] })));
    expect(finding?.expected).toEqual(['GREAT-MAGNITUDE']);
  });

  it('tell a case-only difference by its letters, and report nothing where both read alike', () => {
    const text = 'The Korean peninsula, the Korean Peninsula, THE KOREAN PENINSULA.';
    expect(bothOrders('en', ...CASE, text)).toEqual(['1:5-1:21 s/term Korean peninsula']);
  });

  it('read a line break or a run of spaces as one space', () => {
    expect(bothOrders('en', ...CASE, 'The Korean\npeninsula and the Korean  Peninsula.')).toEqual([
      '1:5-2:10 s/term Korean\npeninsula',
    ]);
  });

  it('tell a plural through the ie stem apart too', () => {
    const terms = [
      '"Korea-China policy"',
      '{ text: "Korea China policy", status: deprecated, use: "Korea-China policy" }',
    ] as const;
    const text = 'Korea China policies. Korea-China policies. Korea China policy.';
    expect(bothOrders('en', ...terms, text)).toEqual([
      '1:1-1:20 s/term Korea China policie',
      '1:45-1:63 s/term Korea China policy',
    ]);
  });

  it('name whole words in the message of a plural through the ie stem, whose fix keeps the s', () => {
    const terms = [
      '"security policy"',
      '{ text: "defence policy", status: deprecated, use: "security policy" }',
    ] as const;
    const [finding] = lintText('Our defence policies are new.', ruleSetFromYaml(pack({ en: [...terms] })));
    expect(finding?.message).toBe('Use `security policies` instead of `defence policies`');
    expect([finding?.actual, finding?.expected, finding?.fix]).toEqual([
      'defence policie',
      ['security policie'],
      { start: 4, end: 11, text: 'security' },
    ]);
  });

  it('tell Korean spacing apart, with particles after the term', () => {
    expect(bothOrders('ko', ...SPACING, '정부는 실용외교를 내세웠다. 실용 외교는 계속된다.')).toEqual([
      '1:5-1:9 s/term 실용외교',
    ]);
  });

  it('give the same findings from a serialized rule set', () => {
    const rs = ruleSetFromYaml(pack({ en: [HYPHEN[1], HYPHEN[0]] }));
    const loaded = deserializeRuleSet(serializeRuleSet(rs)).ruleSet;
    const text = 'An event of great magnitude. A great-magnitude event.';
    expect(rows(lintText(text, loaded))).toEqual(rows(lintText(text, rs)));
    expect(rows(lintText('A great-magnitude event.', loaded))).toEqual([]);
  });

  it('tell the variants of a consistency group apart by their spelling', () => {
    const consistent = '\n    consistent: true';
    const variants = ['"Korea-China"', '{ text: "Korea China", status: admitted }'] as const;
    const mixed = 'Korea-China talks. Korea China trade.';
    expect(bothOrders('en', ...variants, mixed, consistent)).toEqual(['1:20-1:31 s/term Korea China']);
    const [finding] = lintText(mixed, ruleSetFromYaml(pack({ en: [variants[1], variants[0]] }, consistent)));
    expect(finding?.expected).toEqual(['Korea-China']);
    expect(bothOrders('en', ...variants, 'Korea-China talks. Korea-China trade.', consistent)).toEqual([]);
  });
});
