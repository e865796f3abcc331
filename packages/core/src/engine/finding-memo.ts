// An editor's lint after a keystroke (a ScanCache's document linted again): the findings of the
// segments the edit left as they were are those of the lint before, moved with the text after the
// edit, not made again. Only rules whose kind says its findings in a segment are those of that
// segment's matches alone (`Kind.local`) are kept this way, segment by segment, and only when
// nothing a finding reads outside its segment can have changed: the document's facts (its locale,
// script, language and topic), its segments but the edited ones (their number, text, place and
// structure), and the context mentions other segments read (an edited segment of the document's
// head, or named as another's context, holds the same ones, moved with the text); a segment with an
// external context (a translation unit's source) is kept only while that holds the same mentions.
// Anything else is linted as a whole, as without a cache.
import { kindOf } from '../kinds/registry.js';
import { minimalReplacement } from '../text/affix.js';
import type { LineIndex } from '../text/lines.js';
import type { Finding, Segment, SegmentPiece, SegmentRole } from '../types.js';
import { buildProse } from '../view/prose.js';
import type { ProseScan, SegmentState } from './candidates.js';
import type { CompiledRule } from './compiled.js';
import type { ExternalContext } from './context.js';
import { FindingMover, type TextChange } from './finding-mover.js';
import { isMention } from './phrase-ref.js';

/** What a cached lint keeps for the next one of its document. */
export interface FindingMemo {
  text: string;
  /** The document's facts every finding may read, as one key (lint.ts). */
  facts: string;
  segments: Shapes;
  /** Per local rule (its index), its findings by segment index; a segment of no match has none. */
  byRule: Map<number, Map<number, Finding[]>>;
}

/**
 * The segments of a lint as the memo compares them, in columns: each one's scan, document range
 * (its first piece's start to its last piece's end), pieces and offset, role, head flag and
 * structural context. No object per segment, and no lint's segment states and prose kept alive
 * until the next lint: a shape object per segment, holding its state, took a quarter of the
 * instructions of a lint after an edit of a release set's 20 K translation (2,000 segments:
 * 83.9 million instructions a lint with them, 61.5 million without, cachegrind).
 */
