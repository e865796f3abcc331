// The one binary search (text/search.ts), against a walk of every key.
import { describe, expect, it } from 'vitest';
import { lastAtMost, lastKeyAtMost } from '../src/text/search.js';
import { mulberry32 } from './random.js';

/** The last index whose key is at most x, by looking at each: what the search must answer. */
function walked(keys: readonly number[], x: number): number {
  let found = -1;
  keys.forEach((key, i) => {
    if (key <= x) found = i;
  });
  return found;
}

describe('the last key at most x', () => {
  it('is found as a walk of every key finds it, repeated keys and misses included', () => {
    const random = mulberry32(7);
    for (let n = 0; n < 3000; n++) {
      const keys: number[] = [];
      let key = Math.floor(random() * 5) - 2;
      const count = Math.floor(random() * 12);
      for (let k = 0; k < count; k++) {
        keys.push(key);
        // Repeats (zero-length pieces start where the next does) as often as steps.
        key += random() < 0.4 ? 0 : 1 + Math.floor(random() * 4);
      }
      const x = Math.floor(random() * (key + 6)) - 4;
      const want = walked(keys, x);
      expect(lastAtMost(keys, x)).toBe(want);
      expect(lastAtMost(Int32Array.from(keys), x)).toBe(want);
      expect(lastKeyAtMost(keys.length, (i) => keys[i] as number, x)).toBe(want);
    }
  });

  it('is -1 before every key and in nothing', () => {
    expect(lastAtMost([], 5)).toBe(-1);
    expect(lastAtMost([3, 4], 2)).toBe(-1);
    expect(lastAtMost([3, 4], 3)).toBe(0);
    expect(lastAtMost([3, 3, 3], 3)).toBe(2);
    expect(lastAtMost([3, 4], 99)).toBe(1);
    expect(lastKeyAtMost(0, () => 0, 0)).toBe(-1);
  });
});
