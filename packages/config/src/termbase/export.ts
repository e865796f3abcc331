// `nuance export --format tbx|csv|tsv PACK`: a pack's term rules written back out for
// translators' tools, the README's mapping read the other way. TBX is TBX-Basic v2 (`martif`),
// what most tools import; CSV and TSV have an `id` and a `status` column, a column per language
// and a `note` column, one row per concept and status (rows sharing an id are one concept).
import { expandPhrase, type PackDefinition, type TermRule, type TermStatus } from '@nuance/core';
import { stringify } from 'csv-stringify/sync';
import { tbxStatusValue } from './model.js';

export type ExportFormat = 'tbx' | 'csv' | 'tsv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['tbx', 'csv', 'tsv'];

export interface ExportedPack {
  text: string;
  /** Term rules written, and the rules of other kinds (or terms given as patterns) left out. */
  concepts: number;
  skipped: string[];
}

interface ExportTerm {
  lang: string;
  text: string;
  status: TermStatus;
}

interface ExportConcept {
  id: string;
  note?: string;
  terms: ExportTerm[];
}

export function exportPack(pack: PackDefinition, format: ExportFormat): ExportedPack {
  const skipped: string[] = [];
  const concepts: ExportConcept[] = [];
  for (const rule of pack.rules) {
    if (rule.kind !== 'term') {
      skipped.push(`${rule.id} (a \`${rule.kind}\` rule)`);
      continue;
    }
    const concept = conceptOf(rule, pack.pack);
    if (concept.terms.length < rule.terms.length) skipped.push(`${rule.id}: its patterns`);
    if (concept.terms.length > 0) concepts.push(concept);
  }
  const text = format === 'tbx' ? toTbx(pack, concepts) : toTable(concepts, format === 'tsv');
  return { text, concepts: concepts.length, skipped };
}

function conceptOf(rule: TermRule, pack: string): ExportConcept {
  const terms: ExportTerm[] = [];
  for (const t of rule.terms) {
    if (t.text === undefined) continue;
    // A term limited to a script says so in its tag, as a termbase does.
    const lang =
      t.script !== undefined && !/-(?:hans|hant)\b/i.test(t.lang)
        ? `${t.lang}-${t.script === 'hans' ? 'Hans' : 'Hant'}`
        : t.lang;
    for (const literal of expandPhrase(t.text)) terms.push({ lang, text: literal, status: t.status });
  }
  const id = rule.id.startsWith(`${pack}/`) ? rule.id.slice(pack.length + 1) : rule.id;
  return rule.note !== undefined ? { id, note: rule.note, terms } : { id, terms };
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toTbx(pack: PackDefinition, concepts: ExportConcept[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="en">',
    `  <martifHeader><fileDesc><sourceDesc><p>${xml(`nuance pack ${pack.pack}${pack.description ? `: ${pack.description}` : ''}`)}</p></sourceDesc></fileDesc></martifHeader>`,
    '  <text>',
    '    <body>',
  ];
  for (const c of concepts) {
    out.push(`      <termEntry id="${xml(c.id)}">`);
    if (c.note !== undefined) out.push(`        <note>${xml(c.note)}</note>`);
    for (const [lang, terms] of grouped(c.terms)) {
      out.push(`        <langSet xml:lang="${xml(lang)}">`);
      for (const t of terms) {
        out.push(
          `          <tig><term>${xml(t.text)}</term><termNote type="administrativeStatus">${tbxStatusValue(t.status)}</termNote></tig>`,
        );
      }
      out.push('        </langSet>');
    }
    out.push('      </termEntry>');
  }
  out.push('    </body>', '  </text>', '</martif>', '');
  return out.join('\n');
}

function grouped(terms: ExportTerm[]): Map<string, ExportTerm[]> {
  const out = new Map<string, ExportTerm[]>();
  for (const t of terms) out.set(t.lang, [...(out.get(t.lang) ?? []), t]);
  return out;
}

const STATUS_ORDER: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'forbidden'];

function toTable(concepts: ExportConcept[], tsv: boolean): string {
  const langs = [...new Set(concepts.flatMap((c) => c.terms.map((t) => t.lang)))];
  const clean = (text: string) => (tsv ? text.replace(/[\t\r\n]+/g, ' ') : text);
  const rows: string[][] = [['id', 'status', ...langs, 'note']];
  for (const c of concepts) {
    let first = true;
    for (const status of STATUS_ORDER) {
      const terms = c.terms.filter((t) => t.status === status);
      if (terms.length === 0) continue;
      const cells = langs.map((lang) =>
        terms
          .filter((t) => t.lang === lang)
          .map((t) => clean(t.text))
          .join(' | '),
      );
      rows.push([c.id, status, ...cells, first ? clean(c.note ?? '') : '']);
      first = false;
    }
  }
  return stringify(
    rows,
    tsv ? { delimiter: '\t', quote: false, record_delimiter: '\n' } : { record_delimiter: '\n' },
  );
}
