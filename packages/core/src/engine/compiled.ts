// The compiled form of rule packs: every phrase of every rule in one automaton (phrase-ref.ts),
// and per rule the kind's findings bound to what the kind compiled for it.

import type { PhraseAutomaton } from '../match/automaton.js';
import type { Finding } from '../types.js';
import type { RuleMatch } from './candidates.js';
import type { CompiledCondition, CompiledContextSet } from './context.js';
import type { DocContext } from './finding.js';
import type { PhraseIndex } from './phrase-ref.js';
import type { RuleSet } from './rule-set.js';

export interface CompiledRule {
  /** The findings of this rule from its candidates in one document (document order). */
  findings(doc: DocContext, matches: RuleMatch[]): Finding[];
  /** The rule's context condition: index into `conditions`. */
  condition?: number;
}

export interface CompiledRuleSet extends RuleSet, PhraseIndex {
  /** Indexed by PhraseRef.rule. */
  readonly compiled: readonly CompiledRule[];
  /** The literal starts of the reporting patterns (patternAtom), for the pre-check (RawScanner). */
  readonly patternAtoms?: PhraseAutomaton;
  /** A reporting pattern has no literal start: every text may hold a candidate. */
  readonly unanchoredPattern: boolean;
  /** Some phrase the pre-check looks for starts or ends with a hyphen (RawScanner.edgeHyphen). */
  readonly edgeHyphen: boolean;
  readonly contextSets: readonly CompiledContextSet[];
  /** Compiled context conditions (each a list that must all hold), by PhraseRef/CompiledRule index. */
  readonly conditions: readonly (readonly CompiledCondition[])[];
}
