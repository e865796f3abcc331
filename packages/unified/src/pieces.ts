// Building a segment's pieces from the source. mdast `value`s are not the source: they drop
// container prefixes and stripped whitespace and decode escapes and character references, so a
// text node's value is walked together with its source slice and every unit keeps its offsets.
import type { Segment, SegmentPiece } from '@nuance/core';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export class PieceList {
  readonly pieces: SegmentPiece[] = [];

  /** Source text used as is; merges with a directly preceding plain piece. */
  plain(start: number, end: number): void {
    if (end <= start) return;
    const last = this.pieces.at(-1);
    if (last && last.end === start && last.text === undefined && !last.separator) last.end = end;
    else this.pieces.push({ start, end });
  }

  decoded(start: number, end: number, text: string): void {
    this.pieces.push({ start, end, text });
  }

  separator(start: number, end: number): void {
    this.pieces.push({ start, end, separator: true });
  }

  segment(): Segment | undefined {
    return this.pieces.some((piece) => !piece.separator) ? { pieces: this.pieces } : undefined;
  }
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const NUMERIC_REFERENCE = /&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));/y;
const NAMED_REFERENCE = /&[A-Za-z][A-Za-z0-9]{1,31};/y;

function isLineEnding(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Container prefixes (`> `, list indentation) at the start of a continuation line. */
function isPrefix(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '>';
}

/** The decoded text of a character reference at `s`, as the value shows it, or undefined. */
function decodeReference(source: string, s: number, value: string, v: number): [number, string] | undefined {
  NUMERIC_REFERENCE.lastIndex = s;
  const numeric = NUMERIC_REFERENCE.exec(source);
  if (numeric) {
    const code = numeric[1] === undefined ? Number.parseInt(numeric[2] ?? '', 16) : Number(numeric[1]);
    const decoded = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    for (const candidate of [decoded, '\uFFFD']) {
      if (value.startsWith(candidate, v)) return [numeric[0].length, candidate];
    }
    return undefined;
  }
  NAMED_REFERENCE.lastIndex = s;
  const named = NAMED_REFERENCE.exec(source);
  // micromark decodes only the names of the HTML entity table; any other `&name;` is literal text.
  const decoded = named ? decodeNamedCharacterReference(named[0].slice(1, -1)) : false;
  return named && decoded !== false && value.startsWith(decoded, v) ? [named[0].length, decoded] : undefined;
}

/** Add the pieces of a text node: its source `[start, end)` aligned with its `value`. */
export function alignText(source: string, start: number, end: number, value: string, out: PieceList): void {
  let s = start;
  let v = 0;
  let run = -1;
  const flush = (): void => {
    if (run >= 0) out.plain(run, s);
    run = -1;
  };
  while (s < end && v < value.length) {
    const c = source[s];
    if (c === '\\' && ASCII_PUNCTUATION.test(source[s + 1] ?? '') && value[v] === source[s + 1]) {
      flush();
      out.decoded(s, s + 2, value[v] ?? '');
      s += 2;
      v++;
      continue;
    }
    if (c === '&') {
      const reference = decodeReference(source, s, value, v);
      if (reference) {
        flush();
        out.decoded(s, s + reference[0], reference[1]);
        s += reference[0];
        v += reference[1].length;
        continue;
      }
    }
    if (c === value[v]) {
      if (run < 0) run = s;
      s++;
      v++;
      if (isLineEnding(c)) {
        if (c === '\r' && source[s] === '\n' && value[v] === '\n') {
          s++;
          v++;
        }
        // The value never starts a continuation line with a space or `>`: those are prefixes.
        flush();
        while (s < end && isPrefix(source[s])) s++;
      }
      continue;
    }
    // A unit the value does not have: a container prefix or whitespace stripped around a line break.
    flush();
    s++;
  }
  flush();
}
