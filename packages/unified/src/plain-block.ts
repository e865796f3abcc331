// The plain path: a block whose text holds no Markdown syntax that could change its prose is
// segmented here, without remark, into exactly the part remark's parse would give (a paragraph,
// or a one-line ATX heading), so that remark parses only the blocks that need it. Exactly: the
// differential tests compare the two on the corpus and on generated documents.
//
// Such a block has none of the characters that start inline syntax (emphasis, code, links,
// images, footnotes, escapes, HTML, autolinks, tables, strikethrough, character references, GFM
// autolink literals), and no line that could start or interrupt a block other than a paragraph
// (headings, block quotes, lists, thematic breaks, setext underlines, fences, indented code on
// the first line). Its paragraph's prose is then each line without its leading and trailing
// spaces and tabs, with the line endings between them: what remark's text value holds.
import { PieceList } from './pieces.js';
import type { Part } from './structure.js';

// Inline syntax anywhere, a NUL (remark replaces it) or a GFM autolink literal's start.
const INLINE =
  /[*_~`[\]\\<|@\u0000]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|www\.|:\/\//i;
// A line (after its indentation) that may start a construct other than paragraph text.
const BLOCK_START = /^(?:[#>\-+*=_~`<|]|[0-9]{1,9}[.)](?:[ \t]|$))/;
const LINE_END = /\r\n|\r|\n/g;
const ATX = /^(#{1,6})[ \t]+(?=[^ \t])/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** The part remark gives for a block of plain text (blocks.ts), or undefined when it may differ. */
export function plainPart(source: string): Part | undefined {
  if (source.length === 0 || isBlank(source.charCodeAt(0)) || INLINE.test(source)) return undefined;
  const heading = ATX.exec(source);
  if (heading) return headingPart(source, heading[0].length, (heading[1] ?? '').length);
  const pieces = new PieceList();
  let at = 0;
  LINE_END.lastIndex = 0;
  for (;;) {
    const m = LINE_END.exec(source);
    const lineEnd = m ? m.index : source.length;
    let start = at;
    while (start < lineEnd && isBlank(source.charCodeAt(start))) start++;
    // A blank line would end the paragraph (a block has none, but for fences and HTML).
    if (start === lineEnd) return undefined;
    if (BLOCK_START.test(source.slice(start, Math.min(lineEnd, start + 12)))) return undefined;
    let end = lineEnd;
    while (end > start && isBlank(source.charCodeAt(end - 1))) end--;
    pieces.plain(start, end);
    if (!m) break;
    pieces.plain(m.index, m.index + m[0].length);
    at = m.index + m[0].length;
  }
  const segment = pieces.segment();
  if (!segment) return undefined;
  return {
    segments: [{ pieces: segment.pieces, role: 'paragraph' }],
    end: { kind: 'paragraph', segment: 0 },
  };
}

/** A one-line ATX heading with no closing sequence (the block holds no other `#`). */
function headingPart(source: string, contentStart: number, depth: number): Part | undefined {
  if (/[\r\n]/.test(source) || source.indexOf('#', depth) >= 0) return undefined;
  let end = source.length;
  while (end > contentStart && isBlank(source.charCodeAt(end - 1))) end--;
  return { segments: [{ pieces: [{ start: contentStart, end }], role: 'heading', depth }] };
}
