import { describe, expect, it } from 'vitest';
import { COPULA_FORMS } from '../src/lang/ko-forms.js';
import {
  AUX_PARTICLES,
  CASE_PARTICLES,
  hangulLeftOk,
  hangulRight,
  PLURAL,
  reselectParticles,
} from '../src/lang/ko-particles.js';

/** hangulRight for the first occurrence of `term` in `prose`. */
function right(prose: string, term: string): { particles: string[]; end: number } | null {
  const start = prose.indexOf(term);
  if (start < 0) throw new Error(`${term} not in ${prose}`);
  return hangulRight(prose, start + term.length);
}

describe('particle lists', () => {
  it('hold exactly the DESIGN list and none of the suffixes', () => {
    expect(CASE_PARTICLES.join(' ')).toBe(
      '이 가 을 를 의 에 에서 에게 께 한테 께서 와 과 로 으로 로서 으로서 로써 으로써 로부터 으로부터 에게서 한테서 보다 처럼 같이 만큼 대로 하고 랑 이랑',
    );
    expect(AUX_PARTICLES.join(' ')).toBe(
      '은 는 도 만 까지 부터 마저 조차 뿐 마다 밖에 나 이나 라도 이라도 란 이란 야말로 이야말로',
    );
    expect(PLURAL).toBe('들');
    // The copula forms live in ko-forms.ts (lang-ko-forms.test.ts); 인 is one of them, accepted only
    // at the end of a word, so it is no longer among the suffixes that never follow.
    const all = new Set([...CASE_PARTICLES, ...AUX_PARTICLES, PLURAL, ...COPULA_FORMS.flat()]);
    for (const never of ['적', '측', '화', '계', '형', '식', '산', '판', '어']) {
      expect(all.has(never)).toBe(false);
    }
  });
});

describe('hangulLeftOk', () => {
  it('rejects Hangul, letters and digits before', () => {
    expect(hangulLeftOk('대한국', 1)).toBe(false);
    expect(hangulLeftOk('a한국', 1)).toBe(false);
    expect(hangulLeftOk('2한국', 1)).toBe(false);
    expect(hangulLeftOk('ㄱ한국', 1)).toBe(false);
    expect(hangulLeftOk('中한국', 1)).toBe(false);
  });

  it('accepts text start, space, punctuation and U+FFFC', () => {
    expect(hangulLeftOk('한국', 0)).toBe(true);
    expect(hangulLeftOk('대 한국', 2)).toBe(true);
    expect(hangulLeftOk('(한국)', 1)).toBe(true);
    expect(hangulLeftOk('“한국', 1)).toBe(true);
    expect(hangulLeftOk('x\uFFFC한국', 2)).toBe(true);
  });
});

describe('hangulRight', () => {
  it('takes a single particle', () => {
    expect(right('한국은 실용외교를 추진한다.', '실용외교')).toEqual({ particles: ['를'], end: 9 });
    expect(right('한국의 입장', '한국')).toEqual({ particles: ['의'], end: 3 });
    expect(right('관계입니다.', '관계')).toEqual({ particles: ['입니다'], end: 5 });
    expect(right('중공은 1949년', '중공')).toEqual({ particles: ['은'], end: 3 });
  });

  it('stacks up to three particles, backtracking to a segmentation that works', () => {
    expect(right('실용외교에서부터 출발', '실용외교')).toEqual({ particles: ['에서', '부터'], end: 8 });
    expect(right('전략적협력동반자관계로서의 의미', '전략적협력동반자관계')).toEqual({
      particles: ['로서', '의'],
      end: 13,
    });
    expect(right('동맹으로서의 역할', '동맹')).toEqual({ particles: ['으로서', '의'], end: 6 });
    expect(right('한국에서부터는 멀다', '한국')).toEqual({ particles: ['에서', '부터', '는'], end: 7 });
    expect(right('동맹국들은', '동맹국')).toEqual({ particles: ['들', '은'], end: 5 });
    expect(right('한국과의 관계', '한국')).toEqual({ particles: ['과', '의'], end: 4 });
    expect(right('동맹까지가', '동맹')).toEqual({ particles: ['까지', '가'], end: 5 });
    expect(right('파트너로부터의 지원', '파트너')).toEqual({ particles: ['로부터', '의'], end: 7 });
  });

  it('accepts no particle before a space, punctuation or the end', () => {
    expect(right('관계 도약', '관계')).toEqual({ particles: [], end: 2 });
    expect(right('관계.', '관계')).toEqual({ particles: [], end: 2 });
    expect(right('관계', '관계')).toEqual({ particles: [], end: 2 });
    expect(right('중공(中共)의', '중공')).toEqual({ particles: [], end: 2 });
    expect(right('한국\uFFFC이', '한국')).toEqual({ particles: [], end: 2 });
  });

  it('returns null when other Hangul follows', () => {
    expect(right('중공업 육성', '중공')).toBeNull();
    expect(right('한국인 관광객', '한국')).toBeNull();
    expect(right('실용외교적 접근', '실용외교')).toBeNull();
    expect(right('한국측 입장', '한국')).toBeNull();
    expect(right('북한이탈주민', '북한')).toBeNull();
    // Four particles are one too many.
    expect(right('한국에서부터만은', '한국')).toBeNull();
  });

  it('keeps 들 first and copula forms last', () => {
    expect(right('동맹은들', '동맹')).toBeNull();
    expect(right('동맹이다는', '동맹')).toBeNull();
    expect(right('동맹들이다.', '동맹')).toEqual({ particles: ['들', '이다'], end: 5 });
    expect(right('동맹이라는 말', '동맹')).toEqual({ particles: ['이라는'], end: 5 });
    expect(right('동맹만이었다', '동맹')).toEqual({ particles: ['만', '이었다'], end: 6 });
  });
});

