// Korean predicate forms: the 하다 and 되다 forms of a verbal noun (존중하는, 존중되어야) and the
// copula forms of a noun (동반자인, 동맹이라는). One closed list each; a form ends its word, so a
// longer word that only starts like one (존중심, 협력자, 한국인은) is never read as a form.

import { isHangulSyllable } from './script.js';

export const HADA_FORMS: readonly string[] = [
  '하다',
  '한다',
  '했다',
  '하였다',
  '합니다',
  '했습니다',
  '하며',
  '하고',
  '하는',
  '한',
  '할',
  '해',
  '해서',
  '해야',
  '하여',
  '하여야',
  '하면',
  '하면서',
  '하기',
  '하기로',
  '하도록',
  '하지',
  '하자',
  '하겠다',
  '하겠습니다',
  '했으며',
  '했고',
  '함',
  '함으로써',
];

export const DOEDA_FORMS: readonly string[] = [
  '되다',
  '된다',
  '됐다',
  '되었다',
  '되는',
  '된',
  '될',
  '되어',
  '돼',
  '되며',
  '되고',
  '됩니다',
  '되기',
  '되어야',
];

/**
 * Copula forms as [after a final consonant, after a vowel]. After a vowel the full form is
 * Korean too (동반자이다, 동반자이며), so both are accepted there; after a consonant only the full
 * one (동맹이다, never 동맹다). A form written the same after both has one spelling (인, 입니다).
 */
export const COPULA_FORMS: readonly (readonly [string, string])[] = [
  ['이다', '다'],
  ['이며', '며'],
  ['이라는', '라는'],
  ['이라고', '라고'],
  ['이었다', '였다'],
  ['입니다', '입니다'],
  ['이고', '이고'],
  ['이자', '이자'],
  ['인', '인'],
];

// Longest first, so the search tries the longest reading first.
const byLengthDesc = (a: string, b: string): number => b.length - a.length;
/** The 하다 and 되다 forms, longest first. */
export const VERB_FORMS: readonly string[] = [...HADA_FORMS, ...DOEDA_FORMS].sort(byLengthDesc);
/** The copula forms after a final consonant: the full forms only. */
export const COPULA_AFTER_CONSONANT: readonly string[] = COPULA_FORMS.map(([c]) => c);
/** The copula forms after a vowel: both shapes, longest first. */
export const COPULA_AFTER_VOWEL: readonly string[] = [...new Set(COPULA_FORMS.flat())].sort(byLengthDesc);

/** Whether a Hangul syllable ends in a consonant (has a batchim). */
export function hasBatchim(cp: number): boolean {
  return isHangulSyllable(cp) && (cp - 0xac00) % 28 !== 0;
}
