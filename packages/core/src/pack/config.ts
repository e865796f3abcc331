// .nuancerc.yaml text -> NuanceConfig. A null or missing key means the default; a bad value drops
// only that key (or, in `rules`, only that rule's entry); unknown keys are problems.
import { isLocale, type Locale } from '../i18n/locale.js';
import { isLanguageTag } from '../text/language-tag.js';
import type { Problem, Severity } from '../types.js';
import { isRecord, sortProblems, unexpected, validate } from './issues.js';
import { configField, isConfigKey, ruleSettingSchema } from './schema.js';
import { CONTEXT_NAME_PATTERN, SEVERITIES } from './schema-parts.js';
import { loadYaml, type Position, type YamlPath, type YamlSource } from './yaml-source.js';

/** The options of a termbase named in `packs` (`{path, subjects, key-terms}`). */
export interface PackOptions {
  /** Only the concepts with one of these subject fields. */
  subjects?: string[];
  /** Whether the concepts are key terms; default: those with a deprecated or forbidden term. */
  'key-terms'?: boolean;
}

export interface NuanceConfig {
  /** Built-in names, paths and package names; an entry written with options gives its `path` here. */
  packs?: string[];
  /** The options of the `packs` entries written as mappings, by their `path`. */
  packOptions?: Record<string, PackOptions>;
  audience?: string[];
  lang?: string;
  rules?: Record<string, Severity | 'off'>;
  accept?: string[];
  ignore?: string[];
  /** Context sets the documents are about (front matter `topic` adds to it). */
  topic?: string[];
  /** Who issues the documents (`rok`): the topic `<voice>-voice`. */
  voice?: string;
  /** The source language of release sets and parallel TSV (`@nuance/bilingual`). */
  'source-language'?: string;
  /** The locale of messages, notes and readings; default: each document's own. */
  locale?: Locale;
}

