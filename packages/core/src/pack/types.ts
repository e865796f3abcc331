// The normalized form of a parsed pack: what `parsePack` returns and the compiler consumes.
// The YAML accepts shorthands (a bare string term, phrase lists keyed by language); the parser
// turns them into these shapes, so the compiler never sees two spellings of one thing.
import type { Severity } from '../types.js';

export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'forbidden';

/** A phrase (with `[…]` and `{a|b}` syntax, unexpanded) and the language key it was listed under. */
export interface PhraseEntry {
  phrase: string;
  lang?: string;
}

export interface PatternEntry {
  pattern: string;
  lang?: string;
}

export interface TermEntry {
  lang: string;
  status: TermStatus;
  /** Exactly one of text / pattern. */
  text?: string;
  pattern?: string;
  use?: string;
  useHant?: string;
}

export interface InvalidExample {
  text: string;
  output?: string;
}

export interface Examples {
  valid: string[];
  invalid: InvalidExample[];
}

interface RuleBase {
  id: string;
  severity: Severity;
  message: string;
  note?: string;
  source?: string;
  url?: string;
  audiences?: Record<string, string>;
  examples: Examples;
}

export interface TermRule extends RuleBase {
  kind: 'term';
  fix: boolean;
  consistent: boolean;
  exceptions: PhraseEntry[];
  terms: TermEntry[];
}

export interface CautionRule extends RuleBase {
  kind: 'caution';
  phrases: PhraseEntry[];
  patterns: PatternEntry[];
  unless: PhraseEntry[];
}

export interface RequiresRule extends RuleBase {
  kind: 'requires';
  scope: 'sentence' | 'segment' | 'document';
  when: PhraseEntry[];
  require: PhraseEntry[];
  /** Keyed context: a `when` match in language L needs one of context[L] (if listed) in scope. */
  context: PhraseEntry[];
}

export interface ConsistencyRule extends RuleBase {
  kind: 'consistency';
  fix: boolean;
  groups: PhraseEntry[][];
}

export type RuleDefinition = TermRule | CautionRule | RequiresRule | ConsistencyRule;

export interface PackDefinition {
  pack: string;
  description?: string;
  homepage?: string;
  rules: RuleDefinition[];
}

export interface ParsedPack {
  file: string;
  definition: PackDefinition;
  /** Position in the pack file of a value, by its path from the root (`['rules', 0, 'terms']`). */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number };
}
