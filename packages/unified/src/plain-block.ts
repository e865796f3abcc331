// The plain path: a block whose text holds no Markdown syntax that could change its prose is
// segmented here, without remark, into exactly the part remark's parse would give (paragraphs, or
// a one-line ATX heading), so that remark parses only the blocks that need it. Exactly: the
// differential tests compare the two on the corpus and on generated documents.
//
// Such a block has none of the characters that start inline syntax (code, HTML, autolinks,
// tables, character references, GFM autolink literals), no escape, no link (`](`, and brackets
// only where the document has no definition for them to refer to), at most one run of each
// emphasis and strikethrough delimiter (a run needs a partner to be markup), and no line that
// could start or interrupt a block other than a paragraph (headings, block quotes, lists,
// thematic breaks, setext underlines, fences, indented code). Each paragraph's prose is then its
// lines without their leading and trailing spaces and tabs, with the line endings between them:
// what remark's text value holds.
import { PieceList } from './pieces.js';
import type { Part, ShapedSegment } from './structure.js';

// Inline syntax anywhere, a NUL (remark replaces it) or a GFM autolink literal's start.
const INLINE =
  /[`<|@\u0000]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|www\.|:\/\/|\]\(/i;
// An escape, or a backslash hard break.
const ESCAPE = /\\(?:[!-/:-@[-`{-~]|\r|\n|$)/;
const BRACKET = /[[\]]/;
const DELIMITER_RUNS = [/\*+/g, /_+/g, /~+/g];
// The first line of a paragraph that may start another construct; on a paragraph's other lines,
// an ordered list interrupts it only when it starts at 1.
const BLOCK_START = /^(?:[#>\-+*=_~`<|]|[0-9]{1,9}[.)](?:[ \t]|$))/;
const CONTINUATION_START = /^(?:[#>\-+*=_~`<|]|0*1[.)](?:[ \t]|$))/;
const LINE_END = /\r\n|\r|\n/g;
const ATX = /^(#{1,6})[ \t]+(?=[^ \t])/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function hasPlainInline(source: string, definitions: boolean): boolean {
  if (INLINE.test(source) || ESCAPE.test(source)) return false;
  if (definitions && BRACKET.test(source)) return false;
  return DELIMITER_RUNS.every((run) => {
    run.lastIndex = 0;
    return !(run.test(source) && run.test(source));
  });
}

/**
 * The part remark gives for a block (blocks.ts) of plain text, or undefined when it may differ.
 * `definitions`: the document may define link labels (it is then parsed as one block).
 */
export function plainPart(source: string, definitions: boolean): Part | undefined {
  if (source.length === 0 || isBlank(source.charCodeAt(0)) || !hasPlainInline(source, definitions)) {
    return undefined;
  }
  const heading = ATX.exec(source);
  if (heading) return headingPart(source, heading[0].length, (heading[1] ?? '').length);
  const segments: ShapedSegment[] = [];
  let pieces: PieceList | undefined;
  // The line ending after the last line of the paragraph, prose only if another line follows.
  let lineEnding: [number, number] | undefined;
  let at = 0;
  LINE_END.lastIndex = 0;
  for (;;) {
    const m = LINE_END.exec(source);
    const lineEnd = m ? m.index : source.length;
    let start = at;
    while (start < lineEnd && isBlank(source.charCodeAt(start))) start++;
    if (start === lineEnd) {
      // A blank line ends the paragraph (a block holds one only before an indented line).
      if (pieces) segments.push({ pieces: pieces.pieces, role: 'paragraph' });
      pieces = undefined;
    } else {
      const first = pieces === undefined;
      // A paragraph indented 4 columns or more after a blank line is indented code.
      if (first && (start - at >= 4 || source.slice(at, start).includes('\t'))) return undefined;
      const rest = source.slice(start, Math.min(lineEnd, start + 12));
      if ((first ? BLOCK_START : CONTINUATION_START).test(rest)) return undefined;
      let end = lineEnd;
      while (end > start && isBlank(source.charCodeAt(end - 1))) end--;
      if (pieces && lineEnding) pieces.plain(lineEnding[0], lineEnding[1]);
      pieces ??= new PieceList();
      pieces.plain(start, end);
      lineEnding = m ? [m.index, m.index + m[0].length] : undefined;
    }
    if (!m) break;
    at = m.index + m[0].length;
  }
  if (pieces) segments.push({ pieces: pieces.pieces, role: 'paragraph' });
  if (segments.length === 0) return undefined;
  return { segments, end: { kind: 'paragraph', segment: segments.length - 1 } };
}

/** A one-line ATX heading with no closing sequence (the block holds no other `#`). */
function headingPart(source: string, contentStart: number, depth: number): Part | undefined {
  if (/[\r\n]/.test(source) || source.indexOf('#', depth) >= 0) return undefined;
  let end = source.length;
  while (end > contentStart && isBlank(source.charCodeAt(end - 1))) end--;
  return { segments: [{ pieces: [{ start: contentStart, end }], role: 'heading', depth }] };
}
