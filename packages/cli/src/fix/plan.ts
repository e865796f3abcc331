// Planning a fix: text in; the fixed text, the findings left and a diff out. Nothing here touches
// a file, so `--stdin` plans exactly as files do, and only files are then written (write-fix.ts).
import { type Finding, fixText } from '@nuance/core';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** Passes of lint + fix before giving up on fixes that keep overlapping (DESIGN, Findings). */
const MAX_PASSES = 10;

export interface FixPlan {
  /** The text the plan starts from. */
  text: string;
  /** The text with every safe fix applied; `text` itself when there is nothing to fix. */
  output: string;
  /** Fixes applied over all passes. */
  fixed: number;
  /** The findings left in `output`. */
  findings: Finding[];
  /** The findings of `text`: what is reported when `output` cannot be written. */
  original: Finding[];
}

/** Apply the findings' `fix` edits (core's `fixText`: no overlapping edits, re-lint until stable). */
export function planFixes(text: string, lint: (text: string) => Finding[]): FixPlan {
  const original = lint(text);
  let passes = 0;
  // fixText lints `text` first: that is the lint just done.
  const result = fixText(text, (current) => (passes++ === 0 ? original : lint(current)), MAX_PASSES);
  return { text, output: result.output, fixed: result.fixed, findings: result.findings, original };
}

/**
 * `--fix-dry-run`: the plan as a unified diff with `a/<name>` and `b/<name>` headers (`name` is the
 * path shown in reports), or undefined when it changes nothing.
 */
export function fixDiff(plan: FixPlan, name: string): string | undefined {
  if (plan.output === plan.text) return undefined;
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, plan.text, plan.output, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
