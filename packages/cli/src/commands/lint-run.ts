import type { SarifFileResult } from '../reporters/sarif.js';

/** What linting produced, before it is reported. */
export interface CheckRun {
  results: SarifFileResult[];
  /** `--fix-dry-run` diffs, printed before the report. */
  diffs: string[];
  /** An internal error or a bad argument happened: exit 2 whatever the findings. */
  failed: boolean;
}
