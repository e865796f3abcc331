import { describe, expect, test } from 'vitest';
import { ViewFolder } from '../src/view/fold.js';
import { buildView } from '../src/view/normalize.js';
import { mulberry32 } from './random.js';

// Every class of character the view treats apart: ASCII letters, digits and punctuation, spaces of
// all kinds, hyphens and dashes, dots, quotes, invisibles, full-width forms, compatibility
// ideographs, NFKC expansions, Traditional and Simplified Han, Hangul, astral code points (a
// Traditional one folding to an astral one, an emoji), a lone surrogate, U+FFFC and controls.
const ALPHABET = [
  ...'aZ Kk-_.,;:!?\'"09',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u2010',
  '\u2011',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u00b7',
  '\u30fb',
  '\u2019',
  '\u201c',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\ufe0f',
  'Ａ',
  'ｃ',
  '－',
  '\uf9e1',
  'ﬁ',
  '½',
  '\u00a8',
  'İ',
  'Ǆ',
  'É',
  'Σ',
  '實',
  '用',
  '务',
  '國',
  '外',
  '交',
  '한',
  '국',
  '中',
  '蒍',
  '😀',
  '\ud800',
  '\ufffc',
  '\u0000',
  '\u3007',
  '\u2e80',
];

function randomText(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

function folded(text: string, pieces = 1): { text: string; start: number[]; end: number[] } | undefined {
  const folder = new ViewFolder(true);
  folder.reset();
  const step = Math.max(1, Math.ceil(text.length / pieces));
  for (let from = 0; from < text.length; from += step) {
    // Pieces never split a surrogate pair (the callers' pieces are whole code points).
    let to = Math.min(text.length, from + step);
    if (/[\ud800-\udbff]/.test(text[to - 1] ?? '') && /[\udc00-\udfff]/.test(text[to] ?? '')) to++;
    if (!folder.fold(text, from, to)) return undefined;
    from = to - step;
  }
  folder.finish();
  return {
    text: folder.text(),
    start: [...folder.start.subarray(0, folder.length)],
    end: [...folder.end.subarray(0, folder.length)],
  };
}

function reference(text: string): { text: string; start: number[]; end: number[] } {
  const view = buildView(text);
  return { text: view.text, start: [...view.start], end: [...view.end] };
}

describe('ViewFolder', () => {
  test('gives buildView on random text of every class, in one piece or several', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 3000; round++) {
      const text = randomText(rand, 1 + Math.floor(rand() * 40));
      const expected = reference(text);
      expect(folded(text), JSON.stringify(text)).toEqual(expected);
      expect(folded(text, 3), JSON.stringify(text)).toEqual(expected);
    }
  });

  test('gives buildView on every ASCII character, Hangul syllable and common Han character', () => {
    const ranges = [
      [0x01, 0x7f],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
    ] as const;
    for (const [from, to] of ranges) {
      // Each alone between two letters, so that every class of it shows (a space, a hyphen).
      let text = '';
      for (let cp = from; cp <= to; cp++) text += `a${String.fromCharCode(cp)}가`;
      expect(folded(text)).toEqual(reference(text));
    }
  });

  test('gives buildView on the step-by-step examples', () => {
    for (const text of [
      'Korea-China relations',
      'a - b, a--b, -a, a-, a-\nb',
      '實用 \r\n\t外交',
      '전략적 협력 동반자',
      '😀 務實外交',
      '蒍x',
      '\t a \u3000\u00A0b\u2028',
      'ＲＯＫ－ＵＳ　ａｌｌｉａｎｃｅ',
      'a-\uFFFCb',
      'state-of-the-art',
    ]) {
      expect(folded(text)).toEqual(reference(text));
    }
  });

  test('declines text with a code point that continues a chunk', () => {
    const folder = new ViewFolder(false);
    for (const text of ['e\u0301', 'ᄒ\u1161\u11ab', 'a\u0300b', '\u0301']) {
      folder.reset();
      expect(folder.fold(text)).toBe(false);
    }
    folder.reset();
    // A variation selector is an invisible (dropped), not a continuer; U+119E folds to a dot.
    expect(folder.fold('实用\ufe00外交\u119e')).toBe(true);
  });

  test('without a map, the units are the same', () => {
    const rand = mulberry32(11);
    const folder = new ViewFolder(false);
    for (let round = 0; round < 300; round++) {
      const text = randomText(rand, 30);
      folder.reset();
      if (!folder.fold(text)) continue;
      folder.finish();
      expect(folder.text()).toBe(buildView(text).text);
    }
  });
});

describe('ViewFolder buffers', () => {
  test('grow for a long text and are given back after it, still folding the same', () => {
    const folder = new ViewFolder(true);
    const long = '实用外交 '.repeat(300_000);
    folder.reset();
    expect(folder.fold(long)).toBe(true);
    expect(folder.units.length).toBeGreaterThan(1 << 20);
    folder.release();
    expect(folder.units.length).toBeLessThan(1024);
    folder.reset();
    folder.fold('Korea-China');
    folder.finish();
    expect(folder.text()).toBe('korea china');
  });
});
