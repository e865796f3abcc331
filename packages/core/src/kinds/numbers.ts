// `numbers`: numbers, amounts and dates that differ between a source and its translation (see
// src/bilingual/numbers.ts for what counts as the same value: 3억 = 300 million, 1.5万亿 = 1.5
// trillion, 2025年6月24日 = 24 June 2025). It gives no monolingual finding.
import { z } from 'zod';
import type { RuleBase } from '../pack/rule-parts.js';
import { lazy, ruleBase } from '../pack/schema-parts.js';
import type { RuleKind } from './kind.js';

const schema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z.literal('numbers').meta({
        title: 'Kind',
        description:
          'Numbers, amounts and dates that differ between source and target (bilingual checks only).',
      }),
    })
    .meta({ title: 'Numbers rule' }),
);

export interface NumbersRule extends RuleBase {
  kind: 'numbers';
}

export const numbers: RuleKind<'numbers', ReturnType<typeof schema>, NumbersRule, undefined> = {
  name: 'numbers',
  get schema() {
    return schema();
  },
  check() {},
  define: (_rule, base) => ({ ...base, kind: 'numbers' }),
  describe: () => ({
    fixable: false,
    glossary: false,
    detail: 'bilingual',
    sections: [
      {
        title: 'Numbers, amounts and dates',
        lines: [
          [
            'Digits with their units, in every language: ',
            { code: '3억' },
            ' = ',
            { code: '300 million' },
            ', ',
            { code: '1.5万亿' },
            ' = ',
            { code: '1.5 trillion' },
          ],
          [
            'Dates: ',
            { code: '2025年6月24日' },
            ' = ',
            { code: '2025년 6월 24일' },
            ' = ',
            { code: '24 June 2025' },
          ],
        ],
        footer:
          'Checked in bilingual files (XLIFF, release sets, parallel TSV): a value of the target that the source ' +
          'does not have, or one of the source that the target lacks, is a finding.',
      },
    ],
  }),
  compile: () => undefined,
  findings: () => [],
};
