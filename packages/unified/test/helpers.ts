// Test helpers: rebuild a segment's prose and find where its characters came from.
import { createLineIndex, type Finding, type RuleInfo, type RuleSet, type Segment } from '@nuance/core';

/**
 * The segment with its pieces in document offsets (its `offset` added to each, and dropped), as
 * one full parse gives it.
 */
export function inDocument(segment: Segment): Segment {
  const { offset = 0, ...rest } = segment;
  if (offset === 0) return rest;
  return {
    ...rest,
    pieces: rest.pieces.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset })),
  };
}

/** The prose of a segment as core sees it: separators are U+FFFC. */
export function proseOf(segment: Segment, source: string): string {
  return segment.pieces
    .map((piece) => (piece.separator ? '\uFFFC' : (piece.text ?? source.slice(piece.start, piece.end))))
    .join('');
}

/** `line:column` of the source range the `index`-th prose unit came from (`start-end` when wider). */
export function whereIs(segment: Segment, source: string, index: number): string {
  let at = 0;
  const lines = createLineIndex(source);
  const format = (offset: number): string => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}`;
  };
  for (const piece of segment.pieces) {
    const length = piece.separator ? 1 : (piece.text ?? source.slice(piece.start, piece.end)).length;
    if (index < at + length) {
      if (piece.separator || piece.text !== undefined) return `${format(piece.start)}-${format(piece.end)}`;
      return format(piece.start + index - at);
    }
    at += length;
  }
  throw new Error(`prose index ${index} out of range`);
}

/** A rule set that knows the given ids (for directive tests that need no engine). */
export function fakeRuleSet(ids: string[]): RuleSet {
  return { rules: [] as RuleInfo[], has: (id) => ids.includes(id), get: () => undefined };
}

/** A finding at `start..end` of `text` (line and column computed), for directive tests. */
export function fakeFinding(text: string, ruleId: string, start: number, end: number): Finding {
  const lines = createLineIndex(text);
  const from = lines.position(start);
  const to = lines.position(end);
  return {
    ruleId,
    severity: 'error',
    message: 'm',
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    actual: text.slice(start, end),
    expected: [],
  };
}

/**
 * A readable line per segment: `role (head): prose <- context prose | ...`, where the context is
 * named by the prose of the segments it points to.
 */
export function structureOf(segments: readonly Segment[], source: string): string[] {
  const prose = segments.map((segment) => proseOf(segment, source));
  return segments.map((segment, index) => {
    const head = segment.head ? ' (head)' : '';
    const context = segment.context ? ` <- ${segment.context.map((i) => prose[i]).join(' | ')}` : '';
    return `${segment.role ?? 'paragraph'}${head}: ${prose[index]}${context}`;
  });
}

/** A seeded random number generator (a linear congruential one) for generated documents. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The real-text corpus and its drafts: rules' one walk of it (rules/scripts/corpus-files.mjs). */
export { corpus, corpusPresent, drafts } from '../../../rules/scripts/corpus-files.mjs';
