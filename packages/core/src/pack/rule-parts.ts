// The normalized parts every rule kind shares, and the helpers that normalize the phrase lists an
// author may write plain or keyed by language. The YAML accepts shorthands; the parser turns them
// into these shapes, so the compiler never sees two spellings of one thing.
import type { RuleLocales } from '../i18n/rule-texts.js';
import type { Severity } from '../types.js';
import type { YamlPath } from './yaml-source.js';

/** A phrase (with `[…]` and `{a|b}` syntax, unexpanded) and the language key it was listed under. */
export interface PhraseEntry {
  phrase: string;
  lang?: string;
}

export interface PatternEntry {
  pattern: string;
  lang?: string;
}

export interface InvalidExample {
  text: string;
  output?: string;
}

export interface Examples {
  valid: string[];
  invalid: InvalidExample[];
}

export type Within = 'sentence' | 'paragraph' | 'structure' | 'document' | number;

export interface ContextCondition {
  sets: string[];
  within: Within[];
}

/** The fields of every normalized rule; each kind adds `kind` and its own fields. */
export interface RuleBase {
  id: string;
  severity: Severity;
  message: string;
  /** One line: what the rule asks for (`rules list`, the pack README). */
  description?: string;
  note?: string;
  /** The rule's texts in the other locales (from the pack's locale files); English is the above. */
  locales?: RuleLocales;
  source?: string;
  url?: string;
  audiences?: Record<string, string>;
  /** Context conditions that must all hold for the rule to apply (DESIGN: context conditions). */
  context?: ContextCondition[];
  examples: Examples;
}

/** A list as written: plain, or keyed by language. */
export type KeyedList<T = string> = T[] | Record<string, T[]>;

export function phraseEntries(list: KeyedList | undefined): PhraseEntry[] {
  if (list === undefined) return [];
  if (Array.isArray(list)) return list.map((phrase) => ({ phrase }));
  return Object.entries(list).flatMap(([lang, phrases]) => phrases.map((phrase) => ({ phrase, lang })));
}

export function patternEntries(list: KeyedList | undefined): PatternEntry[] {
  return phraseEntries(list).map(({ phrase, lang }) =>
    lang === undefined ? { pattern: phrase } : { pattern: phrase, lang },
  );
}

/** The items of a plain or keyed list with their paths in the pack file. */
export function listItems(list: KeyedList | undefined, where: YamlPath): [string, YamlPath][] {
  if (list === undefined) return [];
  if (Array.isArray(list)) return list.map((text, index) => [text, [...where, index]]);
  return Object.entries(list).flatMap(([lang, items]) =>
    items.map((text, index): [string, YamlPath] => [text, [...where, lang, index]]),
  );
}

/** `{key: value}`, or nothing when the value is absent (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
