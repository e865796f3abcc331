// Every rule kind, in the order the pack schema lists them. Adding a kind: write its module (see
// kind.ts) and add it here; nothing else names a kind.

import type { z } from 'zod';
import { lazy } from '../pack/schema-parts.js';
import { caution } from './caution.js';
import { confusable } from './confusable.js';
import { consistency } from './consistency.js';
import { conditionText } from './describe.js';
import type { RuleDescription, RuleKind } from './kind.js';
import { numbers } from './numbers.js';
import { requires } from './requires.js';
import { term } from './term.js';

const KINDS = [term, caution, requires, consistency, confusable, numbers] as const;

type Kind = (typeof KINDS)[number];
export type RuleKindName = Kind['name'];
/** A rule as its kind's schema validated it, before normalization. */
export type RuleOutput = z.output<Kind['schema']>;
/** The normalized definition of a rule, one member per kind. */
export type RuleDefinition = Parameters<Kind['compile']>[0];

/** A kind as the generic code sees it: any definition in, and its own compiled data back. */
export type AnyRuleKind = RuleKind<RuleKindName, Kind['schema'], RuleDefinition, unknown>;

// Each kind's functions are type-checked against its own definition and data in its module; this
// wider view type-checks because method parameters are bivariant. The generic code only hands a
// kind what that kind validated, defined or compiled (parse.ts, compile.ts keep them together).
export const RULE_KINDS: readonly AnyRuleKind[] = KINDS;

type SchemasOf<T extends readonly unknown[]> = {
  [I in keyof T]: T[I] extends { schema: infer S } ? S : never;
};

/** The kinds' rule schemas, as the tuple the pack schema's discriminated union takes (`map`
 *  loses the tuple type, hence the cast). */
export const ruleSchemas = lazy(() => KINDS.map((kind) => kind.schema) as unknown as SchemasOf<typeof KINDS>);

export function kindOf(def: RuleDefinition): AnyRuleKind {
  const kind = RULE_KINDS.find((k) => k.name === def.kind);
  if (!kind) throw new TypeError(`Unknown rule kind \`${String(def.kind)}\``);
  return kind;
}

/** What a rule is and matches, for documentation (pack READMEs, `explain`). */
export function describeRule(def: RuleDefinition): RuleDescription {
  const description = kindOf(def).describe(def);
  if (def.context !== undefined) description.context = conditionText(def.context);
  return description;
}
