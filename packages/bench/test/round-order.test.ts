import { describe, expect, it } from 'vitest';
import { roundOrder } from '../src/table.js';

describe('roundOrder', () => {
  const cases = ['remark', 'grep', 'nuance', 'jobs-1', 'textlint'];

  it('runs every case once a round, the first round in the given order, the same orders every time', () => {
    expect(roundOrder(cases, 1)).toEqual(cases);
    for (let round = 1; round <= 12; round++) {
      expect([...roundOrder(cases, round)].sort()).toEqual([...cases].sort());
      expect(roundOrder(cases, round)).toEqual(roundOrder(cases, round));
    }
    expect(roundOrder([], 3)).toEqual([]);
    expect(roundOrder(['only'], 2)).toEqual(['only']);
  });

  it('moves every case to another place, after another case, within five rounds', () => {
    // Five rounds is the bench's default; the main table has 6 to 14 cases with the usual tools.
    for (let n = 2; n <= 14; n++) {
      const list = Array.from({ length: n }, (_, i) => i);
      const rounds = [1, 2, 3, 4, 5].map((round) => roundOrder(list, round));
      for (const c of list) {
        const places = new Set(rounds.map((order) => order.indexOf(c)));
        const before = new Set(rounds.map((order) => order[order.indexOf(c) - 1] ?? -1));
        expect(places.size, `${n} cases: the places of case ${c}`).toBeGreaterThanOrEqual(2);
        expect(before.size, `${n} cases: what runs before case ${c}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
