// The plain path: a block whose text holds no Markdown syntax that could change its prose is
// segmented here, without remark, into exactly the part remark's parse would give (paragraphs, or
// a one-line ATX heading), so that remark parses only the blocks that need it. Exactly: the
// differential tests compare the two on the corpus and on generated documents.
//
// Such a block has none of the characters that start inline syntax (autolinks, tables, character
// references, GFM autolink literals), code spans only within a line and tags only as one-line
// open or closing tags (inline-ranges.ts, inline-html.ts: a `<` that opens no tag is text), no
// escape of what could be syntax, no link (`](`, and brackets only where the document has no
// definition for them to refer to), at most one run of underscores (a run needs a partner to be
// markup; strikethrough's tildes are resolved as remark-gfm does, strikethrough.ts, and asterisks
// in runs of one or two as emphasis, emphasis.ts), and no line that could start or interrupt a
// block other than a paragraph (headings, block quotes, lists, thematic breaks, setext underlines,
// fences, indented code), except the items of lists (ParagraphReader: speeches and statements
// number their sections `1.` or `1)` without blank lines, which makes the rest of such a block a
// list) and a thematic break as its first line (`---` above the footnotes). Each paragraph's
// prose is then its lines without their leading and trailing spaces and tabs, with the line
// endings between them: what remark's text value holds.

import type { SegmentPiece } from '@nuance/core';
import { asteriskRuns, withoutEmphasis } from './emphasis.js';
import { inlineTags } from './inline-html.js';
import { codeSpans, type InlineRange, withoutInline } from './inline-ranges.js';
import { PieceList } from './pieces.js';
import { withoutStrikethrough } from './strikethrough.js';
import { type Part, PREVIOUS, type ShapedSegment } from './structure.js';

