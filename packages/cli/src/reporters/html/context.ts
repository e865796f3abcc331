// The sentence a finding sits in, cut from the document text: the report shows each finding where
// it was written. Work is bounded per finding (a window around it), so a 4 MB one-line file or
// 10,000 findings cost the same per finding as a short draft.
import { splitSentences } from '@nuance/core';
import type { MarkdownProse, ParagraphSlice } from './prose.js';

/** The sentence around a finding: `before` + `match` + `after`, line breaks shown as spaces. */
export interface FindingContext {
  before: string;
  match: string;
  after: string;
}

// How far to look for the paragraph's ends, and how much of a long sentence to keep each side.
export const WINDOW = 2000;
const KEEP = 240;

const BLANK_LINE = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;

/** The paragraph (blank-line bounded, else clipped to a window) holding [start, end). */
function paragraphAround(text: string, start: number, end: number): { from: number; to: number } {
  const lo = Math.max(0, start - WINDOW);
  const hi = Math.min(text.length, end + WINDOW);
  let from = lo;
  const head = text.slice(lo, start);
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(head); m; m = BLANK_LINE.exec(head)) from = lo + m.index + m[0].length;
  let to = hi;
  BLANK_LINE.lastIndex = 0;
  const tail = BLANK_LINE.exec(text.slice(end, hi));
  if (tail) to = end + tail.index;
  return { from, to };
}

/** Clip `s` to at most `max` units from its start (`fromEnd`: from its end) on a code point boundary. */
function clip(s: string, max: number, fromEnd: boolean): string {
  if (s.length <= max) return s;
  if (fromEnd) {
    let cut = s.length - max;
    if (isLowSurrogate(s.charCodeAt(cut))) cut++;
    return `…${s.slice(cut)}`;
  }
  let cut = max;
  if (isLowSurrogate(s.charCodeAt(cut))) cut--;
  return `${s.slice(0, cut)}…`;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// A sentence across source lines reads as one line in the report; CJK lines join without a space.
function flatten(s: string): string {
  return s
    .replace(
      /([\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])/g,
      '$1',
    )
    .replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ');
}

/**
 * The sentence(s) of `text` that [start, end) lies in, split with core's sentence splitter: in the
 * paragraph's prose when `prose` (a Markdown document's) holds it, else in the raw text.
 */
export function contextOf(text: string, start: number, end: number, prose?: MarkdownProse): FindingContext {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const slice = prose?.around(s, e) ?? rawParagraph(text, s, e);
  return sentenceOf(slice);
}

function rawParagraph(text: string, s: number, e: number): ParagraphSlice {
  const { from, to } = paragraphAround(text, s, e);
  return { text: text.slice(from, to), start: s - from, end: e - from };
}

function sentenceOf({ text: paragraph, start: s, end: e }: ParagraphSlice): FindingContext {
  let sFrom = 0;
  let sTo = paragraph.length;
  for (const span of splitSentences(paragraph)) {
    if (span.end <= s) sFrom = span.end;
    if (span.start >= e && span.start > s) {
      sTo = span.start;
      break;
    }
  }
  const before = paragraph.slice(sFrom, s).replace(/^\s+/, '');
  const after = paragraph.slice(e, sTo).replace(/\s+$/, '');
  return {
    before: clip(flatten(before), KEEP, true),
    match: flatten(paragraph.slice(s, e)),
    after: clip(flatten(after), KEEP, false),
  };
}
