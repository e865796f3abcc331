import { describe, expect, it } from 'vitest';
import { applyCase, latinLeftOk, latinRightEnd } from '../src/lang/latin.js';
import { isLatinLetter, NO_LATIN_LETTER, scriptOf } from '../src/lang/script.js';

/** Start and end of the first occurrence of `term` in `prose`. */
function span(prose: string, term: string, from = 0): [number, number] {
  const start = prose.indexOf(term, from);
  if (start < 0) throw new Error(`${term} not in ${prose}`);
  return [start, start + term.length];
}

describe('scriptOf', () => {
  it('classifies Latin, full-width Latin, Han, Hangul and the rest', () => {
    expect(scriptOf(0x61)).toBe('latin');
    expect(scriptOf('é'.codePointAt(0)!)).toBe('latin');
    expect(scriptOf('Ａ'.codePointAt(0)!)).toBe('latin');
    expect(scriptOf('实'.codePointAt(0)!)).toBe('han');
    expect(scriptOf('〇'.codePointAt(0)!)).toBe('han');
    expect(scriptOf('𠀀'.codePointAt(0)!)).toBe('han');
    expect(scriptOf('豈'.codePointAt(0)!)).toBe('han');
    expect(scriptOf('한'.codePointAt(0)!)).toBe('hangul');
    expect(scriptOf('ㄱ'.codePointAt(0)!)).toBe('hangul');
    expect(scriptOf('ᄀ'.codePointAt(0)!)).toBe('hangul');
    expect(scriptOf('ж'.codePointAt(0)!)).toBe('other');
    expect(scriptOf('1'.codePointAt(0)!)).toBe('other');
    expect(scriptOf('あ'.codePointAt(0)!)).toBe('other');
  });
});

