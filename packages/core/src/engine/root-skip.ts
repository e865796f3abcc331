// Passing over text at an Aho-Corasick automaton's root without folding it into the match view
// (fold.ts): the pre-check (prefilter.ts) and the scan of a segment's prose (candidates.ts) fold
// and scan only windows from where a match may start. A unit no phrase starts with, or one whose
// phrase the unit after it does not go on with, leaves the automaton at the root, whatever the
// view's whitespace and hyphen rules make of it; from the root, a scan may start a fresh view.
// A scan whose matches must start words (`wordStarts`) also passes over a Latin letter or digit,
// or a Hangul syllable, in the middle of a word: the boundary checks (candidates.ts) reject every
// match that starts there, so only a phrase that blocks others, which no check bounds, must be
// looked for from it.
import { PhraseAutomaton } from '../match/automaton.js';
import {
  CLASS,
  DROP,
  FLAG_SHIFT,
  HAN,
  HYPHEN_CLASS,
  SIMPLE,
  SPACE_CLASS,
  SYLLABLE,
  tableOf,
} from '../view/fold-table.js';
import { normalizePhrase } from '../view/normalize.js';
import type { PhraseIndex } from './phrase-ref.js';

/** The units a scan folds at a time from where a match may start. */
export const WINDOW = 32;

/** The end of the slice of `text` from `from` of `size` units, never between the halves of a surrogate pair. */
export function windowEnd(text: string, from: number, size = WINDOW): number {
  const to = Math.min(text.length, from + size);
  const last = text.charCodeAt(to - 1);
  return to < text.length && last >= 0xd800 && last <= 0xdbff ? to + 1 : to;
}

/** In a table entry: Han or a Hangul syllable, which the view joins across whitespace. */
export const JOINS = (HAN | SYLLABLE) << FLAG_SHIFT;

/**
 * What the pass over text at the root reads of an automaton (see `skipAtRoot`). A class, each
 * field set once in its constructor and of one type in every instance (`atoms` is never null):
 * V8 compiles the passes over text for the types it has seen in these fields, and throws that
 * code away when an instance brings a new one. As an object literal whose `atoms` was the pattern
 * atoms' tables in the pre-check's and null in the candidate scan's, the korea-china pack's run
 * over the bench corpus threw away the pass (skipAtRoot, 21-29 ms of optimizing each time) and
 * the two walks it calls, and ran them unoptimized until they were compiled again.
 */
export class RootStarts {
  /**
   * `atoms`: the automaton of the rule set's pattern atoms (a rule set with patterns), else
   * null: whether a view unit starts an atom is read from its root's edges (`startsIn`), not a
   * table of every unit (filling one took 1-2 ms of every start: a loop of 65,536 units in
   * unoptimized code).
   */
  constructor(tables: PhraseAutomaton['tables'], atoms: PhraseAutomaton['tables'] | null) {
    this.code = tables.code;
    this.base = tables.base;
    this.check = tables.check;
    this.fail = tables.fail;
    this.outFirst = tables.outFirst;
    this.outFlags = tables.outFlags;
    this.root = tables.base[0] as number;
    this.withAtoms = atoms !== null;
    this.atoms = atoms ?? noAtoms();
    // With no pattern atoms, `atoms` has no phrase: no unit starts one.
    this.hyphen = startsIn(tables, 0x2d) || startsIn(this.atoms, 0x2d);
    this.passes = new Uint8Array(0x10000);
  }
  // Declared, not defined: a defined field starts as undefined before the constructor sets it.
  declare readonly code: Uint16Array;
  declare readonly base: Int32Array;
  declare readonly check: Int32Array;
  declare readonly fail: Int32Array;
  declare readonly outFirst: Int32Array;
  /** Per state, the flags of the phrases that end there (`PhraseAutomaton.flagsIn`). */
  declare readonly outFlags: Int32Array;
  /** The slot of the root's edges (base[0]). */
  declare readonly root: number;
  /** The rule set's pattern atoms are looked for too: `atoms` is theirs. */
  declare readonly withAtoms: boolean;
  /** The pattern atoms' automaton; without `withAtoms`, one with no phrase. */
  declare readonly atoms: PhraseAutomaton['tables'];
  /** A hyphen can start a phrase (or a pattern atom). */
  declare readonly hyphen: boolean;
  /**
   * Per text unit: PASSES once the pass has found that it leaves the automaton at the root whatever
   * comes after it (no phrase or atom starts with its view, or the view drops it), STARTS once it
   * found that a phrase (and no atom) starts with its view, a simple unit. Learnt as the pass meets
   * units (the fold table fills as text needs it): most units are passed over, and one load each
   * is cheaper than reading the table and the automaton's root again.
   */
  declare readonly passes: Uint8Array;
}

