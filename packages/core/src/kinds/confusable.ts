// `confusable`: a declared set of concepts (`term` rules) that a translation must not swap, such
// as "denuclearization of the Korean Peninsula" and "denuclearization of North Korea". It gives no
// monolingual finding: in a bilingual unit (see src/bilingual/), a target that renders a source
// concept of the set with a term of another concept of the set is a finding of this rule, on that
// term, with the source concept's target terms as `expected`.
import { z } from 'zod';
import type { RuleBase } from '../pack/rule-parts.js';
import { lazy, RULE_ID_PATTERN, ruleBase } from '../pack/schema-parts.js';
import type { RuleKind } from './kind.js';

const schema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z.literal('confusable').meta({
        title: 'Kind',
        description: 'Concepts a translation must not swap (bilingual checks only).',
      }),
      concepts: z
        .array(z.string().regex(RULE_ID_PATTERN, { error: 'a rule id `<pack>/<name>`' }))
        .min(2)
        .meta({
          title: 'Concepts',
          description:
            'The ids of the `term` rules (concepts) of the set, from any loaded pack. The message may use ' +
            '`{source}` (the source term), `{actual}` (the target term) and `{expected}`.',
        }),
    })
    .meta({ title: 'Confusable rule' }),
);

export interface ConfusableRule extends RuleBase {
  kind: 'confusable';
  concepts: string[];
}

export const confusable: RuleKind<'confusable', ReturnType<typeof schema>, ConfusableRule, undefined> = {
  name: 'confusable',
  placeholders: ['source'],
  get schema() {
    return schema();
  },
  check() {},
  define: (rule, base) => ({ ...base, kind: 'confusable', concepts: rule.concepts }),
  describe: (def) => ({
    fixable: false,
    glossary: false,
    detail: 'bilingual',
    sections: [
      {
        title: 'Concepts a translation must not swap',
        lines: def.concepts.map((id) => [{ code: id }]),
        footer:
          'Checked in bilingual files (XLIFF, release sets, parallel TSV): a target term of one concept for a ' +
          'source term of another is a finding.',
      },
    ],
  }),
  compile: () => undefined,
  findings: () => [],
};
