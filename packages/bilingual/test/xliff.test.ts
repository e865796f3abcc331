import { describe, expect, it } from 'vitest';
import { lintBilingualFile, readXliff } from '../src/index.js';
import { koreaChina, places } from './helpers.js';

const XLIFF12 = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
  '<file source-language="ko" target-language="zh-CN" datatype="plaintext" original="statement.ko.md">',
  '<body>',
  '<trans-unit id="1">',
  '<source>이재명 정부는 실용외교를 추구한다.</source>',
  '<target>李在明政府奉行<g id="1">实用</g>外交。</target>',
  '</trans-unit>',
  '<trans-unit id="2">',
  '<source>양국은 한반도 비핵화를 지지한다. 사드 문제를 논의했다.</source>',
  '<seg-source><mrk mtype="seg" mid="1">양국은 한반도 비핵화를 지지한다.</mrk> <mrk mtype="seg" mid="2">사드 문제를 논의했다.</mrk></seg-source>',
  '<target><mrk mtype="seg" mid="1">两国支持朝鲜无核化。</mrk> <mrk mtype="seg" mid="2">双方讨论了&#x8428;德问题<x id="2"/>。</mrk></target>',
  '</trans-unit>',
  '</body>',
  '</file>',
  '</xliff>',
  '',
].join('\r\n');

describe('XLIFF 1.2', () => {
  it('reads units, seg-source segments paired by mid, inline codes and entities with exact offsets', () => {
    const text = `\ufeff${XLIFF12}`.slice(1); // the caller strips the BOM
    const file = readXliff(text);
    expect(file.problems).toEqual([]);
    expect(file.sides.map((s) => s.lang)).toEqual(['ko', 'zh-CN']);
    expect(file.pairs[0]?.units).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [2] },
    ]);
    const target = file.sides[1]!.segments;
    // `<g id="1">` and `</g>` are zero width: 实用外交 is one prose run of three pieces.
    expect(target[0]!.pieces.map((p) => text.slice(p.start, p.end))).toEqual([
      '李在明政府奉行',
      '实用',
      '外交。',
    ]);
    // `&#x8428;` is one piece decoding to 萨; `<x/>` is a separator.
    const third = target[2]!.pieces;
    expect(third.find((p) => p.text === '萨')).toMatchObject({ end: expect.any(Number) });
    expect(text.slice(third[1]!.start, third[1]!.end)).toBe('&#x8428;');
    expect(third.some((p) => p.separator && text.slice(p.start, p.end) === '<x id="2"/>')).toBe(true);
  });

  it('lints targets against sources: monolingual findings, shifted concepts, numbers; CRLF positions', () => {
    const findings = lintBilingualFile(readXliff(XLIFF12), { ruleSet: koreaChina() });
    expect(places(findings)).toEqual([
      '7:26-7:34 korea-china/wushi-not-shiyong 实用外交',
      '12:38-12:43 korea-china/denuclearization-scope shifted-concept 朝鲜无核化',
    ]);
    const wushi = findings[0]!;
    // The fix spans `实用` inside `<g>` only: the markup stays.
    expect(XLIFF12.slice(wushi.fix!.start, wushi.fix!.end)).toBe('实用');
    expect(wushi.source).toMatchObject({
      lang: 'ko',
      text: '이재명 정부는 실용외교를 추구한다.',
      line: 6,
      column: 9,
    });
    expect(findings[1]!.expected).toEqual(['半岛无核化', '朝鲜半岛无核化', '韩半岛无核化', '半岛去核化']);
    expect(findings[1]!.source).toMatchObject({
      check: 'shifted-concept',
      term: '한반도 비핵화',
      text: '양국은 한반도 비핵화를 지지한다.',
    });
  });
});

describe('XLIFF 1.2 structure', () => {
  it('reads units in groups, CDATA content, and one language pair per file', () => {
    const text = [
      '<xliff version="1.2">',
      '<file source-language="ko" target-language="zh"><body><group id="g">',
      '<trans-unit id="a"><source>실용외교</source><target><![CDATA[实用外交]]></target></trans-unit>',
      '</group></body></file>',
      '<file source-language="ko" target-language="en"><body>',
      '<trans-unit id="b"><source>실용외교</source><target>practical diplomacy</target></trans-unit>',
      '</body></file></xliff>',
    ].join('\n');
    const file = readXliff(text);
    expect(file.sides.map((s) => s.lang)).toEqual(['ko', 'zh', 'ko', 'en']);
    const findings = lintBilingualFile(file, { ruleSet: koreaChina() });
    // Inside CDATA the text is prose with its own offsets.
    expect(places(findings)).toEqual(['3:58-3:62 korea-china/wushi-not-shiyong 实用外交']);
  });

  it('reports XML broken outside every unit where it is, and still checks the units', () => {
    const text =
      '<xliff version="1.2"><file source-language="ko" target-language="zh"><body>\n<trans-unit id="a"><source>사드</source><target>萨德</target></trans-unit>\n</body></file>';
    const file = readXliff(text);
    expect(file.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Not well-formed XML: /)]);
    expect(file.pairs[0]?.units).toHaveLength(1);
  });
});

describe('monolingual rules on each side', () => {
  it('checks the source side too, in its language', () => {
    const text =
      '<xliff version="2.0" srcLang="zh-CN" trgLang="en"><file id="f"><unit id="1"><segment>' +
      '<source>韩国奉行实用外交。</source><target>Korea pursues pragmatic diplomacy.</target></segment></unit></file></xliff>';
    const findings = lintBilingualFile(readXliff(text), { ruleSet: koreaChina() });
    expect(places(findings)).toEqual(['1:98-1:102 korea-china/wushi-not-shiyong 实用外交']);
    // A source finding has no `source`: it is not on a translation.
    expect(findings[0]?.source).toBeUndefined();
  });
});

describe('the source as context', () => {
  const unit = (target: string) =>
    `<xliff version="2.0" srcLang="ko" trgLang="zh-CN"><file id="f"><unit id="1"><segment><source>한미동맹은 외교의 근간이다.</source><target>${target}</target></segment></unit></file></xliff>`;

  it('makes a Chinese translation of a Korean text ROK-voiced: 美韩 is reported, 韩美 is not', () => {
    const findings = lintBilingualFile(readXliff(unit('美韩同盟是外交的基础。')), { ruleSet: koreaChina() });
    expect(places(findings)).toEqual(['1:126-1:128 korea-china/rok-first-order 美韩']);
    expect(findings[0]?.context).toEqual([{ set: 'rok-voice', via: 'topic' }]);
    expect(lintBilingualFile(readXliff(unit('韩美同盟是外交的基础。')), { ruleSet: koreaChina() })).toEqual(
      [],
    );
  });

  it('does not make the same Chinese text ROK-voiced on its own', () => {
    const text =
      '<xliff version="2.0" srcLang="en" trgLang="zh-CN"><file id="f"><unit id="1"><segment><source>The alliance is the foundation.</source><target>美韩同盟是外交的基础。</target></segment></unit></file></xliff>';
    expect(lintBilingualFile(readXliff(text), { ruleSet: koreaChina() })).toEqual([]);
  });
});
