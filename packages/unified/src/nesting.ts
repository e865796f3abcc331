// How deep a block nests containers (block quotes and list items), read from its lines before
// remark sees it. micromark's cost grows with the square of the depth and the tree walk recurses
// once per level, so a hostile or broken draft (6,000 nested `- `, 10,000 `>`) would take seconds
// and then overflow the stack. A block deeper than MAX_NESTING is linted as plain text instead
// (markdown-document.ts), with a `nuance/markdown-too-deep` finding saying so.
//
// The depth of a line is the number of container markers at its start (`>`, a bullet or an
// ordered-list number followed by a blank or the line's end), plus, when it has one, half its
// leading indentation (a nested list item is indented by at least two columns per level). It can
// only overstate the depth remark would find, never understate it, and only for lines that no
// real draft has (over a hundred markers, or a list item indented by two hundred columns).
import { createLineIndex, type Finding, toolFinding } from '@nuance/core';
import type { ParsedBlock } from './structure.js';
import { textSegments } from './text-segments.js';

/** The deepest nesting remark is given; no real draft comes near it. */
export const MAX_NESTING = 100;

const LINE_END = /\r\n|\r|\n/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Columns of blanks from `at`, and where they end (a tab counts as 4, enough for a bound). */
function skipBlanks(line: string, at: number): { at: number; columns: number } {
  let columns = 0;
  while (at < line.length && isBlank(line.charCodeAt(at))) {
    columns += line.charCodeAt(at) === 0x09 ? 4 : 1;
    at++;
  }
  return { at, columns };
}

/** The end of a list marker at `at` (a bullet, or 1 to 9 digits and `.` or `)`), or -1. */
function listMarkerEnd(line: string, at: number): number {
  const c = line.charCodeAt(at);
  let end = -1;
  if (c === 0x2d || c === 0x2a || c === 0x2b) end = at + 1;
  else {
    let digits = at;
    while (
      digits < line.length &&
      digits - at < 9 &&
      line.charCodeAt(digits) >= 0x30 &&
      line.charCodeAt(digits) <= 0x39
    ) {
      digits++;
    }
    const close = line.charCodeAt(digits);
    if (digits > at && (close === 0x2e || close === 0x29)) end = digits + 1;
  }
  if (end < 0) return -1;
  return end === line.length || isBlank(line.charCodeAt(end)) ? end : -1;
}

function lineDepth(line: string): number {
  let markers = 0;
  let indent = 0;
  let at = 0;
  for (;;) {
    const blanks = skipBlanks(line, at);
    indent += blanks.columns;
    at = blanks.at;
    let end = line.charCodeAt(at) === 0x3e ? at + 1 : listMarkerEnd(line, at);
    if (end < 0) break;
    markers++;
    // The one blank a marker takes after it is not indentation.
    if (isBlank(line.charCodeAt(end))) end++;
    at = end;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

/** The deepest nesting of any line of `source`, when it is over `limit`; else undefined. */
export function excessNesting(source: string, limit = MAX_NESTING): number | undefined {
  if (source.length <= limit) return undefined;
  let deepest = 0;
  for (const line of source.split(LINE_END)) {
    // A line needs more than `limit` characters to nest more than `limit` levels.
    if (line.length > limit) deepest = Math.max(deepest, lineDepth(line));
  }
  return deepest > limit ? deepest : undefined;
}

/** A block read as plain text for its depth, in document offsets. */
export interface DeepBlock {
  start: number;
  end: number;
  depth: number;
}

/** A too-deep block's part and directives, read as plain text (text-segments.ts). */
export function asPlainText(source: string): ParsedBlock {
  const { segments, directives } = textSegments(source);
  return { part: { segments: segments.map((s) => ({ pieces: s.pieces, role: 'paragraph' })) }, directives };
}

/** The findings with one `nuance/markdown-too-deep` finding per deep block, in document order. */
export function withTooDeep(findings: Finding[], blocks: readonly DeepBlock[], text: string): Finding[] {
  const lines = createLineIndex(text);
  const added = blocks.map(({ start, depth }) => {
    // The block's first line: where the nesting starts, a range a reader can see.
    const lineEnd = text.slice(start).search(/[\r\n]|$/) + start;
    const from = lines.position(start);
    const to = lines.position(lineEnd);
    return toolFinding(
      'nuance/markdown-too-deep',
      `This block nests ${depth} levels deep (more than ${MAX_NESTING}), so it was checked as plain text, not as Markdown`,
      { start, end: lineEnd, line: from.line, column: from.column, endLine: to.line, endColumn: to.column },
    );
  });
  return [...findings, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
