// Steps 1-4 of the match view (DESIGN, Matching) for one code point, and the character classes
// steps 5-7 look at: what both the reference view (normalize.ts) and the table-driven folder
// (fold.ts) are built from, so that the two cannot disagree on a character.

import { isJsSpace } from '../text/js-space.js';
import { foldT2SCodePoint } from './t2s.js';

const MIDDLE_DOT = 0xb7;
export const SPACE = 0x20;
export const HYPHEN = 0x2d;

/** Step 1 (per code point): the folded code point, or -1 for an invisible that is dropped. */
export function foldVariant(cp: number): number {
  switch (cp) {
    case 0x00b7:
    case 0x2024:
    case 0x2027:
    case 0x2219:
    case 0x22c5:
    case 0x30fb:
    case 0xff65:
    case 0x318d:
    case 0x119e:
      return MIDDLE_DOT;
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2212:
      return HYPHEN;
    case 0x2018:
    case 0x2019:
    case 0x02bc:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
      return 0x22; // "
    case 0x200b: // zero-width space
    case 0x200c: // zero-width non-joiner
    case 0x200d: // zero-width joiner
    case 0x00ad: // soft hyphen
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space
      return -1;
    default:
      if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return -1;
      return cp;
  }
}

const MARK = /^\p{M}$/u;

/** A code point that NFKC may combine with what precedes it, so it joins the current chunk. */
export function continuesChunk(cp: number): boolean {
  if (cp < 0x300) return false;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return false;
  // Conjoining Hangul vowels and finals (NFD Korean from macOS or HWP exports compose with their
  // leading consonant or LV syllable), and half-width katakana voicing marks.
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7fb)) return true;
  if (cp === 0xff9e || cp === 0xff9f) return true;
  return MARK.test(String.fromCodePoint(cp));
}

/** Single code points known to be NFKC-stable: ASCII, Hangul syllables, common Han. */
export function isStable(cp: number): boolean {
  return (
    cp < 0x80 ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf)
  );
}

// NFKC of single non-trivial code points, kept across calls (text repeats its punctuation and
// letters); bounded so that hostile input cannot grow it without limit.
const nfkcCache = new Map<number, string>();

export function nfkcOf(cp: number): string {
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
    if (nfkcCache.size > 20_000) nfkcCache.clear();
    nfkcCache.set(cp, out);
  }
  return out;
}

const LATIN = /^\p{Script=Latin}$/u;

/** Step 3: lowercase a Latin code point; the result may be longer ('İ' -> 'i̇'). */
export function lowerLatin(cp: number): number | string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp < 0xc0 || (cp >= 0x2e80 && cp < 0xa500) || (cp >= 0xac00 && cp < 0xd800) || cp > 0x1ffff) return cp;
  const s = String.fromCodePoint(cp);
  if (!LATIN.test(s)) return cp;
  const lower = s.toLowerCase();
  return lower === s ? cp : lower;
}

const HAN = /^\p{Script=Han}$/u;

export function isHan(cp: number): boolean {
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return true;
  if (cp < 0x2e80) return false;
  return HAN.test(String.fromCodePoint(cp));
}

export function isHangulSyllable(cp: number): boolean {
  return cp >= 0xac00 && cp <= 0xd7a3;
}

/**
 * The view's whitespace: JavaScript's \s (isJsSpace) less U+FEFF, which step 1 drops, plus U+0085
 * (next line), which Unicode counts as whitespace and \s does not.
 */
export function isSpace(cp: number): boolean {
  return cp === 0x85 || (cp !== 0xfeff && isJsSpace(cp));
}

/**
 * What steps 1-4 make of a chunk that is this one code point alone: the code points it becomes,
 * or DROPPED for an invisible (step 1). Equal to what buildView emits for such a chunk.
 */
export function emissionOf(cp: number): number[] | typeof DROPPED {
  const base = foldVariant(cp);
  if (base < 0) return DROPPED;
  if (isStable(base)) {
    if (base < 0x80) return [base >= 0x41 && base <= 0x5a ? base + 32 : base];
    // Hangul syllables have no Traditional form: the T2S table is not even built for Korean text.
    return [isHangulSyllable(base) ? base : foldT2SCodePoint(base)];
  }
  const out: number[] = [];
  const normal = nfkcOf(base);
  for (let k = 0; k < normal.length; ) {
    const c = normal.codePointAt(k) ?? 0;
    k += c > 0xffff ? 2 : 1;
    const lower = lowerLatin(c);
    if (typeof lower === 'number') {
      out.push(foldT2SCodePoint(lower));
      continue;
    }
    for (let j = 0; j < lower.length; ) {
      const l = lower.codePointAt(j) ?? 0;
      j += l > 0xffff ? 2 : 1;
      out.push(foldT2SCodePoint(l));
    }
  }
  return out;
}

export const DROPPED = -1;
