// A segment's prose: its pieces concatenated, with a map from every UTF-16 unit back to the
// document range it came from (DESIGN, Documents and segments).

import { lastAtMost } from '../text/search.js';
import type { Prose, Segment, SegmentPiece } from '../types.js';

const OBJECT_REPLACEMENT = '\uFFFC';

/**
 * Each unit's document range is found among the segment's pieces when asked: only a candidate's
 * finding and a licensing mention ask, for a few units, so no map of every unit is built.
 */
class SegmentProse implements Prose {
  /** Where each piece starts in the prose, built on the first lookup. */
  #at: Int32Array | undefined;

  constructor(
    readonly text: string,
    private readonly pieces: readonly SegmentPiece[],
    private readonly offset: number,
  ) {}

  startAt(i: number): number | undefined {
    // The first unit's piece is the first that is not empty: no table of where each starts (a
    // release's alignment and sources ask every segment for its range at every edit).
    if (i === 0 && this.text.length > 0 && this.#at === undefined) {
      const first = this.pieces[this.#nonEmpty(0, 1)];
      return first && first.start + this.offset;
    }
    const k = this.#pieceAt(i);
    const piece = this.pieces[k];
    if (!piece) return undefined;
    const whole = piece.separator || piece.text !== undefined;
    return piece.start + this.offset + (whole ? 0 : i - (this.#at?.[k] ?? 0));
  }

  endAt(i: number): number | undefined {
    // The last unit ends its piece, the last that is not empty (see startAt).
    if (i === this.text.length - 1 && i >= 0 && this.#at === undefined) {
      const last = this.pieces[this.#nonEmpty(this.pieces.length - 1, -1)];
      return last && last.end + this.offset;
    }
    const k = this.#pieceAt(i);
    const piece = this.pieces[k];
    if (!piece) return undefined;
    if (piece.separator || piece.text !== undefined) return piece.end + this.offset;
    return piece.start + this.offset + (i - (this.#at?.[k] ?? 0)) + 1;
  }

  /** The piece prose unit i came from: the last one starting at or before it; -1 out of range. */
  #pieceAt(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.text.length) return -1;
    // The first piece starts at 0, so one starts at or before every unit.
    return lastAtMost(this.#starts(), i);
  }

  /** The first piece from `k` on (`step` 1) or back (-1) that gives the prose a unit. */
  #nonEmpty(k: number, step: 1 | -1): number {
    let at = k;
    while (at >= 0 && at < this.pieces.length && lengthOf(this.pieces[at] as SegmentPiece) === 0) at += step;
    return at;
  }

  #starts(): Int32Array {
    if (!this.#at) {
      const at = new Int32Array(this.pieces.length);
      let length = 0;
      this.pieces.forEach((piece, k) => {
        at[k] = length;
        length += lengthOf(piece);
      });
      this.#at = at;
    }
    return this.#at;
  }
}

/** The units a piece gives its segment's prose. */
function lengthOf(piece: SegmentPiece): number {
  return piece.separator ? 1 : (piece.text?.length ?? piece.end - piece.start);
}

function pieceText(docText: string, piece: SegmentPiece, offset: number): string {
  if (piece.separator) return OBJECT_REPLACEMENT;
  return piece.text ?? docText.slice(piece.start + offset, piece.end + offset);
}

/**
 * Concatenate a segment's pieces into its prose string with a per-UTF-16-unit map to document
 * offsets. A plain piece maps unit k to [piece.start+k, piece.start+k+1). A piece with `text`
 * (character reference, escape) maps every unit of that text to the whole [start,end). A
 * separator piece contributes one U+FFFC mapped to its whole [start,end). Every offset is the
 * piece's plus the segment's `offset`.
 */
export function buildProse(docText: string, segment: Segment): Prose {
  const { pieces } = segment;
  const offset = segment.offset ?? 0;
  const text =
    pieces.length === 1 && pieces[0]
      ? pieceText(docText, pieces[0], offset)
      : pieces.map((piece) => pieceText(docText, piece, offset)).join('');
  return new SegmentProse(text, pieces, offset);
}
