// Which concepts a translation is checked against (core's bilingual concepts: key terms), and
// what counts as a rendering: the terms of the target's language.
import { compilePacks, parsePack, type RuleSet } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { lintBilingualFile, readParallelTsv } from '../src/index.js';
import { koreaChina, places } from './helpers.js';

function ruleSet(australiaKey: boolean): RuleSet {
  const yaml = `pack: tb
rules:
  - id: tb/australia
    kind: term
    severity: warning
    message: m
    key-term: ${australiaKey}
    terms:
      en: [Australia]
      ko: [오스트레일리아]
  - id: tb/indonesia
    kind: term
    severity: warning
    message: m
    terms:
      en: [Indonesia]
      zh-Hans: [印度尼西亚]
      zh-Hant: [印尼]
      ko: [인도네시아]
`;
  const { pack, problems } = parsePack(yaml, 'tb.yaml');
  expect(problems).toEqual([]);
  return compilePacks([pack!]).ruleSet;
}

const tsv = [
  'id\ten\tzh_CN\tko',
  '1\tAustralia and Indonesia met.\t澳大利亚和印度尼西亚会面。\t호주와 인도네시아가 만났다.',
  '2\tIndonesia again.\t印尼再次。\t인도네시아 다시.',
  '3\tIndonesia said no.\t该国表示拒绝。\t인도네시아는 거절했다.',
  '',
].join('\n');

describe('key terms in a translation', () => {
  it('checks a key term in every target language, a zh-CN target against its zh-Hans terms', () => {
    const findings = lintBilingualFile(readParallelTsv(tsv, 'en')!, { ruleSet: ruleSet(false) });
    // 호주 for Australia is no finding: that concept is reference data. 印尼 (the zh-Hant term,
    // written the same in Simplified) renders Indonesia in row 2, and is not a zh-CN term that
    // could be inconsistent with 印度尼西亚; row 3 drops the name.
    expect(places(findings)).toEqual(['4:22-4:29 tb/indonesia missing-term 该国表示拒绝。']);
    expect(findings[0]?.expected).toEqual(['印度尼西亚']);
  });

  it('checks a concept made a key term', () => {
    const findings = lintBilingualFile(readParallelTsv(tsv, 'en')!, { ruleSet: ruleSet(true) });
    expect(places(findings)).toEqual([
      '2:46-2:61 tb/australia missing-term 호주와 인도네시아가 만났다.',
      '4:22-4:29 tb/indonesia missing-term 该国表示拒绝。',
    ]);
  });

  it('tells renderings that differ only in spacing apart by how they are written, in either order', () => {
    const pack = (ko: string) => `pack: sp
rules:
  - id: sp/pragmatic
    kind: term
    severity: warning
    message: m
    key-term: true
    terms:
      en: [pragmatic diplomacy]
      ko: ${ko}
`;
    const text = [
      'id\ten\tko',
      '1\tPragmatic diplomacy first.\t실용 외교가 먼저다.',
      '2\tPragmatic diplomacy now.\t실용외교를 지금.',
      '3\tPragmatic diplomacy again.\t실용 외교를 다시.',
      '',
    ].join('\n');
    for (const ko of [
      '["실용 외교", {text: "실용외교", status: admitted}]',
      '[{text: "실용외교", status: admitted}, "실용 외교"]',
    ]) {
      const { pack: parsed } = parsePack(pack(ko), 'sp.yaml');
      const findings = lintBilingualFile(readParallelTsv(text, 'en')!, {
        ruleSet: compilePacks([parsed!]).ruleSet,
      });
      const inconsistent = findings.filter((f) => f.source?.check === 'inconsistent');
      expect(
        inconsistent.map((f) => [f.line, f.expected]),
        ko,
      ).toEqual([[3, ['실용 외교']]]);
    }
  });

  it("says an inconsistency in the check's words, not the rule's translated message", () => {
    const text = [
      'id\ten\tzh_TW',
      '1\tDenuclearization first.\t棄核優先。',
      '2\tDenuclearization now.\t去核現在。',
      '',
    ];
    const findings = lintBilingualFile(readParallelTsv(text.join('\n'), 'en')!, { ruleSet: koreaChina() });
    const inconsistent = findings.filter((f) => f.source?.check === 'inconsistent');
    expect(inconsistent.map((f) => f.message)).toEqual([
      'The source term `Denuclearization` is rendered `棄核` elsewhere in this file, but `去核` here',
    ]);
  });
});
