// Code actions built from the diagnostics in the request's context alone (their `data`), so they
// work in clients that drop `source` (Neovim 0.7) and need no server state.

import { isToolRule } from '@nuance/core';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isNuanceDiagnostic, type NuanceDiagnostic } from './diagnostics.js';

export const FIX_ALL_KIND = 'source.fixAll.nuance';
export const COMMANDS = {
  fixAll: 'nuance.fixAll',
  ignoreRule: 'nuance.ignoreRule',
  acceptTerm: 'nuance.acceptTerm',
  explain: 'nuance.explain',
} as const;

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * One suggestion as an edit, with the wording it gives over the flagged span (for the title), or
 * undefined when the text it replaces has changed.
 */
function suggestion(
  document: TextDocument,
  diagnostic: NuanceDiagnostic,
  index: number,
): { edit: TextEdit; result: string } | undefined {
  const data = diagnostic.data;
  const s = data.suggestions?.[index];
  if (!s) return undefined;
  const text = document.getText();
  const anchors = [diagnostic.range.start, data.at].filter(
    (a): a is Position => a !== undefined && typeof a.line === 'number',
  );
  for (const anchor of anchors) {
    const base = document.offsetAt(anchor);
    const start = base + s.from;
    const end = start + s.length;
    if (start < 0 || end > text.length || text.slice(start, end) !== s.old) continue;
    const to = Math.max(base + (data.span ?? 0), end);
    const result = text.slice(Math.min(base, start), start) + s.text + text.slice(end, to);
    const edit = {
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      newText: s.text,
    };
    return { edit, result };
  }
  return undefined;
}

const DISABLE_LINE = /<!--\s*nuance-disable-line(\s[^>]*?)?\s*-->\s*$/;

/** Insert (or extend) the inline `nuance-disable-line` directive at the end of a line. */
function disableLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit | undefined {
  const text = document.getText();
  const lineStart = document.offsetAt({ line, character: 0 });
  let lineEnd = lineStart;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const lineText = text.slice(lineStart, lineEnd);
  const existing = DISABLE_LINE.exec(lineText);
  if (existing) {
    const rules = (existing[1] ?? '').trim();
    if (rules === '' || rules.split(/[\s,]+/).includes(ruleId)) return undefined;
    const at = lineStart + existing.index + existing[0].lastIndexOf('-->');
    const pad = lineText[at - lineStart - 1] === ' ' ? '' : ' ';
    const position = document.positionAt(at);
    return { range: { start: position, end: position }, newText: `${pad}${ruleId} ` };
  }
  const trimmedEnd = lineStart + lineText.replace(/\s+$/, '').length;
  return {
    range: { start: document.positionAt(trimmedEnd), end: document.positionAt(lineEnd) },
    newText: ` <!-- nuance-disable-line ${ruleId} -->`,
  };
}

/** A diagnostic's quick fixes: its suggestions, disable for this line, ignore, accept. */
function quickFixes(document: TextDocument, diagnostic: NuanceDiagnostic): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const { actual, suggestions } = diagnostic.data;
  const ruleId = diagnostic.code;
  const fix = (title: string, rest: Partial<CodeAction>) =>
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], ...rest });
  suggestions?.forEach((_, index) => {
    const found = suggestion(document, diagnostic, index);
    if (!found) return;
    fix(`Replace with \`${found.result}\``, {
      isPreferred: index === 0,
      edit: { changes: { [uri]: [found.edit] } },
    });
  });
  const disable = disableLineEdit(document, diagnostic.range.start.line, ruleId);
  if (disable) fix(`Disable \`${ruleId}\` for this line`, { edit: { changes: { [uri]: [disable] } } });
  // Findings about directives themselves are not rules a config could turn off.
  if (isToolRule(ruleId)) return actions;
  fix(`Ignore \`${ruleId}\` in this workspace`, {
    command: { title: 'Ignore rule', command: COMMANDS.ignoreRule, arguments: [uri, ruleId] },
  });
  if (actual !== '') {
    fix(`Accept \`${actual}\` in this workspace`, {
      command: { title: 'Accept term', command: COMMANDS.acceptTerm, arguments: [uri, actual] },
    });
  }
  return actions;
}

export function codeActions(
  document: TextDocument,
  params: CodeActionParams,
  fixAll: () => TextEdit[],
): CodeAction[] {
  const only = params.context.only;
  const ours = params.context.diagnostics.filter(isNuanceDiagnostic);
  const actions = wants(only, CodeActionKind.QuickFix) ? ours.flatMap((d) => quickFixes(document, d)) : [];
  const fixable = ours.some((d) => d.data.fixable);
  const asked = only !== undefined && wants(only, FIX_ALL_KIND);
  if (asked || (only === undefined && fixable)) {
    const edits = fixAll();
    if (edits.length > 0) {
      actions.push({
        title: 'Fix all nuance problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [document.uri]: edits } },
      });
    }
  }
  return actions;
}
