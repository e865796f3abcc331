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
