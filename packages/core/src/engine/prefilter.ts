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

import { ViewFolder } from '../view/fold.js';
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
import type { CompiledRuleSet } from './compiled.js';
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

/** In a table entry: Han or a Hangul syllable, which the view joins across whitespace. */
const JOINS = (HAN | SYLLABLE) << FLAG_SHIFT;

// The units a window folds from where a match may start; the scan goes on window by window while
// the automaton is away from its root, and passes over text again once it is back there.
const WINDOW = 32;

/** What the pass over text at the root reads (see `skip`). */
interface Starts {
  code: Uint16Array;
  base: Int32Array;
  check: Int32Array;
  outFlags: Int32Array;
  /** The slot of the root's edges (base[0]). */
  root: number;
  /** A hyphen can start a phrase. */
  hyphen: boolean;
  /** Per view unit: 1 when a pattern atom starts with it (a rule set with patterns), else null. */
  atoms: Uint8Array | null;
}

// Per rule set; null when a space can start a phrase (phrases are trimmed, so none should): then
// every unit is folded.
const startsOf = new WeakMap<CompiledRuleSet, Starts | null>();

function starts(rs: CompiledRuleSet): Starts | null {
  let known = startsOf.get(rs);
  if (known !== undefined) return known;
  const { code, base, check, outFlags } = rs.automaton.tables;
  const root = base[0] as number;
  const startsWith = (unit: number, t = code) => t[unit] !== 0 && check[root + (t[unit] as number)] === 0;
  let atoms: Uint8Array | null = null;
  let spaceStarts = startsWith(0x20);
  if (rs.patternAtoms) {
    const a = rs.patternAtoms.tables;
    const aRoot = a.base[0] as number;
    atoms = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      const x = a.code[unit] as number;
      if (x !== 0 && a.check[aRoot + x] === 0) atoms[unit] = 1;
    }
    spaceStarts ||= atoms[0x20] === 1;
  }
  known = spaceStarts
    ? null
    : { code, base, check, outFlags, root, hyphen: startsWith(0x2d) || atoms?.[0x2d] === 1, atoms };
  startsOf.set(rs, known);
  return known;
}

/**
 * The first index in [from, to) where the view of `text` may take the automaton (and the pattern
 * atoms') out of the root and keep it there for two units: a unit the root has an edge on, whose
 * state reports a phrase or has an edge on the view of the unit after it (or whose next unit is
 * anything but a simple unit or, after a unit that does not join across whitespace, whitespace).
 * What it passes over leaves the automaton at the root, whatever the whitespace and hyphen rules
 * make of it, so the scan may start a fresh view there (`reset`). Being exact at the first unit
 * of that view only where the view can be, it can find a match the whole view does not hold (a
 * hyphen it no longer knows follows a Latin letter), never miss one.
 */
function skip(text: string, from: number, to: number, s: Starts): number {
  const entries = tableOf();
  const { code, base, check, outFlags, root, hyphen, atoms } = s;
  let i = from;
  for (; i < to; i++) {
    const entry = entries[text.charCodeAt(i)] as number;
    const kind = entry & CLASS;
    if (kind === SIMPLE) {
      const v = entry & 0xffff;
      if (atoms !== null && atoms[v] === 1) break;
      const x = code[v] as number;
      if (x === 0) continue;
      const t = root + x;
      if (check[t] !== 0) continue;
      if (outFlags[t] !== 0 || i + 1 >= to) break;
      // A phrase starts here: does the unit after it go on with one?
      const next = entries[text.charCodeAt(i + 1)] as number;
      const nextKind = next & CLASS;
      let w: number;
      if (nextKind === SIMPLE) w = next & 0xffff;
      else if (nextKind === SPACE_CLASS && (entry & JOINS) === 0) w = 0x20;
      else break;
      const y = code[w] as number;
      if (y !== 0 && check[(base[t] as number) + y] === t) break;
    } else if (kind === HYPHEN_CLASS) {
      if (hyphen) break;
    } else if (kind !== SPACE_CLASS && kind !== DROP) {
      break;
    }
  }
  return i;
}

/** The pre-check over the match view of `text`, until what is `wanted` (CANDIDATE, MENTION) is found. */
export function scanRaw(text: string, ruleSet: RuleSet, wanted: number): RawScanResult {
  const rs = compiledOf(ruleSet);
  const at = starts(rs);
  let flags = rs.unanchoredPattern ? CANDIDATE : 0;
  let state = 0;
  let atomState = 0;
  folder.reset();
  for (let from = 0; from < text.length && (flags & wanted) !== wanted; ) {
    // At the root, units no phrase starts with cannot change a thing: pass them over unfolded.
    if (at && state === 0 && (atomState === 0 || (flags & CANDIDATE) !== 0)) {
      const next = skip(text, from, text.length, at);
      if (next !== from) {
        folder.reset();
        from = next;
        if (from === text.length) break;
      }
    }
    let to = Math.min(text.length, from + (at ? WINDOW : SLICE));
    // A slice never ends between the two halves of a surrogate pair.
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to++;
    if (!folder.fold(text, from, to)) return { candidate: true, mention: true };
    if (to === text.length) folder.finish();
    const found = rs.automaton.flagsIn(folder.units, folder.length, wanted & ~flags, state);
    flags |= found.flags;
    state = found.state;
    if (rs.patternAtoms && (flags & CANDIDATE) === 0) {
      const more = rs.patternAtoms.flagsIn(folder.units, folder.length, CANDIDATE, atomState);
      flags |= more.flags;
      atomState = more.state;
    }
    // What is scanned can go; the folder keeps what it still waits on (a space, a hyphen).
    folder.length = 0;
    from = to;
  }
  const result: RawScanResult = {
    candidate: (flags & (CANDIDATE | WEAK)) !== 0,
    mention: (flags & MENTION) !== 0,
  };
  if ((flags & CANDIDATE) === 0 && (flags & WEAK) !== 0 && (wanted & CANDIDATE) !== 0) result.weakOnly = true;
  return result;
}

/** See PrefilterSafety. */
export function prefilterSafety(ruleSet: RuleSet, chars: string): PrefilterSafety {
  const rs = compiledOf(ruleSet);
  const code = rs.automaton.tables.code;
  const held = [...chars].filter((c) => [...c].some((_, i) => code[c.charCodeAt(i)] !== 0));
  return { held, edgeHyphen: rs.edgeHyphen };
}
