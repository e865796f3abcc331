import { describe, expect, it } from 'vitest';
import {
  COPULA_AFTER_CONSONANT,
  COPULA_AFTER_VOWEL,
  COPULA_FORMS,
  DOEDA_FORMS,
  HADA_FORMS,
  hasBatchim,
} from '../src/lang/ko-forms.js';
import { hangulRight, reselectParticles } from '../src/lang/ko-particles.js';

/** hangulRight for the first occurrence of `term` in `prose`. */
function right(prose: string, term: string, multiWord = false): { particles: string[]; end: number } | null {
  const start = prose.indexOf(term);
  if (start < 0) throw new Error(`${term} not in ${prose}`);
  return hangulRight(prose, start + term.length, multiWord);
}

/** What follows the term that hangulRight took: the attached forms or particles, as written. */
function taken(prose: string, term: string, multiWord = false): string | null {
  const start = prose.indexOf(term);
  const r = right(prose, term, multiWord);
  return r === null ? null : prose.slice(start + term.length, r.end);
}

describe('the form lists', () => {
  it('hold exactly the 하다, 되다 and copula forms, one closed list each', () => {
    expect(HADA_FORMS.join(' ')).toBe(
      '하다 한다 했다 하였다 합니다 했습니다 하며 하고 하는 한 할 해 해서 해야 하여 하여야 하면 하면서 하기 하기로 하도록 하지 하자 하겠다 하겠습니다 했으며 했고 함 함으로써',
    );
    expect(DOEDA_FORMS.join(' ')).toBe(
      '되다 된다 됐다 되었다 되는 된 될 되어 돼 되며 되고 됩니다 되기 되어야',
    );
    expect(COPULA_FORMS.map(([c, v]) => (c === v ? c : `${c}/${v}`)).join(' ')).toBe(
      '이다/다 이며/며 이라는/라는 이라고/라고 이었다/였다 입니다 이고 이자 인',
    );
  });

  it('chooses the copula forms by the final consonant or vowel before them', () => {
    expect(hasBatchim('맹'.codePointAt(0) ?? 0)).toBe(true);
    expect(hasBatchim('자'.codePointAt(0) ?? 0)).toBe(false);
    expect(hasBatchim('a'.codePointAt(0) ?? 0)).toBe(false);
    expect(COPULA_AFTER_CONSONANT).toEqual([
      '이다',
      '이며',
      '이라는',
      '이라고',
      '이었다',
      '입니다',
      '이고',
      '이자',
      '인',
    ]);
    expect([...COPULA_AFTER_VOWEL].sort()).toEqual(
      [
        '다',
        '며',
        '라는',
        '라고',
        '였다',
        '이다',
        '이며',
        '이라는',
        '이라고',
        '이었다',
        '입니다',
        '이고',
        '이자',
        '인',
      ].sort(),
    );
  });
});

