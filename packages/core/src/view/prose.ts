// A segment's prose: its pieces concatenated, with a map from every UTF-16 unit back to the
// document range it came from (DESIGN, Documents and segments).

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
    const k = this.#pieceAt(i);
    const piece = this.pieces[k];
    if (!piece) return undefined;
    const whole = piece.separator || piece.text !== undefined;
    return piece.start + this.offset + (whole ? 0 : i - (this.#at?.[k] ?? 0));
  }

  endAt(i: number): number | undefined {
    const k = this.#pieceAt(i);
    const piece = this.pieces[k];
    if (!piece) return undefined;
    if (piece.separator || piece.text !== undefined) return piece.end + this.offset;
    return piece.start + this.offset + (i - (this.#at?.[k] ?? 0)) + 1;
  }

  /** The piece prose unit i came from: the last one starting at or before it; -1 out of range. */
  #pieceAt(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.text.length) return -1;
    const at = this.#starts();
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((at[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #starts(): Int32Array {
    if (!this.#at) {
      const at = new Int32Array(this.pieces.length);
      let length = 0;
      this.pieces.forEach((piece, k) => {
        at[k] = length;
        length += piece.separator ? 1 : (piece.text?.length ?? piece.end - piece.start);
      });
      this.#at = at;
    }
    return this.#at;
  }
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