let empty: PhraseAutomaton['tables'] | undefined;

/** The tables of an automaton with no phrase: `RootStarts.atoms` without pattern atoms. */
function noAtoms(): PhraseAutomaton['tables'] {
  if (!empty) {
    const none = new PhraseAutomaton();
    none.build();
    empty = none.tables;
  }
  return empty;
}

// What `passes` knows of a unit (0: nothing yet). `skipAtRoot` reads them as bits.
const PASSES = 1;
const STARTS = 2;

// Per automaton without pattern atoms, and per pattern atoms (each rule set has its own); null when
// a space can start a phrase (phrases are trimmed, so none should): then every unit is folded.
const startsOf = new WeakMap<PhraseAutomaton, RootStarts | null>();
const startsWithAtoms = new WeakMap<PhraseAutomaton, RootStarts | null>();

/** `patternAtoms`: the automaton of the rule set's pattern atoms (the scan then stops at them too). */
export function rootStarts(automaton: PhraseAutomaton, patternAtoms?: PhraseAutomaton): RootStarts | null {
  const cache = patternAtoms ? startsWithAtoms : startsOf;
  const key = patternAtoms ?? automaton;
  let known = cache.get(key);
  if (known !== undefined) return known;
  const starts = new RootStarts(automaton.tables, patternAtoms ? patternAtoms.tables : null);
  known = startsIn(automaton.tables, 0x20) || startsIn(starts.atoms, 0x20) ? null : starts;
  cache.set(key, known);
  return known;
}

/**
 * Whether a phrase (or pattern atom) of the automaton `tables` starts with view unit `unit`: its
 * root has an edge on it.
 */
export function startsIn(tables: PhraseAutomaton['tables'], unit: number): boolean {
  const x = tables.code[unit] as number;
  return x !== 0 && tables.check[(tables.base[0] as number) + x] === 0;
}

