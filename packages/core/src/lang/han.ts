// Han candidates: the start must be a word boundary per ICU's dictionary word segmentation; a
// Hanja gloss in Korean text is no candidate; a Han term a Korean sentence discusses gets no
// automatic fix.

import {
  codePointAt,
  codePointBefore,
  cpLength,
  isHanCodePoint,
  isHangulCodePoint,
  isHangulSyllable,
} from './script.js';

// Context on each side of the candidate start. Dictionary words are far shorter than 16
// characters, so the cut edge of the window never changes the segmentation at `start`.
const CONTEXT_CODE_POINTS = 16;

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** Sentence ends, line ends and separators: the window never reaches across one. */
function isClip(cp: number): boolean {
  return (
    cp === 0x3002 || // 。
    cp === 0xff01 || // ！
    cp === 0xff1f || // ？
    cp === 0xff1b || // ；
    cp === 0x0a ||
    cp === 0x0d ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfffc
  );
}

/**
 * Whether a Han candidate starting at `start` starts a word. Segmenting a whole segment is
 * quadratic on Node 20, so only a window of at most 16 code points either side is segmented,
 * clipped at 。！？；, line ends and U+FFFC. The window's first position is always a boundary,
 * which is right only when `start` sits at a clip point or the text start; otherwise the
 * window begins before `start`.
 */
export function hanStartOk(prose: string, start: number): boolean {
  if (start <= 0) return true;
  if (start >= prose.length) return false;
  const cur = prose.charCodeAt(start);
  if (cur >= 0xdc00 && cur <= 0xdfff) return false; // inside a surrogate pair
  // After a space or a punctuation mark a Han character always starts a word (no segmenter call).
  const before = prose.charCodeAt(start - 1);
  if (breaksBeforeHan(before) && isHanCodePoint(codePointAt(prose, start))) return true;

  let from = start;
  for (let n = 0; n < CONTEXT_CODE_POINTS; n++) {
    const cp = codePointBefore(prose, from);
    if (cp < 0 || isClip(cp)) break;
    from -= cpLength(cp);
  }
  if (from === start) return true;

  let to = start;
  for (let n = 0; n < CONTEXT_CODE_POINTS; n++) {
    const cp = codePointAt(prose, to);
    if (cp < 0 || isClip(cp)) break;
    to += cpLength(cp);
  }

  const offset = start - from;
  const window = prose.slice(from, to);
  // The answer depends on the window alone: drafts repeat their names (中国, 韩国) in the same
  // surroundings, and a segmenter call costs far more than a lookup.
  const key = `${offset}:${window}`;
  let known = decided.get(key);
  if (known === undefined && keptBefore) {
    // Before the segmenter is made (14-20 ms of a run's start): the answers kept by earlier runs.
    const load = keptBefore;
    keptBefore = undefined;
    for (const [k, v] of load()) if (decided.size < DECIDED_LIMIT) decided.set(k, v);
    known = decided.get(key);
  }
  if (known !== undefined) return known;
  const containing = wordSegmenter().segment(window).containing(offset);
  const ok = containing !== undefined && containing.index === offset;
  if (decided.size >= DECIDED_LIMIT) decided.clear();
  decided.set(key, ok);
  if (made.size < DECIDED_LIMIT) made.set(key, ok);
  return ok;
}

/** The answers kept by earlier runs, read when first needed (`keepHanWords`). */
let keptBefore: (() => Iterable<readonly [string, boolean]>) | undefined;
/** The answers the segmenter made in this process. */
const made = new Map<string, boolean>();

/**
 * For a caller that keeps `hanStartOk`'s answers between runs (the CLI, in its cache folder, per
 * ICU version): `load` gives the answers kept before, by key (a window of text and the offset in
 * it), and is called once, when an answer is first not known in this process, before the
 * segmenter is made (making it costs 14-20 ms of a run's start); `hanWordsMade` lists the answers
 * the segmenter made in this process, to keep. An answer depends on its window and ICU's data alone.
 */
export function keepHanWords(load: () => Iterable<readonly [string, boolean]>): void {
  keptBefore = load;
}

/** The answers `hanStartOk` had the segmenter make in this process, by key (see keepHanWords). */
export function hanWordsMade(): ReadonlyMap<string, boolean> {
  return made;
}

/**
 * Spaces and punctuation after which ICU's word segmentation always puts a boundary before a Han
 * character (tested against the segmenter for each of them): ASCII punctuation but `_` (which joins
 * words), general punctuation (dashes, quotes, `…`), CJK punctuation and brackets (not 〃々〆〇,
 * which belong to words), fullwidth punctuation (not ＿). Symbols are left to the segmenter: the
 * Kangxi radicals and some others are read as Han.
 */
