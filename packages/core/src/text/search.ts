// The one binary search of the code base: "the last of some ascending keys at most x". Lines of
// a text (their starts), pieces of a prose, sentences of a segment, blocks of a document and the
// HTML report's segments are each found this way; before this file, each had its own loop, with
// its own way of saying "none".

/** The index of the last of `sorted` (ascending) at most `x`, or -1 when none is (or it is empty). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  // The first index whose value is more than x: every one before it is at most x.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `lastAtMost` over `count` keys read with `keyAt(index)` (ascending in the index): for arrays of
 * objects (a block's start, a sentence's), no array of their keys made.
 */
export function lastKeyAtMost(count: number, keyAt: (index: number) => number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
