import type { Finding, Severity } from '@nuance/core';

/**
 * The findings of one linted file, the one result shape every reporter takes; `path` is relative
 * to the working folder with `/` separators (or the stdin name).
 */
export interface FileResult {
  path: string;
  messages: Finding[];
  /**
   * The text the findings are offsets into (BOM removed), when known: SARIF gives fix regions
   * lines and columns from it, the HTML report shows each finding in its sentence.
   */
  text?: string;
  /**
   * Each finding's fingerprint, computed before `--changed-lines-from` or `--baseline` dropped
   * some (see fingerprint.ts); absent: computed from `messages` when needed.
   */
  fingerprints?: ReadonlyMap<Finding, string>;
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) {
    for (const message of result.messages) counts[message.severity]++;
  }
  return counts;
}
