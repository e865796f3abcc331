import type { Finding, RuleSet } from '@nuance/core';
import type { OutputFormat } from './formats.js';
import { formatGithub } from './reporters/github.js';
import { formatHtml } from './reporters/html.js';
import { formatJson } from './reporters/json.js';
import { formatSarif } from './reporters/sarif.js';
import { formatStylish } from './reporters/stylish.js';
import type { FileResult } from './results.js';

export interface RenderOptions {
  ruleSet: RuleSet;
  cwd: string;
  color: boolean;
  /** `--audience` was given: stylish shows each finding's readings under it. */
  readings?: boolean;
}

/**
 * The report in one of the formats; every reporter gets the same (possibly --quiet) results. SARIF
 * and HTML read each file's `text` when present (fix regions' lines, a finding's sentence).
 */
export function renderReport(
  format: OutputFormat,
  results: readonly FileResult[],
  options: RenderOptions,
): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { ruleSet: options.ruleSet, cwd: options.cwd });
    case 'github':
      return formatGithub(results);
    case 'stylish':
      return formatStylish(results, { color: options.color, readings: options.readings === true });
    case 'html':
      return formatHtml(results, { ruleSet: options.ruleSet });
  }
}

/** Whether the report in `format` reads each file's `text` (else the run need not keep it). */
export function reportReadsText(format: OutputFormat): boolean {
  return format === 'sarif' || format === 'html';
}

/** `--quiet`: errors only (DESIGN's table), in every reporter. */
export function onlyErrors<T extends { messages: Finding[] }>(results: readonly T[]): T[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }));
}
