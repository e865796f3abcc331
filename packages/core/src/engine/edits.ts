// Applying edits: sorted by start then length, never overlapping; a skipped edit can be retried on
// the next pass after re-linting (at most 10 passes).
import type { Edit, Finding } from '../types.js';

export interface ApplyResult {
  output: string;
  applied: Edit[];
  skipped: Edit[];
}

export function applyEdits(text: string, edits: readonly Edit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  let lastEnd = -1;
  let lastInsertAt = -1;
  for (const e of sorted) {
    const overlaps = e.start < lastEnd || (e.start === e.end && e.start === lastInsertAt);
    if (overlaps || e.start < 0 || e.end > text.length || e.end < e.start) {
      skipped.push(e);
      continue;
    }
    applied.push(e);
    lastEnd = Math.max(lastEnd, e.end);
    if (e.start === e.end) lastInsertAt = e.start;
  }
  let output = '';
  let at = 0;
  for (const e of applied) {
    output += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  output += text.slice(at);
  return { output, applied, skipped };
}

export interface FixResult {
  output: string;
  /** Lint passes that applied at least one fix. */
  passes: number;
  /** Fixes applied over all passes. */
  fixed: number;
  /** The findings of the final text. */
  findings: Finding[];
}

/** Lint, apply every `fix`, re-lint and repeat until nothing changes (at most `maxPasses`). */
export function fixText(text: string, lint: (text: string) => Finding[], maxPasses = 10): FixResult {
  let current = text;
  let findings = lint(current);
  let passes = 0;
  let fixed = 0;
  while (passes < maxPasses) {
    const edits = findings.flatMap((f) => (f.fix ? [f.fix] : []));
    if (edits.length === 0) break;
    const { output, applied } = applyEdits(current, edits);
    if (applied.length === 0 || output === current) break;
    current = output;
    fixed += applied.length;
    passes++;
    findings = lint(current);
  }
  return { output: current, passes, fixed, findings };
}
