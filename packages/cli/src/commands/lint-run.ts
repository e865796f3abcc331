import type { Finding } from '@nuance/core';
import { lintDocument } from '@nuance/unified';
import type { ActiveConfig } from '../config-resolver.js';
import type { SarifFileResult } from '../reporters/sarif.js';

/** What linting produced, before it is reported. */
export interface CheckRun {
  results: SarifFileResult[];
  /** `--fix-dry-run` diffs, printed before the report. */
  diffs: string[];
  /** An internal error or a bad argument happened: exit 2 whatever the findings. */
  failed: boolean;
}

/** Lint a document's text under its config; the path picks Markdown or text and a `.zh.md` language. */
export function linter(file: string | undefined, active: ActiveConfig): (text: string) => Finding[] {
  return (text) =>
    lintDocument({ text, path: file, ruleSet: active.loaded.ruleSet, lang: active.loaded.config.lang })
      .findings;
}