describe('hangulRight with predicate forms', () => {
  it('takes a 하다 form in the same word after a verbal noun', () => {
    expect(taken('양국은 상호 존중하는 관계다', '상호 존중')).toBe('하는');
    expect(taken('서로 존중하며 협력', '존중')).toBe('하며');
    expect(taken('상호 존중해야 한다', '상호 존중')).toBe('해야');
    expect(taken('상호 존중합니다.', '상호 존중')).toBe('합니다');
    expect(taken('상호 존중했다.', '상호 존중')).toBe('했다');
    expect(taken('상호 존중하기로 했다', '상호 존중')).toBe('하기로');
    expect(taken('상호존중함으로써 신뢰를', '상호존중')).toBe('함으로써');
    expect(taken('협력을 강화한 것', '강화')).toBe('한');
  });

  it('takes a 되다 form in the same word', () => {
    expect(taken('상호 존중되는 관계', '상호 존중')).toBe('되는');
    expect(taken('상호 존중되어야 한다', '상호 존중')).toBe('되어야');
    expect(taken('관계가 강화됐다.', '강화')).toBe('됐다');
  });

  it('takes a 하다 or 되다 form after one space, leaving the particles empty', () => {
    expect(right('상호 존중 하는 관계', '상호 존중')).toEqual({ particles: [], end: 8 });
    expect(taken('상호 존중 하기로 했다', '상호 존중')).toBe(' 하기로');
    expect(taken('상호 존중 되는 사회', '상호 존중')).toBe(' 되는');
    // Not after two spaces, not a copula form, not a longer word: the term still stands alone.
    expect(taken('상호 존중  하는 관계', '상호 존중')).toBe('');
    expect(taken('동반자 인 관계', '동반자', true)).toBe('');
    expect(taken('상호 존중 하는데', '상호 존중')).toBe('');
  });

  it('takes a copula form chosen by the final consonant or vowel', () => {
    expect(taken('동반자이며 친구', '동반자')).toBe('이며');
    expect(taken('동반자입니다.', '동반자')).toBe('입니다');
    expect(taken('동반자이다.', '동반자')).toBe('이다');
    expect(taken('동반자라는 말', '동반자')).toBe('라는');
    expect(taken('동반자라고 했다', '동반자')).toBe('라고');
    expect(taken('동반자며 친구', '동반자')).toBe('며');
    expect(taken('동맹이라고 했다', '동맹')).toBe('이라고');
    // After a final consonant only the 이 forms: 동맹라는 and 동맹며 are not Korean.
    expect(right('동맹라는 말', '동맹')).toBeNull();
    expect(right('동맹며 친구', '동맹')).toBeNull();
    expect(right('동맹다.', '동맹')).toBeNull();
    // After a particle the particle's own final syllable decides.
    expect(taken('동반자들이라는 말', '동반자')).toBe('들이라는');
    expect(taken('동맹까지라고 했다', '동맹')).toBe('까지라고');
  });

  it('takes 인 right after the term only for a phrase of several words', () => {
    expect(taken('전략적 협력 동반자인 관계', '전략적 협력 동반자', true)).toBe('인');
    expect(taken('전략적협력동반자인 관계', '전략적협력동반자', true)).toBe('인');
    expect(taken('동맹인 나라', '동맹', true)).toBe('인');
    // After a one-word phrase 인 is mostly the suffix 人: 한국인, 경제인, 기업인 are other words.
    expect(right('한국인 관광객', '한국')).toBeNull();
    expect(right('경제인 여러분', '경제')).toBeNull();
    expect(right('동반자인 관계', '동반자')).toBeNull();
    // After a particle 인 can only be the copula.
    expect(taken('동맹국들인 두 나라', '동맹국')).toBe('들인');
  });

  it('accepts a form only as the end of the word', () => {
    expect(right('한국인은 말했다', '한국', true)).toBeNull();
    expect(right('한국인의 자부심', '한국', true)).toBeNull();
    expect(right('동반자인데', '동반자', true)).toBeNull();
    expect(right('상호 존중하는데', '상호 존중')).toBeNull();
    expect(right('존중하기를', '존중')).toBeNull();
  });

  it('never reads a longer word as a form', () => {
    expect(right('존중심을 갖고', '존중')).toBeNull();
    expect(right('협력자로서', '협력')).toBeNull();
    expect(right('존중받는 사회', '존중')).toBeNull();
    // 동반자들 is the plural particle, as before.
    expect(right('동반자들', '동반자')).toEqual({ particles: ['들'], end: 4 });
  });

  it('keeps particles working as before', () => {
    expect(taken('실용외교를 추진', '실용외교')).toBe('를');
    expect(taken('동맹으로서의 역할', '동맹')).toBe('으로서의');
    expect(taken('상호 존중하고 협력', '상호 존중')).toBe('하고');
  });
});

describe('reselectParticles with copula forms', () => {
  it('re-selects a copula form whose shape depends on the final syllable', () => {
    expect(reselectParticles('한국', ['라는'])).toEqual(['이라는']);
    expect(reselectParticles('한국', ['며'])).toEqual(['이며']);
    expect(reselectParticles('한국', ['라고'])).toEqual(['이라고']);
    expect(reselectParticles('외교', ['이라고'])).toEqual(['라고']);
    expect(reselectParticles('외교', ['이며'])).toEqual(['며']);
  });

  it('leaves 인, 입니다 and the 하다 and 되다 forms as written', () => {
    expect(reselectParticles('한국', ['인'])).toEqual(['인']);
    expect(reselectParticles('외교', ['인'])).toEqual(['인']);
    expect(reselectParticles('외교', ['입니다'])).toEqual(['입니다']);
    expect(reselectParticles('협력', ['하는'])).toEqual(['하는']);
    expect(reselectParticles('존중', ['되어야'])).toEqual(['되어야']);
  });
});
