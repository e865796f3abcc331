// Hangul candidates: the left boundary, the closed chain of attached particles on the right,
// and re-selecting a particle's form when a fix changes the word before it.
// Suffixes such as 인 적 측 화 계 형 식 산 판 어 are deliberately absent: 한국인, 실용외교적
// and 한국측 are other words, not 한국 or 실용외교 plus a particle.

import {
  codePointAt,
  codePointBefore,
  isHangulCodePoint,
  isHangulSyllable,
  isLetter,
  isNumber,
} from './script.js';

export const CASE_PARTICLES: readonly string[] = [
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '에서',
  '에게',
  '께',
  '한테',
  '께서',
  '와',
  '과',
  '로',
  '으로',
  '로서',
  '으로서',
  '로써',
  '으로써',
  '로부터',
  '으로부터',
  '에게서',
  '한테서',
  '보다',
  '처럼',
  '같이',
  '만큼',
  '대로',
  '하고',
  '랑',
  '이랑',
];

export const AUX_PARTICLES: readonly string[] = [
  '은',
  '는',
  '도',
  '만',
  '까지',
  '부터',
  '마저',
  '조차',
  '뿐',
  '마다',
  '밖에',
  '나',
  '이나',
  '라도',
  '이라도',
  '란',
  '이란',
  '야말로',
  '이야말로',
];

/** Plural marker: only as the first particle (동맹국들은). */
export const PLURAL = '들';

/** Copula forms: only as the last particle. */
export const COPULA_FORMS: readonly string[] = [
  '이다',
  '다',
  '입니다',
  '이며',
  '이고',
  '이자',
  '이라는',
  '라는',
  '이었다',
  '였다',
];

const MAX_PARTICLES = 3;

// Longest first, so the common reading wins; the search still backtracks to shorter ones.
const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const FIRST = [PLURAL, ...CASE_PARTICLES, ...AUX_PARTICLES, ...COPULA_FORMS].sort(byLengthDesc);
const LATER = [...CASE_PARTICLES, ...AUX_PARTICLES, ...COPULA_FORMS].sort(byLengthDesc);
const COPULA = new Set(COPULA_FORMS);

/** The unit before `start` is not Hangul, a letter or a digit (대한국 is not 한국). */
export function hangulLeftOk(prose: string, start: number): boolean {
  const cp = codePointBefore(prose, start);
  return cp < 0 || !(isHangulCodePoint(cp) || isLetter(cp) || isNumber(cp));
}

function endsWord(prose: string, i: number): boolean {
  const cp = codePointAt(prose, i);
  return cp < 0 || !isHangulCodePoint(cp);
}

function chain(prose: string, i: number, taken: string[]): number {
  if (endsWord(prose, i)) return i;
  if (taken.length === MAX_PARTICLES) return -1;
  const last = taken[taken.length - 1];
  if (last !== undefined && COPULA.has(last)) return -1;
  for (const p of taken.length === 0 ? FIRST : LATER) {
    if (!prose.startsWith(p, i)) continue;
    taken.push(p);
    const end = chain(prose, i + p.length, taken);
    if (end >= 0) return end;
    taken.pop();
  }
  return -1;
}

/**
 * The particles attached after a Hangul candidate ending at `end` (no space between): at most
 * three from the closed list, 들 only first, a copula form only last, then a non-Hangul
 * character or the end. Null when other Hangul follows (중공업, 한국인, 실용외교적).
 */
export function hangulRight(prose: string, end: number): { particles: string[]; end: number } | null {
  const particles: string[] = [];
  const chainEnd = chain(prose, end, particles);
  return chainEnd < 0 ? null : { particles, end: chainEnd };
}

// Consonant-final form -> vowel-final form.
const ALTERNATIONS: readonly (readonly [string, string])[] = [
  ['이', '가'],
  ['을', '를'],
  ['은', '는'],
  ['과', '와'],
  ['으로', '로'],
  ['으로서', '로서'],
  ['으로써', '로써'],
  ['으로부터', '로부터'],
  ['이랑', '랑'],
  ['이나', '나'],
  ['이라도', '라도'],
  ['이란', '란'],
  ['이야말로', '야말로'],
  ['이다', '다'],
  ['이라는', '라는'],
  ['이었다', '였다'],
];
const TO_VOWEL_FORM = new Map(ALTERNATIONS);
const TO_CONSONANT_FORM = new Map(ALTERNATIONS.map(([c, v]) => [v, c] as const));
// (으)로 and its compounds take the vowel form after ㄹ too (서울로, 서울로서).
const RO_FORMS = new Set(['으로', '로', '으로서', '로서', '으로써', '로써', '으로부터', '로부터']);
const RIEUL = 8;

/**
 * The particles re-selected for a new word: the first particle takes the form its final
 * syllable calls for (batchim -> 을/이/은/과/으로/이다..., vowel -> 를/가/는/와/로/다...; a ㄹ
 * batchim takes 로). Later particles follow a particle, not the word, so they stay. A word that
 * does not end in a Hangul syllable (a digit, a Latin letter) leaves the particles unchanged.
 */
export function reselectParticles(word: string, particles: readonly string[]): string[] {
  const out = [...particles];
  const first = out[0];
  const lastCp = codePointBefore(word, word.length);
  if (first === undefined || !isHangulSyllable(lastCp)) return out;
  const batchim = (lastCp - 0xac00) % 28;
  const vowelForm = TO_VOWEL_FORM.get(first) ?? first;
  const consonantForm = TO_CONSONANT_FORM.get(first) ?? first;
  const useVowelForm = batchim === 0 || (batchim === RIEUL && RO_FORMS.has(first));
  out[0] = useVowelForm ? vowelForm : consonantForm;
  return out;
}
