// Lays out the trie of PhraseAutomaton (automaton.ts) as a double array with failure and output
// links. Every array is typed and indexed by slot, so a built automaton is a handful of buffers:
// cheap to keep, and copied as they are into a serialized rule set.
import type { Trie } from './trie.js';

export interface AutomatonTables {
  patternCount: number;
  /** Trie states (root included). */
  states: number;
  /** UTF-16 unit -> alphabet code (1-based); 0 for a unit no pattern holds. */
  code: Uint16Array;
  /** Per slot: the edge on code x from the state in this slot leads to slot base + x ... */
  base: Int32Array;
  /** ... when check[base + x] is this slot; -1 marks a free slot. */
  check: Int32Array;
  /** Per slot: the failure link (the longest proper suffix that is a trie state). */
  fail: Int32Array;
  /** Per slot: the state's depth (the length of the pattern prefix it stands for). */
  depth: Int32Array;
  /** Per slot: the first state with ids among itself and its failure chain (0: none) ... */
  outFirst: Int32Array;
  /** ... and from such a state, the next one (0: none). */
  outNext: Int32Array;
  /** Per slot: the OR of the flags of every pattern ending at this state or along its failure chain. */
  outFlags: Int32Array;
  /** Ids of the patterns ending at slot s: idList[idStart[s], idStart[s + 1]). */
  idStart: Int32Array;
  idList: Int32Array;
}

const ROOT = 0;
const FREE = -1;

/** The trie built by `add` (its children, ids and flags per state) laid out in slots. */
export function buildTables(
  trie: Trie,
  ids: readonly (number[] | undefined)[],
  flags: readonly number[],
  patternCount: number,
): AutomatonTables {
  const { unit: unitOf, firstChild, nextSibling } = trie;
  const states = trie.states;
  // Breadth-first order over the trie, and the alphabet in the order its units are first met.
  const order = new Int32Array(states);
  const code = new Uint16Array(0x10000);
  let codes = 0;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const k = order[head] as number;
    for (let child = firstChild[k] as number; child !== 0; child = nextSibling[child] as number) {
      const unit = unitOf[child] as number;
      if (code[unit] === 0) {
        if (codes === 0xffff) throw new Error('PhraseAutomaton: more than 65,535 distinct units');
        code[unit] = ++codes;
      }
      order[tail++] = child;
    }
  }
  const slotOf = new Int32Array(states);
  const layout = place(trie, order, code, slotOf, codes);
  const size = layout.check.length;
  const { base, check } = layout;
  const fail = new Int32Array(size);
  const depth = new Int32Array(size);
  const outFirst = new Int32Array(size);
  const outNext = new Int32Array(size);
  const outFlags = new Int32Array(size);
  const idStart = new Int32Array(size + 1);
  for (let k = 0; k < states; k++) {
    const own = ids[k];
    if (own) idStart[(slotOf[k] as number) + 1] = own.length;
  }
  for (let s = 0; s < size; s++) idStart[s + 1] = (idStart[s + 1] as number) + (idStart[s] as number);
  const idList = new Int32Array(idStart[size] as number);
  for (let k = 0; k < states; k++) {
    const own = ids[k];
    if (own) idList.set(own, idStart[slotOf[k] as number] as number);
  }
  // Failure and output links, breadth first: a state's failure target is shallower, so done.
  for (let head = 0; head < states; head++) {
    const k = order[head] as number;
    const s = slotOf[k] as number;
    for (let child = firstChild[k] as number; child !== 0; child = nextSibling[child] as number) {
      const t = slotOf[child] as number;
      const x = code[unitOf[child] as number] as number;
      depth[t] = (depth[s] as number) + 1;
      let f = ROOT;
      if (s !== ROOT) {
        for (let g = fail[s] as number; ; g = fail[g] as number) {
          const target = (base[g] as number) + x;
          if (check[target] === g) {
            f = target;
            break;
          }
          if (g === ROOT) break;
        }
      }
      fail[t] = f;
      const hasIds = ids[child] !== undefined;
      outFirst[t] = hasIds ? t : (outFirst[f] as number);
      outNext[t] = outFirst[f] as number;
      outFlags[t] = (flags[child] ?? 0) | (outFlags[f] as number);
    }
  }
  return {
    patternCount,
    states,
    code,
    base,
    check,
    fail,
    depth,
    outFirst,
    outNext,
    outFlags,
    idStart,
    idList,
  };
}

