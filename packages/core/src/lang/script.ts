// Script classification of single code points, used by the per-script checks that run on the
// original prose after a candidate is found in the match view.

export type Script = 'han' | 'hangul' | 'latin' | 'other';

// [first, last] inclusive: CJK Unified Ideographs, Extensions A-I, compatibility ideographs.
const HAN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2ebef],
  [0x2ebf0, 0x2ee5f],
  [0x2f800, 0x2fa1f],
  [0x30000, 0x323af],
];

const HANGUL_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff], // jamo
  [0x3130, 0x318f], // compatibility jamo
  [0xa960, 0xa97f], // jamo extended-A
  [0xac00, 0xd7a3], // syllables
  [0xd7b0, 0xd7ff], // jamo extended-B
  [0xffa0, 0xffdc], // half-width jamo
];

const LATIN_LETTER = /^(?=\p{L})\p{Script=Latin}$/u;
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;
const NUMBER = /^\p{N}$/u;

// Indexed loops in the functions a scan calls per candidate or letter: the CLI runs without V8's
// inlining (cli/src/bin.cts), and a `for...of` then makes an iterator result per element (over
// the bench corpus with 10,000 terms, 6 MB of them in this, `chain`, `spacedVerbFormEnd` and
// `runLint`).
function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i] as readonly [number, number];
    if (cp < range[0]) return false;
    if (cp <= range[1]) return true;
  }
  return false;
}

export function isHanCodePoint(cp: number): boolean {
  return cp === 0x3007 || inRanges(cp, HAN_RANGES);
}

export function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7a3;
}

export function isHangulCodePoint(cp: number): boolean {
  return inRanges(cp, HANGUL_RANGES);
}

/** Any code point of HANGUL_RANGES (all of them in the BMP). */
const ANY_HANGUL = new RegExp(
  `[${HANGUL_RANGES.map(([a, b]) => `\\u${a.toString(16).padStart(4, '0')}-\\u${b.toString(16).padStart(4, '0')}`).join('')}]`,
);

/**
 * Whether `text` holds a code point `isHangulCodePoint` accepts: one regular expression, which
 * reads a paragraph of Chinese many times faster than a loop over its code points.
 */
export function hasHangul(text: string): boolean {
  return ANY_HANGUL.test(text);
}

/**
 * Whether `text` holds a code point `isHanCodePoint` accepts, read code point by code point (no
 * array of its characters: a term's finding asks of the text it matched).
 */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (isHanCodePoint(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

export function isLatinLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (inRanges(cp, NO_LATIN_LETTER)) return false;
  return LATIN_LETTER.test(String.fromCodePoint(cp));
}

/**
 * Blocks that hold no Latin letter, which the regular expression need not be asked about (its
 * first use compiles Unicode's Latin script, milliseconds of a short run): general punctuation,
 * CJK symbols and punctuation up to the unified ideographs, Hangul syllables, fullwidth
 * punctuation and digits, halfwidth forms (a test checks every unit of them against it).
 */
export const NO_LATIN_LETTER: readonly (readonly [number, number])[] = [
  [0x2000, 0x206f],
  [0x2e80, 0x9fff],
  [0xac00, 0xd7af],
  [0xff00, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xffef],
];

export function scriptOf(cp: number): Script {
  if (isLatinLetter(cp)) return 'latin';
  if (isHanCodePoint(cp)) return 'han';
  if (isHangulCodePoint(cp)) return 'hangul';
  return 'other';
}

/**
 * A letter that continues a word of a spaced script. Han, Hangul and kana letters are left out:
 * they sit directly against Latin text without a space ("中国core"), so they end a Latin word.
 */
export function isWordLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  const ch = String.fromCodePoint(cp);
  if (!LETTER.test(ch)) return false;
  return !isHanCodePoint(cp) && !isHangulCodePoint(cp) && !KANA.test(ch);
}

export function isLetter(cp: number): boolean {
  return cp < 0x80 ? (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a : LETTER.test(String.fromCodePoint(cp));
}

export function isCombiningMark(cp: number): boolean {
  return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
}

export function isDigit(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp));
}

export function isNumber(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : NUMBER.test(String.fromCodePoint(cp));
}

/**
 * Invisibles the match view drops that sit inside a word rather than between words: soft
 * hyphen, ZWNJ, ZWJ, variation selectors. A boundary check looks through them to the real
 * neighbour, so "re\u00ADpartnership" is still one word. ZWSP is not here: it marks a break.
 */
export function isInWordInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** The code point that ends just before UTF-16 offset `i`, or -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The code point starting at UTF-16 offset `i`, or -1 at the end. */
export function codePointAt(text: string, i: number): number {
  return i < text.length ? text.codePointAt(i)! : -1;
}

/** UTF-16 length of a code point. */
export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** The nearest code point before `i`, looking through in-word invisibles. */
export function neighbourBefore(text: string, i: number): number {
  let j = i;
  for (;;) {
    const cp = codePointBefore(text, j);
    if (cp < 0 || !isInWordInvisible(cp)) return cp;
    j -= cpLength(cp);
  }
}

/** The nearest code point at or after `i`, looking through in-word invisibles. */
export function neighbourAfter(text: string, i: number): number {
  let j = i;
  for (;;) {
    const cp = codePointAt(text, j);
    if (cp < 0 || !isInWordInvisible(cp)) return cp;
    j += cpLength(cp);
  }
}
