// A termbase as read from a TBX or CSV file, before it becomes a pack: concepts with their terms,
// notes and positions in the file. tbx.ts and csv.ts make it; to-pack.ts turns it into term rules.
import {
  createLineIndex,
  isJsSpace,
  type LineIndex,
  type Problem,
  type ProblemCode,
  type TermStatus,
} from '@nuance/core';

export interface Position {
  line: number;
  column: number;
}

export interface TermbaseTerm {
  lang: string;
  text: string;
  status: TermStatus;
  /** Where the term's text starts: an offset in the file (Termbase.position places it). */
  offset: number;
  /** The text is spelled out verbatim on one line there (no entity, no quoting): character `i`
   *  of it is `i` columns after its start. */
  verbatim: boolean;
  /** The term's own notes, definitions and contexts. */
  notes: readonly string[];
}

export interface TermbaseConcept {
  /** As written in the file; undefined without one. */
  id?: string;
  /** Offset in the file of the concept's element or first row. */
  offset: number;
  /** How messages name it: `<termEntry id="x">`, `row 5`. */
  label: string;
  /** Definitions, notes and the subject field, at concept and language level, in file order. */
  notes: string[];
  /** Its subject fields (TBX `subjectField`, a CSV `domain` column), as written. */
  subjects: string[];
  terms: TermbaseTerm[];
}

export interface Termbase {
  file: string;
  /** The file's format, for messages and `source` (`TBX`, `CSV`, `TSV`). */
  format: string;
  concepts: TermbaseConcept[];
  problems: Problem[];
  /** The line and column of an offset in the file. */
  position(offset: number): Position;
}

/** `position` for a termbase's text: its line index is made at the first call, as a file that
 *  loads cleanly places nothing (for a 10,000-concept TBX, the index was 5% of loading it). */
export function positionsIn(text: string): (offset: number) => Position {
  let lines: LineIndex | undefined;
  return (offset) => {
    lines ??= createLineIndex(text);
    return lines.position(offset);
  };
}

export function termbaseProblem(
  file: string,
  code: ProblemCode,
  message: string,
  at: Position,
  severity: Problem['severity'] = 'error',
): Problem {
  return { code, message, file, line: at.line, column: at.column, severity };
}

const STATUS_WORDS: Readonly<Record<string, TermStatus>> = {
  preferredTerm: 'preferred',
  admittedTerm: 'admitted',
  deprecatedTerm: 'deprecated',
  supersededTerm: 'deprecated',
};

const TBX_MIN: Readonly<Record<string, TermStatus>> = {
  preferred: 'preferred',
  admitted: 'admitted',
  notRecommended: 'deprecated',
  obsolete: 'deprecated',
};

/** The TBX statuses a termbase may give, as written (`preferredTerm-admn-sts`, TBX-Min `preferred`). */
export const TBX_STATUS_VALUES: readonly string[] = [
  ...Object.keys(STATUS_WORDS).map((w) => `${w}-admn-sts`),
  ...Object.keys(TBX_MIN),
];

const BY_VALUE: ReadonlyMap<string, TermStatus> = new Map([
  ...Object.entries(STATUS_WORDS).map(([word, status]): [string, TermStatus] => [`${word}-admn-sts`, status]),
  ...Object.entries(TBX_MIN),
]);

/** A TBX status value spelled exactly as the standard does, as nuance's status; else undefined. */
export function exactTbxStatus(value: string): TermStatus | undefined {
  return BY_VALUE.get(value);
}

/** A TBX status value (exactly as the standard spells it) as nuance's status; undefined if unknown. */
export function tbxStatus(value: string): TermStatus | undefined {
  const exact = BY_VALUE.get(value);
  if (exact !== undefined) return exact;
  const v = value.trim();
  if (v.endsWith('-admn-sts')) return STATUS_WORDS[v.slice(0, -'-admn-sts'.length)];
  return TBX_MIN[v];
}

/** The TBX status value written for nuance's status (export). `forbidden` has none closer than deprecated. */
export function tbxStatusValue(status: TermStatus): string {
  return status === 'forbidden' ? 'deprecatedTerm-admn-sts' : `${status}Term-admn-sts`;
}

/** Collapses runs of whitespace (XML content is often wrapped). */
export function squash(text: string): string {
  return squashable(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Whether squash changes `text`: whitespace at an end, two in a row, or a tab or line break (what
 * `/^\s|\s$|\s\s|[\t\n\r]/` finds). A loop, not that expression: it runs on every term and value
 * of a termbase, and the expression cost an allocation at each.
 */
function squashable(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isJsSpace(text.charCodeAt(0)) || isJsSpace(text.charCodeAt(n - 1))) return true;
  let previous = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII but the space, and CJK (past U+3000), are never a space: most units are.
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) {
      previous = false;
      continue;
    }
    if (c === 9 || c === 10 || c === 13) return true;
    const space = isJsSpace(c);
    if (space && previous) return true;
    previous = space;
  }
  return false;
}
