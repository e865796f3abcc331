// The document structure context conditions read (core's `Segment.role`, `context`, `head`). A
// Markdown document may be parsed whole or in blocks, of which only some are parsed
// (markdown-document.ts): each parse gives a `Part`, its segments with what their place needs
// from that parse alone, and `assembleSegments` computes `context` and `head` over the list of all
// the parts given, in document order. Decided here, for every path:
// - the title is the first segment after the front matter when it is a heading; the head is the
//   front matter, the title and the first paragraph;
// - a heading's context is the nearest heading above it of a higher level, any other segment's the
//   nearest heading above it, the title included (a paragraph right under the title is in its
//   section; under a later heading it is not, and the title counts only as the document head);
// - a paragraph in a list item has the lead-in of the item's list: the paragraph right before the
//   list (no other block between). A list can start in a block and go on in the next ones (items
//   after blank lines with the same bullet or delimiter), so a part says how it starts and ends;
// - a table cell has the cells of the header row and of its own row.
import type { Segment, SegmentPiece, SegmentRole } from '@nuance/core';
import type { Directive } from './directives.js';

/** The lead-in of a list that is the first node of its part: the part before it decides. */
export const PREVIOUS = -1;

/** A segment of one parse, offsets relative to that parse's source. */
export interface ShapedSegment {
  pieces: SegmentPiece[];
  role: Exclude<SegmentRole, 'context'>;
  /** A heading's level (1 to 6). */
  depth?: number;
  /** Index in the part of its list's lead-in, or PREVIOUS. */
  leadIn?: number;
  /** Indices in the part of the other cells of its header row and its own row. */
  cells?: number[];
  /** The segment it was last placed as (see `place`). */
  placed?: Segment;
}

/** How a part ends: the top-level node it ends with, where that matters for a list after it. */
export type PartEnd =
  | { kind: 'paragraph'; segment: number }
  | { kind: 'list'; marker: string; leadIn: number | undefined };

export interface Part {
  segments: ShapedSegment[];
  /** The bullet or delimiter of a list that is the part's first node. */
  opensWithList?: string;
  end?: PartEnd;
}

/** What parsing one block gives (offsets relative to the block): its part and its directives. */
export interface ParsedBlock {
  part: Part;
  directives: Directive[];
  /** The front matter of a document parsed as one block. */
  frontMatter?: Segment;
  /** The block nests deeper than remark is given (nesting.ts): its depth; it was read as plain text. */
  tooDeep?: number;
}

export interface PlacedPart {
  part: Part;
  /** Where the part's source starts in the document. */
  offset: number;
  /** The part right before it in the document is given too: no block lies between them. */
  follows: boolean;
}

interface Placement {
  out: Segment[];
  /** A segment other than the front matter's is placed: no title after it. */
  started: boolean;
  headParagraph: boolean;
  lastHeading: number;
  /** The last heading of each level (index 1 to 6). */
  lastAtDepth: number[];
  /** By segment index, the context array holding that index alone. */
  alone: number[][];
}

/**
 * The segments of the given parts with their structure, the front matter's (a `context`
 * segment, already in document offsets) first. A part's segments keep its pieces, relative to the
 * part, with the part's offset as their `offset`.
 */
export function assembleSegments(parts: readonly PlacedPart[], frontMatter?: Segment): Segment[] {
  const state: Placement = {
    out: [],
    started: false,
    headParagraph: false,
    lastHeading: -1,
    lastAtDepth: [],
    alone: [],
  };
  if (frontMatter) state.out.push(frontMatter);
  let before: { part: Part; base: number; leadIn: number | undefined } | undefined;
  // Indexed loops: see inRanges (core's lang/script.ts).
  for (let p = 0; p < parts.length; p++) {
    const { part, offset, follows } = parts[p] as PlacedPart;
    const base = state.out.length;
    const previous = follows ? before : undefined;
    const leadInBefore = previous ? endLeadIn(previous, part.opensWithList) : undefined;
    for (let k = 0; k < part.segments.length; k++) {
      const shaped = part.segments[k] as ShapedSegment;
      const leadIn = shaped.leadIn === PREVIOUS ? leadInBefore : mapIndex(shaped.leadIn, base);
      place(state, shaped, offset, base, leadIn);
    }
    const end = part.end;
    const listLeadIn =
      end?.kind === 'list'
        ? end.leadIn === PREVIOUS
          ? leadInBefore
          : mapIndex(end.leadIn, base)
        : undefined;
    before = { part, base, leadIn: listLeadIn };
  }
  return state.out;
}

