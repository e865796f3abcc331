// The trie of PhraseAutomaton's patterns, made at build() from them all at once: its
// states are numbered breadth first, so the children of a state are consecutive states and laying
// the trie out (double-array.ts) reads every per-state array in order. Built as a linked trie
// while patterns were added, its 300,000 states (a termbase's 40,000 distinct terms) were visited
// in an order unrelated to where they lay in memory, and waiting for memory was most of building
// the automaton.

export interface BreadthFirstTrie {
  /** States, the root (0) included. */
  states: number;
  /** Per state: the unit on the edge into it (0 for the root). */
  unit: Uint16Array;
  /** Per state, and one past the last: its children are the states childStart[k] to childStart[k + 1]. */
  childStart: Int32Array;
  /** Per state: its depth (the length of the pattern prefix it stands for). */
  depth: Int32Array;
  /** Per state: the first of the patterns ending at it (an index into those given), -1 for none ... */
  pattern: Int32Array;
  /** ... and per pattern, the next one equal to it, in the order given (-1: none). */
  nextSame: Int32Array;
  /** Distinct patterns: states where one ends. */
  distinct: number;
}

/**
 * The trie of `patterns` (non-empty, repeats allowed; `units` is the sum of their lengths, which
 * bounds the number of states).
 */
export function breadthFirstTrie(patterns: readonly string[], units: number): BreadthFirstTrie {
  const count = patterns.length;
  const start = new Int32Array(count + 1);
  const buffer = unitsOf(patterns, units, start);
  const max = units + 1;
  const trie = {
    unit: new Uint16Array(max),
    childStart: new Int32Array(max + 1),
    depth: new Int32Array(max),
    pattern: new Int32Array(max).fill(-1),
    nextSame: new Int32Array(count).fill(-1),
  };
  return { ...trie, ...split(buffer, start, trie) };
}

/** The patterns' units in one buffer, pattern i from start[i]: each level of the trie reads every
 *  pattern again, from memory close together. */
function unitsOf(patterns: readonly string[], units: number, start: Int32Array): Uint16Array {
  const buffer = new Uint16Array(units);
  let at = 0;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i] as string;
    start[i] = at;
    for (let j = 0; j < p.length; j++) buffer[at++] = p.charCodeAt(j);
  }
  start[patterns.length] = at;
  return buffer;
}

/**
 * Fills the trie's arrays, breadth first. A state stands for a run of `order` (the patterns below
 * it); its children split the run by the unit at its depth, in the order those units first occur
 * in it. One loop in one function: it runs once per automaton, and V8 optimizes it while it runs.
 */
function split(
  buffer: Uint16Array,
  start: Int32Array,
  trie: Omit<BreadthFirstTrie, 'states' | 'distinct'>,
): { states: number; distinct: number } {
  const { unit, childStart, depth, pattern, nextSame } = trie;
  const count = nextSame.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const spare = new Int32Array(count);
  const runStart = new Int32Array(unit.length);
  const runEnd = new Int32Array(unit.length);
  runEnd[0] = count;
  // Per unit: how many patterns of the run have it at the depth, then where the next one goes.
  const seen = new Int32Array(0x10000);
  // The units of the run, in the order they first occur.
  const found = new Uint16Array(0x10000);
  let states = 1;
  let distinct = 0;
  for (let k = 0; k < states; k++) {
    childStart[k] = states;
    const from = runStart[k] as number;
    const to = runEnd[k] as number;
    const d = depth[k] as number;
    if (to - from === 1) {
      // One pattern below (most states of a long pattern): it ends here, or goes on to one child.
      const p = order[from] as number;
      const at = (start[p] as number) + d;
      if (at === start[p + 1]) {
        pattern[k] = p;
        distinct++;
        continue;
      }
      unit[states] = buffer[at] as number;
      depth[states] = d + 1;
      runStart[states] = from;
      runEnd[states] = to;
      states++;
      continue;
    }
    let units = 0;
    // The patterns ending here are equal: kept in the order given (their ids' order).
    let same = -1;
    for (let i = from; i < to; i++) {
      const p = order[i] as number;
      const at = (start[p] as number) + d;
      if (at === start[p + 1]) {
        if (same < 0) {
          pattern[k] = p;
          distinct++;
        } else nextSame[same] = p;
        same = p;
        continue;
      }
      const u = buffer[at] as number;
      if (seen[u] === 0) found[units++] = u;
      seen[u] = (seen[u] as number) + 1;
    }
    let next = from;
    for (let j = 0; j < units; j++) {
      const u = found[j] as number;
      const n = seen[u] as number;
      seen[u] = next;
      unit[states] = u;
      depth[states] = d + 1;
      runStart[states] = next;
      runEnd[states] = next + n;
      states++;
      next += n;
    }
    if (units === 1 && same < 0) {
      // One child and no pattern ending here (most states of a long pattern): the run stays as is.
      seen[found[0] as number] = 0;
      continue;
    }
    for (let i = from; i < to; i++) {
      const p = order[i] as number;
      const at = (start[p] as number) + d;
      if (at === start[p + 1]) continue;
      const u = buffer[at] as number;
      spare[seen[u] as number] = p;
      seen[u] = (seen[u] as number) + 1;
    }
    for (let j = 0; j < units; j++) seen[found[j] as number] = 0;
    for (let i = from; i < next; i++) order[i] = spare[i] as number;
  }
  childStart[states] = states;
  return { states, distinct };
}
