// Traditional -> Simplified folding for the match view (DESIGN, Matching, step 4), one code point
// at a time: OpenCC's character tables only, never its phrase tables, which change lengths.
//
// Why a committed, generated table (t2s-table.ts) rather than importing opencc-js at load:
// measured on Node 20, importing `opencc-js/preset/t2cn` costs ~40 ms and splitting its
// TSCharacters string ~9 ms before the first lookup, and it would put ~110 KB of dictionaries
// (phrase tables we must never use included) into every browser bundle of core. The generated
// table is the same data as code-point pairs (~8,000 UTF-16 units), turned into lookup tables in ~2 ms
// on first use. The derivation from opencc-js (TSCharacters plus the TW/HK character variant tables,
// single-code-point entries, first candidate) lives in test/view.test.ts, which fails when the
// committed table drifts from the installed opencc-js and rewrites it with NUANCE_WRITE_T2S_TABLE=1.

import { T2S_PAIRS } from './t2s-table.js';

// BMP sources with a BMP target are looked up in a typed array (most of the table, and the
// per-character hot path of the match view); ASTRAL marks a BMP source whose target is astral.
const ASTRAL = 0xffff;
let bmp: Uint16Array | undefined;
let others: Map<number, number> | undefined;
let sources: Uint16Array | undefined;

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const map = new Map<number, number>();
  const bmpSources: number[] = [];
  for (let i = 0; i < T2S_PAIRS.length; ) {
    const source = T2S_PAIRS.codePointAt(i) ?? 0;
    i += source > 0xffff ? 2 : 1;
    const target = T2S_PAIRS.codePointAt(i) ?? 0;
    i += target > 0xffff ? 2 : 1;
    if (source <= 0xffff) bmpSources.push(source);
    if (source <= 0xffff && target < ASTRAL) table[source] = target;
    else {
      if (source <= 0xffff) table[source] = ASTRAL;
      map.set(source, target);
    }
  }
  others = map;
  sources = Uint16Array.from(bmpSources);
  return table;
}

/**
 * The BMP part of the table, by code unit: 0 where a unit has no entry, `T2S_ASTRAL` where its
 * target is astral (`foldT2SCodePoint` has it), else the target. For a caller filling a table of
 * its own over a whole block of Han at once (fold.ts).
 */
export function t2sUnits(): Uint16Array {
  bmp ??= buildTable();
  return bmp;
}

/** The BMP units `t2sUnits` has an entry for. */
export function t2sSources(): Uint16Array {
  bmp ??= buildTable();
  return sources as Uint16Array;
}

export const T2S_ASTRAL = ASTRAL;

export function foldT2SCodePoint(cp: number): number {
  // Everything below U+2E80 (Latin, Hangul jamo, punctuation...) has no entry; skip the lookup.
  if (cp < 0x2e80) return cp;
  bmp ??= buildTable();
  if (cp <= 0xffff) {
    const target = bmp[cp] ?? 0;
    if (target === 0) return cp;
    if (target !== ASTRAL) return target;
  }
  return others?.get(cp) ?? cp;
}

/**
 * Traditional -> Simplified, per code point, character table only. Some mappings switch between
 * the BMP and the astral planes (蒍 -> 𫇭), so the UTF-16 length may change; the code point
 * count never does.
 */
export function foldT2S(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldT2SCodePoint(cp);
    if (folded !== cp) {
      out += s.slice(copied, i) + String.fromCodePoint(folded);
      copied = i + width;
    }
    i += width;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** True when some code point of s changes under foldT2S (the text is written in Traditional). */
export function isTraditional(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    if (foldT2SCodePoint(cp) !== cp) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/**
 * Whether `text[start, end)` holds a character only the script other than `script` writes that
 * `literal` does not hold itself: 韩 for the Traditional 韓國, 灣 for the Simplified 台湾 (台, which
 * the table counts Simplified, is fine in the Traditional 台灣 since the term writes it).
 */
export function crossesScript(
  text: string,
  start: number,
  end: number,
  literal: string,
  script: 'hans' | 'hant',
): boolean {
  const other = script === 'hans' ? 'hant' : 'hans';
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (hanVariantOf(cp) === other && !literal.includes(text.slice(i, i + width))) return true;
    i += width;
  }
  return false;
}

let targets: Set<number> | undefined;

/**
 * Which script a Han code point belongs to only, by the T2S table: `hant` when it folds to another
 * character (實 -> 实), `hans` when some character folds to it and it does not fold itself (实),
 * undefined when both scripts write it (外, 交) or it is not in the table. A character the table
 * merges several Traditional ones into (台 <- 臺 檯 颱) counts as Simplified although Traditional
 * text uses it too: counted over a document, such characters are few beside the rest.
 */
export function hanVariantOf(cp: number): 'hans' | 'hant' | undefined {
  if (cp < 0x2e80) return undefined;
  if (foldT2SCodePoint(cp) !== cp) return 'hant';
  if (!targets) {
    const set = new Set<number>();
    for (let i = 0; i < T2S_PAIRS.length; ) {
      const source = T2S_PAIRS.codePointAt(i) ?? 0;
      i += source > 0xffff ? 2 : 1;
      const target = T2S_PAIRS.codePointAt(i) ?? 0;
      i += target > 0xffff ? 2 : 1;
      set.add(target);
    }
    targets = set;
  }
  return targets.has(cp) ? 'hans' : undefined;
}
