// Runs of delimiters (`*`, `~`) in a plain paragraph's prose, for emphasis (emphasis.ts) and
// strikethrough (strikethrough.ts): how micromark classifies the character beside a run, which
// decides whether it may open or close, and the prose without the runs that pair.
import type { SegmentPiece } from '@nuance/core';

const WHITESPACE = /\s/;
const PUNCTUATION = /\p{P}|\p{S}/u;

/**
 * micromark's classifyCharacter: 1 whitespace (and the text's edges), 2 punctuation or symbol, 0
 * else. Of a UTF-16 unit, as micromark reads text: half of an emoji is neither.
 */
export function classOf(unit: number): 0 | 1 | 2 {
  if (Number.isNaN(unit)) return 1;
  const c = String.fromCharCode(unit);
  if (WHITESPACE.test(c)) return 1;
  return PUNCTUATION.test(c) ? 2 : 0;
}

/**
 * A paragraph's prose as micromark resolves its delimiters in it: its pieces' text, a code span
 * (a separator piece) as backticks, which is what micromark reads beside a run that touches one,
 * and which hold no delimiter.
 */
export function proseOf(source: string, pieces: readonly SegmentPiece[]): string {
  return pieces
    .map((p) => (p.separator ? '`'.repeat(p.end - p.start) : source.slice(p.start, p.end)))
    .join('');
}

/**
 * The pieces (plain source ranges, in order) of a prose without the stretches `cuts` (prose
 * offsets, in order, each inside one piece): the delimiters of the pairs found.
 */
export function withoutRuns(
  pieces: readonly SegmentPiece[],
  cuts: readonly { start: number; end: number }[],
): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  let at = 0; // prose offset of the current piece's start
  let cut = 0;
  for (const piece of pieces) {
    const length = piece.end - piece.start;
    let from = 0;
    while (cut < cuts.length && (cuts[cut] as { start: number }).start < at + length) {
      const { start, end } = cuts[cut] as { start: number; end: number };
      if (start - at > from) out.push({ start: piece.start + from, end: piece.start + start - at });
      from = end - at;
      cut++;
    }
    // A separator (a code span) holds no delimiter: it is kept as it is.
    if (from < length) out.push(from === 0 ? piece : { start: piece.start + from, end: piece.end });
    at += length;
  }
  return out;
}