describe('reselectParticles', () => {
  it('re-selects 을/를, 이/가, 은/는, 과/와 for the new final syllable', () => {
    expect(reselectParticles('무역', ['를'])).toEqual(['을']);
    expect(reselectParticles('외교', ['을'])).toEqual(['를']);
    expect(reselectParticles('중국', ['가'])).toEqual(['이']);
    expect(reselectParticles('사드', ['이'])).toEqual(['가']);
    expect(reselectParticles('일본해', ['은'])).toEqual(['는']);
    expect(reselectParticles('동해', ['과'])).toEqual(['와']);
    expect(reselectParticles('한국', ['와', '의'])).toEqual(['과', '의']);
  });

  it('uses 로 after a vowel or ㄹ and 으로 after another batchim', () => {
    expect(reselectParticles('서울', ['으로'])).toEqual(['로']);
    expect(reselectParticles('외교', ['으로'])).toEqual(['로']);
    expect(reselectParticles('동반자관계', ['으로서', '의'])).toEqual(['로서', '의']);
    expect(reselectParticles('협력', ['로서', '의'])).toEqual(['으로서', '의']);
    expect(reselectParticles('서울', ['으로부터'])).toEqual(['로부터']);
    expect(reselectParticles('중국', ['로써'])).toEqual(['으로써']);
    // ㄹ does not make 을/이 take the vowel form.
    expect(reselectParticles('서울', ['를'])).toEqual(['을']);
  });

  it('re-selects copula and other paired forms', () => {
    expect(reselectParticles('외교', ['이다'])).toEqual(['다']);
    expect(reselectParticles('무역', ['다'])).toEqual(['이다']);
    expect(reselectParticles('외교', ['이었다'])).toEqual(['였다']);
    expect(reselectParticles('무역', ['라는'])).toEqual(['이라는']);
    expect(reselectParticles('외교', ['이나'])).toEqual(['나']);
    expect(reselectParticles('무역', ['야말로'])).toEqual(['이야말로']);
    // Forms without an alternation stay; 이며 alternates with 며 like 이다 with 다.
    expect(reselectParticles('외교', ['입니다'])).toEqual(['입니다']);
    expect(reselectParticles('외교', ['이며'])).toEqual(['며']);
    expect(reselectParticles('외교', ['에서', '는'])).toEqual(['에서', '는']);
  });

  it('changes only the first particle', () => {
    expect(reselectParticles('외교', ['들', '을'])).toEqual(['들', '을']);
    expect(reselectParticles('무역', ['만', '를'])).toEqual(['만', '를']);
  });

  it('leaves particles alone when the word does not end in a Hangul syllable', () => {
    expect(reselectParticles('G20', ['을'])).toEqual(['을']);
    expect(reselectParticles('THAAD', ['를'])).toEqual(['를']);
    expect(reselectParticles('무역', [])).toEqual([]);
  });
});
