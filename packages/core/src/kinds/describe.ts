// Helpers for the kinds' `describe`: the lists every kind documents the same way.
import type { ContextCondition, PatternEntry, PhraseEntry, Within } from '../pack/rule-parts.js';
import type { DescriptionPart, RuleDescription } from './kind.js';

type Section = RuleDescription['sections'][number];

function langParts(lang: string | undefined): DescriptionPart[] {
  return lang === undefined ? [] : [{ code: lang }, ' '];
}

/** A titled list of phrases (`en` `mutual respect`); none when the list is empty. */
export function phraseSection(title: string, entries: readonly PhraseEntry[]): Section[] {
  if (entries.length === 0) return [];
  return [{ title, lines: entries.map((e) => [...langParts(e.lang), { code: e.phrase }]) }];
}

/** A titled list of patterns, shown as `/…/`. */
export function patternSection(title: string, entries: readonly PatternEntry[]): Section[] {
  if (entries.length === 0) return [];
  return [{ title, lines: entries.map((p) => [...langParts(p.lang), { code: `/${p.pattern}/` }]) }];
}

export { langParts };

const PLACES: Record<string, string> = {
  sentence: 'the sentence',
  paragraph: 'the paragraph (with its heading, list lead-in or table row)',
  structure: "the paragraph's heading, list lead-in or table row",
  document: 'the document head (front matter, title, first paragraph)',
};

function place(w: Within): string {
  return typeof w === 'number' ? `${w} sentence${w === 1 ? '' : 's'} around it` : (PLACES[w] ?? w);
}

function orWords(items: readonly string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** A condition list in words: `korea and china named in the sentence or the document head`. */
export function conditionText(conditions: readonly ContextCondition[]): string {
  return conditions
    .map(
      (c) =>
        `${orWords(
          c.sets.map((s) => `\`${s}\``),
          'and',
        )} named in ${orWords(c.within.map(place), 'or')}`,
    )
    .join('; and ');
}