/**
 * Gives every state a slot and a base, breadth first: the children of a state take the slots
 * base + code of their units, which must be free; the lowest base that fits is taken. Arrays end
 * `codes` past the last base, so that base + x is in range for every code.
 */
function place(
  trie: Trie,
  order: Int32Array,
  code: Uint16Array,
  slotOf: Int32Array,
  codes: number,
): { base: Int32Array; check: Int32Array } {
  const { unit: unitOf, firstChild, nextSibling } = trie;
  const states = trie.states;
  let capacity = Math.max(1024, states * 2 + codes + 1);
  let base = new Int32Array(capacity);
  let check = new Int32Array(capacity).fill(FREE);
  // free[p] leads to the first free slot at or after p (itself when free), shortened as it is
  // followed: the search for a base skips runs of used slots at once. With a large alphabet (CJK
  // terms) most states have one child whose code is high, and a slot-by-slot scan over the
  // filled region made laying out 50,000 terms take most of a second.
  let free = new Int32Array(capacity + 1);
  for (let i = 0; i <= capacity; i++) free[i] = i;
  let maxBase = 0;
  const ensure = (needed: number): void => {
    if (needed < capacity) return;
    const grown = Math.max(needed + 1, capacity * 2);
    const nextBase = new Int32Array(grown);
    nextBase.set(base);
    const nextCheck = new Int32Array(grown).fill(FREE);
    nextCheck.set(check);
    const nextFree = new Int32Array(grown + 1);
    nextFree.set(free);
    for (let i = capacity + 1; i <= grown; i++) nextFree[i] = i;
    base = nextBase;
    check = nextCheck;
    free = nextFree;
    capacity = grown;
  };
  const firstFreeFrom = (from: number): number => {
    let r = from;
    while (free[r] !== r) r = free[r] as number;
    for (let p = from; p !== r; ) {
      const next = free[p] as number;
      free[p] = r;
      p = next;
    }
    ensure(r);
    return r;
  };
  const use = (slot: number, owner: number): void => {
    check[slot] = owner;
    free[slot] = slot + 1;
  };
  use(ROOT, -2);
  const xs: number[] = [];
  for (let head = 0; head < states; head++) {
    const k = order[head] as number;
    const only = firstChild[k] as number;
    if (only === 0) continue;
    if (nextSibling[only] === 0) {
      // One child (most states of a long phrase): the first free slot at or after its code.
      const x = code[unitOf[only] as number] as number;
      const t = firstFreeFrom(x);
      const s = slotOf[k] as number;
      base[s] = t - x;
      if (t - x > maxBase) maxBase = t - x;
      use(t, s);
      slotOf[only] = t;
      continue;
    }
    xs.length = 0;
    for (let c = firstChild[k] as number; c !== 0; c = nextSibling[c] as number) {
      xs.push(code[unitOf[c] as number] as number);
    }
    xs.sort((a, b) => a - b);
    const first = xs[0] as number;
    const last = xs[xs.length - 1] as number;
    let b = 0;
    for (let p = firstFreeFrom(first); ; p = firstFreeFrom(p + 1)) {
      ensure(p + last - first);
      b = p - first;
      let fits = true;
      for (let j = 1; j < xs.length; j++) {
        if (check[b + (xs[j] as number)] !== FREE) {
          fits = false;
          break;
        }
      }
      if (fits) break;
    }
    const s = slotOf[k] as number;
    base[s] = b;
    if (b > maxBase) maxBase = b;
    for (let child = firstChild[k] as number; child !== 0; child = nextSibling[child] as number) {
      const t = b + (code[unitOf[child] as number] as number);
      use(t, s);
      slotOf[child] = t;
    }
  }
  let used = 0;
  for (let t = capacity - 1; t >= 0; t--) {
    if (check[t] !== FREE) {
      used = t + 1;
      break;
    }
  }
  const size = Math.max(used, maxBase + codes + 1);
  ensure(size);
  return { base: base.slice(0, size), check: check.slice(0, size) };
}
