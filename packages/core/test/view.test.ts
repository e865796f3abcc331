import { readFileSync, writeFileSync } from 'node:fs';
import type { DictLike } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import { describe, expect, test } from 'vitest';
import type { Prose } from '../src/types.js';
import { buildView, normalizePhrase } from '../src/view/normalize.js';
import { buildProse } from '../src/view/prose.js';
import { foldT2S, foldT2SCodePoint, isTraditional } from '../src/view/t2s.js';

// ---- The T2S table: derived from opencc-js here, committed as src/view/t2s-table.ts ----------

const TABLE_FILE = new URL('../src/view/t2s-table.ts', import.meta.url);

// 著 (著名, 著作) is a standard Simplified character: OpenCC's TW variant table folds it to 着 and
// relies on phrase tables, which the match view never uses, to protect those words.
const VARIANT_EXCLUDED = new Set(['著'.codePointAt(0)]);

/** Single-code-point entries of a dictionary, first candidate of each. */
function singleEntries(dict: DictLike): [number, number][] {
  const entries: Iterable<readonly string[]> =
    typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
  const out: [number, number][] = [];
  for (const [source, target] of entries) {
    if (source === undefined || target === undefined) continue;
    const s = source.codePointAt(0) ?? -1;
    const t = target.codePointAt(0) ?? -1;
    if (String.fromCodePoint(s) !== source || String.fromCodePoint(t) !== target || s === t) continue;
    out.push([s, t]);
  }
  return out;
}

