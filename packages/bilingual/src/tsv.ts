// Parallel TSV: a header row, then one unit per row, one column per language (the NTREX and
// Korean-English corpora's layout). A column is a language when its header, with `_` read as `-`,
// is a tag of a language nuance checks (`en`, `zh_CN`, `zh-TW`, `ko`, `ko_north`); the others (`id`,
// `doc_id`, `split`) are not prose. Cells are taken as they are: no quoting, a tab ends a cell.
import { audienceMatches, isLanguageTag } from '@nuance/core';
import type { BilingualFile, LanguagePair } from './types.js';

const CHECKED_LANGUAGES = ['en', 'zh', 'ko'];

interface Column {
  index: number;
  lang: string;
}

function languageColumns(header: string): Column[] {
  return header.split('\t').flatMap((name, index) => {
    const lang = name.trim().replaceAll('_', '-');
    const primary = lang.split('-')[0]?.toLowerCase() ?? '';
    return isLanguageTag(lang) && CHECKED_LANGUAGES.includes(primary) ? [{ index, lang }] : [];
  });
}

/**
 * The source column: config `source-language`, else Korean when there is a Korean column, else
 * English, else the first language column.
 */
export function sourceColumn<T extends { lang: string }>(
  columns: readonly T[],
  sourceLanguage?: string,
): T | undefined {
  const wanted = sourceLanguage === undefined ? ['ko', 'en'] : [sourceLanguage];
  for (const lang of wanted) {
    const found = columns.find((c) => audienceMatches(c.lang, [lang]));
    if (found) return found;
  }
  return columns[0];
}

/** A parallel TSV file, or undefined when its header names fewer than two language columns. */
export function readParallelTsv(text: string, sourceLanguage?: string): BilingualFile | undefined {
  const lineEnd = /\r\n|\n|\r/gu;
  const firstEnd = lineEnd.exec(text);
  const columns = languageColumns(text.slice(0, firstEnd ? firstEnd.index : text.length));
  const source = sourceColumn(columns, sourceLanguage);
  if (columns.length < 2 || !source) return undefined;
  const ordered = [source, ...columns.filter((c) => c !== source)];
  const sides = ordered.map((c) => ({
    lang: c.lang,
    segments: [] as { pieces: { start: number; end: number }[] }[],
  }));
  const pairs: LanguagePair[] = ordered.slice(1).map((_, i) => ({ source: 0, target: i + 1, units: [] }));
  let at = firstEnd ? firstEnd.index + firstEnd[0].length : text.length;
  while (at < text.length) {
    const m = lineEnd.exec(text);
    const end = m ? m.index : text.length;
    const cells = cellRanges(text, at, end);
    const ids = ordered.map((column, side) => {
      const cell = cells[column.index];
      if (!cell || cell[1] === cell[0]) return undefined;
      return sides[side]!.segments.push({ pieces: [{ start: cell[0], end: cell[1] }] }) - 1;
    });
    const src = ids[0];
    if (src !== undefined) {
      pairs.forEach((pair, i) => {
        const tgt = ids[i + 1];
        if (tgt !== undefined) pair.units.push({ source: [src], target: [tgt] });
      });
    }
    at = m ? m.index + m[0].length : text.length;
  }
  return { text, sides, pairs, problems: [] };
}

function cellRanges(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let at = start;
  for (;;) {
    const tab = text.indexOf('\t', at);
    if (tab < 0 || tab >= end) {
      out.push([at, end]);
      return out;
    }
    out.push([at, tab]);
    at = tab + 1;
  }
}
