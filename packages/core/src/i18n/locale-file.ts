// A pack's texts in one locale, in a file of its own beside the pack (`locales/zh-Hans.yaml`,
// named by the pack's `locales` key): per rule id, the description, message, escalated message,
// note and readings. The pack file keeps the English; a locale file only adds to it, so a pack and
// its translations can change apart.
import { z } from 'zod';
import { isRecord, sortProblems, unexpected, validate } from '../pack/issues.js';
import { langTag, lazy, RULE_ID_PATTERN, translatedLocale } from '../pack/schema-parts.js';
import type { ParsedPack } from '../pack/types.js';
import { loadYaml } from '../pack/yaml-source.js';
import type { Problem } from '../types.js';
import type { Locale } from './locale.js';
import type { RuleTexts } from './rule-texts.js';

const text = (title: string, description: string) =>
  z.string().min(1).optional().meta({ title, description });

const ruleTextsSchema = lazy(() =>
  z
    .strictObject({
      description: text('Description', "The rule's one-line description."),
      message: text('Message', 'The message; placeholders `{actual}` and `{expected}` as in the pack.'),
      escalate: text('Escalated message', "A caution's escalated message."),
      note: text('Note', 'The longer why (Markdown).'),
      audiences: z
        .record(langTag(), z.string())
        .optional()
        .meta({ title: 'Audiences', description: 'The readings, by the audience tags the pack uses.' }),
    })
    .meta({
      title: 'Rule texts',
      description: "A rule's texts in this locale; a missing one is the English.",
    }),
);

export const packLocaleSchema = lazy(() =>
  z
    .strictObject({
      locale: translatedLocale().meta({ title: 'Locale', description: '`zh-Hans`, `zh-Hant` or `ko`.' }),
      description: z
        .string()
        .optional()
        .meta({ title: 'Description', description: "The pack's description." }),
      rules: z
        .record(z.string().regex(RULE_ID_PATTERN, { error: 'a rule id `<pack>/<name>`' }), ruleTextsSchema())
        .meta({ title: 'Rules', description: 'Texts by rule id.' }),
    })
    .meta({
      title: 'nuance pack locale',
      description:
        "A pack's texts in one locale (rules/<pack>/locales/<locale>.yaml), named by the pack's `locales`.",
    }),
);

/**
 * Adds the texts of a locale file to the rules of `pack` (mutating its definition) and returns the
 * problems: the file's own, a `locale` other than the one the pack names it for, and rule ids the
 * pack does not have (`unknown-rule`, a warning: the texts are ignored).
 */
export function applyPackLocale(
  pack: ParsedPack,
  locale: Exclude<Locale, 'en'>,
  source: { text: string; file: string },
): Problem[] {
  const yaml = loadYaml(source.text, source.file);
  const problems = [...yaml.problems];
  const root = yaml.value;
  if (!isRecord(root)) {
    if (root !== undefined) problems.push(unexpected(yaml, [], root, 'a mapping with `locale` and `rules`'));
    return sortProblems(problems);
  }
  const result = validate(packLocaleSchema(), root, [], yaml);
  if (!result.ok) return sortProblems([...problems, ...result.problems]);
  if (result.data.locale !== locale) {
    problems.push(
      yaml.problem(
        'invalid-value',
        `Unexpected value \`${result.data.locale}\` for \`locale\`, expected \`${locale}\` (the pack names this file for it)`,
        yaml.locate(['locale']),
      ),
    );
    return sortProblems(problems);
  }
  const byId = new Map(pack.definition.rules.map((rule) => [rule.id, rule]));
  for (const [id, texts] of Object.entries(result.data.rules)) {
    const rule = byId.get(id);
    if (!rule) {
      problems.push({
        ...yaml.problem(
          'unknown-rule',
          `Unknown rule \`${id}\`: its texts are ignored`,
          yaml.locateKey(['rules', id]),
        ),
        severity: 'warning',
      });
      continue;
    }
    const own: RuleTexts = {};
    for (const key of ['description', 'message', 'escalate', 'note', 'audiences'] as const) {
      const value = texts[key];
      if (value !== undefined) (own as Record<string, unknown>)[key] = value;
    }
    rule.locales = { ...rule.locales, [locale]: own };
  }
  return sortProblems(problems);
}
