// Findings and setup problems as LSP diagnostics (DESIGN: Findings, Interfaces). Everything a code
// action needs travels in `data`, so actions never depend on server state or on the client
// echoing `source` or the message.
import { detached, type Finding, type Locale, type Problem, plainText, type Severity } from '@nuance/core';
import {
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { UI_TEXTS } from './ui-texts.js';

export const SOURCE = 'nuance';

/** One suggestion, relative to the diagnostic's start so it survives edits elsewhere. */
export interface DataEdit {
  /** Offset of the edit from the diagnostic's start (may be negative). */
  from: number;
  /** Length of the replaced text. */
  length: number;
  /** The text replaced when the finding was made: an action whose text changed is dropped. */
  old: string;
  text: string;
}

// Sent with every diagnostic at every keystroke: what is empty or false is left out, and the rule
// id is the diagnostic's `code`, not sent twice (6 % of a dense draft's push).
export interface DiagnosticData {
  nuance: 1;
  actual: string;
  /** Absent when there is none, and so are `at` and `span`, which only suggestions read. */
  suggestions?: DataEdit[];
  /** Present when the finding has a fix. */
  fixable?: true;
  /**
   * The diagnostic's start when it was made. Neovim 0.7 echoes ranges in byte columns; when the
   * echoed range no longer points at the text, suggestions fall back to this position.
   */
  at?: { line: number; character: number };
  /** The length of the flagged span. */
  span?: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `href`: the rule's documentation (rule-docs.ts), the diagnostic's `codeDescription`; `related`:
 * whether to name the mentions that licensed the finding in `relatedInformation` (a client that
 * does not declare it would only be sent more bytes at every keystroke: a third of each message of
 * the bench's dense draft).
 */
export function toDiagnostic(
  finding: Finding,
  document: TextDocument,
  text: string,
  href: string | undefined = finding.url,
  related = true,
): Diagnostic {
  const range: Range = { start: document.positionAt(finding.start), end: document.positionAt(finding.end) };
  const data: DiagnosticData = { nuance: 1, actual: finding.actual };
  if (finding.suggestions && finding.suggestions.length > 0) {
    data.at = range.start;
    data.span = finding.end - finding.start;
    data.suggestions = finding.suggestions.map((s) => ({
      from: s.start - finding.start,
      length: s.end - s.start,
      // Kept with the diagnostic, which later lints reuse: not a view of this version of the text.
      old: detached(text.slice(s.start, s.end)),
      text: s.text,
    }));
  }
  if (finding.fix !== undefined) data.fixable = true;
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    // The Problems panel shows text: terms in the locale's quotation marks, not backticks.
    message: plainText(finding.message, finding.locale),
    data,
  };
  if (href) diagnostic.codeDescription = { href };
  if (related && finding.context !== undefined) {
    const mentions = relatedInformation(finding, document);
    if (mentions.length > 0) diagnostic.relatedInformation = mentions;
  }
  return diagnostic;
}

/**
 * The mentions that licensed the finding (its rule's context condition): why it applies here. One
 * entry per mention, naming every set it licensed (`中韩` names korea and china).
 */
function relatedInformation(finding: Finding, document: TextDocument): DiagnosticRelatedInformation[] {
  const locale = finding.locale ?? 'en';
  const mentions: { start: number; end: number; text: string; sets: string[] }[] = [];
  for (const c of finding.context ?? []) {
    if (c.via !== 'mention' || c.start === undefined || c.end === undefined) continue;
    const same = mentions.find((m) => m.start === c.start && m.end === c.end);
    if (same) same.sets.push(c.set);
    else mentions.push({ start: c.start, end: c.end, text: c.text ?? '', sets: [c.set] });
  }
  return mentions.map((m) => ({
    location: {
      uri: document.uri,
      range: { start: document.positionAt(m.start), end: document.positionAt(m.end) },
    },
    message: mentionMessage(locale, m.text, m.sets),
  }));
}

// The same few messages come back at every keystroke (a dense draft: one per finding).
const messages = new Map<string, string>();

function mentionMessage(locale: Locale, text: string, sets: readonly string[]): string {
  const key = `${locale}\0${text}\0${sets.join('\0')}`;
  let message = messages.get(key);
  if (message === undefined) {
    const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(sets);
    message = UI_TEXTS[locale].mentionApplies(plainText(`\`${text}\``, locale), names);
    if (messages.size >= 10_000) messages.clear();
    messages.set(key, message);
  }
  return message;
}

/**
 * A diagnostic of nuance's as a client sends it back: its `data`, and its rule id as `code`
 * (`Diagnostic.data` is `any`: without the Omit the intersection would be too).
 */
export type NuanceDiagnostic = Omit<Diagnostic, 'data' | 'code'> & { data: DiagnosticData; code: string };

export function isNuanceDiagnostic(diagnostic: Diagnostic): diagnostic is NuanceDiagnostic {
  const data = diagnostic.data as Partial<DiagnosticData> | null | undefined;
  return (
    typeof data === 'object' &&
    data !== null &&
    data.nuance === 1 &&
    typeof data.actual === 'string' &&
    typeof diagnostic.code === 'string' &&
    (data.suggestions === undefined || Array.isArray(data.suggestions))
  );
}

/** A config or pack problem as a diagnostic on the word at its position. */
export function problemDiagnostic(problem: Problem, fileText: string | undefined): Diagnostic {
  const line = Math.max(problem.line - 1, 0);
  const character = Math.max(problem.column - 1, 0);
  let length = 1;
  if (fileText !== undefined) {
    const lineText = fileText.split(/\r\n|\r|\n/)[line] ?? '';
    // The word at the position, without a mapping key's colon.
    const word = /^[^\s,\]}]+?(?=:(?:\s|$)|[\s,\]}]|$)/.exec(lineText.slice(character));
    length = word ? word[0].length : Math.max(lineText.length - character, 0);
  }
  return {
    range: { start: { line, character }, end: { line, character: character + length } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: `pack/${problem.code}`,
    source: SOURCE,
    message: problem.message,
  };
}
