// The inline constructs a plain block (plain-block.ts) reads besides its text: code spans, which
// remark gives as `inlineCode` (a separator piece: never matched across or inside), and raw HTML
// tags (inline-html.ts), which add no piece. Each is a source range, taken out of a paragraph's
// plain ranges the way remark's nodes around it give them (markdown-segments.ts).
import type { SegmentPiece } from '@nuance/core';

/** A code span or a tag: the source range its node covers. */
export interface InlineRange {
  start: number;
  end: number;
  /** A code span's range is a separator piece; a tag's is left out. */
  separator: boolean;
}

const BACKTICKS = /`+/g;
const LINE_ENDING = /[\r\n]/;

/**
 * The code spans of a paragraph (its lines: plain source ranges, in order), as CommonMark pairs
 * backtick runs: a run opens a span that the paragraph's next run of the same length closes; a
 * run with none is text (old speeches quote ``thus''; Korean notes write `13년 for '13). Undefined
 * when a span would go past its line (left to remark).
 */
export function codeSpans(source: string, lines: readonly SegmentPiece[]): InlineRange[] | undefined {
  const runs: { start: number; length: number }[] = [];
  for (const line of lines) {
    BACKTICKS.lastIndex = line.start;
    for (let m = BACKTICKS.exec(source); m && m.index < line.end; m = BACKTICKS.exec(source))
      runs.push({ start: m.index, length: Math.min(m[0].length, line.end - m.index) });
  }
  const spans: InlineRange[] = [];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i] as { start: number; length: number };
    const close = runs.findIndex((run, k) => k > i && run.length === open.length);
    if (close < 0) continue;
    const end = (runs[close]?.start ?? 0) + open.length;
    if (LINE_ENDING.test(source.slice(open.start, end))) return undefined;
    spans.push({ start: open.start, end, separator: true });
    i = close;
  }
  return spans;
}

/** `pieces` (plain source ranges, in order) without `ranges` (in order, none overlapping). */
export function withoutInline(
  pieces: readonly SegmentPiece[],
  ranges: readonly InlineRange[],
): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  let r = 0;
  for (const piece of pieces) {
    let from = piece.start;
    while (r < ranges.length && (ranges[r] as InlineRange).end <= from) r++;
    for (let k = r; k < ranges.length && (ranges[k] as InlineRange).start < piece.end; k++) {
      const range = ranges[k] as InlineRange;
      if (range.start > from) out.push({ start: from, end: range.start });
      if (range.separator) out.push({ start: range.start, end: range.end, separator: true });
      from = Math.max(from, range.end);
    }
    if (from < piece.end) out.push({ start: from, end: piece.end });
  }
  return out;
}
