import type { Finding } from '@nuance/core';
import type { FileResult } from '../results.js';

export interface JsonFileResult {
  path: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
}

/**
 * DESIGN, Interfaces: every linted file in input order. The findings are the results' own objects,
 * not copies: JSON.stringify leaves out a field whose value is undefined, as DESIGN asks of an
 * absent optional field. Copying each finding without them took half of the report's time with
 * 4,669 findings (the 10,000-term bench run: 11 of 20 ms).
 */
export function toJsonResults(results: readonly FileResult[]): JsonFileResult[] {
  return results.map((result) => {
    let errorCount = 0;
    let warningCount = 0;
    for (const m of result.messages) {
      if (m.severity === 'error') errorCount++;
      else if (m.severity === 'warning') warningCount++;
    }
    return { path: result.path, messages: result.messages, errorCount, warningCount };
  });
}

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(toJsonResults(results))}\n`;
}