// Inline syntax anywhere, a NUL (remark replaces it) or a GFM autolink literal's start. A `<` is
// read by inline-html.ts: Korean writes titles in angle brackets (`<한일 경제안보대화>`,
// `<Made 人(인) Korea>`), which are text, and a tag is left out of the prose as remark leaves it.
// Then an escape of what can be syntax here (emphasis, strikethrough, code, HTML, links, tables,
// an escaped backslash), or a backslash hard break; an escape of other punctuation (`\--`, `1\.`)
// is read as the character it escapes (ESCAPED, withoutEscapes). One expression, without the `i`
// flag (`[wW]`): one pass over the block, where two passes, one case-insensitive, took 3 ms of
// every pass over the bench corpus with 10,000 terms (most of its blocks come here).
const INLINE_OR_ESCAPE =
  /[|@\u0000]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[wW]{3}\.|:\/\/|\]\(|\\(?:[&*<>[\\\]_`{|}~^]|\r|\n|$)/;
const ESCAPED = /\\(?=[!-/:-@[-`{-~])/g;
const BRACKET = /[[\]]/;
// Tildes are read here (strikethrough.ts), and asterisks that pair as emphasis (emphasis.ts);
// a run of `_` needs a partner to be markup.
const UNDERSCORES = /_+/g;
// What may start a block other than a paragraph at a line's start (its leading spaces taken off):
// an ATX heading (`#` to `######` and a space or the end), a block quote, a list item, thematic
// break or setext underline (`-`, `+`, `_`, `=` before a space, the end or another of them; `*`
// before a space or the end, or three of them: `-war`, `*강조` and `**bold**` are text), a fence
// (three backticks or tildes: `~ item` is text), HTML (`<` before a letter, `/`, `!`, `?`), a
// table row.
// On a paragraph's other lines, an ordered list interrupts it only when it starts at 1.
const STARTS = String.raw`#{1,6}(?:[ \t]|$)|>|-(?=[ \t-]|$)|\+(?=[ \t]|$)|\*(?=[ \t]|$)|\*[ \t]*\*[ \t]*\*|_(?=[ \t_]|$)|=(?=[ \t=]|$)|~~~|\`\`\`|\||<[A-Za-z/!?]`;
const BLOCK_START = new RegExp(String.raw`^(?:${STARTS}|[0-9]{1,9}[.)](?:[ \t]|$))`);
const CONTINUATION_START = new RegExp(String.raw`^(?:${STARTS}|0*1[.)](?:[ \t]|$))`);
const ATX = /^(#{1,6})[ \t]+(?=[^ \t])/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
// A list item's marker at the start of a line, 1 to 4 spaces, then its text (5 spaces or more: the
// text would be indented code; one tab: it reaches the next tab stop, 1 to 4 columns on).
const MARKER = /^(?:([-+*])|([0-9]{1,9})([.)]))( {1,4}|\t)(?=[^ \t\r\n])/;
// What may be a list item once a list is open: a marker, indented or not, with or without text.
const ITEM_LIKE = /^(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** What the block's inline text holds that leaves its prose, when the plain path reads all of it. */
function plainInline(source: string, definitions: boolean): InlineFacts | undefined {
  if (INLINE_OR_ESCAPE.test(source)) return undefined;
  if (definitions && BRACKET.test(source)) return undefined;
  UNDERSCORES.lastIndex = 0;
  if (UNDERSCORES.test(source) && UNDERSCORES.test(source)) return undefined;
  const asterisks = asteriskRuns(source);
  if (asterisks === undefined) return undefined;
  const escapes = source.includes('\\');
  const tildes = source.includes('~');
  // Strikethrough and emphasis are read from plain ranges: an escape with them is left to remark.
  if (escapes && (asterisks > 0 || tildes)) return undefined;
  const backticks = source.includes('`');
  const tags = source.includes('<') ? inlineTags(source) : NO_RANGES;
  if (tags === undefined) return undefined;
  // Which of a code span and a tag binds first is left to remark, and so is an escape with either
  // (it is text in a code span), or a tag beside a delimiter (micromark reads its `>` beside one);
  // a code span is read as backticks beside a run of delimiters (delimiter-runs.ts).
  if (backticks && (tags.length > 0 || escapes)) return undefined;
  if (tags.length > 0 && (escapes || tildes || asterisks > 0)) return undefined;
  return { escapes, tildes, asterisks, backticks, tags };
}

/**
 * The part remark gives for a block (blocks.ts) of plain text, or undefined when it may differ.
 * `definitions`: the document may define link labels (it is then parsed as one block).
 */
export function plainPart(source: string, definitions: boolean): Part | undefined {
  if (source.length === 0 || isBlank(source.charCodeAt(0))) return undefined;
  // A thematic break alone (`---` between sections: the head of many drafts) gives no segment.
  if (THEMATIC_BREAK.test(source)) return { segments: [] };
  const inline = plainInline(source, definitions);
  if (!inline) return undefined;
  const heading = ATX.exec(source);
  if (heading) return headingPart(source, heading[0].length, (heading[1] ?? '').length, inline);
  const reader = new ParagraphReader(source, inline);
  // A block quote of paragraphs (`> ` and a quotation, in every press release): each line's
  // content after its `>` and one space is read as a paragraph's line; a line without `>` is a lazy
  // line of the quote's open paragraph.
  reader.quoted = source.charCodeAt(0) === 0x3e;
  let at = 0;
  const feedsOnly = source.indexOf('\r') < 0;
  // A thematic break first gives no segment; a list after it has no lead-in, as after a list. Not
  // in a document parsed whole: its first `---` may open front matter (blocks.ts).
  const firstEnd = definitions ? -1 : lineEndAt(source, 0, feedsOnly);
  if (firstEnd >= 0 && THEMATIC_BREAK.test(source.slice(0, firstEnd))) {
    reader.afterOther = true;
    at = afterLineEnd(source, firstEnd);
  }
  for (;;) {
    const end = lineEndAt(source, at, feedsOnly);
    const lineEnd = end >= 0 ? end : source.length;
    const content = reader.quoted ? quotedContent(source, at, reader.open) : at;
    if (content === undefined) return undefined;
    const next = end >= 0 ? afterLineEnd(source, end) : -1;
    if (!reader.line(content, lineEnd, next)) return undefined;
    if (end < 0) break;
    at = next;
  }
  return reader.part();
}

/**
 * Where the first line ending (`\n`, `\r\n` or a lone `\r`) at or after `from` starts; -1 when
 * none. Found without a regular expression's match (an array per line: 3 MB of a run over the
 * bench corpus with 10,000 terms); `feedsOnly`: the text holds no `\r`.
 */
function lineEndAt(source: string, from: number, feedsOnly: boolean): number {
  if (feedsOnly) return source.indexOf('\n', from);
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Where the line ending that starts at `end` ends. */
function afterLineEnd(source: string, end: number): number {
  return source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/**
 * Where a block quote's line `at` has its content: after `>` and one space; the line itself when
 * it has no `>` and a paragraph is open (a lazy line). Undefined for what is left to remark: a tab
 * after `>` (it counts as columns), a line that ends the quote.
 */
function quotedContent(source: string, at: number, open: boolean): number | undefined {
  if (source.charCodeAt(at) !== 0x3e) return open ? at : undefined;
  const next = source.charCodeAt(at + 1);
  if (next === 0x09) return undefined;
  return next === 0x20 ? at + 2 : at + 1;
}

/**
 * The paragraphs of a plain block, line by line: before a list, the block's paragraph; then the
 * paragraph of each item of the lists that run to the block's end (without a blank line, every
 * later line is an item or a lazy continuation of an item's paragraph; a marker of another kind
 * starts another list). Anything else (a blank line in a list, a marker indented or not followed
 * by 1 to 4 spaces and text, an item's text that starts a block) is left to remark.
 */
class ParagraphReader {
  readonly segments: ShapedSegment[] = [];
  private pieces: PieceList | undefined;
  // The line ending after the last line of the paragraph (from its line's end to `endingEnd`; -1:
  // none), prose only if another line follows.
  private endingStart = 0;
  private endingEnd = -1;
  /** The open list: its bullet or delimiter and its lead-in (a segment index, or PREVIOUS). */
  private list: { marker: string; leadIn: number | undefined } | undefined;
  /** The marker of a list that is the part's first node. */
  private opensWithList: string | undefined;
  /** Some paragraph is left to remark (close). */
  private refused = false;
  /** What came last is no paragraph: a thematic break (the block's first line) or indented code. */
  afterOther = false;
  /** In indented code (a line indented 4 columns or more after a blank line), which is no prose. */
  private inCode = false;
  /** The block is a block quote (its lines are given from their content on): paragraphs only. */
  quoted = false;

  constructor(
    private readonly source: string,
    private readonly inline: InlineFacts,
  ) {}

  /** Take one line `[at, lineEnd)`, its ending up to `next` (-1: none); false when the block is not plain. */
  line(at: number, lineEnd: number, next: number): boolean {
    const { source } = this;
    let start = at;
    while (start < lineEnd && isBlank(source.charCodeAt(start))) start++;
    if (start === lineEnd) {
      // A blank line ends the paragraph (a block holds one only before an indented line); in a
      // list it would make the list loose and the next lines its items' or not: left to remark.
      if (this.list) return false;
      this.close();
      return true;
    }
    const indented = start - at >= 4 || (start > at && source.slice(at, start).includes('\t'));
    if (this.inCode) {
      // Indented code goes on while its lines are indented (or blank); a line that is not ends it
      // and is read as the block's first line would be.
      if (indented) return true;
      this.inCode = false;
    }
    const first = this.pieces === undefined;
    const rest = source.slice(start, Math.min(lineEnd, start + 16));
    const marker = start === at ? MARKER.exec(rest) : null;
    const number = marker?.[2];
    // A list's first item interrupts a paragraph only as a bullet or as `1` (not `01`, not `2`:
    // then the line is text).
    if (marker && (this.list || first || number === undefined || number === '1')) {
      // A list in a quote, or one that a lazy line would start after it: remark's.
      return !this.quoted && this.item(marker, start, lineEnd, next);
    }
    // In a list, a line that may be an item (indented, empty, or of another marker) is remark's.
    if (this.list && ITEM_LIKE.test(rest)) return false;
    // A line indented 4 columns or more after a blank line (or a break) is indented code: no
    // segment (speeches indent their paragraphs five spaces, which Markdown reads as code).
    if (first && indented) {
      if (this.list || this.quoted) return false;
      this.inCode = true;
      this.afterOther = true;
      return true;
    }
    if ((first ? BLOCK_START : CONTINUATION_START).test(rest)) return false;
    this.text(start, lineEnd, next);
    return true;
  }

  /** A paragraph is open (a line without `>` would be its lazy line). */
  get open(): boolean {
    return this.pieces !== undefined;
  }

  part(): Part | undefined {
    this.close();
    if (this.segments.length === 0 || this.refused) return undefined;
    const part: Part = { segments: this.segments };
    // A block that ends in code or is a quote ends in no paragraph or list: remark's part has no end.
    if (this.inCode || this.quoted) return part;
    if (this.list) {
      if (this.opensWithList !== undefined) part.opensWithList = this.opensWithList;
      part.end = { kind: 'list', marker: this.list.marker, leadIn: this.list.leadIn };
    } else part.end = { kind: 'paragraph', segment: this.segments.length - 1 };
    return part;
  }

  private item(marker: RegExpExecArray, start: number, lineEnd: number, next: number) {
    const kind = marker[1] ?? marker[3] ?? '';
    const content = start + marker[0].length;
    if (BLOCK_START.test(this.source.slice(content, Math.min(lineEnd, content + 16)))) return false;
    if (!this.list) {
      const before = this.close();
      const opens = this.segments.length === 0 && before === undefined;
      if (opens && !this.afterOther) this.opensWithList = kind;
      this.list = { marker: kind, leadIn: before ?? (this.afterOther ? undefined : PREVIOUS) };
    } else if (this.list.marker !== kind) {
      // Another marker ends the list and starts one with no lead-in (a list before it, not a
      // paragraph), whatever its number (`5)` after a `- ` note starts a list at 5: micromark
      // reads a list item there, and lazy lines only after a paragraph outside a list).
      this.close();
      this.list = { marker: kind, leadIn: undefined };
    } else this.close();
    this.text(content, lineEnd, next);
    return true;
  }

  private text(start: number, lineEnd: number, next: number): void {
    let end = lineEnd;
    while (end > start && isBlank(this.source.charCodeAt(end - 1))) end--;
    if (this.pieces && this.endingEnd >= 0) this.pieces.plain(this.endingStart, this.endingEnd);
    this.pieces ??= new PieceList();
    this.pieces.plain(start, end);
    this.endingStart = lineEnd;
    this.endingEnd = next;
  }

  /** Ends the open paragraph; the index of its segment. */
  private close(): number | undefined {
    const pieces = this.pieces;
    this.pieces = undefined;
    this.endingEnd = -1;
    if (!pieces) return undefined;
    const prose = prosePieces(this.source, pieces.pieces, this.inline);
    // A code span across lines, or nothing but tags and code (remark gives no segment, and the
    // list around it another shape): left to remark.
    if (!prose || !hasProse(prose)) this.refused = true;
    const segment: ShapedSegment = { pieces: prose ?? [], role: 'paragraph' };
    if (this.list?.leadIn !== undefined) segment.leadIn = this.list.leadIn;
    this.segments.push(segment);
    return this.segments.length - 1;
  }
}

/** A one-line ATX heading with no closing sequence (the block holds no other `#`). */
function headingPart(
  source: string,
  contentStart: number,
  depth: number,
  inline: InlineFacts,
): Part | undefined {
  if (/[\r\n]/.test(source) || source.indexOf('#', depth) >= 0) return undefined;
  let end = source.length;
  while (end > contentStart && isBlank(source.charCodeAt(end - 1))) end--;
  const pieces = prosePieces(source, [{ start: contentStart, end }], inline);
  if (!pieces || !hasProse(pieces)) return undefined;
  return { segments: [{ pieces, role: 'heading', depth }] };
}

/** What the inline text of a plain block holds that leaves its prose (read once per block). */
interface InlineFacts {
  escapes: boolean;
  /** Only then are its paragraphs read for strikethrough. */
  tildes: boolean;
  /** The length of its runs of asterisks when it holds two or more (asteriskRuns), else 0. */
  asterisks: 0 | 1 | 2;
  /** It holds backticks, paired into code spans paragraph by paragraph (then it holds no escape). */
  backticks: boolean;
  /** Its tags (then it holds nothing else read here). */
  tags: readonly InlineRange[];
}

const NO_RANGES: readonly InlineRange[] = [];

function hasProse(pieces: readonly SegmentPiece[]): boolean {
  return pieces.some((piece) => !piece.separator);
}

/**
 * A paragraph's or heading's lines (plain source ranges) as its prose: without its tags; else
 * each escape read as the character it escapes, each code span a separator, without the tildes of
 * strikethrough and the asterisks of emphasis. Undefined when a code span goes past its line.
 */
function prosePieces(source: string, lines: SegmentPiece[], inline: InlineFacts): SegmentPiece[] | undefined {
  if (inline.tags.length > 0) return withoutInline(lines, inline.tags);
  const escaped = inline.escapes ? withoutEscapes(source, lines) : lines;
  const spans = inline.backticks ? codeSpans(source, lines) : NO_RANGES;
  if (!spans) return undefined;
  const pieces = spans.length > 0 ? withoutInline(escaped, spans) : escaped;
  if (inline.tildes) return withoutStrikethrough(source, pieces);
  return inline.asterisks > 0 ? withoutEmphasis(source, pieces, inline.asterisks as 1 | 2) : pieces;
}

function withoutEscapes(source: string, pieces: SegmentPiece[]): SegmentPiece[] {
  const out: SegmentPiece[] = [];
  for (const piece of pieces) {
    let from = piece.start;
    ESCAPED.lastIndex = piece.start;
    for (let m = ESCAPED.exec(source); m && m.index < piece.end; m = ESCAPED.exec(source)) {
      if (m.index > from) out.push({ start: from, end: m.index });
      // As remark's text gives it (pieces.ts): the escaped character, over the escape's two units.
      out.push({ start: m.index, end: m.index + 2, text: source.charAt(m.index + 1) });
      from = m.index + 2;
      ESCAPED.lastIndex = from;
    }
    if (from < piece.end) out.push({ start: from, end: piece.end });
  }
  return out;
}
