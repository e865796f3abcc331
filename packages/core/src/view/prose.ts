// A segment's prose: its pieces concatenated, with a map from every UTF-16 unit back to the
// document range it came from (DESIGN, Documents and segments).

import type { Prose, Segment, SegmentPiece } from '../types.js';

const OBJECT_REPLACEMENT = '\uFFFC';

/**
 * The map is built the first time it is read: most segments hold no candidate, and only a
 * candidate's finding reads it.
 */
class SegmentProse implements Prose {
  #docStart: Int32Array | undefined;
  #docEnd: Int32Array | undefined;

  constructor(
    readonly text: string,
    private readonly pieces: readonly SegmentPiece[],
    private readonly offset: number,
  ) {}

  get docStart(): Int32Array {
    if (!this.#docStart) this.#build();
    return this.#docStart as Int32Array;
  }

  get docEnd(): Int32Array {
    if (!this.#docEnd) this.#build();
    return this.#docEnd as Int32Array;
  }

  #build(): void {
    const docStart = new Int32Array(this.text.length);
    const docEnd = new Int32Array(this.text.length);
    const offset = this.offset;
    let at = 0;
    for (const piece of this.pieces) {
      const start = piece.start + offset;
      const end = piece.end + offset;
      if (piece.separator) {
        docStart[at] = start;
        docEnd[at] = end;
        at++;
      } else if (piece.text !== undefined) {
        docStart.fill(start, at, at + piece.text.length);
        docEnd.fill(end, at, at + piece.text.length);
        at += piece.text.length;
      } else {
        for (let k = start; k < end; k++, at++) {
          docStart[at] = k;
          docEnd[at] = k + 1;
        }
      }
    }
    this.#docStart = docStart;
    this.#docEnd = docEnd;
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
