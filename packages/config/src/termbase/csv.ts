/// <reference types="node" />
// CSV and TSV glossaries -> Termbase, with csv-parse: a header row, then a concept per row (rows
// sharing an `id` are one concept). A column is a language tag, or `id`, `status`, `note`,
// `context` or `domain` (README: Termbases as packs). A row the parser refuses is reported and
// skipped, and parsing resumes on the next line.
import { createLineIndex, isLanguageTag, type LineIndex, type Problem, TERM_STATUSES } from '@nuance/core';
import { CsvError, parse } from 'csv-parse/sync';
import {
  type Position,
  TBX_STATUS_VALUES,
  type Termbase,
  type TermbaseConcept,
  tbxStatus,
  termbaseProblem,
} from './model.js';

type Field = 'id' | 'status' | 'note' | 'context' | 'domain';

const FIELD_NAMES: Readonly<Record<string, Field>> = {
  id: 'id',
  conceptid: 'id',
  concept: 'id',
  entryid: 'id',
  status: 'status',
  termstatus: 'status',
  administrativestatus: 'status',
  note: 'note',
  notes: 'note',
  definition: 'note',
  description: 'note',
  comment: 'note',
  comments: 'note',
  context: 'context',
  domain: 'domain',
  subject: 'domain',
  subjectfield: 'domain',
};

type Column = { field: Field } | { lang: string } | undefined;

interface Cell {
  value: string;
  /** Offset of the value's first character in the file. */
  start: number;
  verbatim: boolean;
}

/** At most this many rows the parser refuses are reported, one by one; then the file is given up. */
const MAX_BAD_ROWS = 100;

export function readCsv(text: string, file: string, tsv: boolean): Termbase {
  const lines = createLineIndex(text);
  const problems: Problem[] = [];
  const records = parseRecords(text, tsv, lines, (p) => problems.push({ ...p, file }));
  const format = tsv ? 'TSV' : 'CSV';
  const header = records.shift();
  const position = (offset: number) => lines.position(offset);
  if (!header) return { file, format, concepts: [], problems, position };
  const columns = header.map((cell) => columnOf(cell, lines, file, problems));
  const concepts: TermbaseConcept[] = [];
  const byId = new Map<string, TermbaseConcept>();
  for (const row of records) {
    const rowStart = row[0]?.start ?? 0;
    const rowAt = lines.position(rowStart);
    const get = (field: Field) => row.find((_, i) => fieldOf(columns[i]) === field);
    const id = get('id')?.value.trim() ?? '';
    let concept = id !== '' ? byId.get(id) : undefined;
    const first = concept === undefined;
    if (!concept) {
      concept = { offset: rowStart, label: `row on line ${rowAt.line}`, notes: [], subjects: [], terms: [] };
      if (id !== '') {
        concept.id = id;
        concept.label = `concept \`${id}\` (line ${rowAt.line})`;
        byId.set(id, concept);
      }
      concepts.push(concept);
    }
    addRow(concept, row, columns, first, { lines, file, problems });
  }
  return { file, format, concepts, problems, position };
}

interface RowContext {
  lines: LineIndex;
  file: string;
  problems: Problem[];
}

function addRow(
  concept: TermbaseConcept,
  row: Cell[],
  columns: Column[],
  first: boolean,
  { lines, file, problems }: RowContext,
): void {
  const cell = (field: Field) => row.find((_, i) => fieldOf(columns[i]) === field);
  const note = cell('note')?.value.trim() ?? '';
  const context = cell('context')?.value.trim() ?? '';
  const domain = cell('domain')?.value.trim() ?? '';
  if (domain !== '' && !concept.subjects.includes(domain)) {
    concept.subjects.push(domain);
    concept.notes.push(`Subject field: ${domain}`);
  }
  const statusCell = cell('status');
  const status = csvStatus(statusCell?.value ?? '');
  if (status === undefined && statusCell) {
    const expected = [...new Set([...TERM_STATUSES, ...TBX_STATUS_VALUES])].map((v) => `\`${v}\``).join(', ');
    problems.push(
      termbaseProblem(
        file,
        'invalid-value',
        `Unexpected value \`${statusCell.value.trim()}\` in column \`status\`, expected ${expected}; the row's terms are dropped`,
        lines.position(statusCell.start),
      ),
    );
    return;
  }
  const termNotes = [
    ...(first || note === '' ? [] : [note]),
    ...(context === '' ? [] : [`Context: ${context}`]),
  ];
  if (first && note !== '') concept.notes.push(note);
  row.forEach((c, i) => {
    const column = columns[i];
    if (!column || !('lang' in column)) return;
    for (const piece of splitTerms(c)) {
      concept.terms.push({
        lang: column.lang,
        text: piece.text,
        status: status ?? 'preferred',
        offset: piece.start,
        verbatim: c.verbatim,
        notes: termNotes,
      });
    }
  });
}

