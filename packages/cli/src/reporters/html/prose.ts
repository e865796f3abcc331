// A Markdown finding's paragraph as the linter read it: the prose of its segment (unified's
// segment builder: list markers, `>` prefixes, emphasis, link brackets and URLs, HTML tags left
// out; entities decoded), so the report quotes `전략적 협력 동반자 관계를 …`, not
// `- … **전략적 협력 동반자 관계**를`. Each prose unit keeps the source offset it came from, so the
// finding's range is found in it. Work per finding stays bounded: only the pieces within a window
// around the finding are read. The segments are the linter's: a block of plain text without remark
// (unified's MarkdownDocument, whose segments a test shows equal to one full parse's). With one
// full parse per file, an HTML report of the 10 MB bench corpus with 10,000 terms (1,078 files with a
// finding) took 5.6 s against 0.85 s for JSON.
import { lastKeyAtMost, type Segment, type SegmentPiece } from '@nuance/core';
import { MarkdownDocument } from '@nuance/unified';

/** A paragraph's text and, in it, the finding's range. */
export interface ParagraphSlice {
  text: string;
  start: number;
  end: number;
}

/** Inline code, an image or an autolink (a separator piece) as it reads: its content. */
function separatorText(source: string): string {
  return source
    .replace(/^(`+)\s?([\s\S]*?)\s?\1$/, '$2')
    .replace(/^!\[([^\]]*)\][\s\S]*$/, '$1')
    .replace(/^<([^>]*)>$/, '$1');
}

export class MarkdownProse {
  private readonly segments: Segment[];

  constructor(
    private readonly source: string,
    private readonly window: number,
  ) {
    const document = new MarkdownDocument();
    document.update(source);
    // A block's pieces count from its start (`offset`): made document offsets here, once.
    this.segments = document
      .allSegments()
      .segments.filter((s) => s.role !== 'context' && s.pieces.length > 0)
      .map(inDocument)
      .sort((a, b) => a.pieces[0]!.start - b.pieces[0]!.start);
  }

  /** The prose around [start, end), or undefined when no segment holds it (a code block...). */
  around(start: number, end: number): ParagraphSlice | undefined {
    const segment = this.segmentAt(start, end);
    if (!segment) return undefined;
    const lo = start - this.window;
    const hi = end + this.window;
    let text = '';
    const offsets: number[] = [];
    const push = (chunk: string, offset: (i: number) => number) => {
      for (let i = 0; i < chunk.length; i++) offsets.push(offset(i));
      text += chunk;
    };
    for (let i = firstPieceEndingAfter(segment.pieces, lo); i < segment.pieces.length; i++) {
      const piece = segment.pieces[i]!;
      if (piece.start >= hi) break;
      if (piece.separator) push(separatorText(this.source.slice(piece.start, piece.end)), () => piece.start);
      else if (piece.text !== undefined) push(piece.text, () => piece.start);
      else {
        const from = Math.max(piece.start, lo);
        push(this.source.slice(from, Math.min(piece.end, hi)), (k) => from + k);
      }
    }
    let s = offsets.findIndex((o) => o >= start);
    let e = offsets.length;
    while (e > 0 && offsets[e - 1]! >= end) e--;
    if (s < 0 || e <= s) return undefined;
    // A cut inside a surrogate pair would split a character.
    if (s > 0 && offsets[s - 1] === offsets[s]) s--;
    return { text, start: s, end: e };
  }

  private segmentAt(start: number, end: number): Segment | undefined {
    const segments = this.segments;
    const found = lastKeyAtMost(segments.length, (i) => segments[i]!.pieces[0]!.start, start);
    const segment = this.segments[found];
    return segment && segment.pieces.at(-1)!.end >= end ? segment : undefined;
  }
}

/** `segment` with its pieces in document offsets. */
function inDocument(segment: Segment): Segment {
  const offset = segment.offset ?? 0;
  if (offset === 0) return segment;
  const pieces = segment.pieces.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
  return { ...segment, pieces, offset: 0 };
}

function firstPieceEndingAfter(pieces: readonly SegmentPiece[], offset: number): number {
  return lastKeyAtMost(pieces.length, (i) => pieces[i]!.end, offset) + 1;
}
