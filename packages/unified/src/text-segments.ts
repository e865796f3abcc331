// Plain text (`.txt`, stdin without a Markdown name) never goes through remark: its segments are
// blank-line-separated blocks, so an indented Chinese paragraph is prose, not code. Every block is
// a paragraph; there are no headings, so the only structure is the head (structure.ts): the first
// block, and the second too when the first is a title (one short line that ends no sentence).
import { createLineIndex, type Segment } from '@nuance/core';
import { type Directive, parseDirectiveAt } from './directives.js';
import { PieceList } from './pieces.js';

const NOT_SPACE = /\S/g;
const TITLE_LENGTH = 100;
// Sentence-final punctuation, then any closing quotes or brackets.
const SENTENCE_END = /[.!?。！？．…][\p{Pe}\p{Pf}"']*$/u;

/** Whether a block is a title: one line of at most 100 characters with no sentence-final punctuation. */
function isTitle(segment: Segment, source: string): boolean {
  const prose = segment.pieces.map((piece) => source.slice(piece.start, piece.end)).join('');
  return !/[\r\n]/.test(prose) && [...prose].length <= TITLE_LENGTH && !SENTENCE_END.test(prose);
}

function firstNonSpace(text: string, from: number, to: number): number {
  NOT_SPACE.lastIndex = from;
  const match = NOT_SPACE.exec(text);
  return match && match.index < to ? match.index : to;
}

function endOfContent(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/**
 * Segments and directives of a plain-text document. A directive alone on its line ends the block
 * (the line is not prose); one at the end of a line is left out of the prose around it.
 */
export function textSegments(source: string): { segments: Segment[]; directives: Directive[] } {
  const lines = createLineIndex(source);
  const segments: Segment[] = [];
  const directives: Directive[] = [];
  let block: PieceList | undefined;
  let lineEnding: [number, number] | undefined;
  const close = (): void => {
    const segment = block?.segment();
    if (segment) segments.push({ ...segment, role: 'paragraph' });
    block = undefined;
    lineEnding = undefined;
  };
  for (let line = 1; line <= lines.lineCount; line++) {
    const lineStart = lines.lineStart(line);
    const nextStart = line < lines.lineCount ? lines.lineStart(line + 1) : source.length;
    const contentEnd = endOfContent(source, lineStart, nextStart);
    const first = firstNonSpace(source, lineStart, contentEnd);
    if (first >= contentEnd) {
      close();
      continue;
    }
    const alone = parseDirectiveAt(source, first, lines);
    if (alone && alone.end === contentEnd) {
      directives.push(alone);
      close();
      continue;
    }
    let proseEnd = contentEnd;
    // Search this line only: lastIndexOf over the whole source would make long files quadratic.
    const onLine = source.slice(first, contentEnd).lastIndexOf('<!--');
    const commentAt = onLine < 0 ? -1 : first + onLine;
    if (commentAt > first) {
      const trailing = parseDirectiveAt(source, commentAt, lines);
      if (trailing && trailing.end === contentEnd) {
        directives.push(trailing);
        proseEnd = endOfContent(source, first, commentAt);
      }
    }
    if (block && lineEnding) block.plain(lineEnding[0], lineEnding[1]);
    block ??= new PieceList();
    block.plain(block.pieces.length === 0 ? first : lineStart, proseEnd);
    lineEnding = [proseEnd === contentEnd ? contentEnd : endOfLine(source, contentEnd, nextStart), nextStart];
  }
  close();
  const [first, second] = segments;
  if (first) first.head = true;
  if (first && second && isTitle(first, source)) second.head = true;
  return { segments, directives };
}

/** Where the line terminator of a line starts (after any trailing spaces). */
function endOfLine(source: string, from: number, to: number): number {
  let at = from;
  while (at < to && source[at] !== '\n' && source[at] !== '\r') at++;
  return at;
}
