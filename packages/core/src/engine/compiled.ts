// The compiled form of rule packs: every phrase of every rule in one automaton, each automaton
// payload pointing back to what it means for its rule.
import type { PhraseAutomaton } from '../match/automaton.js';
import type { RuleDefinition, TermStatus } from '../pack/types.js';
import type { Severity } from '../types.js';
import type { RuleInfo, RuleSet } from './rule-set.js';

export type PhraseRole =
  | 'term' // a term of a `term` rule
  | 'exception' // rejects a candidate it contains
  | 'phrase' // a `caution` phrase
  | 'unless' // silences a caution in the same sentence
  | 'when'
  | 'require'
  | 'context'
  | 'variant' // a consistency variant
  | 'accept'; // config `accept`: never reported

/** What one automaton payload (or compiled pattern) means. */
export interface PhraseRef {
  /** Index into CompiledRuleSet.compiled, or -1 for `accept`. */
  rule: number;
  role: PhraseRole;
  /** The expanded literal as written in the pack (not normalized). */
  literal: string;
  lang?: string;
  /** term rules: index into the rule's terms. */
  term?: number;
  /** consistency: group and variant indexes; term rules with `consistent`: variant = term index. */
  group?: number;
  variant?: number;
  /** Latin phrase registered with its final `y` as `ie`: only an `s` may follow. */
  ies?: boolean;
}

export interface CompiledTerm {
  lang: string;
  status: TermStatus;
  /** First expanded literal (for display). */
  display: string;
  use?: string;
  useHant?: string;
}

export interface CompiledPattern {
  regex: RegExp;
  ref: PhraseRef;
}

export interface CompiledRule {
  info: RuleInfo;
  def: RuleDefinition;
  severity: Severity;
  terms: CompiledTerm[];
  /** For caution rules: the readings kept after the audience filter (undefined: all). */
  audiences?: Record<string, string>;
  /** Silenced by the audience filter (a caution without a reading for the configured audience). */
  silent: boolean;
  /** Display literals of `require` phrases, by language key ('' for unkeyed). */
  requireDisplay: Map<string, string[]>;
  /** Languages that have a keyed context list (requires rules). */
  contextLangs: Set<string>;
  hasUnkeyedContext: boolean;
}

export interface CompiledRuleSet extends RuleSet {
  readonly compiled: readonly CompiledRule[];
  readonly automaton: PhraseAutomaton;
  /** Automaton payload id -> meaning. */
  readonly refs: readonly PhraseRef[];
  readonly patterns: readonly CompiledPattern[];
  /** Automaton of short atoms (first character / first word of every literal) for hasCandidate. */
  readonly atoms: PhraseAutomaton;
}
