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

/**
 * The trie (its states breadth first) laid out in slots; `ids` and `flags` are by pattern added.
 *
 * In a fresh process the build runs once, while V8 compiles its loops (on-stack replacement):
 * until a loop's optimized code is ready it runs in the interpreter, tens of times slower, and a
 * branch it had not taken by then throws that code away. So each pass is one small loop in a
 * function of its own, whose every branch is taken early: the slots first (layOut), then the
 * failure and output links (link), then the ids (idTable). In one loop that did all three, with
 * the rare work (a pattern added twice) inline, a termbase's automaton spent 150 ms of its 250 ms
 * waiting for a compilation the next rare branch discarded.
 */
export function buildTables(
  trie: BreadthFirstTrie,
  ids: readonly number[],
  flags: readonly number[],
): AutomatonTables {
  const { code, codes } = alphabet(trie);
  const slots = new Slots(Math.max(1024, trie.states + (trie.states >> 2) + codes + 1));
  const slotOf = layOut(trie, code, codes, slots);
  const size = slots.size(codes);
  const links: Links = {
    base: slots.base.slice(0, size),
    check: slots.check.slice(0, size),
    fail: new Int32Array(size),
    depth: new Int32Array(size),
    outFirst: new Int32Array(size),
    outNext: new Int32Array(size),
    outFlags: new Int32Array(size),
    patternAt: new Int32Array(size),
  };
  link(trie, code, slotOf, links, groupFlags(flags, trie.nextSame));
  const { patternAt, ...tables } = links;
  return automatonTables({
    patternCount: trie.distinct,
    states: trie.states,
    code,
    ...tables,
    ...idTable(patternAt, ids, trie.nextSame),
  });
}

/**
 * The tables as one object made here, whoever made their arrays (`buildTables`, a serialized rule
 * set): every automaton's tables then have one shape, whose fields V8 knows the types of. Tables of
 * two shapes, from a pack compiled in this run and from one read from the cache, made a field
 * holding either (RootStarts.atoms) change type in the middle of a run, and V8 threw away the
 * code of the passes over text that read it.
 */
export function automatonTables(t: AutomatonTables): AutomatonTables {
  return {
    patternCount: t.patternCount,
    states: t.states,
    code: t.code,
    base: t.base,
    check: t.check,
    fail: t.fail,
    depth: t.depth,
    outFirst: t.outFirst,
    outNext: t.outNext,
    outFlags: t.outFlags,
    idStart: t.idStart,
    idList: t.idList,
  };
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
 * The double array while it is laid out, with every per-slot array (they grow together). free[p]
 * leads to the first free slot at or after p (itself when free), shortened as it is followed: the
 * search for a base skips runs of used slots at once. With a large alphabet (CJK terms) most
 * states have one child whose code is high, and a slot-by-slot scan over the filled region made
 * laying out 50,000 terms take most of a second.
 */
class Slots {
  capacity: number;
  base: Int32Array;
  check: Int32Array;
  free: Int32Array;
  /** The highest base given. */
  maxBase = 0;
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

  /** The arrays' length: every used slot, and `codes` past the highest base (base + x is in range). */
  size(codes: number): number {
    let used = 0;
    for (let t = this.capacity - 1; t >= 0; t--) {
      if (this.check[t] !== FREE) {
        used = t + 1;
        break;
      }
    }
    const size = Math.max(used, this.maxBase + codes + 1);
    this.ensure(size);
    return size;
  }

  private grow(needed: number): void {
    const grown = Math.max(needed + 1, this.capacity * 2);
    const larger = (from: Int32Array, length: number): Int32Array => {
      const to = new Int32Array(length);
      to.set(from);
      return to;
    };
    this.base = larger(this.base, grown);
    this.check = larger(this.check, grown).fill(FREE, this.capacity);
    const free = larger(this.free, grown + 1);
    for (let i = this.capacity + 1; i <= grown; i++) free[i] = i;
    this.free = free;
    this.capacity = grown;
  }
}

/**
 * Gives every state a slot and a base, breadth first: the children of a state take the slots
 * base + code of their units, which must be free; the lowest base that fits is taken. Returns
 * each state's slot.
 */
function layOut(trie: BreadthFirstTrie, code: Uint16Array, codes: number, slots: Slots): Int32Array {
  const { unit, childStart, states } = trie;
  const slotOf = new Int32Array(states);
  slots.use(ROOT, -2);
  const xs = new Int32Array(codes + 1);
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
    // base + x stays in range for every code, so the failure chains (link) never read past the end.
    slots.ensure(b + codes + 1);
    if (b > slots.maxBase) slots.maxBase = b;
    const s = slotOf[k] as number;
    slots.base[s] = b;
    for (let c = first; c < last; c++) {
      const t = b + (code[unit[c] as number] as number);
      slots.use(t, s);
      slotOf[c] = t;
    }
  }
  return slotOf;
}

