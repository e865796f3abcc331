// The diagnostics of the last lint, reused for the findings a keystroke left as they were. A
// diagnostic reads a finding's lines and columns, not its offsets: typing moves the offsets of
// every finding after the edit but the lines and columns only of those after it on its line, so
// most diagnostics of a long draft come out the same and are not made (nor, pulled, sent) again.
import type { ContextLicense, Edit, Finding } from '@nuance/core';
import type { Diagnostic } from 'vscode-languageserver';
import type { DiagnosticData } from './diagnostics.js';

/** What a document's last diagnostics were made of. */
export interface Published {
  /** The config they were made under (rule documentation links come from it). */
  config: unknown;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * The diagnostics of `findings` (in document order): those of `previous` where a finding gives the
 * same diagnostic (compared from both ends, so a finding added or gone in between costs only the
 * ones around it), `make` for the rest. The previous array itself when every one is the same.
 */
export function reuseDiagnostics(
  previous: Published | undefined,
  config: unknown,
  findings: Finding[],
  text: string,
  make: (finding: Finding) => Diagnostic,
): Diagnostic[] {
  if (!previous || previous.config !== config) return findings.map(make);
  const old = previous.findings;
  const made = previous.diagnostics;
  const same = (i: number, j: number) =>
    sameDiagnostic(old[i] as Finding, findings[j] as Finding, made[i] as Diagnostic, text);
  const shorter = Math.min(old.length, findings.length);
  let head = 0;
  while (head < shorter && same(head, head)) head++;
  if (head === old.length && head === findings.length) return made;
  let tail = 0;
  while (tail < shorter - head && same(old.length - 1 - tail, findings.length - 1 - tail)) tail++;
  const out: Diagnostic[] = made.slice(0, head);
  for (let j = head; j < findings.length - tail; j++) out.push(make(findings[j] as Finding));
  for (let k = tail; k > 0; k--) out.push(made[old.length - k] as Diagnostic);
  return out;
}

/**
 * Whether `after` gives the diagnostic `before` gave: the same finding but for its offsets (its
 * lines and columns, and its edits relative to its start, equal), and the same text under its
 * suggestions, which the diagnostic quotes. Every field of Finding is read (a test changes each
 * one of a finding that has them all).
 */
export function sameDiagnostic(
  before: Finding,
  after: Finding,
  diagnostic: Diagnostic,
  text: string,
): boolean {
  // The same object (core keeps the findings of the segments an edit left, before it) needs no
  // field compared: only the text under its suggestions, below.
  if (
    before !== after &&
    (before.end - before.start !== after.end - after.start ||
      before.line !== after.line ||
      before.column !== after.column ||
      before.endLine !== after.endLine ||
      before.endColumn !== after.endColumn ||
      before.ruleId !== after.ruleId ||
      before.severity !== after.severity ||
      before.message !== after.message ||
      before.actual !== after.actual ||
      before.note !== after.note ||
      before.url !== after.url ||
      before.locale !== after.locale ||
      !sameList(before.expected, after.expected, equal) ||
      !sameEdits(before.suggestions, before.start, after.suggestions, after.start) ||
      !sameEdit(before.fix, before.start, after.fix, after.start) ||
      !sameList(before.context, after.context, sameLicense) ||
      !sameRecord(before.audiences, after.audiences) ||
      !sameRecord(before.source, after.source))
  ) {
    return false;
  }
  // Compared in place, with no list or closure made: a dense draft's keystroke asks it of every
  // finding after the edit (a megabyte of garbage per keystroke when each call made a few).
  const suggestions = after.suggestions;
  if (suggestions === undefined) return true;
  const quoted = (diagnostic.data as DiagnosticData | undefined)?.suggestions;
  for (let k = 0; k < suggestions.length; k++) {
    const s = suggestions[k] as Edit;
    const old = quoted?.[k]?.old;
    if (old === undefined || old.length !== s.end - s.start || !text.startsWith(old, s.start)) return false;
  }
  return true;
}

const equal = <T>(a: T, b: T): boolean => a === b;

function sameList<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean,
) {
  // The one array (a moved finding's `expected` is its finding's): nothing to walk.
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!same(a[k] as T, b[k] as T)) return false;
  return true;
}

/** Two flat records (of strings and numbers) with the same entries. */
function sameRecord(a: object | undefined, b: object | undefined): boolean {
  // Most often the one object (a rule's readings): no walk over its keys.
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] !== y[key]) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

/** A license read for its set, how, and where in lines and columns (its offsets move). */
function sameLicense(a: ContextLicense, b: ContextLicense): boolean {
  return (
    a === b ||
    (a.set === b.set &&
      a.via === b.via &&
      a.text === b.text &&
      a.line === b.line &&
      a.column === b.column &&
      a.endLine === b.endLine &&
      a.endColumn === b.endColumn &&
      a.lang === b.lang &&
      (a.start === undefined) === (b.start === undefined) &&
      (a.end ?? 0) - (a.start ?? 0) === (b.end ?? 0) - (b.start ?? 0))
  );
}

function sameEdits(
  a: readonly Edit[] | undefined,
  aStart: number,
  b: readonly Edit[] | undefined,
  bStart: number,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!sameEdit(a[k], aStart, b[k], bStart)) return false;
  return true;
}

/** Two edits the same relative to their findings' starts. */
function sameEdit(x: Edit | undefined, xStart: number, y: Edit | undefined, yStart: number): boolean {
  if (x === undefined || y === undefined) return x === y;
  return x.text === y.text && x.start - xStart === y.start - yStart && x.end - xStart === y.end - yStart;
}