export class Shapes {
  readonly length: number;
  readonly scans: ProseScan[];
  readonly pieces: (readonly SegmentPiece[])[];
  readonly roles: (SegmentRole | undefined)[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly offset: Int32Array;
  readonly head: Uint8Array;
  /** Segment i's context is contexts[contextAt[i]] to contexts[contextAt[i + 1]]. */
  readonly contextAt: Int32Array;
  readonly contexts: Int32Array;

  /**
   * Per segment with an external context (a translation unit's source segments), the context
   * mentions there as one key (`mentionsKey`): a segment's findings are kept only where it is the
   * same, which is all its findings read of the other text (ContextIndex).
   */
  readonly external: (string | undefined)[];

  constructor(states: readonly SegmentState[], segments: readonly Segment[], external?: ExternalContext) {
    const n = states.length;
    this.length = n;
    this.scans = new Array(n);
    this.pieces = new Array(n);
    this.roles = new Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.offset = new Int32Array(n);
    this.head = new Uint8Array(n);
    this.contextAt = new Int32Array(n + 1);
    let contexts = 0;
    this.external = new Array(external ? n : 0);
    for (const state of states) contexts += segments[state.index]?.context?.length ?? 0;
    this.contexts = new Int32Array(contexts);
    let at = 0;
    states.forEach((state, i) => {
      const segment = segments[state.index] as Segment;
      const offset = segment.offset ?? 0;
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      for (const piece of segment.pieces) {
        if (piece.start < start) start = piece.start;
        if (piece.end > end) end = piece.end;
      }
      if (segment.pieces.length === 0) start = end = 0;
      this.scans[i] = state.scan;
      this.pieces[i] = segment.pieces;
      this.roles[i] = segment.role;
      this.start[i] = start + offset;
      this.end[i] = end + offset;
      this.offset[i] = offset;
      this.head[i] = segment.head === true ? 1 : 0;
      this.contextAt[i] = at;
      for (const k of segment.context ?? []) this.contexts[at++] = k;
      if (external) this.external[i] = externalKey(external, state.index);
    });
    this.contextAt[n] = at;
  }
}

/** The context mentions of segment `index`'s external segments, in order, as one key (undefined: none). */
function externalKey(external: ExternalContext, index: number): string | undefined {
  const ids = external.of(index);
  if (ids.length === 0) return undefined;
  if (ids.length === 1) return mentionsKey(external.states[ids[0] as number]);
  let key = '';
  for (const id of ids) key += `${mentionsKey(external.states[id])}\u0001`;
  return key;
}

/** A segment's context mentions (set and text), in order, kept with its scan: its text's. */
function mentionsKey(state: SegmentState | undefined): string {
  if (!state) return '';
  state.scan.mentions ??= state.candidates
    .filter((c) => isMention(c.ref))
    .map((c) => `${c.ref.set}:${state.prose.text.slice(c.ps, c.pe)}`)
    .join('\u0000');
  return state.scan.mentions;
}

/** The one stretch an edit replaced between `before` and `after`. */
function textChange(before: string, after: string): TextChange {
  const { start, end } = minimalReplacement(before, after);
  return { from: start, oldTo: end, delta: after.length - before.length };
}

/**
 * Per segment, whether its findings may be taken from `memo` (1) or are made again (0); undefined
 * when none may (the segments' number or structure changed, or a mention others read). `states`:
 * this lint's, of `shapes`.
 */
function unchangedSegments(
  memo: FindingMemo,
  shapes: Shapes,
  states: readonly SegmentState[],
  change: TextChange,
): Uint8Array | undefined {
  const old = memo.segments;
  if (old.length !== shapes.length) return undefined;
  const n = shapes.length;
  const same = new Uint8Array(n);
  // The segments whose mentions license matches of others: the head's, and those named as context.
  const cited = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (shapes.head[i] === 1) cited[i] = 1;
    for (let k = shapes.contextAt[i] as number; k < (shapes.contextAt[i + 1] as number); k++) {
      cited[shapes.contexts[k] as number] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!sameStructure(old, shapes, i)) return undefined;
    const moved = placeAfter(old, i, change);
    if (
      moved !== undefined &&
      old.scans[i] === shapes.scans[i] &&
      old.external[i] === shapes.external[i] &&
      moved === shapes.start[i] &&
      (shapes.end[i] as number) - (shapes.start[i] as number) ===
        (old.end[i] as number) - (old.start[i] as number) &&
      samePieces(old, shapes, i)
    ) {
      same[i] = 1;
    } else if (cited[i] === 1 && !sameMentions(memo, i, states[i] as SegmentState, change)) {
      return undefined;
    }
  }
  return same;
}

/** The same context mentions in edited segment `i`, each where the text moved it (`after`: this lint's). */
function sameMentions(memo: FindingMemo, i: number, after: SegmentState, change: TextChange): boolean {
  const old = memo.segments;
  // The last lint's prose of the segment, made again of the last text: the memo keeps no prose.
  const pieces = old.pieces[i] as SegmentPiece[];
  const prose = buildProse(memo.text, { pieces, offset: old.offset[i] as number });
  const x = mentionsOf((old.scans[i] as ProseScan).candidates, prose);
  const y = mentionsOf(after.candidates, after.prose);
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k += 3) {
    const start = x[k + 1] as number;
    const end = x[k + 2] as number;
    const shift = end <= change.from ? 0 : start >= change.oldTo ? change.delta : undefined;
    if (shift === undefined || x[k] !== y[k] || start + shift !== y[k + 1] || end + shift !== y[k + 2]) {
      return false;
    }
  }
  return true;
}

/** A segment's mentions as set, start and end in the document, flat. */
function mentionsOf(candidates: SegmentState['candidates'], prose: SegmentState['prose']): number[] {
  const out: number[] = [];
  for (const c of candidates) {
    if (!isMention(c.ref)) continue;
    const start = prose.startAt(c.ps) ?? 0;
    out.push(c.ref.set ?? -1, start, prose.endAt(c.pe - 1) ?? start);
  }
  return out;
}

/** Where segment `i` of `shapes` starts after the change; undefined when the change touches it. */
function placeAfter(shapes: Shapes, i: number, change: TextChange): number | undefined {
  const start = shapes.start[i] as number;
  if ((shapes.end[i] as number) <= change.from) return start;
  if (start >= change.oldTo) return start + change.delta;
  return undefined;
}