/** The automaton's per-slot arrays, and the pattern ending at each slot's state. */
type Links = Pick<
  AutomatonTables,
  'base' | 'check' | 'fail' | 'depth' | 'outFirst' | 'outNext' | 'outFlags'
> & {
  /** 1 + the first pattern ending at the slot's state, 0 for none. */
  patternAt: Int32Array;
};

/**
 * Per pattern added, the OR of its flags and those of the patterns equal to it after it (for the
 * first of them, all of theirs): a pattern's `nextSame` comes later in the order added.
 */
function groupFlags(flags: readonly number[], nextSame: Int32Array): Int32Array {
  const own = new Int32Array(nextSame.length);
  for (let p = nextSame.length - 1; p >= 0; p--) {
    const q = nextSame[p] as number;
    own[p] = (flags[p] as number) | (q === -1 ? 0 : (own[q] as number));
  }
  return own;
}

/**
 * The failure and output links, breadth first: a failure link leads to a shallower state, whose
 * links are set already, as are the children of every state on its chain. `own`: per pattern, the
 * flags of it and its equals (groupFlags).
 */
function link(
  trie: BreadthFirstTrie,
  code: Uint16Array,
  slotOf: Int32Array,
  links: Links,
  own: Int32Array,
): void {
  const { unit, childStart, pattern, states } = trie;
  const trieDepth = trie.depth;
  const { base, check, fail, depth, outFirst, outNext, outFlags, patternAt } = links;
  for (let k = 0; k < states; k++) {
    const first = childStart[k] as number;
    const last = childStart[k + 1] as number;
    const s = slotOf[k] as number;
    for (let c = first; c < last; c++) {
      const t = slotOf[c] as number;
      const x = code[unit[c] as number] as number;
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
      depth[t] = trieDepth[c] as number;
      const p = pattern[c] as number;
      patternAt[t] = p + 1;
      const next = outFirst[f] as number;
      outNext[t] = next;
      if (p < 0) {
        outFirst[t] = next;
        outFlags[t] = outFlags[f] as number;
      } else {
        outFirst[t] = t;
        outFlags[t] = (own[p] as number) | (outFlags[f] as number);
      }
    }
  }
}

/**
 * The ids of the state in each slot: idList[idStart[slot], idStart[slot + 1]); a pattern added
 * more than once has the ids of its equals too, in the order added, each once.
 */
function idTable(
  patternAt: Int32Array,
  ids: readonly number[],
  nextSame: Int32Array,
): { idStart: Int32Array; idList: Int32Array } {
  const size = patternAt.length;
  const idStart = new Int32Array(size + 1);
  // At most one id per pattern added.
  const idList = new Int32Array(ids.length);
  let at = 0;
  for (let s = 0; s < size; s++) {
    idStart[s] = at;
    const p = (patternAt[s] as number) - 1;
    if (p < 0) continue;
    idList[at++] = ids[p] as number;
    if (nextSame[p] !== -1) at = equalIds(p, ids, nextSame, idList, at);
  }
  idStart[size] = at;
  return { idStart, idList: at === idList.length ? idList : idList.slice(0, at) };
}

/** Appends the ids of the patterns equal to `p` (its own is at idList[at - 1]) not listed yet. */
function equalIds(
  p: number,
  ids: readonly number[],
  nextSame: Int32Array,
  idList: Int32Array,
  at: number,
): number {
  const from = at - 1;
  let end = at;
  for (let q = nextSame[p] as number; q !== -1; q = nextSame[q] as number) {
    // Ids come in increasing order (a rule set registers its phrases in turn): a repeat is the
    // last one, and a search of the list (thousands long for a term many concepts share) is
    // needed only for an id out of order.
    const id = ids[q] as number;
    const last = idList[end - 1] as number;
    if (id !== last && (id > last || !idList.subarray(from, end).includes(id))) idList[end++] = id;
  }
  return end;
}
