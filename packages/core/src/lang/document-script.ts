// What a whole text is written in: Simplified or Traditional Chinese, and which language's script
// dominates it. Callers use these for conditions (a rule only for Simplified text, only for
// Korean-language documents), never for matching, which works by script whatever the language.

import { hanVariantOf } from '../view/t2s.js';
import { isHanCodePoint, isHangulCodePoint, isLatinLetter, isLetter } from './script.js';

// What a code point counts as here, computed once per BMP code point (the Unicode property tests
// behind `isLetter` and `isLatinLetter` are regular expressions: slow, run per character of every
// document that gets a finding). 0: not computed yet.
const NOT_LETTER = 1;
const HANGUL = 2;
const LATIN = 3;
const OTHER_LETTER = 4;
/** Han, and from here on what `hanVariantOf` says of it. */
const HAN = 5;
const HAN_HANS = 6;
const HAN_HANT = 7;
let classes: Uint8Array | undefined;

function computeClass(cp: number): number {
  // The three sets are disjoint: the range checks first, before the Latin check's regex.
  if (isHangulCodePoint(cp)) return HANGUL;
  if (isHanCodePoint(cp)) {
    const variant = hanVariantOf(cp);
    return variant === 'hans' ? HAN_HANS : variant === 'hant' ? HAN_HANT : HAN;
  }
  if (isLatinLetter(cp)) return LATIN;
  return isLetter(cp) ? OTHER_LETTER : NOT_LETTER;
}

/** The class of every BMP unit computed so far (0: not yet; surrogates stay 0), the Hangul syllables from the start. */
function classTable(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(0x10000);
    classes.fill(HANGUL, 0xac00, 0xd7a4);
  }
  return classes;
}

function classOf(cp: number): number {
  if (cp > 0xffff) return computeClass(cp);
  const table = classTable();
  let kind = table[cp] as number;
  if (kind === 0) {
    kind = computeClass(cp);
    if (cp < 0xd800 || cp > 0xdfff) table[cp] = kind;
  }
  return kind;
}

/**
 * `hans` or `hant` by counting the characters only Simplified or only Traditional text uses (from
 * the Traditional -> Simplified table); undefined when the text has none of either or as many of
 * each.
 */
export function hanScript(text: string): 'hans' | 'hant' | undefined {
  return hanScriptOfLetters(countLetters(noLetters(), text));
}

/** Letters of a text by script, as `documentLanguageOf` and `hanScript` count them. */
export interface LetterCounts {
  hangul: number;
  han: number;
  latin: number;
  letters: number;
  /** Han characters only Simplified text uses, and only Traditional text uses. */
  hans: number;
  hant: number;
}

/** Counts of no letter, to add to. */
export function noLetters(): LetterCounts {
  return { hangul: 0, han: 0, latin: 0, letters: 0, hans: 0, hant: 0 };
}

/** Add `counts` to `total` (`sign` -1: take them off, as an edit takes a block's letters out). */
export function addLetters(total: LetterCounts, counts: LetterCounts, sign: 1 | -1 = 1): LetterCounts {
  total.hangul += sign * counts.hangul;
  total.han += sign * counts.han;
  total.latin += sign * counts.latin;
  total.letters += sign * counts.letters;
  total.hans += sign * counts.hans;
  total.hant += sign * counts.hant;
  return total;
}

/** `hanScript` from letter counts. */
export function hanScriptOfLetters(counts: LetterCounts): 'hans' | 'hant' | undefined {
  if (counts.hans === counts.hant) return undefined;
  return counts.hans > counts.hant ? 'hans' : 'hant';
}

const BY_CLASS = new Int32Array(8);

/**
 * Add the letters of `text` from `start` to `end` to `counts`. Counts of parts cut between code
 * points add up to the counts of the whole: a caller that keeps a document's parts (an editor's
 * blocks) counts only the parts that changed.
 */
export function countLetters(counts: LetterCounts, text: string, start = 0, end = text.length): LetterCounts {
  const table = classTable();
  // One count per class, added to without a branch on the class: text mixes scripts, and a
  // branch per unit on which one it is was mispredicted often (15 ns a unit over the corpus).
  // One array for every call (a block's letters are counted at a time), read without a closure: a
  // fresh array and closure per block were 4 MB of a run over the bench corpus with 10,000 terms.
  const byClass = BY_CLASS.fill(0);
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    let kind = table[unit] as number;
    if (kind === 0) {
      // A surrogate pair is one astral code point; a lone surrogate is no letter (as codePointAt).
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          kind = computeClass(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
          i++;
        } else kind = NOT_LETTER;
      } else kind = classOf(unit);
    }
    byClass[kind] = (byClass[kind] as number) + 1;
  }
  const hangul = byClass[HANGUL] as number;
  const hans = byClass[HAN_HANS] as number;
  const hant = byClass[HAN_HANT] as number;
  const latin = byClass[LATIN] as number;
  const han = (byClass[HAN] as number) + hans + hant;
  counts.hangul += hangul;
  counts.han += han;
  counts.hans += hans;
  counts.hant += hant;
  counts.latin += latin;
  counts.letters += hangul + latin + (byClass[OTHER_LETTER] as number) + han;
  return counts;
}

/**
 * Whether letter counts summed part by part are enough, given that at most `rest` more code points
 * follow (`languageSettled`, `hanScriptSettled`): a caller that sums a text's parts may stop there.
 */
export type LettersEnough = (counts: LetterCounts, rest: number) => boolean;

/**
 * Whether `languageOfLetters` says the same of `counts` as of every count that `rest` more code
 * points can make of them (each one letter of some script at most): a caller summing a text's
 * letters part by part may stop there (the language of a document's messages).
 */
export function languageSettled(counts: LetterCounts, rest: number): boolean {
  const { hangul, han, latin, letters } = counts;
  // A script with more than half of the letters whatever the rest are; else none that can get there.
  if (2 * hangul > letters + rest || 2 * han > letters + rest || 2 * latin > letters + rest) return true;
  return 2 * hangul + rest <= letters && 2 * han + rest <= letters && 2 * latin + rest <= letters;
}

/** `languageSettled` for `hanScriptOfLetters`: the lead of one script's characters is more than `rest`. */
export function hanScriptSettled(counts: LetterCounts, rest: number): boolean {
  return Math.abs(counts.hans - counts.hant) > rest;
}

/** The language of `documentLanguageOf` from letter counts. */
export function languageOfLetters(counts: LetterCounts): 'ko' | 'zh' | 'en' | undefined {
  if (counts.hangul * 2 > counts.letters) return 'ko';
  if (counts.han * 2 > counts.letters) return 'zh';
  if (counts.latin * 2 > counts.letters) return 'en';
  return undefined;
}

/**
 * The language whose script holds more than half of the text's letters: `ko` for Hangul, `zh` for
 * Han, `en` for Latin. Letters are counted one per code point (a Hangul syllable, a Han character,
 * a Latin letter), whatever their UTF-8 length; digits, punctuation and symbols do not count, and
 * letters of other scripts (kana, Cyrillic) count against all three. Undefined when no script
 * has more than half.
 */
export function documentLanguageOf(text: string): 'ko' | 'zh' | 'en' | undefined {
  return languageOfLetters(countLetters(noLetters(), text));
}
