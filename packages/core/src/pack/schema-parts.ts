// The schema parts every rule kind shares: phrases, patterns, phrase lists (plain or keyed by
// language), examples and the base fields of a rule. Each kind's module (src/kinds/) adds its own
// fields to `ruleBase`; `schema.ts` puts the kinds together into the pack schema.
//
// Every schema is made the first time it is asked for (`lazy`): only a pack or config read from
// YAML is validated, and making them all when the module loaded cost every start (one small
// file's check, a language server's start) 15-20 ms, although the built-in pack is never validated.
import { z } from 'zod';
import { LANGUAGE_TAG_SOURCE } from '../text/language-tag.js';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** `build()`'s value, made at the first call and the same object at every call after. */
export function lazy<T>(build: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: build() };
    return made.value;
  };
}

/** The locales a pack's texts may be translated into (English is the pack's own). */
export const translatedLocale = lazy(() => z.enum(['zh-Hans', 'zh-Hant', 'ko']));

/** The locale of messages, notes and readings (`--locale`, config `locale`). */
export const localeName = lazy(() => z.enum(['en', 'zh-Hans', 'zh-Hant', 'ko']));

export const PACK_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const RULE_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG_TAG_PATTERN = new RegExp(`^${LANGUAGE_TAG_SOURCE}$`);

export const langTag = lazy(() =>
  z.string().regex(LANG_TAG_PATTERN, { error: 'a BCP 47 language tag such as `en`, `zh` or `zh-Hant`' }),
);
export const httpUrl = lazy(() => z.url({ protocol: /^https?$/, error: 'an http(s) URL' }));

export const phrase = lazy(() =>
  z
    .string()
    .min(1)
    .meta({
      title: 'Phrase',
      description:
        'Literal text; `[…]` marks an optional part and `{a|b}` alternatives (they nest). ' +
        'Expands to at most 64 literals. Escape `[ ] { } | \\` with a backslash.',
    }),
);

export const regexSource = lazy(() =>
  z
    .string()
    .min(1)
    .meta({
      title: 'Pattern',
      description:
        'A JavaScript regular expression (compiled with the `u` flag) matched against the normalized ' +
        'text: lowercase, Simplified, folded. Checked at load for catastrophic backtracking.',
    }),
);

export function keyedOrPlain<T extends z.ZodType>(item: T, title: string, description: string) {
  return z
    .union([
      z.array(item).meta({ title: `${title} (any language)` }),
      z.record(langTag(), z.array(item)).meta({ title: `${title} by language` }),
    ])
    .meta({ title, description: `${description} A plain list, or lists keyed by language (BCP 47).` });
}

// Context sets and conditions (normalized in context-parts.ts).
export const CONTEXT_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_WINDOW = 10;

export const contextSetSchema = lazy(() =>
  z
    .strictObject({
      description: z.string().optional().meta({ title: 'Description', description: 'What the set names.' }),
      phrases: keyedOrPlain(phrase(), 'Phrases', 'Phrases that mention it.'),
      not: keyedOrPlain(
        phrase(),
        'Not',
        'Phrases a mention inside of which does not count (`North Korea` for `Korea`).',
      ).optional(),
      lang: z.array(langTag()).optional().meta({
        title: 'Languages',
        description: 'A document in one of these languages is in this context (a Korean text is ROK-voiced).',
      }),
    })
    .meta({ title: 'Context set', description: 'Phrases that mention one party or subject.' }),
);

const within = lazy(() =>
  z
    .union([
      z.enum(['sentence', 'paragraph', 'structure', 'document']),
      z
        .int()
        .min(1)
        .max(MAX_WINDOW)
        .meta({
          title: 'Sentence window',
          description: `The sentence and this many sentences before and after it, in its paragraph (1-${MAX_WINDOW}).`,
        }),
    ])
    .meta({
      title: 'Where',
      description:
        '`sentence`; a number of sentences around it (in its paragraph); `structure` (its nearest ' +
        "heading, its list's lead-in, its table row and header); `paragraph` (the paragraph and its " +
        'structure); `document` (front matter, title and first paragraph).',
    }),
);

export const contextConditionSchema = lazy(() =>
  z
    .strictObject({
      sets: z
        .array(z.string().regex(CONTEXT_NAME_PATTERN, { error: 'a context set name such as `korea`' }))
        .min(1)
        .meta({ title: 'Sets', description: 'Context sets of this pack that must all be mentioned.' }),
      within: z
        .union([within(), z.array(within()).min(1)])
        .optional()
        .meta({
          title: 'Within',
          description: 'Where a mention counts (one place or a list). Default: `[paragraph, document]`.',
        }),
    })
    .meta({
      title: 'Context condition',
      description:
        'The rule applies only where every named set is mentioned (or the document declares it in `topic`).',
    }),
);

export const ruleContextSchema = lazy(() =>
  z.union([contextConditionSchema(), z.array(contextConditionSchema()).min(1)]).meta({
    title: 'Context',
    description: 'A context condition, or a list of them that must all hold.',
  }),
);

const invalidExample = lazy(() =>
  z
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
    }),
);

const examples = lazy(() =>
  z
    .strictObject({
      valid: z
        .array(z.string())
        .default([])
        .meta({ title: 'Valid examples', description: 'Texts that must give no finding from the pack.' }),
      invalid: z.array(invalidExample()).default([]).meta({
        title: 'Invalid examples',
        description: 'Texts with every expected span marked `⟦…⟧`; `output` is the text after the fix.',
      }),
    })
    .meta({
      title: 'Examples',
      description: 'Run in CI and by `nuance rules test`, never when a pack is loaded.',
    }),
);

/** The fields of every rule, whatever its kind. */
export const ruleBase = lazy(() => ({
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
  description: z
    .string()
    .min(1)
    .optional()
    .meta({ title: 'Description', description: 'One line: what the rule asks for (`rules list`).' }),
  note: z.string().optional().meta({ title: 'Note', description: 'The longer why (Markdown).' }),
  source: z.string().optional().meta({ title: 'Source', description: 'The citation the rule comes from.' }),
  url: httpUrl().optional().meta({ title: 'URL', description: "The rule's documentation page." }),
  audiences: z
    .record(langTag(), z.string())
    .optional()
    .meta({ title: 'Audiences', description: 'How each audience (BCP 47 tag) reads the wording.' }),
  context: ruleContextSchema().optional(),
  examples: examples().optional(),
}));

export type RuleContextOutput = z.output<ReturnType<typeof ruleContextSchema>>;

/** A validated rule of any kind, before normalization: the base fields and the kind's name. */
export type RuleBaseOutput = z.output<z.ZodObject<ReturnType<typeof ruleBase>>> & { kind: string };
