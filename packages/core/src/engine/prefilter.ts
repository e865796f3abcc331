// The exact pre-check: the rule set's own automaton run over the match view of raw text, so that a
// caller parses only what can give a finding (DESIGN, Performance budget). The phrases it looks for
// carry a flag (compile.ts): CANDIDATE for a phrase whose match can decide a finding (every
// `report` phrase, and a kind's `precheck` ones), MENTION for a context set's mention. WEAK
// replaces CANDIDATE for a Latin phrase of at most three letters or digits (`AI`, `EU`): the view
// has no word boundaries, and `ai` is in `said`, `again` and `maintain`, so text holding only such
// matches is a candidate that a caller able to check boundaries may still rule out
// (`hasBoundedCandidate`).
//
// A caller that reads Markdown scans the raw text with its inline markup taken out (the adapter
// knows the markup, core does not). Taking characters out can only join text, so the view of that
// text holds every match the view of the parsed prose holds, provided that no phrase holds a
// character taken out (`prefilterSafety().held`) and, when characters are taken out, no phrase
// starts or ends with a hyphen (`edgeHyphen`: a hyphen between two Latin letters is a space in the
// view, so what stands next to it decides what it is). Text the view folder declines (a combining
// mark that would compose with the character before it, ViewFolder) counts as holding both.

import type { FlaggedIds, PhraseAutomaton } from '../match/automaton.js';
import { ViewFolder } from '../view/fold.js';
import type { CompiledRuleSet } from './compiled.js';
import { rawWordStarts, rootStarts, skipAtRoot, WINDOW, windowEnd } from './root-skip.js';
import { type UnfoldedWalk, walkUnfolded } from './root-walk.js';
import type { RuleSet } from './rule-set.js';

export const CANDIDATE = 1;
export const MENTION = 2;
export const WEAK = 4;

/** Whether a phrase's view form is weak (see WEAK): one to three ASCII letters or digits. */
export function isWeakPhrase(view: string): boolean {
  return /^[a-z0-9]{1,3}$/.test(view);
}

export interface RawScanResult {
  /** The text may give a finding (asked for with CANDIDATE). */
  candidate: boolean;
  /** The text may mention a context set (asked for with MENTION). */
  mention: boolean;
  /** Set (true) when only weak phrases made the text a candidate. */
  weakOnly?: true;
  /** Set (true) when the view folder declined the text (see above): it counts as holding anything. */
  declined?: true;
  /** Set (true), by a scan with `onFlagged`, when a reporting pattern may match. */
  pattern?: true;
}

/** What a caller that takes characters out of raw text before the pre-check must know. */
export interface PrefilterSafety {
  /** The characters of the given ones that some phrase holds: they must not be taken out. */
  held: string[];
  /** Some phrase the pre-check looks for starts or ends with a hyphen: nothing may be taken out. */
  edgeHyphen: boolean;
}

// One folder for every scan (scans never nest), fed a slice at a time so that its buffers stay small.
const folder = new ViewFolder(false);
const SLICE = 0x4000;

function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  const rs = ruleSet as Partial<CompiledRuleSet>;
  if (!rs.automaton || !rs.compiled) throw new TypeError('Expected a rule set made by compilePacks');
  return rs as CompiledRuleSet;
}

/** How `scanRaw` reads a text. */
export interface RawScanOptions {
  /**
   * The text reads as its prose around every match (nothing was taken out of it: see
   * `hasBoundedCandidate`), so a match a word boundary check rejects at its start (one starting in
   * the middle of a Latin or Hangul word: `ai` in `said`) can be no candidate, and is not looked for.
   */
  asProse?: boolean;
  /**
   * Scan to the end, given the payload id of every phrase found where one with flags ends
   * (`PhraseAutomaton.flagsIn`), for a caller that must know which phrases occur.
   */
  onFlagged?: (id: number) => void;
  /** With `onFlagged`, once a phrase made the text a candidate: whether the caller need not learn of patterns. */
  atomsAnswered?: () => boolean;
}

/**
 * The pre-check over the match view of `text`, until what is `wanted` (CANDIDATE, MENTION) is
 * found; with `onFlagged`, to the end. Such a caller learns whether a pattern may match
 * (`pattern`) unless a phrase made the text a candidate and `atomsAnswered` says that it need not know.
 */
