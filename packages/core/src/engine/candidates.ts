// One segment: its prose, its match view, and the candidate matches that pass the per-script
// checks on the original prose (DESIGN: Matching).

import type { NumberMention } from '../bilingual/numbers.js';
import type { LetterCounts } from '../lang/document-script.js';
import { hanStartOk, isHanjaGloss } from '../lang/han.js';
import { hangulLeftOk, hangulRight } from '../lang/ko-particles.js';
import { latinLeftOk, latinRightEnd } from '../lang/latin.js';
import { isDigit, scriptOf } from '../lang/script.js';
import { detached } from '../text/detach.js';
import { lastKeyAtMost } from '../text/search.js';
import { splitSentences } from '../text/sentences.js';
import type { ContextLicense, Prose, Segment } from '../types.js';
import { ViewFolder } from '../view/fold.js';
import { buildView } from '../view/normalize.js';
import { buildProse } from '../view/prose.js';
import { crossesScript } from '../view/t2s.js';
import { forEachPatternMatch } from './patterns.js';
import { isMention, type PhraseIndex, type PhraseRef } from './phrase-ref.js';
import { proseWordStarts, rootStarts, skipAtRoot, startsIn, windowEnd } from './root-skip.js';

export interface Candidate {
  ref: PhraseRef;
  /** Match view range. */
  vs: number;
  ve: number;
  /** Prose range of the term itself (no particle, no inflection suffix). */
  ps: number;
  pe: number;
  /** Prose end after the accepted inflection suffix or particles. */
  tail: number;
  particles: string[];
}

export interface SegmentState {
  index: number;
  prose: Prose;
  candidates: Candidate[];
  /** The scan of its prose (shared with every segment of that text in a ScanCache). */
  scan: ProseScan;
}

/** A candidate of one rule with the segment it came from. */
export interface RuleMatch {
  seg: SegmentState;
  c: Candidate;
  /** What licensed a `report` match of a rule (or term) with a context condition. */
  context?: ContextLicense[];
}

/** The segment's sentences (prose ranges), split once per prose text. */
export function sentenceSpans(seg: SegmentState): Array<{ start: number; end: number }> {
  seg.scan.sentenceSpans ??= splitSentences(seg.prose.text);
  return seg.scan.sentenceSpans;
}

/** The sentence index (within the segment) holding a prose offset. */
export function sentenceOf(seg: SegmentState, offset: number): number {
  const spans = sentenceSpans(seg);
  // The first sentence holds an offset before every start, as it always did.
  return Math.max(
    0,
    lastKeyAtMost(spans.length, (i) => (spans[i] as { start: number }).start, offset),
  );
}

function lastCodePointBefore(s: string, end: number): number {
  const lo = s.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end >= 2) return s.codePointAt(end - 2) ?? lo;
  return lo;
}

// A phrase that starts or ends with a digit (G20, 2+2) is checked like Latin on that side:
// no letter or digit may continue it.
function wordScript(cp: number): ReturnType<typeof scriptOf> {
  return isDigit(cp) ? 'latin' : scriptOf(cp);
}

/** Checks both ends of a candidate by the script of its first and last characters. */
function boundaries(
  prose: string,
  ps: number,
  pe: number,
  ref: PhraseRef,
): { tail: number; particles: string[] } | null {
  const ies = ref.ies === true;
  const first = wordScript(prose.codePointAt(ps) ?? 0);
  if (first === 'latin' && !latinLeftOk(prose, ps)) return null;
  if (first === 'hangul' && !hangulLeftOk(prose, ps)) return null;
  if (first === 'han' && isHanjaGloss(prose, ps, pe)) return null;
  const last = wordScript(lastCodePointBefore(prose, pe));
  let tail = pe;
  let particles: string[] = [];
  if (last === 'latin') {
    tail = latinRightEnd(prose, pe, ies ? 'ies' : 'plain');
    if (tail < 0) return null;
  } else if (last === 'hangul') {
    const right = hangulRight(prose, pe, MULTI_WORD.test(ref.literal));
    if (right === null) return null;
    tail = right.end;
    particles = right.particles;
  } else if (ies) {
    return null;
  }
  // The Han check runs the segmenter: do it last, only for candidates that passed the rest.
  if (first === 'han' && !hanStartOk(prose, ps)) return null;
  return { tail, particles };
}

// A phrase written as several words (전략적 협력 동반자): the copula 인 may follow it.
const MULTI_WORD = /\S\s+\S/u;

/** The accepted candidates of a prose string: they depend on its text only, so a caller may cache
 *  them by text (see ScanCache) while offsets elsewhere in the document move. */
