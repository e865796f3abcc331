import { describe, expect, it } from 'vitest';
import { countLetters, documentLanguageOf, hanScript, noLetters } from '../src/index.js';
import { hasHangul, isHanCodePoint, isHangulCodePoint, isLatinLetter, isLetter } from '../src/lang/script.js';
import { hanVariantOf } from '../src/view/t2s.js';
import { mulberry32 } from './random.js';

describe('hanScript', () => {
  it('says Simplified or Traditional by the characters only one of them uses', () => {
    expect(hanScript('韩国新政府奉行务实外交。')).toBe('hans');
    expect(hanScript('韓國新政府奉行務實外交。')).toBe('hant');
    expect(hanScript('中国')).toBe('hans');
    expect(hanScript('中國')).toBe('hant');
    // An astral Traditional character (𡻕 -> 岁) and a Simplified target of one.
    expect(hanScript('𡻕')).toBe('hant');
    expect(hanScript('岁')).toBe('hans');
  });

  it('counts, so a few characters of the other script do not decide', () => {
    expect(hanScript('新政府奉行务实外交，与韓國建立战略合作伙伴关系。')).toBe('hans');
    expect(hanScript('新政府奉行務實外交，與韩国建立戰略合作夥伴關係。')).toBe('hant');
  });

  it('is undefined without Han, with only shared characters, or on a tie', () => {
    expect(hanScript('')).toBeUndefined();
    expect(hanScript('Korea and 한국')).toBeUndefined();
    expect(hanScript('外交')).toBeUndefined();
    expect(hanScript('务實')).toBeUndefined();
  });
});

describe('documentLanguageOf', () => {
  it('names the script whose letters are more than half of all letters', () => {
    expect(documentLanguageOf('양국은 상호 존중을 바탕으로 관계를 발전시켜야 한다.')).toBe('ko');
    expect(documentLanguageOf('韩国新政府奉行务实外交。')).toBe('zh');
    expect(documentLanguageOf('韓國新政府奉行務實外交。')).toBe('zh');
    expect(documentLanguageOf('Seoul pursues pragmatic diplomacy.')).toBe('en');
  });

  it('counts letters, not bytes or characters of other kinds', () => {
    // Korean with Hanja glosses and an acronym is still Korean.
    expect(documentLanguageOf('실용외교(實用外交)는 이재명 정부의 외교 노선이며 ROK 정부의 방침이다.')).toBe(
      'ko',
    );
    // Digits, punctuation and emoji count for nothing.
    expect(documentLanguageOf('2025年6月24日 😀 —— 1234567890 !!!')).toBe('zh');
    // Five Latin letters outweigh four Hangul syllables.
    expect(documentLanguageOf('Korea 대한민국')).toBe('en');
    expect(documentLanguageOf('The Chinese term 实用外交 reads as materialist.')).toBe('en');
  });

  it('is undefined when no script has more than half of the letters, or with none', () => {
    expect(documentLanguageOf('')).toBeUndefined();
    expect(documentLanguageOf('1234 !?')).toBeUndefined();
    expect(documentLanguageOf('abcd 实用外交')).toBeUndefined();
    expect(documentLanguageOf('ab 实用 한국')).toBeUndefined();
    // Cyrillic letters count against every script.
    expect(documentLanguageOf('Российская Федерация and China')).toBeUndefined();
  });
});

describe('countLetters', () => {
  // One code point at a time, with the predicates the counts are defined by.
  const reference = (text: string) => {
    const counts = noLetters();
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (isHangulCodePoint(cp)) counts.hangul++;
      else if (isHanCodePoint(cp)) {
        counts.han++;
        const variant = hanVariantOf(cp);
        if (variant === 'hans') counts.hans++;
        if (variant === 'hant') counts.hant++;
      } else if (isLatinLetter(cp)) counts.latin++;
      else if (!isLetter(cp)) continue;
      counts.letters++;
    }
    return counts;
  };

  it('counts what the per-code-point definition counts, surrogates (paired or lone) included', () => {
    const next = mulberry32(7);
    const pool = [
      'a',
      'Z',
      'é',
      'ß',
      '1',
      ' ',
      '。',
      '—',
      '😀',
      '한',
      'ᄀ',
      '國',
      '国',
      '外',
      '𡻕',
      '岁',
      '𠀀',
      'Я',
      'あ',
      '\uD800',
      '\uDC00',
      '\u00AD',
      '\u200B',
      '\uFFFC',
      '〇',
      '\u4DB5',
    ];
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
      expect({ text, counts: countLetters(noLetters(), text) }).toEqual({ text, counts: reference(text) });
    }
  });

  it('adds up over parts cut between code points', () => {
    const text = '韓國與韩国 Korea 한국 😀 𡻕 Россия';
    const whole = countLetters(noLetters(), text);
    for (let cut = 0; cut <= text.length; cut++) {
      if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) continue;
      const parts = countLetters(countLetters(noLetters(), text, 0, cut), text, cut);
      expect(parts).toEqual(whole);
    }
  });
});

describe('hasHangul', () => {
  it('finds what isHangulCodePoint accepts, and nothing else', () => {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = `中${String.fromCharCode(cp)}国`;
      if (hasHangul(text) !== isHangulCodePoint(cp)) expect.fail(`U+${cp.toString(16)}`);
    }
    expect(hasHangul('韩国奉行务实外交。')).toBe(false);
    expect(hasHangul('韩国总统이재명表示')).toBe(true);
    // Jamo count as Hangul, as for the unit after a match (hanInKoreanProse).
    expect(hasHangul('实用外交ᆫ')).toBe(true);
    expect(hasHangul('𠀀𪜀')).toBe(false);
  });
});
