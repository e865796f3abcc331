// Korean particles after a term a message inserts (`{expected}를`): the form is chosen by the
// inserted term's last syllable, as a writer would (을/를, 이/가, 은/는, 과/와, 으로/로, a ㄹ final
// taking 로). A term that ends in no Hangul syllable (Han, Latin) has no syllable to go by: it gets
// the written pair, consonant form first, as Korean style guides write it (을(를), (으)로).
import { AUX_PARTICLES, CASE_PARTICLES, reselectParticles } from '../lang/ko-particles.js';
import { cpLength, isHangulSyllable } from '../lang/script.js';

// Consonant-final form, vowel-final form: the particles a template may put after a placeholder
// whose form depends on the term.
const PAIRS: readonly (readonly [string, string])[] = [
  ['으로부터', '로부터'],
  ['으로서', '로서'],
  ['으로써', '로써'],
  ['으로', '로'],
  ['이라는', '라는'],
  ['이라고', '라고'],
  ['이다', '다'],
  ['이며', '며'],
  ['이나', '나'],
  ['이랑', '랑'],
  ['이라도', '라도'],
  ['이란', '란'],
  ['이', '가'],
  ['을', '를'],
  ['은', '는'],
  ['과', '와'],
];

const FORMS = PAIRS.flat().sort((a, b) => b.length - a.length);
const PAIR_OF = new Map(
  PAIRS.flatMap(
    (pair) =>
      [
        [pair[0], pair],
        [pair[1], pair],
      ] as const,
  ),
);
/** Particles whose form never changes (의, 에, 도, 만...): any term takes them. */
const FIXED = new Set([...CASE_PARTICLES, ...AUX_PARTICLES].filter((p) => !PAIR_OF.has(p)));

// Sino-Korean readings of digits end the number: 1 (일), 7 (칠), 8 (팔) in ㄹ; 0 (영), 3 (삼),
// 6 (육) in another consonant; 2, 4, 5, 9 in a vowel.
const DIGIT_SYLLABLE = '영일이삼사오육칠팔구';

/** The particle form of `{consonant, vowel}` a term takes, or the written pair when it is unknown. */
export function particleFor(term: string, written: string): string {
  const pair = PAIR_OF.get(written);
  if (!pair) return written;
  const last = lastSyllable(term);
  if (last === undefined) return pair[0].startsWith('으') ? `(으)${pair[1]}` : `${pair[0]}(${pair[1]})`;
  return reselectParticles(last, [written])[0] ?? written;
}

function lastSyllable(term: string): string | undefined {
  const cp =
    Array.from(term.replace(/[\s'"’”)\]」』]+$/u, ''))
      .at(-1)
      ?.codePointAt(0) ?? 0;
  if (isHangulSyllable(cp)) return String.fromCodePoint(cp);
  if (cp >= 0x30 && cp <= 0x39) return DIGIT_SYLLABLE[cp - 0x30];
  return undefined;
}

/** The particle a template writes right after a placeholder (`를 쓰십시오` -> `를`), if any. */
export function particleAt(template: string, at: number): string | undefined {
  return FORMS.find((form) => template.startsWith(form, at) && !hangulAt(template, at + form.length));
}

function hangulAt(s: string, i: number): boolean {
  return isHangulSyllable(s.codePointAt(i) ?? 0);
}

/**
 * Whether the Hangul written right after a placeholder at `at` is something the renderer can fit to
 * any inserted term: nothing, a particle it chooses (`를`), or a particle of one form for every
 * term (`의`, `만`, `에서`). Anything else (`를을`, `이라`) would read wrong after some term.
 */
export function particleFits(template: string, at: number): boolean {
  if (!hangulAt(template, at)) return true;
  if (particleAt(template, at) !== undefined) return true;
  let end = at;
  while (hangulAt(template, end)) end += cpLength(template.codePointAt(end) ?? 0);
  const run = template.slice(at, end);
  return FIXED.has(run) || [...FIXED].some((p) => run.startsWith(p) && FIXED.has(run.slice(p.length)));
}