export interface ProseScan {
  candidates: Candidate[];
  sentenceSpans?: Array<{ start: number; end: number }>;
  /** The prose holds a Hangul code point (`hasHangul`). */
  hangul?: boolean;
  /** Its letters by script (`countLetters`), once the document's are asked. */
  letters?: LetterCounts;
  /** Its text on one line (whitespace runs as one space, trimmed), once a translation's finding shows it as its source. */
  oneLine?: string;
  /** Its context mentions (set and text, in order) as one key, once it is a translation's source (finding-memo.ts). */
  mentions?: string;
  /** Its numbers and dates, once a translation's numbers check reads them (bilingual/number-check.ts). */
  numbers?: readonly NumberMention[];
  /** The last lint of a ScanCache that used it. */
  used?: number;
}

export function scanSegment(
  ruleSet: PhraseIndex,
  docText: string,
  segment: Segment,
  index: number,
  cache?: Map<string, ProseScan>,
): SegmentState {
  const prose = buildProse(docText, segment);
  let scan = cache?.get(prose.text);
  if (!scan) {
    scan = scanProse(ruleSet, prose);
    // The key outlives this text (an editor's next versions find it): not a view of the document.
    cache?.set(detached(prose.text), scan);
  }
  return { index, prose, candidates: scan.candidates, scan };
}

// The view of the segment being scanned: the buffers are reused from one segment to the next.
const folder = new ViewFolder(true);

/** The match view of a prose string: the folder's buffers, or buildView's arrays for the text
 *  the folder declines (ViewFolder). Valid until the next call. */
function viewOf(text: string): {
  units: Uint16Array;
  length: number;
  start: Int32Array;
  end: Int32Array;
  text(): string;
} {
  folder.reset();
  if (folder.fold(text)) {
    folder.finish();
    return folder;
  }
  const view = buildView(text);
  const units = new Uint16Array(view.text.length);
  for (let i = 0; i < units.length; i++) units[i] = view.text.charCodeAt(i);
  return { units, length: units.length, start: view.start, end: view.end, text: () => view.text };
}

/**
 * Whether a phrase of a rule (a `report` one, or one a kind reads, such as `require`) occurs in
 * `text` with the word boundaries a scan of prose checks (`boundaries`). Only for text that reads,
 * around every match, as the prose a parse of it gives: see `hasBoundedCandidate`.
 */
export function hasBoundedMatch(ruleSet: PhraseIndex, text: string): boolean {
  let found = false;
  const consider = (
    ref: PhraseRef,
    vs: number,
    ve: number,
    start: Int32Array,
    end: Int32Array,
    at: number,
  ) => {
    // A rule's own phrases (a `require` one can decide a finding too); not mentions or blocks.
    const decides = ref.effect === 'report' || (ref.effect === 'context' && ref.rule >= 0);
    if (found || ve <= vs || !decides) return;
    const ps = start[vs - at] ?? 0;
    found = boundaries(text, ps, end[ve - 1 - at] ?? ps, ref) !== null;
  };
  if (scanWindows(ruleSet, text, consider, { phrasesOnly: true, done: () => found })) {
    folder.release();
    return found;
  }
  found = false;
  const view = viewOf(text);
  if (view.length > 0) {
    ruleSet.automaton.scanUnits(view.units, view.length, (id, vs, ve) => {
      const ref = ruleSet.refs.at(id);
      if (ref) consider(ref, vs, ve, view.start, view.end, 0);
    });
  }
  folder.release();
  return found;
}

function scanProse(ruleSet: PhraseIndex, prose: Prose): ProseScan {
  const candidates: Candidate[] = [];
  // `vs`, `ve`: view indices (blocks() compares them); `at`: where view index 0 is in the arrays.
  const consider = (ref: PhraseRef, vs: number, ve: number, start: Int32Array, end: Int32Array, at = 0) => {
    if (ve <= vs) return;
    const ps = start[vs - at] ?? 0;
    const pe = end[ve - 1 - at] ?? ps;
    // A blocking phrase only has to contain the matches it rejects.
    if (ref.effect === 'block') {
      candidates.push({ ref, vs, ve, ps, pe, tail: pe, particles: [] });
      return;
    }
    if (ref.script !== undefined && crossesScript(prose.text, ps, pe, ref.literal, ref.script)) return;
    const b = boundaries(prose.text, ps, pe, ref);
    if (b) candidates.push({ ref, vs, ve, ps, pe, tail: b.tail, particles: b.particles });
  };
  if (!scanWindows(ruleSet, prose.text, consider)) {
    candidates.length = 0;
    const view = viewOf(prose.text);
    if (view.length > 0) {
      ruleSet.automaton.scanUnits(view.units, view.length, (id, vs, ve) => {
        const ref = ruleSet.refs.at(id);
        if (ref) consider(ref, vs, ve, view.start, view.end);
      });
      let text: string | undefined;
      for (const p of ruleSet.patterns) {
        // A pattern whose atom is not in the view has no match: most segments skip it.
        const atom = p.atom;
        if (atom !== undefined && view.units.subarray(0, view.length).indexOf(atom.charCodeAt(0)) < 0)
          continue;
        text ??= view.text();
        if (atom !== undefined && !text.includes(atom)) continue;
        forEachPatternMatch(p.regex, text, (vs, ve) => consider(p.ref, vs, ve, view.start, view.end));
      }
    }
  }
  folder.release();
  return { candidates: candidates.length > 0 ? resolve(candidates) : candidates };
}

