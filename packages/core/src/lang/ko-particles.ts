// Hangul candidates: the left boundary, the closed chain of attached particles and predicate
// forms on the right, and re-selecting a particle's form when a fix changes the word before it.
// Suffixes such as 적 측 화 계 형 식 산 판 어 are deliberately absent: 실용외교적 and 한국측 are
// other words, not 실용외교 or 한국 plus a particle. 인 is a copula form (전략적 협력 동반자인
// 관계): like every form it ends the word, and right after the term it is accepted only for a
// phrase of several words, so 한국인, 한국인은 and 한국인의 are still other words than 한국.

import {
  COPULA_AFTER_CONSONANT,
  COPULA_AFTER_VOWEL,
  COPULA_FORMS,
  hasBatchim,
  VERB_FORMS,
} from './ko-forms.js';
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

const MAX_PARTICLES = 3;

/** One link of the chain; `last`: nothing may follow it in the word (a copula or a 하다/되다 form). */
interface Link {
  text: string;
  last: boolean;
}

// Longest first, so the common reading wins (이다 before 이 + 다); the search still backtracks.
function links(particles: readonly string[], forms: readonly string[]): Link[] {
  const out: Link[] = particles.map((text) => ({ text, last: false }));
  for (const text of forms) if (!particles.includes(text)) out.push({ text, last: true });
  return out.sort((a, b) => b.text.length - a.text.length);
}

const PARTICLES = [...CASE_PARTICLES, ...AUX_PARTICLES];
const notIn = (form: string): boolean => form !== '인';
// 들 and the 하다/되다 forms only right after the word; copula forms after it or after a particle,
// in the shape the syllable before them calls for. Right after a one-word phrase 인 is left out:
// there it is far more often the suffix 人 (경제인, 기업인, 한국인) than the copula (see README).
const FIRST_AFTER_CONSONANT = links([PLURAL, ...PARTICLES], [...COPULA_AFTER_CONSONANT, ...VERB_FORMS]);
const FIRST_AFTER_VOWEL = links([PLURAL, ...PARTICLES], [...COPULA_AFTER_VOWEL, ...VERB_FORMS]);
const FIRST_AFTER_CONSONANT_NO_IN = FIRST_AFTER_CONSONANT.filter((l) => notIn(l.text));
const FIRST_AFTER_VOWEL_NO_IN = FIRST_AFTER_VOWEL.filter((l) => notIn(l.text));
const LATER_AFTER_CONSONANT = links(PARTICLES, COPULA_AFTER_CONSONANT);
const LATER_AFTER_VOWEL = links(PARTICLES, COPULA_AFTER_VOWEL);

function linksAt(first: boolean, consonant: boolean, multiWord: boolean): readonly Link[] {
  if (!first) return consonant ? LATER_AFTER_CONSONANT : LATER_AFTER_VOWEL;
  if (multiWord) return consonant ? FIRST_AFTER_CONSONANT : FIRST_AFTER_VOWEL;
  return consonant ? FIRST_AFTER_CONSONANT_NO_IN : FIRST_AFTER_VOWEL_NO_IN;
}

/** The unit before `start` is not Hangul, a letter or a digit (대한국 is not 한국). */
export function hangulLeftOk(prose: string, start: number): boolean {
  const cp = codePointBefore(prose, start);
  return cp < 0 || !(isHangulCodePoint(cp) || isLetter(cp) || isNumber(cp));
}

function endsWord(prose: string, i: number): boolean {
  const cp = codePointAt(prose, i);
  return cp < 0 || !isHangulCodePoint(cp);
}

function chain(prose: string, i: number, taken: string[], lastTaken: boolean, multiWord: boolean): number {
  if (endsWord(prose, i)) return i;
  if (taken.length === MAX_PARTICLES || lastTaken) return -1;
  const options = linksAt(taken.length === 0, hasBatchim(codePointBefore(prose, i)), multiWord);
  // Indexed: see inRanges (script.ts).
  for (let k = 0; k < options.length; k++) {
    const link = options[k] as Link;
    if (!prose.startsWith(link.text, i)) continue;
    taken.push(link.text);
    const end = chain(prose, i + link.text.length, taken, link.last, multiWord);
    if (end >= 0) return end;
    taken.pop();
  }
  return -1;
}

/** The end of a 하다 or 되다 form written as its own word after one space (상호 존중 하는), or -1. */
function spacedVerbFormEnd(prose: string, i: number): number {
  if (prose.charCodeAt(i) !== 0x20) return -1;
  for (let k = 0; k < VERB_FORMS.length; k++) {
    const form = VERB_FORMS[k] as string;
    if (prose.startsWith(form, i + 1) && endsWord(prose, i + 1 + form.length)) return i + 1 + form.length;
  }
  return -1;
}

/**
 * What follows a Hangul candidate ending at `end`, in the same word: at most three particles from
 * the closed list (들 only first, a copula form only last, in the shape the syllable before it
 * calls for), or one 하다/되다 form; then a non-Hangul character or the end. The copula 인 right
 * after the term only when the phrase has several words (`multiWord`: 전략적 협력 동반자인 관계).
 * With nothing attached, a 하다/되다 form after one space is taken too (상호 존중 하는): `end`
 * covers it, `particles` stays empty since a separate word never changes with the term. Null
 * when other Hangul follows (중공업, 한국인은, 실용외교적, 존중심).
 */
export function hangulRight(
  prose: string,
  end: number,
  multiWord = false,
): { particles: string[]; end: number } | null {
  const particles: string[] = [];
  const chainEnd = chain(prose, end, particles, false, multiWord);
  if (chainEnd < 0) return null;
  const spaced = chainEnd === end ? spacedVerbFormEnd(prose, end) : -1;
  return { particles, end: spaced >= 0 ? spaced : chainEnd };
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
  ...COPULA_FORMS.filter(([c, v]) => c !== v),
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
