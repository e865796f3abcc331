import type { Finding } from '../../types.js';
import type { Candidate, SegmentState } from '../candidates.js';
import type { CompiledRule } from '../compiled.js';
import type { DocContext } from '../finding.js';

/** Candidates of one rule, in document order, with the segment each came from. */
export interface RuleMatch {
  seg: SegmentState;
  c: Candidate;
}

export interface KindInput {
  doc: DocContext;
  rule: CompiledRule;
  /** This rule's candidates across the document, in document order. */
  matches: RuleMatch[];
}

export type KindChecker = (input: KindInput) => Finding[];
