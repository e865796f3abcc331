// What one automaton payload (or compiled pattern) means. Its `role` is the rule kind's own word
// for what the phrase does in its rule; its `effect` is the little the generic matcher must know.
import type { PhraseAutomaton } from '../match/automaton.js';

/**
 * - `report`: a match can give a finding by itself: its boundaries are checked, a `block` match
 *   that contains it rejects it, and it goes into the `hasCandidate` pre-check;
 * - `context`: its boundaries are checked and nothing rejects it; the kind reads it (an `unless`,
 *   `require` or `context` phrase);
 * - `block`: rejects the `report` matches of its rule that it contains (a term rule's
 *   `exceptions`), or of every rule (config `accept`, rule -1); it never reaches a kind.
 */
export type PhraseEffect = 'report' | 'context' | 'block';

export interface PhraseRef {
  /** Index into CompiledRuleSet.compiled; -1 for config `accept`, -2 for a context set's phrase. */
  rule: number;
  role: string;
  effect: PhraseEffect;
  /** The expanded literal as written in the pack (not normalized). */
  literal: string;
  lang?: string;
  /** The kind's own index for this phrase (a term of a `term` rule, a `consistency` variant). */
  item?: number;
  /** Latin phrase registered with its final `y` as `ie`: only an `s` may follow. */
  ies?: boolean;
  /** A context set's phrase (rule -2): index into CompiledRuleSet.contextSets. A `context` effect
   *  is a mention; a `block` one (the set's `not`) rejects the set's mentions it contains. */
  set?: number;
  /** The phrase's own context condition (a term's), over its rule's: index into `conditions`. */
  condition?: number;
  /** A Chinese term limited to one script: a match holding a character only the other script
   *  writes (and the literal does not) is no candidate (韓國 never matches 韩国). */
  script?: 'hans' | 'hant';
  /**
   * A match of the phrase decides no finding by itself (its kind's `precheck` is false: a term
   * rule's preferred and admitted terms, unless the rule is `consistent`), so the pre-check does not
   * look for it (prefilter.ts), and a rule whose matches in a text are all quiet is not asked for
   * findings there (lint.ts): its record is not even read from a serialized rule set.
   */
  quiet?: true;
}

/** Whether the phrase is a context set's mention (rule -2, effect `context`), not its `not`. */
export function isMention(ref: PhraseRef): boolean {
  return ref.set !== undefined && ref.effect === 'context';
}

export interface CompiledPattern {
  regex: RegExp;
  ref: PhraseRef;
  /** What every match starts with in the view (pattern-atom.ts): without it, no match. */
  atom?: string;
}

/**
 * A rule set's phrase references by automaton payload id: an array's when compiled, made one by
 * one when first asked for when read from bytes (serial-refs.ts: a 10,000-term pack has 20,000,
 * and a run asks for the few hundred its text holds).
 */
export interface PhraseRefs {
  readonly length: number;
  at(id: number): PhraseRef | undefined;
  /** The references of `effect`, by id. */
  withEffect(effect: PhraseEffect): PhraseRef[];
  /** Every reference, by id. */
  all(): readonly PhraseRef[];
}

/** The references of an array. */
export function arrayRefs(refs: readonly PhraseRef[]): PhraseRefs {
  return {
    length: refs.length,
    at: (id) => refs[id],
    withEffect: (effect) => refs.filter((ref) => ref.effect === effect),
    all: () => refs,
  };
}

/** Every phrase and pattern of a rule set, as the scanner runs them. */
export interface PhraseIndex {
  readonly automaton: PhraseAutomaton;
  /** Automaton payload id -> meaning. */
  readonly refs: PhraseRefs;
  readonly patterns: readonly CompiledPattern[];
  /** The patterns' atoms, when every pattern has one (the scan passes over text holding none). */
  readonly patternAtoms?: PhraseAutomaton;
}
