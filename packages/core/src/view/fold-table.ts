// The table of the match view's folder (fold.ts): for each UTF-16 unit, what steps 1-4 of the
// match view (DESIGN, Matching) make of it, computed once per process, the first time the unit is
// seen (Han and Hangul syllables a block at a time). A scanner that reads the view of text without
// folding it (the pre-check's pass over text at the root, prefilter.ts) reads it too.

import { isLatinLetter } from '../lang/script.js';
import {
  continuesChunk,
  DROPPED,
  emissionOf,
  foldVariant,
  HYPHEN,
  isHan,
  isHangulSyllable,
  isSpace,
} from './code-point.js';
import { T2S_ASTRAL, t2sSources, t2sUnits } from './t2s.js';

// A table entry: the class in bits 16-18, the flags of the folded code point in bits 19-21, and
// for SIMPLE the folded unit in bits 0-15. 0 means not computed yet.
export const CLASS = 0x70000;
/** Steps 1-4 give exactly one BMP unit, neither whitespace nor a hyphen. */
export const SIMPLE = 0x10000;
/** Steps 1-4 give one whitespace code point (in bits 0-15). */
export const SPACE_CLASS = 0x20000;
/** Steps 1-4 give a hyphen-minus. */
export const HYPHEN_CLASS = 0x60000;
/** An invisible dropped in step 1. */
export const DROP = 0x30000;
/** A code point that continues the chunk before it: the text goes to buildView. */
export const CONTINUER = 0x40000;
/** Anything else (an expansion such as ﬁ -> fi, a surrogate, an astral code point): the general path. */
export const OTHER = 0x50000;
export const FLAG_SHIFT = 19;
export const HAN = 1;
export const SYLLABLE = 2;
export const LATIN = 4;

let table: Int32Array | undefined;
// Emissions of the code points of class OTHER (and astral ones), by code point.
const others = new Map<number, readonly number[] | typeof DROPPED | typeof CONTINUER>();

export function flagsOf(cp: number): number {
  return (isHan(cp) ? HAN : 0) | (isHangulSyllable(cp) ? SYLLABLE : 0) | (isLatinLetter(cp) ? LATIN : 0);
}

export function otherEmission(cp: number): readonly number[] | typeof DROPPED | typeof CONTINUER {
  let known = others.get(cp);
  if (known === undefined) {
    const base = foldVariant(cp);
    known = base >= 0 && continuesChunk(base) ? CONTINUER : emissionOf(cp);
    others.set(cp, known);
  }
  return known;
}

export function entryOf(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return OTHER;
  if (table && fillBlock(table, unit)) return table[unit] as number;
  const emitted = otherEmission(unit);
  if (emitted === CONTINUER) return CONTINUER;
  if (emitted === DROPPED) return DROP;
  const only = emitted.length === 1 ? (emitted[0] ?? 0) : -1;
  if (only < 0 || only > 0xffff) return OTHER;
  if (only === HYPHEN) return HYPHEN_CLASS | HYPHEN;
  if (isSpace(only)) return SPACE_CLASS | only;
  // Entry 0 means "not computed": a folded NUL would read as one, so it takes the general path.
  if (only === 0) return OTHER;
  return SIMPLE | (flagsOf(only) << FLAG_SHIFT) | only;
}

/**
 * The entries of Hangul syllables, or of common Han (isStable: NFKC leaves them alone), filled
 * all at once the first time text holds one: computed one by one as text first met them, each
 * was a slow call inside the hot loop, and often a deoptimization of it (a first pass over a
 * corpus took twice as long as the next). A tight loop over the block (Han: with the T2S table)
 * gives what entryOf gives (tested over every one of them).
 */
function fillBlock(entries: Int32Array, unit: number): boolean {
  if (isHangulSyllable(unit)) {
    for (let cp = 0xac00; cp <= 0xd7a3; cp++) entries[cp] = SIMPLE | (SYLLABLE << FLAG_SHIFT) | cp;
    return true;
  }
  if (!((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf))) return false;
  // Every one as itself, then the Traditional ones (a few thousand) as their Simplified form: one
  // loop that stores a sum runs fast even before V8 optimizes it (a loop that read the T2S table
  // at every unit took 6 ms of a small file's run).
  const han = SIMPLE | (HAN << FLAG_SHIFT);
  for (let cp = 0x3400; cp <= 0x4dbf; cp++) entries[cp] = han + cp;
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) entries[cp] = han + cp;
  const t2s = t2sUnits();
  for (const cp of t2sSources()) {
    if (!((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf))) continue;
    const target = t2s[cp] as number;
    entries[cp] = target === T2S_ASTRAL ? OTHER : SIMPLE | (simpleFlags(target) << FLAG_SHIFT) | target;
  }
  return true;
}

/** flagsOf without its regular expressions for the common Han and Hangul syllables. */
function simpleFlags(cp: number): number {
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return HAN;
  if (isHangulSyllable(cp)) return SYLLABLE;
  return flagsOf(cp);
}

/** The table (entries of ASCII filled; 0 for a unit not computed yet: `entryOf`). */
export function tableOf(): Int32Array {
  if (!table) {
    table = new Int32Array(0x10000);
    for (let unit = 1; unit < 0x80; unit++) table[unit] = entryOf(unit);
  }
  return table;
}