export function scanRaw(
  text: string,
  ruleSet: RuleSet,
  wanted: number,
  { asProse = false, onFlagged, atomsAnswered }: RawScanOptions = {},
): RawScanResult {
  const rs = compiledOf(ruleSet);
  const at = rootStarts(rs.automaton, rs.patternAtoms);
  const wordStarts = asProse ? rawWordStarts() : null;
  // The phrases whose end stops the pass at the root: those with a flag asked for (a weak one makes
  // a candidate too), or with any, for a caller given every flagged phrase.
  const stopFlags = onFlagged ? CANDIDATE | MENTION | WEAK : (wanted & CANDIDATE ? WEAK : 0) | wanted;
  const whole = onFlagged !== undefined;
  // The states whose phrases the scan gave `onFlagged` already are given once (flagsIn's pass).
  const given = onFlagged ? { each: onFlagged, pass: ++passes } : undefined;
  let flags = 0;
  // The flags of the patterns' atoms, apart: with `onFlagged`, a caller learns of them as `pattern`.
  let atomFlags = rs.unanchoredPattern ? CANDIDATE : 0;
  let state = 0;
  let atomState = 0;
  const atoms = rs.patternAtoms;
  const give = given ? giverOf(rs, given) : null;
  folder.reset();
  for (let from = 0; from < text.length && (whole || ((flags | atomFlags) & wanted) !== wanted); ) {
    // At the root, units no phrase starts with cannot change a thing: pass them over unfolded.
    if (at && state === 0 && (atomState === 0 || atomsDone(atoms, whole, flags, atomFlags, atomsAnswered))) {
      const next = skipAtRoot(text, from, text.length, at, wordStarts, stopFlags);
      if (next !== from) {
        folder.reset();
        from = next;
        if (from === text.length) break;
      }
      // From there, the automata walk the text itself while its view needs no folding: most stops
      // end within a word or two, back at the root.
      if (!folder.waiting) {
        const atomsToo = atoms !== undefined && !atomsDone(atoms, whole, flags, atomFlags, atomsAnswered);
        const next = walkUnfolded(
          text,
          from,
          text.length,
          at,
          atomsToo,
          wanted & ~(flags | atomFlags),
          give,
          walk,
        );
        if (next !== from) {
          flags |= walk.flags;
          atomFlags |= walk.atomFlags;
          state = walk.state;
          atomState = atomsToo ? walk.atomState : 0;
          from = next;
          // One test of both (not `&&`): its code runs from the first walk, not first after V8 has
          // optimized this function, which then threw the code away.
          if ((state | atomState) === 0) continue;
          // What waits at the end of a view was read already: at the end, nothing is left to fold.
          if (from === text.length) break;
          folder.resumeAfter(walk.last);
        }
      }
    }
    // Window by window while the automaton is away from its root; without the pass, in slices.
    const to = windowEnd(text, from, at ? WINDOW : SLICE);
    if (!folder.fold(text, from, to)) return { candidate: true, mention: true, declined: true };
    if (to === text.length) folder.finish();
    const found = rs.automaton.flagsIn(
      folder.units,
      folder.length,
      wanted & ~(flags | atomFlags),
      state,
      given,
    );
    flags |= found.flags;
    state = found.state;
    if (atoms && !atomsDone(atoms, whole, flags, atomFlags, atomsAnswered)) {
      const more = atoms.flagsIn(folder.units, folder.length, CANDIDATE, atomState);
      atomFlags |= more.flags;
      atomState = more.state;
    }
    // What is scanned can go; the folder keeps what it still waits on (a space, a hyphen).
    folder.length = 0;
    from = to;
  }
  const all = flags | atomFlags;
  const result: RawScanResult = {
    candidate: (all & (CANDIDATE | WEAK)) !== 0,
    mention: (all & MENTION) !== 0,
  };
  if ((all & CANDIDATE) === 0 && (all & WEAK) !== 0 && (wanted & CANDIDATE) !== 0) result.weakOnly = true;
  if (whole && (atomFlags & CANDIDATE) !== 0) result.pattern = true;
  return result;
}

/**
 * Whether a pre-check need not look for the pattern atoms any more: there are none, one was found
 * (or, without `whole`, a phrase made the text a candidate), or a phrase did and `atomsAnswered`
 * says the caller need not learn of patterns. A function of its own, not a closure over the
 * scan's flags: a closure kept them in a context object made at every call (13,155 pre-checks of
 * blocks with 10,000 terms), each update of them a store into it.
 */
function atomsDone(
  atoms: PhraseAutomaton | undefined,
  whole: boolean,
  flags: number,
  atomFlags: number,
  atomsAnswered: (() => boolean) | undefined,
): boolean {
  return (
    !atoms ||
    ((whole ? atomFlags : atomFlags | flags) & CANDIDATE) !== 0 ||
    ((flags & CANDIDATE) !== 0 && atomsAnswered?.() === true)
  );
}

/** `automaton.giveOnce` of `given` for walkUnfolded, made only by a scan that gives phrases. */
function giverOf(rs: CompiledRuleSet, given: FlaggedIds): (state: number) => void {
  return (state) => rs.automaton.giveOnce(state, given);
}

/** What the last `walkUnfolded` of a pre-check found. */
const walk: UnfoldedWalk = { state: 0, flags: 0, atomState: 0, atomFlags: 0, last: 0 };

/** The passes of `flagsIn` with ids given made (an automaton keeps the last that gave each state's). */
let passes = 0;

/** See PrefilterSafety. */
export function prefilterSafety(ruleSet: RuleSet, chars: string): PrefilterSafety {
  const rs = compiledOf(ruleSet);
  const code = rs.automaton.tables.code;
  const held = [...chars].filter((c) => [...c].some((_, i) => code[c.charCodeAt(i)] !== 0));
  return { held, edgeHyphen: rs.edgeHyphen };
}
