import { describe, expect, it } from 'vitest';
import { RecentMap } from '../src/index.js';

describe('RecentMap', () => {
  it('keeps the entries put in last, at most `entries` of them', () => {
    const map = new RecentMap<string, number>({ entries: 2 });
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([...map.entries()]).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
    // Put in again: the newest.
    map.set('b', 4);
    map.set('d', 5);
    expect([...map.entries()]).toEqual([
      ['b', 4],
      ['d', 5],
    ]);
  });

  it('with `touch`, drops the entries used longest ago', () => {
    const map = new RecentMap<string, number>({ entries: 2 });
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a', true)).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect([...map.entries()].map(([key]) => key)).toEqual(['a', 'c']);
    // Without `touch`, a read changes nothing.
    expect(map.get('a')).toBe(1);
    map.set('d', 4);
    expect([...map.entries()].map(([key]) => key)).toEqual(['c', 'd']);
  });

  it('keeps at most `weight` of weighed entries, and no entry heavier than that', () => {
    const map = new RecentMap<string, string>({ weight: 10, weigh: (key) => key.length });
    expect(map.set('aaaa', 'x')).toBe(true);
    expect(map.set('bbbb', 'y')).toBe(true);
    expect(map.set('cccc', 'z')).toBe(true);
    expect([...map.entries()].map(([key]) => key)).toEqual(['bbbb', 'cccc']);
    expect(map.set('d'.repeat(11), 'too heavy')).toBe(false);
    expect(map.size).toBe(2);
    // An entry put in again under a heavier bound is counted once.
    map.delete('bbbb');
    expect(map.set('eeeee', 'w')).toBe(true);
    expect(map.set('eeeee', 'w2')).toBe(true);
    expect([...map.entries()]).toEqual([
      ['cccc', 'z'],
      ['eeeee', 'w2'],
    ]);
    expect(map.set('f', 'v')).toBe(true);
    expect(map.size).toBe(3);
    expect(map.delete('missing')).toBe(false);
  });
});
