// Latin candidates: word boundaries on the original prose, inflection of the last word, and
// the case pattern a fix must keep.

import {
  codePointAt,
  cpLength,
  isCombiningMark,
  isDigit,
  isWordLetter,
  neighbourAfter,
  neighbourBefore,
} from './script.js';

/**
 * Whether a code point continues a word. DESIGN says "a Latin letter"; letters of any other
 * spaced alphabet (Cyrillic, Greek...) count too, so "partnerшип" is not a match, while Han,
 * Hangul and kana letters are boundaries because they abut Latin words without a space.
 */
function continuesWord(cp: number): boolean {
  return cp === 0x5f || isWordLetter(cp) || isCombiningMark(cp) || isDigit(cp);
}

/** The left neighbour of `start` ends a word: text start, space, punctuation, Han, Hangul, U+FFFC... */
export function latinLeftOk(prose: string, start: number): boolean {
  const cp = neighbourBefore(prose, start);
  return cp < 0 || !continuesWord(cp);
}

function boundaryAt(prose: string, i: number): boolean {
  const cp = neighbourAfter(prose, i);
  return cp < 0 || !continuesWord(cp);
}

// Apostrophes a possessive may use: ASCII, right single quotation mark, modifier letter apostrophe.
const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);

function isS(cp: number): boolean {
  return cp === 0x73 || cp === 0x53;
}

function isE(cp: number): boolean {
  return cp === 0x65 || cp === 0x45;
}

/** End of `s`, `s'` or `s’` at `i` followed by a boundary, else -1. */
function pluralEnd(prose: string, i: number): number {
  if (!isS(codePointAt(prose, i))) return -1;
  const after = codePointAt(prose, i + 1);
  if (APOSTROPHES.has(after) && boundaryAt(prose, i + 2)) return i + 2;
  return boundaryAt(prose, i + 1) ? i + 1 : -1;
}

/**
 * The right side of a Latin candidate ending at `end`: the end of an accepted inflection suffix
 * (`end` itself when there is none), or -1 when the candidate stops inside a word.
 * In 'ies' mode the candidate is the "…ie" stem registered for a phrase ending in consonant+y,
 * so a plural `s` is required: a bare "…ie" word ("Allie" for "ally") is not the phrase.
 * Suffix letters match in either case (POLICIES).
 */
export function latinRightEnd(prose: string, end: number, mode: 'plain' | 'ies' = 'plain'): number {
  if (mode === 'ies') return pluralEnd(prose, end);
  const first = codePointAt(prose, end);
  if (APOSTROPHES.has(first) && isS(codePointAt(prose, end + cpLength(first)))) {
    const afterS = end + cpLength(first) + 1;
    if (boundaryAt(prose, afterS)) return afterS;
  }
  if (boundaryAt(prose, end)) return end;
  const plural = pluralEnd(prose, end);
  if (plural >= 0) return plural;
  if (isE(first)) {
    const es = pluralEnd(prose, end + 1);
    if (es >= 0) return es;
  }
  return -1;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const HAS_LETTER = /\p{L}/u;

// Words a Title Case phrase leaves in lower case ("Treaty of Amity and Cooperation").
const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'nor',
  'but',
  'of',
  'for',
  'in',
  'on',
  'at',
  'to',
  'by',
  'with',
  'from',
  'as',
]);

function isCapitalised(word: string): boolean {
  const letters = word.match(LETTERS);
  if (!letters || letters.length === 0 || !UPPER.test(letters[0] as string)) return false;
  // A loop, not `[first, ...rest]`: destructuring runs the iterator protocol, slow in code that is
  // not optimized yet (a run's first few hundred findings: 11.9 -> 7.2 ms for 270).
  for (let i = 1; i < letters.length; i++) if (UPPER.test(letters[i] as string)) return false;
  return true;
}

function capitaliseFirst(text: string): string {
  const m = HAS_LETTER.exec(text);
  if (!m) return text;
  const letter = String.fromCodePoint(text.codePointAt(m.index)!);
  return text.slice(0, m.index) + letter.toUpperCase() + text.slice(m.index + letter.length);
}

/**
 * The replacement in the case pattern of the matched text: ALL CAPS (at least two letters, none
 * lower case) -> upper case; Title Case (several words, each capitalised or a minor word like
 * "of") -> every word capitalised except minor words after the first; Capitalised (first letter
 * upper, the rest lower) -> first letter capitalised; anything else -> as written.
 */
export function applyCase(matched: string, replacement: string): string {
  // No upper-case letter: no pattern to keep (most matches; the rules below all start from one).
  if (!UPPER.test(matched)) return replacement;
  const letters = matched.match(LETTERS) ?? [];
  if (letters.length === 0) return replacement;
  const hasUpper = letters.some((l) => UPPER.test(l));
  const hasLower = letters.some((l) => LOWER.test(l));
  if (letters.length >= 2 && hasUpper && !hasLower) return replacement.toUpperCase();
  const words = matched.split(/\s+/u).filter((w) => HAS_LETTER.test(w));
  const title =
    words.length >= 2 &&
    isCapitalised(words[0]!) &&
    words.every((w) => isCapitalised(w) || MINOR_WORDS.has(w)) &&
    words.filter((w) => isCapitalised(w)).length >= 2;
  if (title) {
    let first = true;
    return replacement.replace(/\S+/gu, (w) => {
      const out = first || !MINOR_WORDS.has(w.toLowerCase()) ? capitaliseFirst(w) : w;
      if (HAS_LETTER.test(w)) first = false;
      return out;
    });
  }
  return isCapitalised(matched) ? capitaliseFirst(replacement) : replacement;
}
