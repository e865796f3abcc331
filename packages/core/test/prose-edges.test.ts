// A prose's first and last units are placed without the table of where each piece starts
// (prose.ts: a release's alignment and sources ask every segment for its range at every edit).
// They must be placed as that table places them, whatever the pieces: empty ones, separators,
// pieces with a text of their own (a character reference), a segment offset.
import { describe, expect, it } from 'vitest';
import type { Segment, SegmentPiece } from '../src/index.js';
import { buildProse } from '../src/view/prose.js';
import { mulberry32 } from './random.js';

/** `segment`'s prose twice: one fresh, one whose table was made by a lookup in the middle first. */
function both(doc: string, segment: Segment) {
  const fresh = buildProse(doc, segment);
  const tabled = buildProse(doc, segment);
  tabled.startAt(Math.floor(tabled.text.length / 2));
  return { fresh, tabled, last: fresh.text.length - 1 };
}

describe('a prose first and last units', () => {
  it('are placed as the table places them, over 2,000 random segments', () => {
    const random = mulberry32(11);
    const doc = 'abcdefghij'.repeat(40);
    for (let n = 0; n < 2000; n++) {
      const pieces: SegmentPiece[] = [];
      let at = Math.floor(random() * 20);
      const count = 1 + Math.floor(random() * 5);
      for (let k = 0; k < count; k++) {
        const kind = random();
        const length = kind < 0.3 ? 0 : 1 + Math.floor(random() * 6);
        if (kind < 0.15) pieces.push({ start: at, end: at, separator: true });
        else if (kind < 0.3) pieces.push({ start: at, end: at });
        else if (kind < 0.45)
          pieces.push({ start: at, end: at + length, text: '&'.repeat(1 + (length % 3)) });
        else pieces.push({ start: at, end: at + length });
        at += length + Math.floor(random() * 3);
      }
      const segment: Segment = { pieces, offset: Math.floor(random() * 30) };
      const { fresh, tabled, last } = both(doc, segment);
      expect(fresh.text).toBe(tabled.text);
      if (last < 0) {
        expect(fresh.startAt(0)).toBeUndefined();
        expect(fresh.endAt(last)).toBeUndefined();
        continue;
      }
      expect([fresh.startAt(0), fresh.endAt(last)]).toEqual([tabled.startAt(0), tabled.endAt(last)]);
    }
  });

  it('skip the empty pieces at either end', () => {
    const segment: Segment = {
      pieces: [
        { start: 2, end: 2 },
        { start: 3, end: 6 },
        { start: 7, end: 9, text: 'x' },
        { start: 10, end: 10 },
      ],
      offset: 100,
    };
    const { fresh, last } = both('0123456789'.repeat(20), segment);
    expect(fresh.text).toBe('345x');
    expect(fresh.startAt(0)).toBe(103);
    expect(fresh.endAt(last)).toBe(109);
  });
});
