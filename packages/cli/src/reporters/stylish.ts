import { type FindingSource, plainText, type Severity } from '@nuance/core';
import { countSeverities, type FileResult } from '../results.js';
import { terminalText } from './terminal-text.js';
import { displayWidth, padEnd } from './text-width.js';

export interface StylishOptions {
  color: boolean;
  /** `--audience` was given: each finding's readings (those the audience keeps) go under it. */
  readings?: boolean;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

/**
 * ESLint-style text: per file with findings a header with its path, then aligned
 * `line:col  severity  message  ruleId` rows, then one summary line. Empty when there is nothing.
 */
export function formatStylish(results: readonly FileResult[], options: StylishOptions): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let out = '';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => ({
      position: `${m.line}:${m.column}`,
      severity: m.severity,
      message: terminalText(plainText(m.message, m.locale).replace(/\s*[\r\n]+\s*/g, ' ')),
      ruleId: terminalText(m.ruleId),
      source: m.source?.check === undefined ? undefined : sourceLine(m.source),
      readings: options.readings ? Object.entries(m.audiences ?? {}) : [],
    }));
    // A loop, not Math.max(...rows): a spread of 150,000 arguments overflows the stack.
    const widths = { position: 0, severity: 0, message: 0 };
    for (const row of rows) {
      widths.position = Math.max(widths.position, row.position.length);
      widths.severity = Math.max(widths.severity, row.severity.length);
      widths.message = Math.max(widths.message, displayWidth(row.message));
    }
    out += `\n${paint(4, terminalText(result.path))}\n`;
    for (const row of rows) {
      const severity = paint(SEVERITY_COLOR[row.severity], padEnd(row.severity, widths.severity));
      out += `  ${padEnd(row.position, widths.position)}  ${severity}  ${padEnd(row.message, widths.message)}  ${paint(90, row.ruleId)}\n`;
      // A bilingual check's finding: the source it was checked against, under it.
      if (row.source)
        out += `  ${' '.repeat(widths.position + widths.severity + 4)}${paint(90, row.source)}\n`;
      // Under the message, where a reader's eye goes next: how each audience reads the wording.
      const indent = ' '.repeat(2 + widths.position + 2 + widths.severity + 2);
      for (const [tag, reading] of row.readings) {
        out += `${indent}${paint(90, `${terminalText(tag)}:`)} ${terminalText(reading.replace(/\s*[\r\n]+\s*/g, ' '))}\n`;
      }
    }
  }
  if (out === '') return '';
  const counts = countSeverities(results);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.info, 'info'),
  ];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summary = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
  const summaryColor = counts.error > 0 ? 31 : counts.warning > 0 ? 33 : 36;
  return `${out}\n${paint(1, paint(summaryColor, summary))}\n`;
}

/** The most characters of a source unit's text a stylish line shows (JSON and SARIF keep it all). */
const SOURCE_SHOWN = 200;

function sourceLine(source: FindingSource): string {
  const where = [source.lang, source.path, `${source.line}:${source.column}`].filter((p) => p !== undefined);
  // A unit can be long (a paragraph of a release set's source without blank lines): the line shows
  // its start, whitespace runs as one space, and `…` when there is more.
  const shown = [
    ...source.text
      .slice(0, SOURCE_SHOWN * 8)
      .replace(/\s+/g, ' ')
      .trim(),
  ];
  const cut = shown.length > SOURCE_SHOWN || source.text.length > SOURCE_SHOWN * 8;
  const text = cut ? `${shown.slice(0, SOURCE_SHOWN).join('').trimEnd()}…` : shown.join('');
  return terminalText(`source (${where.join(', ')}): ${text}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