// What a unit is to `wordStarts`: the start of a Latin match (an ASCII letter or digit) or of a
// Hangul one (a syllable); in WORD_BEFORE, the scripts whose match a unit before it rejects
// (latinLeftOk: a letter, a digit or `_` continues the word; hangulLeftOk: Hangul, a letter or a
// digit). Only the units whose answer is the same whatever stands around them.
const LATIN_START = 1;
const HANGUL_START = 2;
const WORD_BEFORE = new Uint8Array(0x10000);
const RAW_STARTS = new Uint8Array(0x10000);
for (let unit = 0x30; unit < 0x7b; unit++) {
  const alnum = (unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
  if (alnum) {
    RAW_STARTS[unit] = LATIN_START;
    WORD_BEFORE[unit] = LATIN_START | HANGUL_START;
  }
}
WORD_BEFORE[0x5f] = LATIN_START;
RAW_STARTS.fill(HANGUL_START, 0xac00, 0xd7a4);
WORD_BEFORE.fill(HANGUL_START, 0xac00, 0xd7a4);

/** The `wordStarts` of a scan whose matches need not start words: no unit is passed over mid-word. */
const NO_STARTS = new Uint8Array(0x10000);

/** Whether `wordStarts` passes over `unit` after `before` (the boundary checks reject a match there). */
export function midWord(before: number, unit: number, wordStarts: Uint8Array = RAW_STARTS): boolean {
  return ((WORD_BEFORE[before] as number) & (wordStarts[unit] as number)) !== 0;
}

/**
 * The `wordStarts` of text that reads as its prose around every match (no markup taken out of it):
 * a pre-check looks for no blocking phrase.
 */
export function rawWordStarts(): Uint8Array {
  return RAW_STARTS;
}

const proseStarts = new WeakMap<PhraseIndex, Uint8Array>();

/**
 * The `wordStarts` of a scan of prose with `index`: RAW_STARTS but for the units whose view a
 * blocking phrase (an exception, config `accept`, a context set's `not`) starts with, for such a
 * phrase blocks the matches it holds wherever it starts (`Six Party` holds `Party`).
 */
export function proseWordStarts(index: PhraseIndex): Uint8Array {
  let starts = proseStarts.get(index);
  if (!starts) {
    const firsts = new Set<number>();
    for (const ref of index.refs.withEffect('block')) firsts.add(normalizePhrase(ref.literal).charCodeAt(0));
    starts = RAW_STARTS;
    if (firsts.size > 0) {
      starts = RAW_STARTS.slice();
      const entries = tableOf();
      for (let unit = 0; unit < 0x80; unit++) {
        if (starts[unit] !== 0 && firsts.has((entries[unit] as number) & 0xffff)) starts[unit] = 0;
      }
      for (const first of firsts) if (starts[first] === HANGUL_START) starts[first] = 0;
    }
    proseStarts.set(index, starts);
  }
  return starts;
}

/**
 * The first index in [from, to) where the view of `text` may take the automaton (and the pattern
 * atoms') out of the root and keep it there for two units: a unit the root has an edge on, whose
 * state ends a phrase or has an edge on the view of the unit after it (or whose next unit is
 * anything but a simple unit or, after a unit that does not join across whitespace, whitespace).
 * What it passes over leaves the automaton at the root, so the scan may start a fresh view at the
 * index returned (`reset`). That view is the whole view's from its first unit on, but for a hyphen
 * there that the whole view makes a space (after a Latin letter passed over): a scan that must be
 * exact passes over no text when a phrase starts with a hyphen (`hyphen`). With `wordStarts`
 * (`rawWordStarts`, `proseWordStarts`), for a caller that drops the matches the left boundary
 * check rejects, it also passes over a unit that table marks when the unit before it continues
 * the word: what starts there is never a candidate. With `flags`, for a caller that reads only
 * those flags of what the automaton finds (the pre-check), a phrase that ends stops the pass only
 * when it has one of them: a term's preferred form (韩国), quiet, is in most paragraphs, and so is
 * a context set's mention, which a pre-check for candidates alone does not look for.
 */
export function skipAtRoot(
  text: string,
  from: number,
  to: number,
  s: RootStarts,
  wordStarts: Uint8Array | null = null,
  flags = 0,
): number {
  const entries = tableOf();
  const { code, base, check, root, hyphen, withAtoms, atoms, passes, outFirst, outFlags } = s;
  // Where a phrase ends that stops the pass: any (outFirst, a state's first output), or one with
  // `flags`. Both read at every call: the pre-check's calls (with flags) came first, and V8 threw
  // its code away at the first call of the candidate scan, which reads `outFirst`.
  const ends = flags === 0 ? outFirst : outFlags;
  const mask = flags === 0 ? -1 : flags;
  const starts = wordStarts ?? NO_STARTS;
  let i = from;
  // The unit before `i` (0 at the start of the text: nothing continues a word there).
  let last = from > 0 ? text.charCodeAt(from - 1) : 0;
  for (; i < to; i++) {
    const unit = text.charCodeAt(i);
    const before = last;
    last = unit;
    const known = passes[unit] as number;
    // Not 0 in the middle of a word (`midWord`, written out here: the CLI runs with V8's inlining
    // off): a match may start here, but the boundary check rejects it.
    const mid = (WORD_BEFORE[before] as number) & (starts[unit] as number);
    // Passed over when known to pass, or to start a phrase in the middle of a word. One test, in
    // arithmetic (`mid` is at most 3): as two, the branch mispredicted at most letters of English
    // text, where units that pass and units that start a phrase alternate. Measured apart from the
    // CLI, the pass over the bench corpus took 30 % less with 24 terms, the same with korea-china.
    if (((known & PASSES) | ((known >> 1) & ((mid + 3) >> 2))) !== 0) continue;
    const entry = entries[unit] as number;
    const kind = entry & CLASS;
    if (kind === SIMPLE) {
      const v = entry & 0xffff;
      // STARTS is learnt only of a unit that starts no atom: most units that reach here (中 and 国
      // with korea-china) are asked again at every occurrence without it.
      if (withAtoms && known !== STARTS && startsIn(atoms, v)) break;
      const x = code[v] as number;
      const t = root + x;
      if (x === 0 || check[t] !== 0) {
        passes[unit] = PASSES;
        continue;
      }
      if (known !== STARTS) {
        passes[unit] = STARTS;
        if (mid !== 0) continue;
      }
      if (((ends[t] as number) & mask) !== 0 || i + 1 >= to) break;
      // A phrase starts here: does the unit after it go on with one?
      const next = entries[text.charCodeAt(i + 1)] as number;
      const nextKind = next & CLASS;
      let w: number;
      if (nextKind === SIMPLE) w = next & 0xffff;
      else if (nextKind === SPACE_CLASS && (entry & JOINS) === 0) w = 0x20;
      else break;
      const y = code[w] as number;
      if (y === 0 || check[(base[t] as number) + y] !== t) continue;
      // Two simple units go on with a phrase: the view is their own units, so walk on with the
      // units after them while they are simple too, and pass over this one when no phrase it
      // starts goes on to its end (the first word of 中国核心利益 is in most Chinese paragraphs).
      if (nextKind !== SIMPLE) break;
      const u = (base[t] as number) + y;
      if (((ends[u] as number) & mask) !== 0 || i + 2 >= to) break;
      // diesBefore's first step, here: most walks die at the third unit (korea-china's pre-check
      // over the bench corpus: 379,000 walks), and each call was one (V8 inlines nothing in the CLI).
      const third = entries[text.charCodeAt(i + 2)] as number;
      if ((third & CLASS) === SIMPLE) {
        const z = code[third & 0xffff] as number;
        if (z === 0 || check[(base[u] as number) + z] !== u) continue;
      }
      if (!diesBefore(text, i + 2, to, u, entries, code, base, check, ends, mask)) break;
    } else if (kind === SPACE_CLASS || kind === DROP || (kind === HYPHEN_CLASS && !hyphen)) {
      passes[unit] = PASSES;
    } else {
      break;
    }
  }
  return i;
}

/**
 * Where the whitespace run at `k` ends, when the view reads it without folding: before a simple
 * unit within `to`, where it is one space, or none between two Han characters or two Hangul
 * syllables (JOINS). -1 anywhere else: the folder ends a view with whitespace, and joins it with a
 * unit it drops or folds to several. For the walks over text at the root (diesBefore here,
 * walkUnfolded in root-walk.ts), which hand it the fold table (`tableOf`) they read.
 */
export function simpleAfterSpace(text: string, k: number, to: number, entries: Int32Array): number {
  let j = k;
  while (j < to && ((entries[text.charCodeAt(j)] as number) & CLASS) === SPACE_CLASS) j++;
  return j < to && ((entries[text.charCodeAt(j)] as number) & CLASS) === SIMPLE ? j : -1;
}

/**
 * Whether the walk from trie state `state` over the view of `text` from `from` (the unit before it
 * simple) leaves the trie before `to` without reaching a state where a phrase ends (`ends & mask`
 * not 0: `outFirst` and -1, or `outFlags` and the flags asked for). The walk reads
 * simple units, and whitespace between two of them as the view does (one space, none between two
 * Han characters or two Hangul syllables); any other unit (a hyphen, one the view drops or folds to
 * several units) ends it as "may go on".
 */
function diesBefore(
  text: string,
  from: number,
  to: number,
  state: number,
  entries: Int32Array,
  code: Uint16Array,
  base: Int32Array,
  check: Int32Array,
  ends: Int32Array,
  mask: number,
): boolean {
  let at = state;
  let last = entries[text.charCodeAt(from - 1)] as number;
  for (let k = from; ; k++) {
    if (((ends[at] as number) & mask) !== 0 || k >= to) return false;
    let entry = entries[text.charCodeAt(k)] as number;
    if ((entry & CLASS) === SPACE_CLASS) {
      k = simpleAfterSpace(text, k, to, entries);
      if (k < 0) return false;
      entry = entries[text.charCodeAt(k)] as number;
      if ((last & entry & JOINS) === 0) {
        const space = code[0x20] as number;
        if (space === 0 || check[(base[at] as number) + space] !== at) return true;
        at = (base[at] as number) + space;
        if (((ends[at] as number) & mask) !== 0) return false;
      }
    } else if ((entry & CLASS) !== SIMPLE) return false;
    const x = code[entry & 0xffff] as number;
    if (x === 0) return true;
    const next = (base[at] as number) + x;
    if (check[next] !== at) return true;
    at = next;
    last = entry;
  }
}