function sameStructure(a: Shapes, b: Shapes, i: number): boolean {
  if ((a.roles[i] ?? 'paragraph') !== (b.roles[i] ?? 'paragraph') || a.head[i] !== b.head[i]) return false;
  const x = a.contextAt[i] as number;
  const y = b.contextAt[i] as number;
  const length = (a.contextAt[i + 1] as number) - x;
  if ((b.contextAt[i + 1] as number) - y !== length) return false;
  for (let k = 0; k < length; k++) if (a.contexts[x + k] !== b.contexts[y + k]) return false;
  return true;
}

/** The same pieces relative to the segments' starts (a caller's pieces could differ over the same text). */
function samePieces(before: Shapes, after: Shapes, i: number): boolean {
  const p = before.pieces[i] as readonly SegmentPiece[];
  const q = after.pieces[i] as readonly SegmentPiece[];
  if (
    p === q &&
    (before.offset[i] as number) - (before.start[i] as number) ===
      (after.offset[i] as number) - (after.start[i] as number)
  )
    return true;
  if (p.length !== q.length) return false;
  const shiftP = (before.offset[i] as number) - (before.start[i] as number);
  const shiftQ = (after.offset[i] as number) - (after.start[i] as number);
  for (let k = 0; k < p.length; k++) {
    const x = p[k] as SegmentPiece;
    const y = q[k] as SegmentPiece;
    if (
      x.start + shiftP !== y.start + shiftQ ||
      x.end + shiftP !== y.end + shiftQ ||
      x.text !== y.text ||
      x.separator !== y.separator
    ) {
      return false;
    }
  }
  return true;
}

const windows = new WeakMap<CompiledRule, number>();

/**
 * How many segments after its own a local rule's findings in a segment read (Kind.local, with the
 * kind's `reach`); -1 when the rule is not local (its findings are made of the whole document).
 */
export function localWindow(rule: CompiledRule): number {
  let window = windows.get(rule);
  if (window === undefined) {
    const def = rule.source.def;
    const kind = kindOf(def);
    window = kind.local?.(def as never) === true ? (kind.reach?.(def as never) ?? 0) : -1;
    windows.set(rule, window);
  }
  return window;
}

/** What a lint takes from the last one and leaves to the next. */
export interface ReusePlan {
  /** What this lint keeps for the next (filled as rules are linted). */
  memo: FindingMemo;
  /**
   * A local rule's findings in `seg` from the last lint, moved; undefined: make them. `window`:
   * the segments after it its findings read (localWindow), which must be unchanged too, and the
   * text between them.
   */
  reused(rule: number, seg: SegmentState, window?: number): Finding[] | undefined;
  /** Where segment `index` lies in the document (its first piece's start to its last piece's end). */
  rangeOf(index: number): { start: number; end: number } | undefined;
}

/**
 * A cached lint's plan: which segments' findings the last lint of the document (`old`) gives, and
 * the memo this one leaves. `input` is the lint's (its text, segments and external context),
 * `states` its scanned segments; `facts` is what every finding may read of the whole document.
 */
export function planReuse(
  old: FindingMemo | undefined,
  input: { text: string; segments: readonly Segment[]; external?: ExternalContext | undefined },
  states: readonly SegmentState[],
  facts: string,
  lines: () => LineIndex,
): ReusePlan {
  const { text, segments } = input;
  const shapes = new Shapes(states, segments, input.external);
  const memo: FindingMemo = { text, facts, segments: shapes, byRule: new Map() };
  let mover: FindingMover | undefined;
  let same: Uint8Array | undefined;
  let change: TextChange | undefined;
  if (old && old.facts === facts) {
    change = textChange(old.text, text);
    same = unchangedSegments(old, shapes, states, change);
    if (same) mover = new FindingMover(change, lines());
  }
  return {
    memo,
    reused(rule, seg, window = 0) {
      if (!old || !mover || !change || !same) return undefined;
      const last = Math.min(seg.index + window, same.length - 1);
      for (let i = seg.index; i <= last; i++) if (same[i] !== 1) return undefined;
      // The text between the segments of the window is read too (requires: a paragraph next to
      // another has nothing but markup between them): the edit must lie outside the window.
      if (window > 0) {
        const start = old.segments.start[seg.index] as number;
        const end = old.segments.end[last] as number;
        if (change.from < end && change.oldTo > start) return undefined;
      }
      const before = old.byRule.get(rule)?.get(seg.index);
      return before && mover.moved(before);
    },
    rangeOf: (index) =>
      index >= 0 && index < shapes.length
        ? { start: shapes.start[index] as number, end: shapes.end[index] as number }
        : undefined,
  };
}
