// Lays out the trie of PhraseAutomaton (automaton.ts) as a double array with failure and output
// links. Every array is typed and indexed by slot, so a built automaton is a handful of buffers:
// cheap to keep, and copied as they are into a serialized rule set.
import type { BreadthFirstTrie } from './trie.js';

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
/** Tries after which a search for a base moves where the next one starts (Slots.searchFrom). */
const LONG_SEARCH = 16;

/** The trie (its states breadth first) laid out in slots; `ids` and `flags` are by pattern added. */
export function buildTables(
  trie: BreadthFirstTrie,
  ids: readonly number[],
  flags: readonly number[],
): AutomatonTables {
  // Each step is its own function with one hot loop: in a fresh process the build runs once, and
  // V8 compiles a loop on the fly (OSR) well only when the function around it has run the rest.
  const { code, codes } = alphabet(trie);
  const slotOf = new Int32Array(trie.states);
  const { base, check } = place(trie, code, slotOf, codes);
  const size = check.length;
  const idStart = new Int32Array(size + 1);
  const idList = idTable(trie, ids, slotOf, idStart);
  const links = failureLinks(trie, code, slotOf, base, check, flags);
  return { patternCount: trie.distinct, states: trie.states, code, base, check, ...links, idStart, idList };
}

/** The alphabet, coded in the order its units are first met breadth first. */
function alphabet(trie: BreadthFirstTrie): { code: Uint16Array; codes: number } {
  const { unit, states } = trie;
  const code = new Uint16Array(0x10000);
  let codes = 0;
  for (let k = 1; k < states; k++) {
    const u = unit[k] as number;
    if (code[u] === 0) {
      if (codes === 0xffff) throw new Error('PhraseAutomaton: more than 65,535 distinct units');
      code[u] = ++codes;
    }
  }
  return { code, codes };
}

/**
 * The ids of each state into idList[idStart[slot], idStart[slot + 1]): those of the patterns
 * ending there, in the order added, each once.
 */
function idTable(
  trie: BreadthFirstTrie,
  ids: readonly number[],
  slotOf: Int32Array,
  idStart: Int32Array,
): Int32Array {
  const { pattern, nextSame, states } = trie;
  const size = idStart.length - 1;
  // The ids of a pattern added more than once, by slot.
  const repeated = new Map<number, number[]>();
  for (let k = 0; k < states; k++) {
    const p = pattern[k] as number;
    if (p < 0) continue;
    const slot = slotOf[k] as number;
    if (nextSame[p] === -1) {
      idStart[slot + 1] = 1;
      continue;
    }
    const own = [ids[p] as number];
    for (let q = nextSame[p] as number; q !== -1; q = nextSame[q] as number) {
      // Ids come in increasing order (a rule set registers its phrases in turn): a repeat is the
      // last one, and a search of the list (thousands long for a term many concepts share) is
      // needed only for an id out of order.
      const id = ids[q] as number;
      const last = own[own.length - 1] as number;
      if (id !== last && (id > last || !own.includes(id))) own.push(id);
    }
    repeated.set(slot, own);
    idStart[slot + 1] = own.length;
  }
  for (let s = 0; s < size; s++) idStart[s + 1] = (idStart[s + 1] as number) + (idStart[s] as number);
  const idList = new Int32Array(idStart[size] as number);
  for (let k = 0; k < states; k++) {
    const p = pattern[k] as number;
    if (p < 0) continue;
    const slot = slotOf[k] as number;
    const own = nextSame[p] === -1 ? undefined : repeated.get(slot);
    if (own === undefined) idList[idStart[slot] as number] = ids[p] as number;
    else idList.set(own, idStart[slot] as number);
  }
  return idList;
}

type Links = Pick<AutomatonTables, 'fail' | 'depth' | 'outFirst' | 'outNext' | 'outFlags'>;

/** Failure and output links, breadth first: a state's failure target is shallower, so done. */
function failureLinks(
  trie: BreadthFirstTrie,
  code: Uint16Array,
  slotOf: Int32Array,
  base: Int32Array,
  check: Int32Array,
  flags: readonly number[],
): Links {
  const { unit, childStart, pattern, nextSame, states } = trie;
  const size = check.length;
  const fail = new Int32Array(size);
  const depth = new Int32Array(size);
  const outFirst = new Int32Array(size);
  const outNext = new Int32Array(size);
  const outFlags = new Int32Array(size);
  for (let k = 0; k < states; k++) {
    const s = slotOf[k] as number;
    const last = childStart[k + 1] as number;
    for (let child = childStart[k] as number; child < last; child++) {
      const t = slotOf[child] as number;
      const x = code[unit[child] as number] as number;
      depth[t] = trie.depth[child] as number;
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
      const p = pattern[child] as number;
      outFirst[t] = p >= 0 ? t : (outFirst[f] as number);
      outNext[t] = outFirst[f] as number;
      let own = 0;
      for (let q = p; q !== -1; q = nextSame[q] as number) own |= flags[q] as number;
      outFlags[t] = own | (outFlags[f] as number);
    }
  }
  return { fail, depth, outFirst, outNext, outFlags };
}