export function parseConfig(
  text: string,
  file: string,
): {
  config: NuanceConfig;
  problems: Problem[];
  locate(path: YamlPath): Position;
  locateKey(path: YamlPath): Position;
} {
  const source = loadYaml(text, file);
  const problems = [...source.problems];
  const config: NuanceConfig = {};
  const result = { config, problems, locate: source.locate, locateKey: source.locateKey };
  const root = source.value;
  // An empty file (or a lone `~`) is a config with every default.
  if (root === null || root === undefined) return result;
  if (!isRecord(root)) {
    problems.push(unexpected(source, [], root, 'a mapping'));
    return result;
  }

  for (const [key, value] of Object.entries(root)) {
    if (source.damaged([key])) continue;
    if (!isConfigKey(key)) {
      problems.push(source.problem('unknown-key', `Unknown key \`${key}\``, source.locateKey([key])));
      continue;
    }
    if (value === null) continue;
    switch (key) {
      case 'rules': {
        if (!isRecord(value)) {
          problems.push(
            unexpected(
              source,
              ['rules'],
              value,
              'a mapping of rule ids to `off`, `error`, `warning`, `info` or `hint`',
            ),
          );
          break;
        }
        const rules: Record<string, Severity | 'off'> = {};
        for (const [id, setting] of Object.entries(value)) {
          const checked =
            quick<Severity | 'off'>(isRuleSetting, setting) ??
            validate(ruleSettingSchema(), setting, ['rules', id], source);
          if (checked.ok) rules[id] = checked.data;
          else problems.push(...checked.problems);
        }
        config.rules = rules;
        break;
      }
      case 'audience': {
        const checked =
          quickOneOrMany(isLanguageTag, value) ?? validate(configField('audience'), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (typeof checked.data === 'string') config.audience = [checked.data];
        else if (checked.data) config.audience = checked.data;
        break;
      }
      case 'locale': {
        const checked =
          quick<Locale>(isLocale, value) ?? validate(configField('locale'), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (checked.data) config.locale = checked.data;
        break;
      }
      case 'lang':
      case 'voice':
      case 'source-language': {
        const name = key as 'lang' | 'voice' | 'source-language';
        const valid = name === 'voice' ? isContextName : isLanguageTag;
        const checked = quick<string>(valid, value) ?? validate(configField(name), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (checked.data) config[name] = checked.data;
        break;
      }
      case 'topic': {
        const checked =
          quickOneOrMany(isContextName, value) ?? validate(configField('topic'), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (typeof checked.data === 'string') config.topic = [checked.data];
        else if (checked.data) config.topic = checked.data;
        break;
      }
      case 'packs': {
        const checked = names(value) ?? validate(configField('packs'), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (checked.data) Object.assign(config, packEntries(checked.data, source, problems));
        break;
      }
      default: {
        const listKey = key as 'accept' | 'ignore';
        const checked = names(value) ?? validate(configField(listKey), value, [key], source);
        if (!checked.ok) problems.push(...checked.problems);
        else if (checked.data) config[listKey] = checked.data;
      }
    }
  }
  sortProblems(problems);
  return result;
}

/**
 * The value of a key its schema takes as it is, when `valid` says so of it, without building the
 * schema: a schema built loads zod (4 ms of a run's start; the CLI bundles zod apart and reads it
 * only for a value this does not vouch for). An invalid value gets the schema's problem.
 * Undefined: the schema reads it.
 */
function quick<T extends string>(
  valid: (text: string) => boolean,
  value: unknown,
): { ok: true; data: T } | undefined {
  return typeof value === 'string' && valid(value) ? { ok: true, data: value as T } : undefined;
}

/** `quick` for a list, each item of which `valid` vouches for. */
function quickList(
  valid: (text: string) => boolean,
  value: unknown,
): { ok: true; data: string[] } | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && valid(item))
    ? { ok: true, data: value as string[] }
    : undefined;
}

/** `quick` for a key that takes one value or a list of them (`topic`, `audience`). */
function quickOneOrMany(
  valid: (text: string) => boolean,
  value: unknown,
): { ok: true; data: string | string[] } | undefined {
  return Array.isArray(value) ? quickList(valid, value) : quick(valid, value);
}

/** A list of non-empty strings: what `packs`, `accept` and `ignore` most often are. */
function names(value: unknown): { ok: true; data: string[] } | undefined {
  return quickList((text) => text.length > 0, value);
}

function isRuleSetting(text: string): boolean {
  return text === 'off' || (SEVERITIES as readonly string[]).includes(text);
}

function isContextName(text: string): boolean {
  return CONTEXT_NAME_PATTERN.test(text);
}

const TERMBASE = /\.(?:tbx|csv|tsv)$/i;

/** `packs` as names, and the options of the entries written as mappings; options on anything
 *  but a termbase are a problem and the entry loads without them. */
function packEntries(
  entries: readonly (
    | string
    | { path: string; subjects?: string[] | undefined; 'key-terms'?: boolean | undefined }
  )[],
  source: YamlSource,
  problems: Problem[],
): Pick<NuanceConfig, 'packs' | 'packOptions'> {
  const packs: string[] = [];
  const packOptions: Record<string, PackOptions> = {};
  entries.forEach((entry, index) => {
    if (typeof entry === 'string') {
      packs.push(entry);
      return;
    }
    packs.push(entry.path);
    if (!TERMBASE.test(entry.path)) {
      problems.push(
        unexpected(
          source,
          ['packs', index, 'path'],
          entry.path,
          'a termbase (`.tbx`, `.csv`, `.tsv`) for an entry with options',
        ),
      );
      return;
    }
    const options: PackOptions = {};
    if (entry.subjects !== undefined) options.subjects = entry.subjects;
    if (entry['key-terms'] !== undefined) options['key-terms'] = entry['key-terms'];
    packOptions[entry.path] = options;
  });
  return Object.keys(packOptions).length > 0 ? { packs, packOptions } : { packs };
}