const BREAKS_BEFORE_HAN: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x20, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x5e],
  [0x60, 0x60],
  [0x7b, 0x7e],
  [0xa0, 0xa0],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x3000, 0x3002],
  [0x3008, 0x3011],
  [0x3014, 0x301f],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff3e],
  [0xff40, 0xff40],
  [0xff5b, 0xff65],
];

let breakTable: Uint8Array | undefined;

/** Whether UTF-16 unit `unit` is one of BREAKS_BEFORE_HAN. */
export function breaksBeforeHan(unit: number): boolean {
  if (!breakTable) {
    breakTable = new Uint8Array(0x10000);
    for (const [from, to] of BREAKS_BEFORE_HAN) breakTable.fill(1, from, to + 1);
  }
  return breakTable[unit] === 1;
}

/** Segmenter answers by window, bounded (cleared when full: a cache, never a leak). */
const decided = new Map<string, boolean>();
const DECIDED_LIMIT = 20_000;

const OPEN = new Set([0x28, 0xff08]); // ( （
const CLOSE = new Set([0x29, 0xff09]); // ) ）
// After the Han run, a gloss may go on with a translation: 실용외교(實用外交, pragmatic diplomacy).
const GLOSS_BREAK = new Set([0x2c, 0xff0c, 0x3001, 0x3b, 0xff1b]); // , ， 、 ; ；
// A gloss longer than this is not one (and bounds the scans in a long run of Han).
const GLOSS_LENGTH = 64;
const MIDDLE_DOTS = new Set([0xb7, 0x30fb, 0xff65, 0x318d, 0x2027]);

/** Han, a middle dot (韓·中) or a space inside one gloss. */
function inGloss(cp: number): boolean {
  return isHanCodePoint(cp) || MIDDLE_DOTS.has(cp) || cp === 0x20;
}

/**
 * Whether the Han match [start, end) is a Hanja gloss: inside parentheses that open right after a
 * Hangul syllable and hold nothing but Han (and spaces, middle dots) up to the closing parenthesis
 * or a comma: 실용외교(實用外交), 실용외교(实用外交)를, 실용외교노선(實用外交路線). A gloss shows
 * the Korean word's characters; it is not Chinese prose, so no rule about Chinese wording applies.
 */
export function isHanjaGloss(prose: string, start: number, end: number): boolean {
  let i = start;
  for (let n = 0; ; n++) {
    const cp = codePointBefore(prose, i);
    if (cp < 0 || n > GLOSS_LENGTH) return false;
    if (OPEN.has(cp)) {
      i -= cpLength(cp);
      break;
    }
    if (!inGloss(cp)) return false;
    i -= cpLength(cp);
  }
  if (!isHangulSyllable(codePointBefore(prose, i))) return false;
  for (let j = end, n = 0; ; n++) {
    const cp = codePointAt(prose, j);
    if (cp < 0 || n > GLOSS_LENGTH) return false;
    if (CLOSE.has(cp) || GLOSS_BREAK.has(cp)) return true;
    if (!inGloss(cp)) return false;
    j += cpLength(cp);
  }
}

/**
 * Whether a Han match sits in Korean prose: directly followed by Hangul (a particle: 实用外交가), or
 * in a sentence whose Hangul syllables outnumber its other Han characters. Such a sentence discusses the
 * term (중국어로는 实用外交가 아니라 务实外交라고 써야 한다), so replacing it is the writer's call:
 * the finding keeps its suggestions but gets no automatic fix.
 */
export function hanInKoreanProse(
  prose: string,
  start: number,
  end: number,
  sentence: { start: number; end: number },
): boolean {
  if (isHangulCodePoint(codePointAt(prose, end))) return true;
  const counts = sentenceCounts(prose, sentence.start, sentence.end);
  let matchHan = 0;
  for (let i = start; i < end; ) {
    const cp = codePointAt(prose, i);
    if (isHanCodePoint(cp)) matchHan++;
    i += cpLength(cp);
  }
  return counts.hangul > counts.han - matchHan;
}

// The last sentence counted: a sentence's findings come one after another, and counting it again
// for each would make a long sentence with many matches quadratic.
let counted: { prose: string; start: number; end: number; hangul: number; han: number } | undefined;

function sentenceCounts(prose: string, start: number, end: number): { hangul: number; han: number } {
  if (counted && counted.prose === prose && counted.start === start && counted.end === end) return counted;
  let hangul = 0;
  let han = 0;
  for (let i = start; i < end; ) {
    const cp = codePointAt(prose, i);
    if (cp < 0) break;
    if (isHangulSyllable(cp)) hangul++;
    else if (isHanCodePoint(cp)) han++;
    i += cpLength(cp);
  }
  counted = { prose, start, end, hangul, han };
  return counted;
}
