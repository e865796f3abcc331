import type { Problem } from '@nuance/core';
import { displayPath } from '../files.js';
import { terminalText } from './terminal-text.js';

/** `file:line:col  error  message  pack/<code>`, one line per config or pack problem. */
export function formatProblems(problems: readonly Problem[], cwd: string): string {
  return problems
    .map((p) => {
      // Built-in packs carry a repository-relative name, not a path on this machine.
      const file = isAbsolute(p.file) ? displayPath(p.file, cwd) : p.file;
      return (
        terminalText(`${file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  pack/${p.code}`) + '\n'
      );
    })
    .join('');
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.startsWith('\\\\');
}