/**
 * `consider`s each phrase of `text` that the scan of its whole view finds (but the ones that start
 * in the middle of a Latin or Hangul word and block nothing, which `boundaries` rejects, whatever
 * the caller), with only windows of it folded: from the root the automaton passes over what cannot start a phrase (skipAtRoot), and the
 * windows of one run away from the root are folded into the folder one after the other (a match
 * lies in one run: inside it the automaton is never at the root). View indices count the units of
 * the windows only: they order and nest matches as the whole view's do. False where this cannot
 * be exact (the caller then drops what was considered and scans the whole view): a view that holds
 * the first unit of a pattern's atom (patterns run on the whole view's text), a pattern without
 * an atom, a phrase that starts with a hyphen, text the folder declines.
 */
function scanWindows(
  ruleSet: PhraseIndex,
  text: string,
  consider: (ref: PhraseRef, vs: number, ve: number, start: Int32Array, end: Int32Array, at: number) => void,
  options: { phrasesOnly?: boolean; done?: () => boolean } = {},
): boolean {
  const patterns = ruleSet.patterns.length > 0 && options.phrasesOnly !== true;
  const starts = rootStarts(ruleSet.automaton, patterns ? ruleSet.patternAtoms : undefined);
  if (starts === null || starts.hyphen) return false;
  // Patterns run on the whole view's text; a text whose view holds the first unit of no pattern's
  // atom has no pattern match (every match holds its pattern's atom).
  const { atoms, withAtoms } = starts;
  if (patterns && (!withAtoms || ruleSet.patterns.some((p) => p.atom === undefined))) return false;
  const automaton = ruleSet.automaton;
  const refs = ruleSet.refs;
  // `consider`'s callers check word boundaries: the scan passes over the middles of words.
  const wordStarts = proseWordStarts(ruleSet);
  // View units before the folder's buffer, in earlier runs.
  let at = 0;
  let state = 0;
  folder.reset();
  const onMatch = (id: number, vs: number, ve: number) => {
    const ref = refs.at(id);
    if (ref) consider(ref, vs + at, ve + at, folder.start, folder.end, at);
  };
  for (let i = 0; i < text.length; ) {
    if (state === 0) {
      const next = skipAtRoot(text, i, text.length, starts, wordStarts);
      if (next !== i) {
        at += folder.length;
        folder.reset();
        i = next;
        if (i >= text.length) break;
      }
    }
    const to = windowEnd(text, i);
    const from = folder.length;
    if (!folder.fold(text, i, to)) return false;
    if (to === text.length) folder.finish();
    if (patterns && withAtoms) {
      const units = folder.units;
      for (let k = from; k < folder.length; k++) if (startsIn(atoms, units[k] as number)) return false;
    }
    state = automaton.scanUnitsFrom(folder.units, from, folder.length, state, onMatch);
    if (options.done?.()) break;
    i = to;
  }
  return true;
}

/** A rule's exception (or config `accept`, every rule's) blocks its reporting matches inside it;
 *  a context set's `not` phrase blocks that set's mentions inside it (`Korea` in `North Korea`). */
function blocks(b: Candidate, c: Candidate): boolean {
  if (!(b.vs <= c.vs && c.ve <= b.ve)) return false;
  if (b.ref.set !== undefined) return c.ref.set === b.ref.set && isMention(c.ref);
  return c.ref.effect === 'report' && (b.ref.rule === -1 || b.ref.rule === c.ref.rule);
}

/**
 * Drops the reporting candidates that a blocking phrase (an exception of their rule, or config
 * `accept`) contains, then resolves overlaps within one rule and role (leftmost-longest);
 * different rules stay independent.
 */
function resolve(all: Candidate[]): Candidate[] {
  const blockers = all.filter((c) => c.ref.effect === 'block');
  const kept = blockers.length ? all.filter((c) => !blockers.some((b) => blocks(b, c))) : all;
  kept.sort((a, b) => a.ps - b.ps || b.pe - a.pe || a.ref.rule - b.ref.rule);
  const out: Candidate[] = [];
  // Last accepted end per rule and role.
  const lastEnd = new Map<string, number>();
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k] as Candidate;
    if (c.ref.effect === 'block') continue;
    const key = `${c.ref.rule}:${c.ref.role}:${c.ref.set ?? ''}`;
    if ((lastEnd.get(key) ?? -1) > c.ps) continue;
    lastEnd.set(key, c.pe);
    out.push(c);
  }
  return out;
}
