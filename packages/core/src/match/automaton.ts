// One Aho-Corasick automaton for every phrase of every rule (DESIGN: Matching), compiled so that
// each input unit costs one transition of at most three lookups, whatever the phrase set:
//   delta(s, c) = edges.get(s * UNITS + c) ?? edges.get(fail(s) * UNITS + c) ?? rootNext[c]
// Every state keeps its trie children; only states that are some state's failure target keep a
// full row (their transitions that differ from root's, root's own row being a dense array). A
// full DFA row on every state would copy the failure target's row into each of its many
// dependants: measured on the 10,000-phrase test set, about 21 entries per state instead of 3.

const UNITS = 0x10000;
const ROOT = 0;

export class PhraseAutomaton {
  /** Counters since construction or resetStats(): state-transition steps and reported matches. */
  readonly stats = { transitions: 0, outputs: 0 };

  // Trie edges during add(); after build() also the copied rows of failure targets. Key s * UNITS + c.
  readonly #edges = new Map<number, number>();
  readonly #rootNext = new Int32Array(UNITS);
  // Per state, the units of its trie children; dropped by build().
  #childUnits: number[][] = [[]];
  #depth: number[] = [0];
  // Own payload ids per state (undefined: none), deduplicated.
  readonly #ids: (number[] | undefined)[] = [undefined];
  #fail = new Int32Array(0);
  // After build: the state itself if it has ids, else its nearest failure ancestor with ids, else ROOT.
  #firstOutput = new Int32Array(0);
  // After build: the nearest proper failure ancestor with ids, else ROOT.
  #nextOutput = new Int32Array(0);
  #built = false;
  #patternCount = 0;

  /** Distinct non-empty patterns added. */
  get patternCount(): number {
    return this.#patternCount;
  }

  /** Diagnostics for memory: trie states and sparse table entries (root's dense row excluded). */
  get size(): { states: number; entries: number } {
    return { states: this.#depth.length, entries: this.#edges.size };
  }

  /** Register a (normalized) pattern with an integer payload id; empty patterns are ignored. */
  add(pattern: string, id: number): void {
    if (this.#built) throw new Error('PhraseAutomaton: add() after build()');
    if (pattern.length === 0) return;
    let s = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const key = s * UNITS + c;
      let t = this.#edges.get(key);
      if (t === undefined) {
        t = this.#depth.length;
        this.#depth.push(i + 1);
        this.#childUnits.push([]);
        this.#ids.push(undefined);
        this.#edges.set(key, t);
        this.#childUnits[s]!.push(c);
      }
      s = t;
    }
    const own = this.#ids[s];
    if (own === undefined) {
      this.#ids[s] = [id];
      this.#patternCount++;
    } else if (!own.includes(id)) own.push(id);
  }

  /** Freeze: compute failure transitions and output links. */
  build(): void {
    if (this.#built) return;
    this.#built = true;
    const count = this.#depth.length;
    const edges = this.#edges;
    const childUnits = this.#childUnits;
    const rootNext = this.#rootNext;
    const fail = new Int32Array(count);
    const nextOutput = new Int32Array(count);
    // Units of each full row, kept only while rows are copied down.
    const rowUnits: (number[] | undefined)[] = new Array(count);
    rowUnits[ROOT] = [];
    const queue = new Int32Array(count);
    let tail = 0;
    for (const c of childUnits[ROOT]!) {
      const t = edges.get(c)!;
      edges.delete(c);
      rootNext[c] = t;
      queue[tail++] = t;
    }
    // A failure target's row = its children plus its own failure target's row (which is shallower,
    // so already full), minus what equals root's row.
    const fillRow = (f: number): void => {
      if (rowUnits[f] !== undefined) return;
      const row = childUnits[f]!.slice();
      const base = f * UNITS;
      const gBase = fail[f]! * UNITS;
      for (const c of rowUnits[fail[f]!]!) {
        if (!edges.has(base + c)) {
          edges.set(base + c, edges.get(gBase + c)!);
          row.push(c);
        }
      }
      rowUnits[f] = row;
    };
    for (let head = 0; head < tail; head++) {
      const s = queue[head]!;
      const f = fail[s]!;
      fillRow(f);
      const fBase = f * UNITS;
      for (const c of childUnits[s]!) {
        const t = edges.get(s * UNITS + c)!;
        // A child of a non-root state is at depth >= 2, so root's row never holds it.
        const tf = edges.get(fBase + c) ?? rootNext[c]!;
        fail[t] = tf;
        nextOutput[t] = this.#ids[tf] !== undefined ? tf : nextOutput[tf]!;
        queue[tail++] = t;
      }
    }
    const firstOutput = nextOutput.slice();
    for (let s = 1; s < count; s++) {
      if (this.#ids[s] !== undefined) firstOutput[s] = s;
    }
    this.#fail = fail;
    this.#firstOutput = firstOutput;
    this.#nextOutput = nextOutput;
    this.#childUnits = [];
  }

  /** Every occurrence of every pattern, overlapping, in order of end offset (longest first on ties). */
  scan(text: string, onMatch: (id: number, start: number, end: number) => void): void {
    this.#assertBuilt();
    const edges = this.#edges;
    const rootNext = this.#rootNext;
    const fail = this.#fail;
    const firstOutput = this.#firstOutput;
    const nextOutput = this.#nextOutput;
    const depth = this.#depth;
    const idsOf = this.#ids;
    let s = ROOT;
    let outputs = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = edges.get(s * UNITS + c) ?? edges.get(fail[s]! * UNITS + c) ?? rootNext[c]!;
      for (let o = firstOutput[s]!; o !== ROOT; o = nextOutput[o]!) {
        const end = i + 1;
        const start = end - depth[o]!;
        for (const id of idsOf[o]!) {
          outputs++;
          onMatch(id, start, end);
        }
      }
    }
    this.stats.transitions += text.length;
    this.stats.outputs += outputs;
  }

  /** True if text contains at least one occurrence of any pattern; stops at the first. */
  test(text: string): boolean {
    this.#assertBuilt();
    const edges = this.#edges;
    const rootNext = this.#rootNext;
    const fail = this.#fail;
    const firstOutput = this.#firstOutput;
    let s = ROOT;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = edges.get(s * UNITS + c) ?? edges.get(fail[s]! * UNITS + c) ?? rootNext[c]!;
      if (firstOutput[s] !== ROOT) {
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

  #assertBuilt(): void {
    if (!this.#built) throw new Error('PhraseAutomaton: build() before scan() or test()');
  }
}
