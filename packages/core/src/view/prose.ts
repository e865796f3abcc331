// A segment's prose: its pieces concatenated, with a map from every UTF-16 unit back to the
// document range it came from (DESIGN, Documents and segments).

import type { Prose, Segment } from '../types.js';

const OBJECT_REPLACEMENT = '\uFFFC';

/**
 * Concatenate a segment's pieces into its prose string with a per-UTF-16-unit map to document
 * offsets. A plain piece maps unit k to [piece.start+k, piece.start+k+1). A piece with `text`
 * (character reference, escape) maps every unit of that text to the whole [start,end). A
 * separator piece contributes one U+FFFC mapped to its whole [start,end).
 */
export function buildProse(docText: string, segment: Segment): Prose {
  let length = 0;
  for (const piece of segment.pieces) {
    length += piece.separator ? 1 : piece.text !== undefined ? piece.text.length : piece.end - piece.start;
  }
  const docStart = new Int32Array(length);
  const docEnd = new Int32Array(length);
  const parts: string[] = [];
  let at = 0;
  for (const piece of segment.pieces) {
    if (piece.separator) {
      parts.push(OBJECT_REPLACEMENT);
      docStart[at] = piece.start;
      docEnd[at] = piece.end;
      at++;
    } else if (piece.text !== undefined) {
      parts.push(piece.text);
      docStart.fill(piece.start, at, at + piece.text.length);
      docEnd.fill(piece.end, at, at + piece.text.length);
      at += piece.text.length;
    } else {
      parts.push(docText.slice(piece.start, piece.end));
      for (let k = piece.start; k < piece.end; k++, at++) {
        docStart[at] = k;
        docEnd[at] = k + 1;
      }
    }
  }
  return { text: parts.join(''), docStart, docEnd };
}
