// Helpers for the kinds' `describe`: the lists every kind documents the same way.
import type { PatternEntry, PhraseEntry } from '../pack/rule-parts.js';
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
