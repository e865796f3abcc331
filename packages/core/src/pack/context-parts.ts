// Context sets and context conditions (DESIGN: context conditions): a pack names sets of phrases
// that mention a party (`korea`: South Korea, 韩国, 한국...), and a rule (or one term of a term
// rule) says which sets must be mentioned, and where, for it to apply. This module holds their
// schema parts and normalized shapes; the compiler (engine/compile.ts) and the evaluator
// (engine/context.ts) do the rest.
import type { z } from 'zod';
import {
  type ContextCondition,
  type KeyedList,
  type PhraseEntry,
  phraseEntries,
  type Within,
} from './rule-parts.js';

export type { ContextCondition, Within };

import type { contextSetSchema, ruleContextSchema } from './schema-parts.js';

export interface ContextSetDef {
  name: string;
  description?: string;
  phrases: PhraseEntry[];
  not: PhraseEntry[];
  lang: string[];
}

export const DEFAULT_WITHIN: readonly Within[] = ['paragraph', 'document'];

export function contextConditions(
  written: z.output<ReturnType<typeof ruleContextSchema>> | undefined,
): ContextCondition[] | undefined {
  if (written === undefined) return undefined;
  const list = Array.isArray(written) ? written : [written];
  return list.map((c) => ({
    sets: [...c.sets],
    within:
      c.within === undefined ? [...DEFAULT_WITHIN] : Array.isArray(c.within) ? [...c.within] : [c.within],
  }));
}

export function contextSetDef(
  name: string,
  written: z.output<ReturnType<typeof contextSetSchema>>,
): ContextSetDef {
  const def: ContextSetDef = {
    name,
    phrases: phraseEntries(written.phrases as KeyedList),
    not: phraseEntries(written.not as KeyedList | undefined),
    lang: [...(written.lang ?? [])],
  };
  if (written.description !== undefined) def.description = written.description;
  return def;
}
