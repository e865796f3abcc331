// The pack and config schemas: the one definition behind load-time validation, the generated
// JSON Schemas (pack.schema.json, config.schema.json) and the input types. They describe what an
// author may write (shorthands included); `parse.ts` and `config.ts` normalize the result. A rule's
// schema is its kind's (src/kinds/), built on the shared parts in schema-parts.ts.
import { z } from 'zod';
import { RULE_KINDS, ruleSchemas } from '../kinds/registry.js';
import { orList } from './issues.js';
import {
  CONTEXT_NAME_PATTERN,
  contextSetSchema,
  httpUrl,
  langTag,
  lazy,
  localeName,
  PACK_NAME_PATTERN,
  SEVERITIES,
  translatedLocale,
} from './schema-parts.js';

export const ruleSchema = lazy(() =>
  z.discriminatedUnion('kind', ruleSchemas()).meta({
    title: 'Rule',
    description: `One rule; \`kind\` is ${orList(RULE_KINDS.map((kind) => `\`${kind.name}\``))}.`,
  }),
);

export const packSchema = lazy(() =>
  z
    .strictObject({
      pack: z.string().regex(PACK_NAME_PATTERN, { error: 'a kebab-case name such as `korea-china`' }).meta({
        title: 'Pack name',
        description: 'Kebab-case; every rule id starts with `<pack>/`.',
      }),
      description: z.string().optional().meta({ title: 'Description', description: 'One line.' }),
      homepage: httpUrl()
        .optional()
        .meta({ title: 'Homepage', description: 'Rule docs are linked as `<homepage>#<rule-name>`.' }),
      notes: z.string().optional().meta({
        title: 'Notes',
        description: "Markdown for the pack's README, after the description: what the rules cover and why.",
      }),
      locales: z
        .partialRecord(
          translatedLocale(),
          z.string().regex(/\.ya?ml$/, { error: 'a relative path to a YAML file' }),
        )
        .optional()
        .meta({
          title: 'Locales',
          description:
            "The pack's texts in other locales (`zh-Hans`, `zh-Hant`, `ko`): paths, relative to this file, of locale files. A text a locale lacks is the English one.",
        }),
      contexts: z
        .record(
          z.string().regex(CONTEXT_NAME_PATTERN, { error: 'a kebab-case name such as `korea`' }),
          contextSetSchema(),
        )
        .optional()
        .meta({
          title: 'Context sets',
          description: "Named sets of phrases that mention a party; rules' `context` conditions name them.",
        }),
      rules: z.array(ruleSchema()).meta({ title: 'Rules', description: 'The rules of the pack.' }),
    })
    .meta({ title: 'nuance rule pack', description: 'A nuance rule pack (rules/<pack>/pack.yaml).' }),
);

const contextName = lazy(() =>
  z.string().regex(CONTEXT_NAME_PATTERN, { error: 'a context set name such as `korea`' }),
);

export const ruleSettingSchema = lazy(() =>
  z.enum([...SEVERITIES, 'off']).meta({
    title: 'Rule setting',
    description: '`off`, or a severity: `error`, `warning`, `info` or `hint`.',
  }),
);

/** A `packs` entry with options: only a termbase (`.tbx`, `.csv`, `.tsv`) takes them. */
export const packEntrySchema = lazy(() =>
  z
    .strictObject({
      path: z.string().min(1).meta({ title: 'Path', description: 'The termbase, relative to this file.' }),
      subjects: z.array(z.string().min(1)).min(1).optional().meta({
        title: 'Subjects',
        description:
          'Load only the concepts whose subject field (TBX `subjectField`, a CSV `domain` or `subject` column) is one of these.',
      }),
      'key-terms': z.boolean().optional().meta({
        title: 'Key terms',
        description:
          "Whether the termbase's concepts are key terms, checked in translations (missing-term, inconsistent). Default: only the concepts with a deprecated or forbidden term.",
      }),
    })
    .meta({ title: 'Termbase with options' }),
);

/**
 * The configuration's keys, each its schema built when first asked (a run validates only the keys
 * its config has: building them all, with their metadata, took 4-5 ms of a small file's run).
 */
const configFields = {
  packs: () =>
    z
      .array(z.union([z.string().min(1), packEntrySchema()]))
      .nullable()
      .optional()
      .meta({
        title: 'Packs',
        description:
          'Built-in pack names or paths relative to this file, or a termbase with options (`{path, subjects, key-terms}`). Default: `[korea-china]`.',
      }),
  audience: () =>
    z
      .union([langTag(), z.array(langTag())])
      .nullable()
      .optional()
      .meta({
        title: 'Audience',
        description: 'Keep only the readings for these readers (BCP 47, prefix match). Default: all.',
      }),
  lang: () =>
    langTag()
      .nullable()
      .optional()
      .meta({ title: 'Language', description: 'The document language when the file does not say.' }),
  rules: () =>
    z
      .record(z.string(), ruleSettingSchema())
      .nullable()
      .optional()
      .meta({ title: 'Rules', description: 'Per rule id: `off`, or a severity that overrides the pack.' }),
  accept: () =>
    z
      .array(z.string().min(1))
      .nullable()
      .optional()
      .meta({ title: 'Accept', description: 'Phrases never reported.' }),
  ignore: () =>
    z
      .array(z.string().min(1))
      .nullable()
      .optional()
      .meta({ title: 'Ignore', description: 'Globs of files not linted, relative to this file.' }),
  topic: () =>
    z
      .union([contextName(), z.array(contextName())])
      .nullable()
      .optional()
      .meta({
        title: 'Topic',
        description:
          "Context sets the documents are about (`[korea, china]`): rules' context conditions hold for them everywhere.",
      }),
  locale: () =>
    localeName().nullable().optional().meta({
      title: 'Locale',
      description:
        "The language and script of messages, notes and readings: `en`, `zh-Hans`, `zh-Hant` or `ko`. Default: each document's own.",
    }),
  voice: () =>
    contextName().nullable().optional().meta({
      title: 'Voice',
      description: 'Who issues the documents (`rok`): adds the topic `<voice>-voice` (`rok-voice`).',
    }),
  'source-language': () =>
    langTag()
      .nullable()
      .optional()
      .meta({
        title: 'Source language',
        description:
          'In release sets and parallel TSV, the language of the source (default: Korean when there is a Korean ' +
          'version, else English); every other language is a translation of it.',
      }),
};

type ConfigFields = typeof configFields;
export type ConfigKey = keyof ConfigFields;
const configFieldCache = new Map<ConfigKey, unknown>();

/** Whether `key` is a key of the configuration. */
export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(configFields, key);
}

/** The schema of one key of the configuration. */
export function configField<K extends ConfigKey>(key: K): ReturnType<ConfigFields[K]> {
  let schema = configFieldCache.get(key);
  if (schema === undefined) {
    schema = configFields[key]();
    configFieldCache.set(key, schema);
  }
  return schema as ReturnType<ConfigFields[K]>;
}

export const configSchema = lazy(() =>
  z
    .strictObject(
      Object.fromEntries(Object.keys(configFields).map((key) => [key, configField(key as ConfigKey)])) as {
        [K in ConfigKey]: ReturnType<ConfigFields[K]>;
      },
    )
    .meta({
      title: 'nuance configuration',
      description: 'A .nuancerc.yaml file. A null or missing key means the default.',
    }),
);

export type PackInput = z.input<ReturnType<typeof packSchema>>;
export type RuleInput = z.input<ReturnType<typeof ruleSchema>>;
export type ConfigInput = z.input<ReturnType<typeof configSchema>>;
