import { type Finding, toolFinding } from '@nuance/core';
import type { CheckCommand } from '../args.js';
import type { FileResult } from '../results.js';

export type CheckOptions = Omit<CheckCommand, 'name'>;

/** What a `nuance check` run produced, before it is reported. */
export interface CheckRun {
  /** One per file (or for stdin), in input order. */
  results: FileResult[];
  /** `--fix-dry-run`: the diffs, printed on stdout before the report. */
  diffs: string[];
  /** `--stdin --fix`: the fixed text (BOM kept), which owns stdout. */
  fixedText?: string;
  /** The files the run read or names (absolute): the report is never written over one of them. */
  inputs: string[];
  /** An internal error or a bad argument happened: exit 2 whatever the findings. */
  failed: boolean;
}

/**
 * The finding that keeps a document that hit an internal error in the report (`error`: the
 * error's stack, or its message; its first line is shown).
 */
export function internalErrorFinding(error: string): Finding {
  const first = error.split('\n', 1)[0] ?? error;
  return toolFinding(
    'nuance/internal-error',
    `Internal error while linting this file, so it was not linted: ${first}`,
  );
}
