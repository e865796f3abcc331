import type { Finding, Severity } from '@nuance/core';

/** The findings of one linted file; `path` is relative to the working folder with `/` separators. */
export interface FileResult {
  path: string;
  messages: Finding[];
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) {
    for (const message of result.messages) counts[message.severity]++;
  }
  return counts;
}

/**
 * A finding about the whole file rather than a span of it (ignored, not fixed): placed at 1:1
 * with an empty range, where editors and SARIF viewers show a file-level message.
 */
export function fileFinding(ruleId: string, severity: Severity, message: string): Finding {
  return {
    ruleId,
    severity,
    message,
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    actual: '',
    expected: [],
  };
}
