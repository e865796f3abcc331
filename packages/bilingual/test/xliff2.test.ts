import { stripBom } from '@nuance/core';
import { describe, expect, it } from 'vitest';
import { lintBilingualFile, readXliff } from '../src/index.js';
import { koreaChina, places } from './helpers.js';

const XLIFF2 = `\ufeff<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <segment id="s1">
    <source>정부는 사드 문제를 논의했다.</source>
    <target>The government discussed the issue.</target>
   </segment>
   <ignorable><source> </source></ignorable>
   <segment id="s2">
    <source>예산은 3억 5천만 달러이며 2025년 6월 24일에 발표되었다.</source>
    <target>The budget of <pc id="1">$350 million</pc> was announced on 24 June 2026.</target>
   </segment>
  </unit>
  <unit id="u2">
   <segment>
    <source>한반도 비핵화 &amp; 평화</source>
    <target>Denuclearization of <ph id="1"/>North Korea &amp; peace</target>
   </segment>
  </unit>
  <unit id="u3">
   <segment><source>사드 배치</source><target>THAAD deployment</target></segment>
  </unit>
  <unit id="u4">
   <segment><source>사드 철수</source><target>Terminal High Altitude Area Defense withdrawal</target></segment>
  </unit>
 </file>
</xliff>
`;

const text = stripBom(XLIFF2);

describe('XLIFF 2.x', () => {
  it('checks every segment of a unit: missing terms, numbers, inline codes, BOM', () => {
    const findings = lintBilingualFile(readXliff(text), { ruleSet: koreaChina() });
    expect(places(findings)).toEqual([
      '7:13-7:48 korea-china/thaad missing-term The government discussed the issue.',
      '12:73-12:85 korea-china/numbers number 24 June 2026',
      '18:13-18:68 korea-china/peninsula-denuclearization missing-term Denuclearization of …North Korea & peace',
      '25:43-25:78 korea-china/thaad inconsistent Terminal High Altitude Area Defense',
    ]);
    const [missing, number, , inconsistent] = findings;
    expect(missing?.expected).toEqual(['THAAD', 'Terminal High Altitude Area Defense']);
    expect(missing?.source).toMatchObject({ term: '사드', line: 6, column: 13, lang: 'ko' });
    expect(number?.message).toBe(
      'The target has `24 June 2026` (2026-06-24) where the source has `2025년 6월 24일` (2025-06-24)',
    );
    expect(inconsistent?.expected).toEqual(['THAAD']);
  });

  it('does not match a term across a placeholder', () => {
    // `Denuclearization of <ph/>North Korea`: the placeholder stands for content, so the North Korea
    // concept is not found and nothing shifted; the peninsula concept is missing instead.
    const findings = lintBilingualFile(readXliff(text), { ruleSet: koreaChina() });
    expect(findings.some((f) => f.source?.check === 'shifted-concept')).toBe(false);
  });
});

describe('a broken unit', () => {
  it('is reported where it is, and the other units are still checked', () => {
    const broken = text.replace('<source>사드 배치</source>', '<source>사드 <g>배치</source>');
    const file = readXliff(broken);
    expect(file.problems).toHaveLength(1);
    const findings = lintBilingualFile(file, { ruleSet: koreaChina() });
    // Without u3, u4's `Terminal High Altitude Area Defense` is the first rendering of 사드.
    expect(places(findings)).toEqual([
      '7:13-7:48 korea-china/thaad missing-term The government discussed the issue.',
      '12:73-12:85 korea-china/numbers number 24 June 2026',
      '18:13-18:68 korea-china/peninsula-denuclearization missing-term Denuclearization of …North Korea & peace',
      '21:3-21:17 nuance/broken-unit ',
    ]);
    expect(findings[3]?.message).toMatch(/^Broken unit, not checked: /);
  });
});
