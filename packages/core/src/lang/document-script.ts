// What a whole text is written in: Simplified or Traditional Chinese, and which language's script
// dominates it. Callers use these for conditions (a rule only for Simplified text, only for
// Korean-language documents), never for matching, which works by script whatever the language.

import { hanVariantOf } from '../view/t2s.js';
import { cpLength, isHanCodePoint, isHangulCodePoint, isLatinLetter, isLetter } from './script.js';

/**
 * `hans` or `hant` by counting the characters only Simplified or only Traditional text uses (from
 * the Traditional -> Simplified table); undefined when the text has none of either or as many of
 * each.
 */
export function hanScript(text: string): 'hans' | 'hant' | undefined {
  let hans = 0;
  let hant = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    i += cpLength(cp);
    if (!isHanCodePoint(cp)) continue;
    const variant = hanVariantOf(cp);
    if (variant === 'hans') hans++;
    else if (variant === 'hant') hant++;
  }
  if (hans === hant) return undefined;
  return hans > hant ? 'hans' : 'hant';
}

/**
 * The language whose script holds more than half of the text's letters: `ko` for Hangul, `zh` for
 * Han, `en` for Latin. Letters are counted one per code point (a Hangul syllable, a Han character,
 * a Latin letter), whatever their UTF-8 length; digits, punctuation and symbols do not count, and
 * letters of other scripts (kana, Cyrillic) count against all three. Undefined when no script
 * has more than half.
 */
export function documentLanguageOf(text: string): 'ko' | 'zh' | 'en' | undefined {
  let hangul = 0;
  let han = 0;
  let latin = 0;
  let letters = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    i += cpLength(cp);
    // The three sets are disjoint: the range checks first, before the Latin check's regex.
    if (isHangulCodePoint(cp)) hangul++;
    else if (isHanCodePoint(cp)) han++;
    else if (isLatinLetter(cp)) latin++;
    else if (!isLetter(cp)) continue;
    letters++;
  }
  if (hangul * 2 > letters) return 'ko';
  if (han * 2 > letters) return 'zh';
  if (latin * 2 > letters) return 'en';
  return undefined;
}
