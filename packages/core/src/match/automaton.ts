// One Aho-Corasick automaton for every phrase of every rule (DESIGN: Matching), stored flat in
// typed arrays (a double-array trie with failure links), so that its size is a few arrays and its
// cost per input unit does not depend on the number of phrases:
// - `code` maps each UTF-16 unit to its index in the phrases' alphabet, 0 for a unit no phrase
//   holds: at such a unit every state falls back to the root at once;
// - the trie edge from state s on code x is the slot t = base[s] + x when check[t] === s;
// - without that edge the state follows its failure link (amortized: at most one fallback per unit
//   consumed).
// Every state is a slot of the arrays; the root is slot 0. The build lives in double-array.ts.

import { type AutomatonTables, buildTables } from './double-array.js';
import { breadthFirstTrie } from './trie.js';

export type { AutomatonTables } from './double-array.js';

const ROOT = 0;

/** What `flagsIn` gives the ids of the patterns it finds to (see there). */
export interface FlaggedIds {
  each: (id: number) => void;
  /** A positive number the caller gives every call over one text, and no call over another. */
  pass: number;
}

export class PhraseAutomaton {
  /** Counters since construction or resetStats(): units consumed and reported matches. */
  readonly stats = { transitions: 0, outputs: 0 };

  // During add(): the patterns as added, each with its id and flags; build() makes the trie of
  // them at once (trie.ts), where repeats of a pattern meet.
  #patterns: string[] = [];
  #ids: number[] = [];
  #flags: number[] = [];
  /** The patterns' total length: at most that many states besides the root. */
  #units = 0;
  #tables: AutomatonTables | undefined;
  /** Per state, the last pass of `flagsIn` with `given` that gave its ids. */
  #passOf: Float64Array | undefined;

  /** An automaton from the tables of one built before (`tables`), for a serialized rule set. */
  static fromTables(tables: AutomatonTables): PhraseAutomaton {
    const automaton = new PhraseAutomaton();
    automaton.#tables = tables;
    return automaton;
  }

  /** Distinct non-empty patterns added (counted when built). */
  get patternCount(): number {
    return this.#built().patternCount;
  }

  /** Diagnostics for memory: trie states and double-array slots (free ones included). */
  get size(): { states: number; entries: number } {
    const t = this.#built();
    return { states: t.states, entries: t.check.length };
  }

  /** The built automaton's arrays, to serialize it. */
  get tables(): AutomatonTables {
    return this.#built();
  }

