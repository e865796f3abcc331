// Line and column lookup over a document text. Lines end at \n, \r\n or a lone \r (DESIGN:
// Documents); columns count UTF-16 units, both 1-based.
import { lastAtMost } from './search.js';

export interface LineIndex {
  /** 1-based line and UTF-16 column of an offset. */
  position(offset: number): { line: number; column: number };
  /** The offset of a 1-based line's first unit. */
  lineStart(line: number): number;
  readonly lineCount: number;
}

// The last text's index: one lint asks for the lines of its document several times (the
// directives, the findings, the licenses), and an index never changes.
let last: { text: string; index: LineIndex } | undefined;

export function createLineIndex(text: string): LineIndex {
  if (last !== undefined && last.text === text) return last.index;
  const index = buildLineIndex(text);
  last = { text, index };
  return index;
}

function buildLineIndex(text: string): LineIndex {
  return indexOver(text.indexOf('\r') < 0 ? feedStarts(text) : lineStarts(text));
}

/** Line starts of a text without a carriage return: V8's own search for each line feed. */
function feedStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}

function lineStarts(text: string): Int32Array {
  // Counted first, then filled: a typed array of the exact size, where a list grown by push took
  // several times the memory (an editor builds one per keystroke over a long draft).
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      count++;
    }
  }
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts[n++] = i + 1;
    else if (c === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      starts[n++] = i + 1;
    }
  }
  return starts;
}

function indexOver(starts: Int32Array): LineIndex {
  return {
    lineCount: starts.length,
    lineStart(line) {
      return starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
    },
    position(offset) {
      // The first line holds a negative offset too, as it always did.
      const at = Math.max(0, lastAtMost(starts, offset));
      return { line: at + 1, column: offset - (starts[at] ?? 0) + 1 };
    },
  };
}
