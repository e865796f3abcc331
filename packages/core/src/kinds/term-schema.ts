// The schema of a `term` rule as written (kinds/term.ts normalizes and compiles it).
import { z } from 'zod';
import {
  keyedOrPlain,
  langTag,
  lazy,
  phrase,
  regexSource,
  ruleBase,
  ruleContextSchema,
  SEVERITIES,
} from '../pack/schema-parts.js';

export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

const termObject = lazy(() =>
  z
    .strictObject({
      text: phrase()
        .optional()
        .meta({ title: 'Text', description: 'The term (a phrase). Give `text` or `pattern`.' }),
      pattern: regexSource()
        .optional()
        .meta({ title: 'Pattern', description: 'A regular expression, where a phrase cannot say it.' }),
      status: z.enum(TERM_STATUSES).default('preferred').meta({
        title: 'Status',
        description:
          'TBX status: `preferred`, `admitted`, `deprecated` or `forbidden`. A deprecated or forbidden term is a finding.',
      }),
      use: z.string().min(1).optional().meta({
        title: 'Replacement',
        description:
          'For a deprecated or forbidden term: its replacement. Default: the first preferred term of this language.',
      }),
      'use-hant': z
        .string()
        .min(1)
        .optional()
        .meta({ title: 'Traditional replacement', description: 'The Traditional Chinese form of `use`.' }),
      severity: z
        .enum(SEVERITIES)
        .optional()
        .meta({ title: 'Severity', description: "This term's findings' severity, instead of the rule's." }),
      context: ruleContextSchema()
        .optional()
        .meta({ title: 'Context', description: "This term's context condition, instead of the rule's." }),
      fix: z.boolean().optional().meta({
        title: 'Fix',
        description: "`false`: this term's replacement is a suggestion, never an autofix.",
      }),
      script: z
        .enum(['hans', 'hant'])
        .optional()
        .meta({
          title: 'Script',
          description:
            'Only in Simplified (`hans`) or Traditional (`hant`) Chinese text, by the characters of the document and ' +
            'the configured audience (`zh-TW`, `zh-HK` and `zh-Hant` read Traditional), and never matched across ' +
            'scripts. Default: the script of the language tag (`zh-Hant`, `zh-TW`: `hant`; `zh-Hans`, `zh-CN`: `hans`).',
        }),
    })
    .meta({
      title: 'Term',
      description: 'A term with its status. Exactly one of `text` and `pattern`.',
      oneOf: [{ required: ['text'] }, { required: ['pattern'] }],
    }),
);

const termEntry = lazy(() =>
  z
    .union([
      phrase().meta({ title: 'Preferred term', description: 'A bare string is a preferred term.' }),
      termObject(),
    ])
    .meta({ title: 'Term', description: 'A preferred term as a bare string, or a term with its status.' }),
);

export const termSchema = lazy(() =>
  z
    .strictObject({
      ...ruleBase(),
      kind: z.literal('term').meta({ title: 'Kind', description: 'A concept with terms per language.' }),
      fix: z
        .boolean()
        .default(true)
        .meta({ title: 'Fix', description: 'Whether the replacement is a safe autofix (default true).' }),
      'key-term': z.boolean().default(true).meta({
        title: 'Key term',
        description:
          'In a translation (XLIFF, a parallel TSV, a release set): a source term of the concept with none of its target terms is a `missing-term` finding, and different target terms in one file are `inconsistent`. False: the concept still gives its deprecated terms and shifted-concept findings.',
      }),
      consistent: z.boolean().default(false).meta({
        title: 'Consistent',
        description:
          "True: the concept's preferred and admitted terms of one language form a consistency group.",
      }),
      exceptions: keyedOrPlain(
        phrase(),
        'Exceptions',
        'Phrases: a candidate inside one of these is no match.',
      ).optional(),
      terms: z.record(langTag(), z.array(termEntry()).min(1)).meta({
        title: 'Terms',
        description: 'Terms by language (BCP 47 tag); a bare string is a preferred term.',
      }),
    })
    .meta({ title: 'Term rule' }),
);

export type TermRuleOutput = z.output<ReturnType<typeof termSchema>>;
export type TermObject = Exclude<TermRuleOutput['terms'][string][number], string>;