  /**
   * Register a (normalized) pattern with an integer payload id; empty patterns are ignored.
   * `flags` are OR-ed into what `flagsIn` reports for text holding the pattern.
   */
  add(pattern: string, id: number, flags = 0): void {
    if (this.#tables) throw new Error('PhraseAutomaton: add() after build()');
    if (pattern.length === 0) return;
    this.#patterns.push(pattern);
    this.#ids.push(id);
    this.#flags.push(flags);
    this.#units += pattern.length;
  }

  /** Freeze: lay the trie out in the arrays, with failure and output links. */
  build(): void {
    if (this.#tables) return;
    const trie = breadthFirstTrie(this.#patterns, this.#units);
    this.#tables = buildTables(trie, this.#ids, this.#flags);
    this.#patterns = [];
    this.#ids = [];
    this.#flags = [];
  }

  /** Every occurrence of every pattern, overlapping, in order of end offset (longest first on ties). */
  scan(text: string, onMatch: (id: number, start: number, end: number) => void): void {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    this.scanUnits(units, text.length, onMatch);
  }

  /** `scan` over `units[0, length)`. */
  scanUnits(
    units: Uint16Array,
    length: number,
    onMatch: (id: number, start: number, end: number) => void,
  ): void {
    this.scanUnitsFrom(units, 0, length, ROOT, onMatch);
  }

  /**
   * `scanUnits` over `units[from, to)`, the automaton in `state` at `from` (0: the root): for a
   * text fed in parts into one buffer, each part scanned from the state the last one returned. A
   * match's start may lie before `from`. Returns the state at `to`.
   */
  scanUnitsFrom(
    units: Uint16Array,
    from: number,
    to: number,
    state: number,
    onMatch: (id: number, start: number, end: number) => void,
  ): number {
    const { code, base, check, fail, outFirst, outNext, depth, idStart, idList } = this.#built();
    let s = state;
    let outputs = 0;
    for (let i = from; i < to; i++) {
      const x = code[units[i] as number] as number;
      if (x === 0) {
        s = ROOT;
        continue;
      }
      for (;;) {
        const t = (base[s] as number) + x;
        if (check[t] === s) {
          s = t;
          break;
        }
        if (s === ROOT) break;
        s = fail[s] as number;
      }
      for (let o = outFirst[s] as number; o !== ROOT; o = outNext[o] as number) {
        const end = i + 1;
        const start = end - (depth[o] as number);
        const last = idStart[o + 1] as number;
        for (let k = idStart[o] as number; k < last; k++) {
          outputs++;
          onMatch(idList[k] as number, start, end);
        }
      }
    }
    this.stats.transitions += to - from;
    this.stats.outputs += outputs;
    return s;
  }

  /**
   * The OR of the flags of every pattern occurring in `units[0, length)`; it stops as soon as all
   * of `wanted` are found. `state` carries the automaton over from an earlier call, for a text fed
   * in parts: pass the `state` it returned (0 to start afresh).
   *
   * With `given`, it reads to the end and calls `given.each` with the payload id of every pattern
   * ending where one with flags ends (those without flags too: the caller reads what each id is),
   * for a pre-check that must know which phrases occur, not only whether one does (prefilter.ts);
   * once per state in calls of the same `given.pass` (a positive number the caller gives every
   * call over one text, and no call over another text: a count, which never comes round again).
   */
  flagsIn(
    units: Uint16Array,
    length: number,
    wanted: number,
    state = ROOT,
    given?: FlaggedIds,
  ): { flags: number; state: number } {
    const { code, base, check, fail, outFlags } = this.#built();
    let s = state;
    let flags = 0;
    for (let i = 0; i < length; i++) {
      const x = code[units[i] as number] as number;
      if (x === 0) {
        s = ROOT;
        continue;
      }
      for (;;) {
        const t = (base[s] as number) + x;
        if (check[t] === s) {
          s = t;
          break;
        }
        if (s === ROOT) break;
        s = fail[s] as number;
      }
      const found = outFlags[s] as number;
      if (found === 0) continue;
      flags |= found;
      if (given) this.giveOnce(s, given);
      else if ((flags & wanted) === wanted) break;
    }
    return { flags, state: s };
  }

  /**
   * Calls `given.each` with the payload id of every pattern ending at `state` (one with flags ends
   * there), once per state in calls of the same `given.pass`: what `flagsIn` does with `given`, for
   * it and for a walk of the tables over text that needs no folding (root-skip.ts, walkUnfolded).
   */
  giveOnce(state: number, given: FlaggedIds): void {
    const { check, outFirst, outNext, idStart, idList } = this.#built();
    // Per state, the last pass that gave its ids: a mention repeated in a text is given once.
    let passOf = this.#passOf;
    if (passOf === undefined || passOf.length < check.length) {
      passOf = new Float64Array(check.length);
      this.#passOf = passOf;
    }
    if (passOf[state] === given.pass) return;
    passOf[state] = given.pass;
    for (let o = outFirst[state] as number; o !== ROOT; o = outNext[o] as number) {
      const last = idStart[o + 1] as number;
      for (let k = idStart[o] as number; k < last; k++) given.each(idList[k] as number);
    }
  }

  /** True if text contains at least one occurrence of any pattern; stops at the first. */
  test(text: string): boolean {
    const { code, base, check, fail, outFirst } = this.#built();
    let s = ROOT;
    for (let i = 0; i < text.length; i++) {
      const x = code[text.charCodeAt(i)] as number;
      if (x === 0) {
        s = ROOT;
        continue;
      }
      for (;;) {
        const t = (base[s] as number) + x;
        if (check[t] === s) {
          s = t;
          break;
        }
        if (s === ROOT) break;
        s = fail[s] as number;
      }
      if (outFirst[s] !== ROOT) {
        this.stats.transitions += i + 1;
        return true;
      }
    }
    this.stats.transitions += text.length;
    return false;
  }

  resetStats(): void {
    this.stats.transitions = 0;
    this.stats.outputs = 0;
  }

  #built(): AutomatonTables {
    if (!this.#tables) throw new Error('PhraseAutomaton: build() before scan() or test()');
    return this.#tables;
  }
}
