// The trie of PhraseAutomaton's patterns, made at build() from the distinct patterns sorted: its
// states are numbered breadth first, so the children of a state are consecutive states (in the
// order of their units) and laying the trie out (double-array.ts) reads every per-state array in
// order. Built as a linked trie while patterns were added, in the order they came, its 300,000
// states (a termbase's 40,000 distinct terms) were visited in an order unrelated to where they
// lay in memory, and waiting for memory was most of building the automaton.

export interface BreadthFirstTrie {
  /** States, the root (0) included. */
  states: number;
  /** Per state: the unit on the edge into it (0 for the root). */
  unit: Uint16Array;
  /** Per state, and one past the last: its children are the states childStart[k] to childStart[k + 1]. */
  childStart: Int32Array;
  /** Per state: its depth (the length of the pattern prefix it stands for). */
  depth: Int32Array;
  /** Per state: the index of the pattern ending at it, -1 for none. */
  pattern: Int32Array;
}

/**
 * The trie of `patterns` (distinct and non-empty; `indexOf` gives each one's index, `units` is
 * the sum of their lengths, which bounds the number of states).
 */
export function breadthFirstTrie(
  patterns: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  units: number,
): BreadthFirstTrie {
  // Sorted, the patterns below a state are a run (lo to hi) and its children split that run by
  // the unit at the state's depth; the pattern ending at the state comes first in it. Their units
  // in one buffer: each level reads every pattern again, from memory close together.
  const sorted = patterns.slice().sort();
  const count = sorted.length;
  const buffer = new Uint16Array(units);
  const start = new Int32Array(count + 1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const p = sorted[i] as string;
    start[i] = at;
    for (let j = 0; j < p.length; j++) buffer[at++] = p.charCodeAt(j);
  }
  start[count] = at;
  const max = units + 1;
  const unit = new Uint16Array(max);
  const childStart = new Int32Array(max + 1);
  const depth = new Int32Array(max);
  const pattern = new Int32Array(max).fill(-1);
  const lo = new Int32Array(max);
  const hi = new Int32Array(max);
  hi[0] = count;
  let states = 1;
  for (let k = 0; k < states; k++) {
    let i = lo[k] as number;
    const end = hi[k] as number;
    const d = depth[k] as number;
    childStart[k] = states;
    if (i < end && (start[i + 1] as number) - (start[i] as number) === d) {
      pattern[k] = indexOf.get(sorted[i] as string) as number;
      i++;
    }
    while (i < end) {
      const u = buffer[(start[i] as number) + d] as number;
      let j = i + 1;
      while (j < end && buffer[(start[j] as number) + d] === u) j++;
      unit[states] = u;
      depth[states] = d + 1;
      lo[states] = i;
      hi[states] = j;
      states++;
      i = j;
    }
  }
  childStart[states] = states;
  return { states, unit, childStart, depth, pattern };
}