describe('isLatinLetter', () => {
  it('is the Latin script among letters for every code point of the BMP, the blocks it skips included', () => {
    const latin = /^(?=\p{L})\p{Script=Latin}$/u;
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isLatinLetter(cp) !== latin.test(String.fromCodePoint(cp))) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
    for (const [first, last] of NO_LATIN_LETTER) {
      for (let cp = first; cp <= last; cp++) {
        if (latin.test(String.fromCodePoint(cp))) wrong.push(cp);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('latinLeftOk', () => {
  it('accepts text start, spaces, punctuation, hyphens, Han, Hangul and U+FFFC', () => {
    expect(latinLeftOk('core interests', 0)).toBe(true);
    expect(latinLeftOk('our core', 4)).toBe(true);
    expect(latinLeftOk('("core")', 2)).toBe(true);
    expect(latinLeftOk('non-core', 4)).toBe(true);
    expect(latinLeftOk('中国core', 2)).toBe(true);
    expect(latinLeftOk('한국core', 2)).toBe(true);
    expect(latinLeftOk('日本のcore', 3)).toBe(true);
    expect(latinLeftOk('x\uFFFCcore', 2)).toBe(true);
    expect(latinLeftOk('word\u200Bcore', 5)).toBe(true);
  });

  it('rejects letters, digits, underscore and combining marks before', () => {
    expect(latinLeftOk('repartnership', 2)).toBe(false);
    expect(latinLeftOk('2core', 1)).toBe(false);
    expect(latinLeftOk('_core', 1)).toBe(false);
    expect(latinLeftOk('e\u0301core', 2)).toBe(false);
    expect(latinLeftOk('ｘcore', 1)).toBe(false);
    // Any alphabet of a spaced script continues the word.
    expect(latinLeftOk('жcore', 1)).toBe(false);
    // An astral letter (mathematical bold a) is one code point, two units.
    expect(latinLeftOk('\u{1D41A}core', 2)).toBe(false);
    // A soft hyphen sits inside a word: look through it.
    expect(latinLeftOk('re\u00ADpartnership', 3)).toBe(false);
  });
});

describe('latinRightEnd', () => {
  it('returns end when a boundary follows', () => {
    const prose = 'a strategic cooperative partnership.';
    const [, end] = span(prose, 'strategic cooperative partnership');
    expect(latinRightEnd(prose, end)).toBe(35);
    expect(latinRightEnd('core', 4)).toBe(4);
    expect(latinRightEnd('core中国', 4)).toBe(4);
    expect(latinRightEnd('core-interest', 4)).toBe(4);
    expect(latinRightEnd('core\uFFFC', 4)).toBe(4);
  });

  it('accepts plural and possessive suffixes and returns their end', () => {
    expect(latinRightEnd('our partners agree', 11)).toBe(12);
    expect(latinRightEnd("the partnership's scope", 15)).toBe(17);
    expect(latinRightEnd('China’s view', 5)).toBe(7);
    expect(latinRightEnd('Chinaʼs view', 5)).toBe(7);
    const prose = "the strategic cooperative partnerships' scope";
    const [, end] = span(prose, 'strategic cooperative partnership');
    expect(end).toBe(37);
    expect(latinRightEnd(prose, end)).toBe(39);
    expect(latinRightEnd('partners’ views', 7)).toBe(9);
    expect(latinRightEnd('the churches.', 10)).toBe(12);
    expect(latinRightEnd('PARTNERS', 7)).toBe(8);
    // A closing quote is just punctuation.
    expect(latinRightEnd("a 'partner' role", 10)).toBe(10);
  });

  it('rejects a candidate that ends inside a word', () => {
    expect(latinRightEnd('partnered', 7)).toBe(-1);
    expect(latinRightEnd('partnership', 7)).toBe(-1);
    expect(latinRightEnd('partnerss', 7)).toBe(-1);
    expect(latinRightEnd('core2', 4)).toBe(-1);
    expect(latinRightEnd('core_x', 4)).toBe(-1);
    expect(latinRightEnd('coré', 3)).toBe(-1);
    expect(latinRightEnd('core\u0301', 4)).toBe(-1);
    expect(latinRightEnd('coreж', 4)).toBe(-1);
    expect(latinRightEnd("partner'sx", 7)).toBe(7);
    expect(latinRightEnd('partner\u00ADship', 7)).toBe(-1);
  });

  it("'ies' mode requires the plural s after the ie stem", () => {
    // "policie" is the stem registered for "policy".
    expect(latinRightEnd('these policies work', 13)).toBe(14);
    expect(latinRightEnd('POLICIES', 7)).toBe(8);
    expect(latinRightEnd("the allies' view", 9)).toBe(11);
    expect(latinRightEnd('Allie said', 5, 'ies')).toBe(-1);
    expect(latinRightEnd('policiesx', 7, 'ies')).toBe(-1);
    expect(latinRightEnd('policie’s', 7, 'ies')).toBe(-1);
  });

  it('passes the mode through', () => {
    expect(latinRightEnd('these policies work', 13, 'ies')).toBe(14);
  });
});

describe('applyCase', () => {
  it('keeps Capitalised, ALL CAPS and lower case', () => {
    expect(applyCase('Peripheral', 'neighbourhood')).toBe('Neighbourhood');
    expect(applyCase('PERIPHERAL', 'neighbourhood')).toBe('NEIGHBOURHOOD');
    expect(applyCase('peripheral', 'neighbourhood')).toBe('neighbourhood');
    expect(applyCase('peripheral', 'Republic of Korea')).toBe('Republic of Korea');
    expect(applyCase('Strategic cooperative partnership', 'comprehensive partnership')).toBe(
      'Comprehensive partnership',
    );
  });

  it('capitalises every word of a Title Case match, except minor words', () => {
    expect(applyCase('Strategic Cooperative Partnership', 'comprehensive strategic partnership')).toBe(
      'Comprehensive Strategic Partnership',
    );
    expect(applyCase('South Korea', 'republic of korea')).toBe('Republic of Korea');
    expect(applyCase('Treaty of Amity', 'the treaty of friendship')).toBe('The Treaty of Friendship');
  });

  it('leaves mixed case and a single capital letter word alone or capitalised', () => {
    expect(applyCase('iPhone', 'device')).toBe('device');
    expect(applyCase('Strategic Cooperative partnership', 'partner')).toBe('partner');
    expect(applyCase('A', 'the')).toBe('The');
    expect(applyCase('U.S.', 'united states')).toBe('UNITED STATES');
    expect(applyCase('Élan', 'élan vital')).toBe('Élan vital');
  });
});
