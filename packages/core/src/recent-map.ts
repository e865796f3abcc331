// A Map that keeps what was put in it lately: past its bound, the entries put in longest ago (or,
// read with `touch`, used longest ago) go first. The one home of the small caches of a process
// that lints again and again (an editor's language server): a release set's recent documents, the
// numbers of recent texts, the digests of pack files, the texts of files read from disk.

/** How much a RecentMap keeps: at most `entries` entries, and at most `weight` of `weigh`'s total. */
export interface RecentBound<K, V> {
  entries?: number;
  weight?: number;
  /** An entry's weight (default 1); an entry heavier than `weight` alone is not kept. */
  weigh?: (key: K, value: V) => number;
}

export class RecentMap<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;

  constructor(private readonly bound: RecentBound<K, V>) {}

  get size(): number {
    return this.map.size;
  }

  /** The value of `key`; with `touch`, the entry is the newest from now on. */
  get(key: K, touch = false): V | undefined {
    const value = this.map.get(key);
    if (touch && value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /**
   * `value` as the newest entry of `key`, the oldest entries dropped past the bound. False when it
   * alone weighs more than the bound: then `key` has no entry.
   */
  set(key: K, value: V): boolean {
    this.delete(key);
    const weight = this.weightOf(key, value);
    if (this.bound.weight !== undefined && weight > this.bound.weight) return false;
    this.map.set(key, value);
    this.total += weight;
    const { entries = Number.POSITIVE_INFINITY, weight: most = Number.POSITIVE_INFINITY } = this.bound;
    while (this.map.size > entries || this.total > most) this.delete(this.map.keys().next().value as K);
    return true;
  }

  delete(key: K): boolean {
    if (!this.map.has(key)) return false;
    this.total -= this.weightOf(key, this.map.get(key) as V);
    return this.map.delete(key);
  }

  /** The entries, oldest first. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  private weightOf(key: K, value: V): number {
    return this.bound.weigh ? this.bound.weigh(key, value) : 1;
  }
}
