// The compiled form of rule packs: every phrase of every rule in one automaton (phrase-ref.ts),
// and per rule the kind's findings bound to what the kind compiled for it.

import type { RuleDefinition } from '../kinds/registry.js';
import type { PhraseAutomaton } from '../match/automaton.js';
import type { Finding } from '../types.js';
import type { RuleMatch } from './candidates.js';
import type { CompiledCondition, CompiledContextSet } from './context.js';
import type { DocContext, FindingRule } from './finding.js';
import type { PhraseIndex } from './phrase-ref.js';
import type { RuleSet } from './rule-set.js';

/** What a compiled rule is made from, all of it data (serialize.ts keeps it). */
export interface CompiledRuleSource {
  def: RuleDefinition;
  /** What its findings carry: the effective severity, the readings the audience keeps. */
  rule: FindingRule;
  /** An audience filter is configured and keeps none of the rule's readings. */
  noAudienceReading: boolean;
  /** The rule's context condition: index into `conditions`. */
  condition?: number;
}

export interface CompiledRule {
  readonly source: CompiledRuleSource;
  /** What the rule's kind compiled for it (`kind.compile`), which its findings read. */
  readonly data: unknown;
  /** The findings of this rule from its candidates in one document (document order). */
  findings(doc: DocContext, matches: RuleMatch[]): Finding[];
  /** The rule's context condition: index into `conditions`. */
  readonly condition?: number | undefined;
}

export interface CompiledRuleSet extends RuleSet, PhraseIndex {
  /** Indexed by PhraseRef.rule. */
  readonly compiled: readonly CompiledRule[];
  /** The configured audiences (config `audience`), if any. */
  readonly audience?: readonly string[];
  /** The configured locale (`--locale`, config `locale`), over each document's own. */
  readonly locale?: string;
  /** The locale of a document whose language is unknown (an editor's UI locale). */
  readonly fallbackLocale?: string;
  /** The atoms (a literal every match holds) of the reporting patterns (patternAtom), for the pre-check (RawScanner). */
  readonly patternAtoms?: PhraseAutomaton;
  /** A reporting pattern has no atom: every text may hold a candidate. */
  readonly unanchoredPattern: boolean;
  /** Some phrase the pre-check looks for starts or ends with a hyphen (RawScanner.edgeHyphen). */
  readonly edgeHyphen: boolean;
  readonly contextSets: readonly CompiledContextSet[];
  /** Compiled context conditions (each a list that must all hold), by PhraseRef/CompiledRule index. */
  readonly conditions: readonly (readonly CompiledCondition[])[];
  /** `segmentReach`, when known without reading every rule (a rule set read from bytes). */
  readonly reach?: number;
}
