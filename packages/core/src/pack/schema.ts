// The pack and config schemas: the one definition behind load-time validation, the generated
// JSON Schemas (pack.schema.json, config.schema.json) and the input types. They describe what an
// author may write (shorthands included); `parse.ts` and `config.ts` normalize the result.
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'] as const;
export const RULE_KINDS = ['term', 'caution', 'requires', 'consistency'] as const;
export const SCOPES = ['sentence', 'segment', 'document'] as const;

export const PACK_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A loose BCP 47 shape (language, then subtags): enough to catch typos such as `zh_CN`.
export const LANG_TAG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

const langTag = z
  .string()
  .regex(LANG_TAG_PATTERN, { error: 'a BCP 47 language tag such as `en`, `zh` or `zh-Hant`' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

const phrase = z
  .string()
  .min(1)
  .meta({
    title: 'Phrase',
    description:
      'Literal text; `[…]` marks an optional part and `{a|b}` alternatives (they nest). ' +
      'Expands to at most 64 literals. Escape `[ ] { } | \\` with a backslash.',
  });

const regexSource = z
  .string()
  .min(1)
  .meta({
    title: 'Pattern',
    description:
      'A JavaScript regular expression (compiled with the `u` flag) matched against the normalized ' +
      'text: lowercase, Simplified, folded. Checked at load for catastrophic backtracking.',
  });

function keyedOrPlain<T extends z.ZodType>(item: T, title: string, description: string) {
  return z
    .union([
      z.array(item).meta({ title: `${title} (any language)` }),
      z.record(langTag, z.array(item)).meta({ title: `${title} by language` }),
    ])
    .meta({ title, description: `${description} A plain list, or lists keyed by language (BCP 47).` });
}

const termObject = z
  .strictObject({
    text: phrase
      .optional()
      .meta({ title: 'Text', description: 'The term (a phrase). Give `text` or `pattern`.' }),
    pattern: regexSource
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
  })
  .meta({
    title: 'Term',
    description: 'A term with its status. Exactly one of `text` and `pattern`.',
    oneOf: [{ required: ['text'] }, { required: ['pattern'] }],
  });

const termEntry = z
  .union([
    phrase.meta({ title: 'Preferred term', description: 'A bare string is a preferred term.' }),
    termObject,
  ])
  .meta({ title: 'Term', description: 'A preferred term as a bare string, or a term with its status.' });

const invalidExample = z
  .union([
    z
      .string()
      .meta({ title: 'Invalid text', description: 'A text with every expected finding marked `⟦…⟧`.' }),
    z
      .strictObject({
        text: z.string().meta({ title: 'Text', description: 'Every expected finding marked `⟦…⟧`.' }),
        output: z
          .string()
          .optional()
          .meta({ title: 'Output', description: "The text after the rule's fix (rules with fixes)." }),
      })
      .meta({ title: 'Invalid example' }),
  ])
  .meta({
    title: 'Invalid example',
    description: 'Text with every expected span marked `⟦…⟧`, and the fixed output.',
  });

const examples = z
  .strictObject({
    valid: z
      .array(z.string())
      .default([])
      .meta({ title: 'Valid examples', description: 'Texts that must give no finding from the pack.' }),
    invalid: z.array(invalidExample).default([]).meta({
      title: 'Invalid examples',
      description: 'Texts with every expected span marked `⟦…⟧`; `output` is the text after the fix.',
    }),
  })
  .meta({
    title: 'Examples',
    description: 'Run in CI and by `nuance rules test`, never when a pack is loaded.',
  });

const ruleBase = {
  id: z.string().regex(RULE_ID_PATTERN, { error: 'a kebab-case id `<pack>/<name>`' }).meta({
    title: 'Rule id',
    description:
      'Stable, kebab-case, namespaced by pack: `<pack>/<name>`, e.g. `korea-china/wushi-not-shiyong`.',
  }),
  severity: z
    .enum(SEVERITIES)
    .meta({ title: 'Severity', description: '`error`, `warning`, `info` or `hint`.' }),
  message: z.string().min(1).meta({
    title: 'Message',
    description: 'What was seen and what is preferred; placeholders `{actual}` and `{expected}`.',
  }),
  note: z.string().optional().meta({ title: 'Note', description: 'The longer why (Markdown).' }),
  source: z.string().optional().meta({ title: 'Source', description: 'The citation the rule comes from.' }),
  url: httpUrl.optional().meta({ title: 'URL', description: "The rule's documentation page." }),
  audiences: z
    .record(langTag, z.string())
    .optional()
    .meta({ title: 'Audiences', description: 'How each audience (BCP 47 tag) reads the wording.' }),
  examples: examples.optional(),
};

export const termRuleSchema = z
  .strictObject({
    ...ruleBase,
    kind: z.literal('term').meta({ title: 'Kind', description: 'A concept with terms per language.' }),
    fix: z
      .boolean()
      .default(true)
      .meta({ title: 'Fix', description: 'Whether the replacement is a safe autofix (default true).' }),
    consistent: z.boolean().default(false).meta({
      title: 'Consistent',
      description:
        "True: the concept's preferred and admitted terms of one language form a consistency group.",
    }),
    exceptions: keyedOrPlain(
      phrase,
      'Exceptions',
      'Phrases: a candidate inside one of these is no match.',
    ).optional(),
    terms: z.record(langTag, z.array(termEntry).min(1)).meta({
      title: 'Terms',
      description: 'Terms by language (BCP 47 tag); a bare string is a preferred term.',
    }),
  })
  .meta({ title: 'Term rule' });

export const cautionRuleSchema = z
  .strictObject({
    ...ruleBase,
    kind: z
      .literal('caution')
      .meta({ title: 'Kind', description: 'Phrases whose reading differs by audience.' }),
    phrases: keyedOrPlain(phrase, 'Phrases', 'The phrases to flag.'),
    patterns: keyedOrPlain(
      regexSource,
      'Patterns',
      'Regular expressions to flag, where phrases cannot say it.',
    ).optional(),
    unless: keyedOrPlain(
      phrase,
      'Unless',
      'Phrases that silence the rule when in the same sentence.',
    ).optional(),
  })
  .meta({ title: 'Caution rule' });

export const requiresRuleSchema = z
  .strictObject({
    ...ruleBase,
    kind: z
      .literal('requires')
      .meta({ title: 'Kind', description: 'A `when` phrase in a scope needs one of the `require` phrases.' }),
    scope: z.enum(SCOPES).default('segment').meta({
      title: 'Scope',
      description: '`sentence`, `segment` (a paragraph, heading, cell; the default) or `document`.',
    }),
    when: keyedOrPlain(phrase, 'When', 'The phrases that trigger the rule.'),
    require: keyedOrPlain(phrase, 'Require', 'One of these must occur in the same scope.'),
    context: keyedOrPlain(
      phrase,
      'Context',
      'These must also occur in the scope; a keyed list applies to `when` matches of that language only.',
    ).optional(),
  })
  .meta({ title: 'Requires rule' });

export const consistencyRuleSchema = z
  .strictObject({
    ...ruleBase,
    kind: z
      .literal('consistency')
      .meta({ title: 'Kind', description: 'Variant groups: the first one used wins.' }),
    fix: z.boolean().default(false).meta({
      title: 'Fix',
      description: 'Whether replacing by the reference variant is a safe autofix (default false).',
    }),
    groups: z
      .array(z.array(phrase).min(2).meta({ title: 'Group', description: 'Variants of one wording.' }))
      .min(1)
      .meta({ title: 'Groups', description: 'Variant groups; each has at least two phrases.' }),
  })
  .meta({ title: 'Consistency rule' });

export const ruleSchemaByKind = {
  term: termRuleSchema,
  caution: cautionRuleSchema,
  requires: requiresRuleSchema,
  consistency: consistencyRuleSchema,
} as const;

export const ruleSchema = z
  .discriminatedUnion('kind', [termRuleSchema, cautionRuleSchema, requiresRuleSchema, consistencyRuleSchema])
  .meta({
    title: 'Rule',
    description: 'One rule; `kind` is `term`, `caution`, `requires` or `consistency`.',
  });

export const packSchema = z
  .strictObject({
    pack: z.string().regex(PACK_NAME_PATTERN, { error: 'a kebab-case name such as `korea-china`' }).meta({
      title: 'Pack name',
      description: 'Kebab-case; every rule id starts with `<pack>/`.',
    }),
    description: z.string().optional().meta({ title: 'Description', description: 'One line.' }),
    homepage: httpUrl
      .optional()
      .meta({ title: 'Homepage', description: 'Rule docs are linked as `<homepage>#<rule-name>`.' }),
    rules: z.array(ruleSchema).meta({ title: 'Rules', description: 'The rules of the pack.' }),
  })
  .meta({ title: 'nuance rule pack', description: 'A nuance rule pack (rules/<pack>/pack.yaml).' });

export const ruleSettingSchema = z.enum([...SEVERITIES, 'off']).meta({
  title: 'Rule setting',
  description: '`off`, or a severity: `error`, `warning`, `info` or `hint`.',
});

export const configSchema = z
  .strictObject({
    packs: z.array(z.string().min(1)).nullable().optional().meta({
      title: 'Packs',
      description: 'Built-in pack names or paths relative to this file. Default: `[korea-china]`.',
    }),
    audience: z
      .union([langTag, z.array(langTag)])
      .nullable()
      .optional()
      .meta({
        title: 'Audience',
        description: 'Keep only the readings for these readers (BCP 47, prefix match). Default: all.',
      }),
    lang: langTag
      .nullable()
      .optional()
      .meta({ title: 'Language', description: 'The document language when the file does not say.' }),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .nullable()
      .optional()
      .meta({ title: 'Rules', description: 'Per rule id: `off`, or a severity that overrides the pack.' }),
    accept: z
      .array(z.string().min(1))
      .nullable()
      .optional()
      .meta({ title: 'Accept', description: 'Phrases never reported.' }),
    ignore: z
      .array(z.string().min(1))
      .nullable()
      .optional()
      .meta({ title: 'Ignore', description: 'Globs of files not linted, relative to this file.' }),
  })
  .meta({
    title: 'nuance configuration',
    description: 'A .nuancerc.yaml file. A null or missing key means the default.',
  });

export type PackInput = z.input<typeof packSchema>;
export type RuleInput = z.input<typeof ruleSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type TermRuleOutput = z.output<typeof termRuleSchema>;
export type CautionRuleOutput = z.output<typeof cautionRuleSchema>;
export type RequiresRuleOutput = z.output<typeof requiresRuleSchema>;
export type ConsistencyRuleOutput = z.output<typeof consistencyRuleSchema>;