/** Several terms in one cell are separated by ` | ` (CLDR's and many glossaries' convention). */
function splitTerms(cell: Cell): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (const part of cell.value.split(' | ')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text !== '') out.push({ text, start: cell.start + (cell.verbatim ? from + lead : 0) });
    from += part.length + 3;
  }
  return out;
}

function csvStatus(value: string): (typeof TERM_STATUSES)[number] | undefined {
  const v = value.trim();
  if (v === '') return 'preferred';
  const own = TERM_STATUSES.find((s) => s === v.toLowerCase());
  if (own) return own;
  const tbx = TBX_STATUS_VALUES.find((s) => s.toLowerCase() === v.toLowerCase());
  return tbx === undefined ? undefined : tbxStatus(tbx);
}

function fieldOf(column: Column): Field | undefined {
  return column && 'field' in column ? column.field : undefined;
}

function columnOf(cell: Cell, lines: LineIndex, file: string, problems: Problem[]): Column {
  const name = cell.value.trim();
  const field = FIELD_NAMES[name.toLowerCase().replace(/[\s_-]+/g, '')];
  if (field) return { field };
  const tag = name.replace(/_/g, '-');
  if (isLanguageTag(tag)) return { lang: tag };
  problems.push(
    termbaseProblem(
      file,
      'unknown-key',
      `Unknown column \`${name}\`, expected a language tag (\`en\`, \`zh-Hans\`) or \`id\`, \`status\`, \`note\`, \`context\` or \`domain\`; it is ignored`,
      lines.position(cell.start),
      'warning',
    ),
  );
  return undefined;
}

/** Every record's cells with their offsets; a record the parser refuses is reported and skipped. */
function parseRecords(
  text: string,
  tsv: boolean,
  lines: LineIndex,
  report: (problem: Omit<Problem, 'file'>) => void,
): Cell[][] {
  const quote = tsv ? false : '"';
  const records: Cell[][] = [];
  let base = 0;
  for (let bad = 0; base < text.length; ) {
    let offset = base;
    const rest = text.slice(base);
    const bytes = Buffer.from(rest);
    let byteOffset = 0;
    try {
      parse(bytes, {
        delimiter: tsv ? '\t' : ',',
        quote,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (found) => {
          // With `info: true` each record comes with the UTF-8 bytes read through its end.
          const { record, info } = found as unknown as { record: string[]; info: { bytes: number } };
          records.push(cellsOf(record, text, skipBreaks(text, offset), tsv));
          offset += utf16Length(bytes, byteOffset, info.bytes);
          byteOffset = info.bytes;
          return null;
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const start = skipBreaks(text, offset);
      const at: Position = lines.position(start);
      const reason = error.message.replace(/ at line \d+/, '');
      const last = ++bad >= MAX_BAD_ROWS;
      const tail = last
        ? `; ${MAX_BAD_ROWS} bad rows, the rest of the file is not read`
        : '; the row is dropped';
      report({
        code: 'csv-syntax',
        message: `Bad ${tsv ? 'TSV' : 'CSV'}: ${reason}${tail}`,
        ...at,
        severity: 'error',
      });
      if (last) break;
      base = lines.lineStart(at.line + 1);
      if (at.line + 1 > lines.lineCount) break;
    }
  }
  return records;
}

function skipBreaks(text: string, offset: number): number {
  let i = offset;
  while (text[i] === '\n' || text[i] === '\r') i++;
  return i;
}

/** The UTF-16 length of the UTF-8 bytes `[from, to)`: one unit per lead byte, two for a 4-byte one. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i] ?? 0;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** The cells of the record the parser read at `start` in `text`, placed there: fields in order,
 *  one delimiter apart, a quoted one spelled with its quotes doubled. */
function cellsOf(record: string[], text: string, start: number, tsv: boolean): Cell[] {
  let pos = start;
  return record.map((value) => {
    let cellStart = pos;
    let width = value.length;
    let verbatim = !/[\r\n]/.test(value);
    if (!tsv && text[pos] === '"') {
      cellStart += 1;
      const quotes = value.split('"').length - 1;
      width = value.length + quotes + 2;
      verbatim &&= quotes === 0;
    }
    pos += width + 1;
    return { value, start: cellStart, verbatim };
  });
}
