import { describe, expect, it } from 'vitest';
import {
  countLetters,
  documentLanguageOf,
  hanScript,
  hanScriptOfLetters,
  type LetterCounts,
  languageOfLetters,
  noLetters,
} from '../src/index.js';
import { hanScriptSettled, languageSettled } from '../src/lang/document-script.js';
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

describe('languageSettled, hanScriptSettled', () => {
  // Every count `rest` more code points can make of `counts`, each of one kind (or no letter).
  const KINDS = ['hangul', 'hans', 'hant', 'han', 'latin', 'other', 'none'] as const;
  const grown = (counts: LetterCounts, rest: number): LetterCounts[] => {
    if (rest === 0) return [counts];
    const out: LetterCounts[] = [counts];
    for (const kind of KINDS) {
      const next = { ...counts };
      if (kind !== 'none') next.letters++;
      if (kind === 'hangul') next.hangul++;
      if (kind === 'latin') next.latin++;
      if (kind === 'hans' || kind === 'hant' || kind === 'han') next.han++;
      if (kind === 'hans') next.hans++;
      if (kind === 'hant') next.hant++;
      out.push(...grown(next, rest - 1));
    }
    return out;
  };

  it('say settled only when no code points that may follow change the answer (every small count)', () => {
    let language = 0;
    let script = 0;
    const range = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
    for (const hangul of range(4))
      for (const hans of range(2))
        for (const hant of range(2))
          for (const plainHan of range(2))
            for (const latin of range(4))
              for (const other of range(2))
                for (const rest of range(2)) {
                  const han = hans + hant + plainHan;
                  const counts = { hangul, han, hans, hant, latin, letters: hangul + han + latin + other };
                  const all = grown(counts, rest);
                  if (languageSettled(counts, rest)) {
                    language++;
                    expect(new Set(all.map(languageOfLetters))).toEqual(new Set([languageOfLetters(counts)]));
                  }
                  if (hanScriptSettled(counts, rest)) {
                    script++;
                    expect(new Set(all.map(hanScriptOfLetters))).toEqual(
                      new Set([hanScriptOfLetters(counts)]),
                    );
                  }
                  // With nothing left to come, the language is settled (and the script, but on a tie).
                  if (rest === 0) expect(languageSettled(counts, 0)).toBe(true);
                }
    expect(language).toBeGreaterThan(1000);
    expect(script).toBeGreaterThan(1000);
  });

  it("settle a text's language before its end when one script leads by more than the rest", () => {
    expect(languageSettled({ hangul: 30, han: 0, hans: 0, hant: 0, latin: 5, letters: 35 }, 20)).toBe(true);
    expect(languageSettled({ hangul: 30, han: 0, hans: 0, hant: 0, latin: 5, letters: 35 }, 30)).toBe(false);
    // No script can reach half: undefined, settled.
    expect(languageSettled({ hangul: 10, han: 10, hans: 0, hant: 0, latin: 10, letters: 30 }, 5)).toBe(true);
    expect(hanScriptSettled({ hangul: 0, han: 20, hans: 8, hant: 1, latin: 0, letters: 20 }, 6)).toBe(true);
    expect(hanScriptSettled({ hangul: 0, han: 20, hans: 8, hant: 1, latin: 0, letters: 20 }, 7)).toBe(false);
  });
});
