// `consistency`: variant groups. The first variant of a group used in a document is the
// reference; every occurrence of another variant is a finding with `expected` = [the reference],
// fixable only when the rule says `fix: true`.
import { z } from 'zod';
import type { PhraseEntry, RuleBase } from '../pack/rule-parts.js';
import { lazy, phrase, ruleBase } from '../pack/schema-parts.js';
import type { DescriptionPart, RuleKind } from './kind.js';
import { consistencyFindings } from './variants.js';

const schema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z
        .literal('consistency')
        .meta({ title: 'Kind', description: 'Variant groups: the first one used wins.' }),
      fix: z.boolean().default(false).meta({
        title: 'Fix',
        description: 'Whether replacing by the reference variant is a safe autofix (default false).',
      }),
      groups: z
        .array(z.array(phrase()).min(2).meta({ title: 'Group', description: 'Variants of one wording.' }))
        .min(1)
        .meta({ title: 'Groups', description: 'Variant groups; each has at least two phrases.' }),
    })
    .meta({ title: 'Consistency rule' }),
);

export interface ConsistencyRule extends RuleBase {
  kind: 'consistency';
  fix: boolean;
  groups: PhraseEntry[][];
}

/** Compiled per rule: the group of each variant, indexed by the `item` of its phrases. */
export interface ConsistencyData {
  groupOf: number[];
}

export const consistency: RuleKind<
  'consistency',
  ReturnType<typeof schema>,
  ConsistencyRule,
  ConsistencyData
> = {
  name: 'consistency',
  get schema() {
    return schema();
  },

  check(rule, checks) {
    for (const [g, group] of rule.groups.entries()) {
      for (const [index, text] of group.entries()) checks.phrase(text, checks.at('groups', g, index));
    }
  },

  define: (rule, base) => ({
    ...base,
    kind: 'consistency',
    fix: rule.fix,
    groups: rule.groups.map((group) => group.map((phrase) => ({ phrase }))),
  }),

  describe: (def) => ({
    fixable: def.fix,
    glossary: false,
    sections: [
      {
        title: 'Variant groups',
        lines: def.groups.map((group) =>
          group.flatMap((entry, i): DescriptionPart[] => [...(i > 0 ? [' / '] : []), { code: entry.phrase }]),
        ),
      },
    ],
  }),

  compile(def, compiler) {
    const groupOf: number[] = [];
    def.groups.forEach((group, g) => {
      for (const variant of group) {
        compiler.phrase(variant, { role: 'variant', effect: 'report', item: groupOf.length });
        groupOf.push(g);
      }
    });
    return { groupOf };
  },

  findings: (input) =>
    consistencyFindings(
      input,
      input.matches.filter((m) => m.c.ref.role === 'variant'),
      (m) => String(input.data.groupOf[m.c.ref.item ?? 0]),
      (m) => m.c.ref.item ?? 0,
      { fixable: input.def.fix },
    ),
};
