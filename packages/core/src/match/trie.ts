// The trie PhraseAutomaton.add builds before build() lays it out (double-array.ts). Children are
// linked lists in plain integer arrays, in the order added, not a Map per state: a termbase's
// 50,000 terms make some 300,000 states, and a Map each was most of compiling's memory and
// garbage. A state with many children (the root holds every first character) also gets a Map
// from unit to child, so that finding a child stays cheap.

/** A state whose children outnumber this gets a lookup map. */
const WIDE = 8;

export class Trie {
  /** Per state (0 is the root): the unit on the edge into it, its first child, its next sibling,
   *  its last child (to append in order), its child count; 0 is "none", as no edge leads to the root. */
  readonly unit: number[] = [0];
  readonly firstChild: number[] = [0];
  readonly nextSibling: number[] = [0];
  private readonly lastChild: number[] = [0];
  private readonly childCount: number[] = [0];
  private readonly wide = new Map<number, Map<number, number>>();

  get states(): number {
    return this.unit.length;
  }

  /** The child of `s` on `unit`, added when missing (then it is the last state, `states - 1`). */
  child(s: number, unit: number): number {
    const found = this.find(s, unit);
    if (found !== 0) return found;
    const t = this.unit.length;
    this.unit.push(unit);
    this.firstChild.push(0);
    this.nextSibling.push(0);
    this.lastChild.push(0);
    this.childCount.push(0);
    const last = this.lastChild[s] as number;
    if (last === 0) this.firstChild[s] = t;
    else this.nextSibling[last] = t;
    this.lastChild[s] = t;
    const count = (this.childCount[s] as number) + 1;
    this.childCount[s] = count;
    const map = this.wide.get(s);
    if (map) map.set(unit, t);
    else if (count > WIDE) {
      const made = new Map<number, number>();
      for (let c = this.firstChild[s] as number; c !== 0; c = this.nextSibling[c] as number) {
        made.set(this.unit[c] as number, c);
      }
      this.wide.set(s, made);
    }
    return t;
  }

  private find(s: number, unit: number): number {
    const map = this.wide.get(s);
    if (map) return map.get(unit) ?? 0;
    for (let c = this.firstChild[s] as number; c !== 0; c = this.nextSibling[c] as number) {
      if (this.unit[c] === unit) return c;
    }
    return 0;
  }
}
