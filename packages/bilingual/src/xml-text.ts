// The prose pieces of an XML element's content, with exact offsets into the file: text runs as they
// are, each character or entity reference as a piece of its decoded character, CDATA content as
// text. saxes has already checked the XML is well-formed, so a reference here is a valid one.
import type { SegmentPiece } from '@nuance/core';

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/gu;

function decode(name: string): string | undefined {
  if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return PREDEFINED[name];
}

/** Pieces of the raw text run `[start, end)` of `text` (no markup in it). */
export function textPieces(text: string, start: number, end: number): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  let at = start;
  REFERENCE.lastIndex = start;
  for (let m = REFERENCE.exec(text); m && m.index < end; m = REFERENCE.exec(text)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    const decoded = decode(m[1] ?? '');
    const refEnd = m.index + m[0].length;
    out.push(
      decoded === undefined
        ? { start: m.index, end: refEnd, separator: true }
        : { start: m.index, end: refEnd, text: decoded },
    );
    at = refEnd;
  }
  if (end > at) out.push({ start: at, end });
  return out;
}
