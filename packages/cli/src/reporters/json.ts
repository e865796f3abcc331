import type { Finding } from '@nuance/core';
import type { FileResult } from '../results.js';

export interface JsonFileResult {
  path: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
}

/** DESIGN, Interfaces: every linted file in input order; absent optional fields are omitted. */
export function toJsonResults(results: readonly FileResult[]): JsonFileResult[] {
  return results.map((result) => ({
    path: result.path,
    messages: result.messages.map(withoutUndefined),
    errorCount: result.messages.filter((m) => m.severity === 'error').length,
    warningCount: result.messages.filter((m) => m.severity === 'warning').length,
  }));
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonResults(results))}\n`;
}

// JSON.stringify would drop undefined fields anyway; doing it here keeps the objects that callers
// of toJsonResults see identical to the printed JSON.
function withoutUndefined(finding: Finding): Finding {
  return Object.fromEntries(Object.entries(finding).filter(([, v]) => v !== undefined)) as unknown as Finding;
}