function deriveT2SPairs(): [number, number][] {
  const direct = new Map<number, number>();
  // to.cn is [[TSPhrases, TSCharacters]]; the phrase entries are multi-code-point and drop out.
  for (const group of to.cn ?? [])
    for (const dict of group) for (const [s, t] of singleEntries(dict)) direct.set(s, t);
  const simplifiedOutputs = new Set(direct.values());
  // The TW and HK character variant tables (衞 -> 衛, 粧 -> 妝) reach TSCharacters through a
  // standard Traditional form. They never override TSCharacters and never fold a character that
  // is itself a Simplified output (么 -> 幺 would break 什么).
  const variants = new Map<number, number>();
  for (const group of [...(from.tw ?? []), ...(from.hk ?? [])]) {
    for (const dict of group) {
      for (const [s, t] of singleEntries(dict)) {
        if (direct.has(s) || simplifiedOutputs.has(s) || VARIANT_EXCLUDED.has(s) || variants.has(s)) continue;
        variants.set(s, t);
      }
    }
  }
  for (const [s, t] of variants) direct.set(s, direct.get(t) ?? t);
  // Resolve chains (薴 -> 苧 -> 苎) so that the fold is idempotent.
  const pairs: [number, number][] = [];
  for (const [s, first] of direct) {
    let t = first;
    for (let hops = 0; hops < 8; hops++) {
      const next = direct.get(t);
      if (next === undefined || next === t || next === s) break;
      t = next;
    }
    if (t !== s) pairs.push([s, t]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function renderTableModule(pairs: [number, number][]): string {
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    const line = pairs
      .slice(i, i + 40)
      .map(([s, t]) => String.fromCodePoint(s) + String.fromCodePoint(t))
      .join('');
    lines.push(`  '${line}',`);
  }
  return [
    '// Generated from opencc-js 1.4.2 by packages/core/test/view.test.ts; do not edit. Regenerate with',
    '// NUANCE_WRITE_T2S_TABLE=1 npx vitest run packages/core/test/view.test.ts',
    '',
    '/** Traditional -> Simplified: each source code point followed by its target, by source. */',
    'export const T2S_PAIRS = [',
    ...lines,
    "].join('');",
    '',
  ].join('\n');
}

describe('T2S table', () => {
  test('the committed table is the derivation from opencc-js', () => {
    const expected = renderTableModule(deriveT2SPairs());
    if (process.env.NUANCE_WRITE_T2S_TABLE === '1') writeFileSync(TABLE_FILE, expected);
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(expected);
  });
});

// ---- Helpers ---------------------------------------------------------------------------------

/** The view with its map, unit by unit, as `unit@start-end` (prose offsets), for compact expectations. */
function mapOf(prose: string): string {
  const view = buildView(prose);
  const units: string[] = [];
  for (let i = 0; i < view.text.length; i++) units.push(`${view.text[i]}@${view.start[i]}-${view.end[i]}`);
  return units.join(' ');
}

/** The prose range a view match [from, to) came from. */
function proseRange(prose: string, from: number, to: number): [number, number] {
  const view = buildView(prose);
  return [view.start[from] ?? -1, view.end[to - 1] ?? -1];
}

describe('foldT2S', () => {
  test('folds the terms of the korea-china pack', () => {
    expect(foldT2S('實用外交')).toBe('实用外交');
    expect(foldT2S('務實')).toBe('务实');
    expect(foldT2S('韓國')).toBe('韩国');
    expect(foldT2S('關係')).toBe('关系');
    expect(foldT2S('夥伴')).toBe('伙伴');
    expect(foldT2S('戰略合作夥伴關係')).toBe('战略合作伙伴关系');
  });

  test('agrees with opencc-js t -> cn on a Traditional sentence', async () => {
    const { Converter } = await import('opencc-js/t2cn');
    const sentence = '韓國奉行務實外交，與中國建立戰略合作夥伴關係，尹錫悅總統訪問北京。';
    expect(foldT2S(sentence)).toBe(Converter({ from: 't', to: 'cn' })(sentence));
    expect(foldT2S(sentence)).toBe('韩国奉行务实外交，与中国建立战略合作伙伴关系，尹锡悦总统访问北京。');
  });

  test('leaves Simplified text alone, 著 and 么 included', () => {
    const simplified = '务实外交 战略合作伙伴关系 著名 什么 Korea 한국';
    expect(foldT2S(simplified)).toBe(simplified);
    expect(isTraditional(simplified)).toBe(false);
    expect(isTraditional('')).toBe(false);
    expect(isTraditional('韓国')).toBe(true);
  });

  test('maps per code point, BMP <-> astral included', () => {
    expect(foldT2S('蒍')).toBe('𫇭');
    expect('蒍'.length).toBe(1);
    expect(foldT2S('蒍').length).toBe(2);
    expect(foldT2S('𡻕')).toBe('岁');
    expect(foldT2S('a蒍b𡻕c')).toBe('a𫇭b岁c');
    expect(foldT2SCodePoint('蒍'.codePointAt(0) ?? 0)).toBe('𫇭'.codePointAt(0));
    expect(isTraditional('𡻕')).toBe(true);
  });

  test('takes the TW/HK character variants, resolves chains and is idempotent', () => {
    expect(foldT2S('衞粧衹敍')).toBe('卫妆只叙');
    expect(foldT2S('薴')).toBe('苎');
    for (const [source, target] of deriveT2SPairs()) {
      // foldT2SCodePoint skips the lookup below U+2E80.
      expect(source).toBeGreaterThanOrEqual(0x2e80);
      expect(foldT2SCodePoint(source)).toBe(target);
      expect(foldT2SCodePoint(target)).toBe(target);
    }
  });
});

describe('buildView, step by step', () => {
  test('step 1: dot variants fold to U+00B7', () => {
    const prose = '한ㆍ미, 한・미, 한･미, 한‧미, a․b a∙b a⋅b 한\u119E미 a·b';
    expect(buildView(prose).text).toBe('한·미, 한·미, 한·미, 한·미, a·b a·b a·b 한·미 a·b');
    expect(mapOf('한ㆍ미')).toBe('한@0-1 ·@1-2 미@2-3');
  });

  test('step 1: dashes fold to -, the em dash stays', () => {
    expect(buildView('Lee Jae\u2011myung, Jae\u2010myung, 1990\u20132020, \u22123 \u2014 ok').text).toBe(
      'lee jae myung, jae myung, 1990-2020, -3 \u2014 ok',
    );
    expect(buildView('한\u2013중, 中\u2010韩').text).toBe('한-중, 中-韩');
    expect(mapOf('1\u20112')).toBe('1@0-1 -@1-2 2@2-3');
  });

  test('a hyphen between two Latin letters is a space, mapped to the hyphen', () => {
    expect(buildView('strategic-cooperative partnership').text).toBe('strategic cooperative partnership');
    expect(buildView('Korea-China relations').text).toBe('korea china relations');
    expect(mapOf('a-b')).toBe('a@0-1  @1-2 b@2-3');
    expect(mapOf('Ｋ－Ｃ')).toBe('k@0-1  @1-2 c@2-3');
    // Dash variants fold first, so they join letters the same way.
    expect(buildView('Korea\u2013China, Jae\u2011myung').text).toBe('korea china, jae myung');
    // Not between Han, Hangul or digits, and not next to a space or another hyphen.
    expect(buildView('한-중 中-韩 G20-summit a-1 COVID-19 2+2').text).toBe(
      '한-중 中-韩 g20-summit a-1 covid-19 2+2',
    );
    expect(buildView('a - b, a--b, -a, a-, a-\nb').text).toBe('a - b, a--b, -a, a-, a- b');
    // A letter-hyphen-letter chain: every hyphen between letters.
    expect(buildView('state-of-the-art').text).toBe('state of the art');
    // A hyphen before a separator or a dropped invisible stays a hyphen unless letters meet.
    expect(buildView('a-\uFFFCb').text).toBe('a-\uFFFCb');
    expect(mapOf('a-\u200Bb')).toBe('a@0-1  @1-2 b@3-4');
  });

  test("step 1: curly quotes and apostrophes (China’s -> china's)", () => {
    expect(buildView('China’s ‘pragmatic’ “务实” Korea\u02BCs').text).toBe(
      `china's 'pragmatic' "务实" korea's`,
    );
    expect(mapOf('China’s')).toBe("c@0-1 h@1-2 i@2-3 n@3-4 a@4-5 '@5-6 s@6-7");
  });

  test('step 1: invisibles are dropped; a term split by a zero-width space matches', () => {
    expect(mapOf('韩\u200B国')).toBe('韩@0-1 国@2-3');
    expect(buildView('prag\u200Bmatic').text).toBe('pragmatic');
    expect(proseRange('实\u200B用外交', 0, 4)).toEqual([0, 5]);
    expect(buildView('dip\u00ADlo\u200Cma\u200Dcy\u2060\uFEFF').text).toBe('diplomacy');
    expect(buildView('实用\uFE00外交').text).toBe('实用外交');
    // An ideographic variation selector is astral (two units) and dropped with the base's range
    // untouched.
    expect(mapOf('葛\u{E0100}城')).toBe('葛@0-1 城@3-4');
  });

  test('step 2: NFKC turns U+F9E1 into U+674E, each unit keeping its source', () => {
    const view = buildView('\uF9E1在明');
    expect(view.text).toBe('\u674E在明');
    expect([...view.start]).toEqual([0, 1, 2]);
    expect([...view.end]).toEqual([1, 2, 3]);
  });

  test('step 2: full-width Latin, expansions and contractions', () => {
    expect(buildView('ＣＨＩＮＡ').text).toBe('china');
    expect(buildView('ＲＯＫ－ＵＳ　ａｌｌｉａｎｃｅ').text).toBe('rok us alliance');
    // ㈜ expands to three units, all from prose unit 2; ½ to three from unit 4.
    expect(mapOf('① ㈜ ½')).toBe('1@0-1  @1-2 (@2-3 주@2-3 )@2-3  @3-4 1@4-5 ⁄@4-5 2@4-5');
    // A base and its combining mark compose into one unit mapped to both.
    expect(mapOf('e\u0301x')).toBe('é@0-2 x@2-3');
    // Conjoining jamo (NFD Korean) compose into syllables.
    expect(mapOf('\u1112\u1161\u11AB\u1100\u116E\u11A8')).toBe('한@0-3 국@3-6');
    expect(mapOf('ｶﾞ')).toBe('ガ@0-2');
  });

  test("step 3: Latin lowercase per code point; 'İ' becomes two units from one", () => {
    expect(mapOf('İx')).toBe('i@0-1 \u0307@0-1 x@1-2');
    expect(buildView('Strategic PARTNERSHIP ÉLYSÉE').text).toBe('strategic partnership élysée');
    // NFKC (step 2) runs first: the Ǆ digraph becomes D + Ž.
    expect(buildView('Ǆ').text).toBe('dž');
    // Only Latin is folded.
    expect(buildView('ΣΑ').text).toBe('ΣΑ');
  });

  test('step 4: Traditional to Simplified, an astral mapping included', () => {
    expect(mapOf('務實')).toBe('务@0-1 实@1-2');
    const view = buildView('蒍x');
    expect(view.text).toBe('𫇭x');
    expect([...view.start]).toEqual([0, 0, 1]);
    expect([...view.end]).toEqual([1, 1, 2]);
  });

  test('an emoji (astral) before a term keeps the offsets after it', () => {
    const view = buildView('😀 務實外交');
    expect(view.text).toBe('😀 务实外交');
    expect([...view.start]).toEqual([0, 0, 2, 3, 4, 5, 6]);
    expect([...view.end]).toEqual([2, 2, 3, 4, 5, 6, 7]);
    expect(proseRange('😀 務實外交', 3, 7)).toEqual([3, 7]);
  });

  test('step 5: whitespace between two Han characters is removed, the map spans it', () => {
    expect(mapOf('实用\n外交')).toBe('实@0-1 用@1-2 外@3-4 交@4-5');
    expect(proseRange('实用\n外交', 0, 4)).toEqual([0, 5]);
    expect(buildView('實用 \r\n\t外交').text).toBe('实用外交');
    // Latin-Han and punctuation-Han boundaries keep one space.
    expect(buildView('中国 core').text).toBe('中国 core');
    expect(buildView('core\n中国').text).toBe('core 中国');
    expect(buildView('实用， 外交').text).toBe('实用, 外交');
  });

  test('step 6: whitespace between two Hangul syllables is removed', () => {
    expect(buildView('전략적 협력 동반자').text).toBe('전략적협력동반자');
    expect(mapOf('협력\n동반자')).toBe('협@0-1 력@1-2 동@3-4 반@4-5 자@5-6');
    expect(buildView('한국 中国').text).toBe('한국 中国');
  });

  test('step 7: other whitespace runs fold to one space mapped to the whole run', () => {
    const prose = 'Strategic  Cooperative\nPartnership';
    const view = buildView(prose);
    expect(view.text).toBe('strategic cooperative partnership');
    expect([view.start[9], view.end[9]]).toEqual([9, 11]);
    expect([view.start[21], view.end[21]]).toEqual([22, 23]);
    expect(proseRange(prose, 10, 33)).toEqual([11, 34]);
    expect(buildView('\t a \u3000\u00A0b\u2028').text).toBe(' a b ');
  });

  test('step 8: separators stay U+FFFC and join nothing', () => {
    expect(mapOf('实用\uFFFC外交')).toBe('实@0-1 用@1-2 \uFFFC@2-3 外@3-4 交@4-5');
    expect(buildView('实用 \uFFFC 外交').text).toBe('实用 \uFFFC 外交');
    expect(buildView('strategic\uFFFCPartnership').text).toBe('strategic\uFFFCpartnership');
  });

  test('a lone surrogate passes through with its own unit', () => {
    expect(mapOf('A\uD800b\uDC00')).toBe('a@0-1 \uD800@1-2 b@2-3 \uDC00@3-4');
  });

  test('empty prose', () => {
    const view = buildView('');
    expect(view.text).toBe('');
    expect(view.start.length).toBe(0);
  });
});

describe('normalizePhrase', () => {
  test('is buildView on the same text, trimmed', () => {
    const phrases = [
      ' Strategic Cooperative Partnership ',
      '實用 外交',
      '전략적 협력 동반자 관계',
      'China’s',
      'ＲＯＫ－ＵＳ',
      '\uF9E1在明',
      'İstanbul',
      '战略\u200B合作伙伴',
    ];
    for (const phrase of phrases) expect(normalizePhrase(phrase)).toBe(buildView(phrase).text.trim());
    expect(normalizePhrase(' Strategic Cooperative\nPartnership ')).toBe('strategic cooperative partnership');
    expect(normalizePhrase('實用 外交')).toBe('实用外交');
    expect(normalizePhrase('전략적 협력 동반자 관계')).toBe('전략적협력동반자관계');
    expect(normalizePhrase('戰略合作夥伴')).toBe('战略合作伙伴');
  });

  test('hyphenated and spaced English phrases are one phrase; co-operative stays apart', () => {
    expect(normalizePhrase('strategic-cooperative partnership')).toBe(
      normalizePhrase('strategic cooperative partnership'),
    );
    expect(normalizePhrase('Korea-China')).toBe('korea china');
    expect(normalizePhrase('Kim Jong-un')).toBe(normalizePhrase('Kim Jong un'));
    expect(normalizePhrase('co-operative')).not.toBe(normalizePhrase('cooperative'));
    expect(normalizePhrase('한-중')).toBe('한-중');
  });
});

describe('buildProse', () => {
  // 0-1 `**`, 2-3 实用, 4-5 `**`, 6-7 外交, 8 space, 9-16 `&#29992;`, 17 space, 18-23 `` `code` ``,
  // 24 space, 25-26 `\*`.
  const doc = '**实用**外交 &#29992; `code` \\*';

  test('plain, text-override and separator pieces', () => {
    const prose = buildProse(doc, {
      pieces: [
        { start: 2, end: 4 },
        { start: 6, end: 9 },
        { start: 9, end: 17, text: '用' },
        { start: 17, end: 18 },
        { start: 18, end: 24, separator: true },
        { start: 24, end: 25 },
        { start: 25, end: 27, text: '*' },
      ],
    });
    expect(prose.text).toBe('实用外交 用 \uFFFC *');
    expect(starts(prose)).toEqual([2, 3, 6, 7, 8, 9, 17, 18, 24, 25]);
    expect(ends(prose)).toEqual([3, 4, 7, 8, 9, 17, 18, 24, 25, 27]);
    expect([prose.startAt(-1), prose.startAt(10), prose.endAt(10), prose.startAt(0.5)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('empty pieces, and a segment placed with an offset', () => {
    const pieces = [
      { start: 2, end: 4 },
      { start: 4, end: 4 },
      { start: 6, end: 6, text: '' },
      { start: 6, end: 9 },
    ];
    const prose = buildProse(doc, { pieces });
    expect(prose.text).toBe('实用外交 ');
    expect(starts(prose)).toEqual([2, 3, 6, 7, 8]);
    const moved = buildProse(`xx${doc}`, { pieces, offset: 2 });
    expect(moved.text).toBe(prose.text);
    expect(starts(moved)).toEqual([4, 5, 8, 9, 10]);
    expect(ends(moved)).toEqual([5, 6, 9, 10, 11]);
  });

  test('a text override of two units maps both to the whole reference', () => {
    const source = 'a&#x20000;b';
    const prose = buildProse(source, {
      pieces: [
        { start: 0, end: 1 },
        { start: 1, end: 10, text: '\u{20000}' },
        { start: 10, end: 11 },
      ],
    });
    expect(prose.text).toBe('a\u{20000}b');
    expect(starts(prose)).toEqual([0, 1, 1, 10]);
    expect(ends(prose)).toEqual([1, 10, 10, 11]);
  });

  test('an empty segment', () => {
    const prose = buildProse(doc, { pieces: [] });
    expect(prose.text).toBe('');
    expect(prose.startAt(0)).toBeUndefined();
  });

  test('prose then view: **實用**外交 maps back to the document span of the term', () => {
    const source = '韓國奉行**實用**\n外交。';
    const prose = buildProse(source, {
      pieces: [
        { start: 0, end: 4 },
        { start: 6, end: 8 },
        { start: 10, end: 14 },
      ],
    });
    expect(prose.text).toBe('韓國奉行實用\n外交。');
    const view = buildView(prose.text);
    expect(view.text).toBe('韩国奉行实用外交。');
    const from = view.text.indexOf('实用外交');
    const to = from + '实用外交'.length;
    const proseStart = view.start[from] ?? -1;
    const proseEnd = view.end[to - 1] ?? -1;
    expect([prose.startAt(proseStart), prose.endAt(proseEnd - 1)]).toEqual([6, 13]);
    expect(source.slice(6, 13)).toBe('實用**\n外交');
  });
});

function starts(prose: Prose): (number | undefined)[] {
  return Array.from({ length: prose.text.length }, (_, i) => prose.startAt(i));
}

function ends(prose: Prose): (number | undefined)[] {
  return Array.from({ length: prose.text.length }, (_, i) => prose.endAt(i));
}

describe('buildView on 200 KB of mixed text', () => {
  const sample =
    'Korea’s ＰＲＡＧＭＡＴＩＣ diplomacy — 實用\n外交 vs 务实外交; 전략적 협력\n동반자 관계를 😀 ' +
    'İstanbul ① ㈜ e\u0301 \uF9E1在明 韩\u200B国 蒍 \uFFFC Lee Jae\u2011myung ｶﾞ 한ㆍ미  end.\n';

  test('length invariants hold and the view of a repetition is the repetition of the view', () => {
    const count = Math.ceil(200_000 / sample.length);
    const prose = sample.repeat(count);
    expect(prose.length).toBeGreaterThanOrEqual(200_000);
    const view = buildView(prose);
    const one = buildView(sample);
    expect(view.text).toBe(one.text.repeat(count));
    expect(view.start.length).toBe(view.text.length);
    expect(view.end.length).toBe(view.text.length);
    for (let i = 0; i < view.text.length; i++) {
      const start = view.start[i] ?? -1;
      const end = view.end[i] ?? -1;
      if (start < 0 || end > prose.length || start >= end)
        throw new Error(`bad range at ${i}: ${start}-${end}`);
      if (i > 0 && (start < (view.start[i - 1] ?? 0) || end < (view.end[i - 1] ?? 0))) {
        throw new Error(`map decreases at ${i}`);
      }
    }
    // The last repetition maps like the first, shifted by whole samples.
    const last = view.text.length - one.text.length;
    const shift = (count - 1) * sample.length;
    expect(view.start[last]).toBe((one.start[0] ?? 0) + shift);
    expect(view.end[view.text.length - 1]).toBe(prose.length);
  });
});