/** The lead-in, in the document, of a list opening a part right after `previous` ended. */
function endLeadIn(
  previous: { part: Part; base: number; leadIn: number | undefined },
  marker: string | undefined,
): number | undefined {
  const end = previous.part.end;
  if (marker === undefined || end === undefined) return undefined;
  if (end.kind === 'paragraph') return previous.base + end.segment;
  // The same bullet or delimiter continues the list, over blank lines: its items share its lead-in.
  return end.marker === marker ? previous.leadIn : undefined;
}

function mapIndex(local: number | undefined, base: number): number | undefined {
  return local === undefined ? undefined : base + local;
}

// Where place() gathers a segment's context (its first `gatheredCount` entries), so that a segment
// gets an array of its exact size. Counted, not emptied: an array whose length is set to 0 drops
// its storage and the next push allocates another, at each of the 1,400 segments a dense 100 K
// draft places at every keystroke.
const gathered: number[] = [];
let gatheredCount = 0;

function gather(index: number): void {
  gathered[gatheredCount++] = index;
}

// A block's parse is kept while its text is (an editor's document, markdown-document.ts), and the
// document is assembled again at every keystroke: a segment placed with the offset, head and
// context it was last placed with is given again (core never changes one), and its context array
// when only its offset moved. A dense draft's table cells each made a context array at every
// keystroke. The segment is kept on the shaped one, not in a WeakMap: a scavenge visits every
// entry of a WeakMap.
function place(state: Placement, shaped: ShapedSegment, offset: number, base: number, leadIn?: number): void {
  const index = state.out.length;
  gatheredCount = 0;
  const first = !state.started;
  state.started = true;
  let head = false;
  if (shaped.role === 'heading') {
    const depth = shaped.depth ?? 1;
    if (first) head = true;
    else {
      let above = -1;
      for (let level = 1; level < depth; level++) above = Math.max(above, state.lastAtDepth[level] ?? -1);
      if (above >= 0) gather(above);
    }
    state.lastAtDepth[depth] = index;
    state.lastHeading = index;
  } else {
    if (state.lastHeading >= 0) gather(state.lastHeading);
    if (shaped.role === 'paragraph' && !state.headParagraph) {
      state.headParagraph = true;
      head = true;
    }
    if (leadIn !== undefined) gather(leadIn);
    for (const cell of shaped.cells ?? []) gather(base + cell);
  }
  const count = ascendingOnce(gathered, gatheredCount);
  const before = shaped.placed;
  const kept =
    before?.context !== undefined && sameIndices(before.context, gathered, count)
      ? before.context
      : undefined;
  if (
    before !== undefined &&
    (before.offset ?? 0) === offset &&
    (before.head === true) === head &&
    (count > 0 ? kept !== undefined : before.context === undefined)
  ) {
    state.out.push(before);
    return;
  }
  // The parse's pieces as they are, relative to the block: it moves at every edit above it.
  const segment: Segment = { pieces: shaped.pieces, role: shaped.role };
  if (offset !== 0) segment.offset = offset;
  if (head) segment.head = true;
  // Most segments have one context segment, the heading above: they share one array (never
  // changed by core) rather than each getting its own.
  if (kept !== undefined) segment.context = kept;
  else if (count === 1) segment.context = state.alone[gathered[0] as number] ??= [gathered[0] as number];
  else if (count > 1) segment.context = gathered.slice(0, count);
  shaped.placed = segment;
  state.out.push(segment);
}

/** Sorts the first `count` indices and drops repeats, in place; returns how many are left. */
function ascendingOnce(indices: number[], count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const index = indices[i] as number;
    let at = n;
    while (at > 0 && (indices[at - 1] as number) > index) at--;
    if (at > 0 && indices[at - 1] === index) continue;
    for (let k = n; k > at; k--) indices[k] = indices[k - 1] as number;
    indices[at] = index;
    n++;
  }
  return n;
}

/** `a` holds the first `count` indices of `b`, and no more. */
function sameIndices(a: readonly number[], b: readonly number[], count: number): boolean {
  if (a.length !== count) return false;
  for (let k = 0; k < count; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The front matter spanning `[start, end)` of `source` (fences included) as a `context` segment:
 * its content lines, without the fences. Undefined when it has no content.
 */
export function frontMatterSegment(source: string, start: number, end: number): Segment | undefined {
  const firstBreak = source.slice(start, end).search(/[\r\n]/);
  if (firstBreak < 0) return undefined;
  let from = start + firstBreak + 1;
  if (source[from - 1] === '\r' && source[from] === '\n') from++;
  let closing = end;
  while (closing > from && source[closing - 1] !== '\n' && source[closing - 1] !== '\r') closing--;
  let to = closing - 1;
  if (source[to] === '\n' && source[to - 1] === '\r') to--;
  if (to <= from || !/\S/.test(source.slice(from, to))) return undefined;
  return { pieces: [{ start: from, end: to }], role: 'context', head: true };
}