/**
 * The double array while it is laid out. free[p] leads to the first free slot at or after p
 * (itself when free), shortened as it is followed: the search for a base skips runs of used slots
 * at once. With a large alphabet (CJK terms) most states have one child whose code is high, and a
 * slot-by-slot scan over the filled region made laying out 50,000 terms take most of a second.
 */
class Slots {
  base: Int32Array;
  check: Int32Array;
  free: Int32Array;
  capacity: number;
  /**
   * Where the search for a state of several children starts. The lowest base that fits can lie
   * past thousands of free slots that a child or another does not fit (a termbase's English terms
   * all branch on the same few codes): after a search that long, the next one starts where it
   * ended. The slots skipped stay free for states of one child.
   */
  private searchFrom = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.base = new Int32Array(capacity);
    this.check = new Int32Array(capacity).fill(FREE);
    this.free = new Int32Array(capacity + 1);
    for (let i = 0; i <= capacity; i++) this.free[i] = i;
  }

  /** Slots up to `needed` exist. */
  ensure(needed: number): void {
    if (needed >= this.capacity) this.grow(needed);
  }

  firstFreeFrom(from: number): number {
    const free = this.free;
    let r = from;
    while (free[r] !== r) r = free[r] as number;
    for (let p = from; p !== r; ) {
      const next = free[p] as number;
      free[p] = r;
      p = next;
    }
    this.ensure(r);
    return r;
  }

  use(slot: number, owner: number): void {
    this.check[slot] = owner;
    this.free[slot] = slot + 1;
  }

  /** The lowest base (from searchFrom on) at which every code of `xs` (sorted) lands on a free slot. */
  fittingBase(xs: Int32Array): number {
    const first = xs[0] as number;
    const last = xs[xs.length - 1] as number;
    let tries = 0;
    for (let p = this.firstFreeFrom(Math.max(first, this.searchFrom)); ; p = this.firstFreeFrom(p + 1)) {
      tries++;
      this.ensure(p + last - first);
      const b = p - first;
      const check = this.check;
      let fits = true;
      for (let j = 1; j < xs.length; j++) {
        if (check[b + (xs[j] as number)] !== FREE) {
          fits = false;
          break;
        }
      }
      if (fits) {
        if (tries > LONG_SEARCH) this.searchFrom = p;
        return b;
      }
    }
  }

  private grow(needed: number): void {
    const grown = Math.max(needed + 1, this.capacity * 2);
    const base = new Int32Array(grown);
    base.set(this.base);
    const check = new Int32Array(grown).fill(FREE);
    check.set(this.check);
    const free = new Int32Array(grown + 1);
    free.set(this.free);
    for (let i = this.capacity + 1; i <= grown; i++) free[i] = i;
    this.base = base;
    this.check = check;
    this.free = free;
    this.capacity = grown;
  }
}

/**
 * Gives every state a slot and a base, breadth first: the children of a state take the slots
 * base + code of their units, which must be free; the lowest base that fits is taken. Arrays end
 * `codes` past the last base, so that base + x is in range for every code.
 */
function place(
  trie: BreadthFirstTrie,
  code: Uint16Array,
  slotOf: Int32Array,
  codes: number,
): { base: Int32Array; check: Int32Array } {
  const { unit, childStart, states } = trie;
  const slots = new Slots(Math.max(1024, states + (states >> 2) + codes + 1));
  slots.use(ROOT, -2);
  const xs = new Int32Array(codes + 1);
  let maxBase = 0;
  for (let k = 0; k < states; k++) {
    const first = childStart[k] as number;
    const last = childStart[k + 1] as number;
    if (first === last) continue;
    let b: number;
    if (last - first === 1) {
      // One child (most states of a long phrase): the first free slot at or after its code.
      const x = code[unit[first] as number] as number;
      b = slots.firstFreeFrom(x) - x;
    } else {
      for (let c = first; c < last; c++) xs[c - first] = code[unit[c] as number] as number;
      b = slots.fittingBase(xs.subarray(0, last - first).sort());
    }
    const s = slotOf[k] as number;
    slots.base[s] = b;
    if (b > maxBase) maxBase = b;
    for (let c = first; c < last; c++) {
      const t = b + (code[unit[c] as number] as number);
      slots.use(t, s);
      slotOf[c] = t;
    }
  }
  const check = slots.check;
  let used = 0;
  for (let t = slots.capacity - 1; t >= 0; t--) {
    if (check[t] !== FREE) {
      used = t + 1;
      break;
    }
  }
  const size = Math.max(used, maxBase + codes + 1);
  slots.ensure(size);
  return { base: slots.base.slice(0, size), check: slots.check.slice(0, size) };
}
