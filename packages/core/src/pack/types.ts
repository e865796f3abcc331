// The normalized form of a parsed pack: what `parsePack` returns and the compiler consumes. The
// parts every rule shares are in rule-parts.ts; each kind's definition is in its module
// (src/kinds/), and RuleDefinition is their union.
import type { RuleDefinition } from '../kinds/registry.js';
import type { ContextSetDef } from './context-parts.js';

export type { CautionRule } from '../kinds/caution.js';
export type { ConsistencyRule } from '../kinds/consistency.js';
export type { RuleDefinition, RuleKindName } from '../kinds/registry.js';
export type { RequiresRule } from '../kinds/requires.js';
export type { TermEntry, TermRule, TermStatus } from '../kinds/term.js';
export type { ContextCondition, ContextSetDef, Within } from './context-parts.js';
export type { Examples, InvalidExample, PatternEntry, PhraseEntry, RuleBase } from './rule-parts.js';

export interface PackDefinition {
  pack: string;
  description?: string;
  homepage?: string;
  /** Markdown for the pack's README. */
  notes?: string;
  /** Locale files by locale, as written (relative to the pack file); a loader reads and applies them. */
  locales?: Partial<Record<'zh-Hans' | 'zh-Hant' | 'ko', string>>;
  /** The pack's context sets, in the order written. */
  contexts?: ContextSetDef[];
  rules: RuleDefinition[];
}

export interface ParsedPack {
  file: string;
  definition: PackDefinition;
  /** Position in the pack file of a value, by its path from the root (`['rules', 0, 'terms']`). */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number };
  /**
   * Where each rule of `definition.rules` is in the file's `rules` (its index there), when a rule
   * of the file was left out (broken, or a duplicate id): rule `i` is at `['rules', ruleSource[i]]`.
   * Absent when every rule of the file is in `definition.rules`, at its own index.
   */
  ruleSource?: number[];
}
