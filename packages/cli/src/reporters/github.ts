// GitHub Actions workflow commands: one annotation per finding (DESIGN, the severity table:
// error -> ::error, warning -> ::warning, info -> ::notice, hint not printed). GitHub shows at most
// a few annotations per step, so the README recommends SARIF upload for the full list.
import { plainText, type Severity } from '@nuance/core';
import type { FileResult } from '../results.js';
import { terminalText } from './terminal-text.js';

const COMMAND: Record<Severity, string | undefined> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: undefined,
};

// Line breaks are the command's own escapes; other controls are written out, so that a log read
// in a terminal gets no escape sequence from a file name or a message.
function escapeData(s: string): string {
  return terminalText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const file of results) {
    for (const f of file.messages) {
      const command = COMMAND[f.severity];
      if (!command) continue;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      out += `::${command} ${props}::${escapeData(plainText(f.message, f.locale))}\n`;
    }
  }
  return out;
}
